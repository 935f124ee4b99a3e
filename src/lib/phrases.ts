/**
 * Chinese line breaking by words, for titles: a browser breaks Chinese between any two
 * characters (`服`/`务`), so titles are split into words (Intl.Segmenter, ICU's dictionary),
 * runs of single characters kept together, punctuation kept on the right side of a break
 * (避头尾), and printed with <wbr> between words inside `word-break: keep-all`. With
 * `text-wrap: balance` the lines come out even, never one character alone. Pure and
 * deterministic for one Node/ICU version; also used by the SVG poster (poster-card.ts).
 */

/** Characters that must not start a line (避头). */
export const NO_START = new Set([...'，。、：；！？）》」』】〕〉”’…—,.:;!?)]}%·～']);
/** Characters that must not end a line (避尾). */
export const NO_END = new Set([...'（《「『【〔〈“‘([{']);

const CJK = /\p{Script=Han}/u;
/** Characters that end a compound word (ICU often leaves them alone). */
const SUFFIX = new Set([...'机化性者员队组站室式型率']);
const isSingleHan = (s: string) => [...s].length === 1 && CJK.test(s);

let segmenter: Intl.Segmenter | undefined;

/** Words of `text`, each a unit that should not be broken; concatenated they give `text` back. */
export function phrases(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const raw = [...segmenter.segment(text)].map((s) => s.segment);
  // Runs of single characters (ICU's leftovers: 网|格|化, 纪|实) stay together, up to 4.
  const words: string[] = [];
  let singles = false;
  for (const t of raw) {
    const last = words.at(-1);
    // A suffix character belongs to the word before it: 无人|机 → 无人机, 突击|队 → 突击队.
    if (last !== undefined && !singles && SUFFIX.has(t) && /^\p{Script=Han}{2,3}$/u.test(last)) {
      words[words.length - 1] = last + t;
      continue;
    }
    if (last !== undefined && singles && isSingleHan(t) && [...last].length < 4) {
      words[words.length - 1] = last + t;
      continue;
    }
    // Latin text, digits and ASCII marks stay one piece (the browser breaks them at spaces itself).
    if (last !== undefined && /^[\x21-\x7e]+$/.test(t) && /^[\x21-\x7e]+$/.test(last)) {
      words[words.length - 1] = last + t;
      singles = false;
      continue;
    }
    // A number goes with its measure word: 90后, 105周年, 2000平方米.
    if (last !== undefined && /^\d+$/.test(last) && /^\p{Script=Han}{1,3}$/u.test(t)) {
      words[words.length - 1] = last + t;
      singles = false;
      continue;
    }
    words.push(t);
    singles = isSingleHan(t);
  }
  // Punctuation and spaces: closing marks and spaces join the word before, opening marks the word after.
  const out: string[] = [];
  let carry = '';
  for (const w of words) {
    const first = [...w][0] ?? '';
    if (out.length && !carry && (NO_START.has(first) || /^\s+$/.test(w))) {
      out[out.length - 1] += w;
      continue;
    }
    if ([...w].every((c) => NO_END.has(c))) {
      carry += w;
      continue;
    }
    out.push(carry + w);
    carry = '';
  }
  if (carry) out.push(carry);
  return out;
}

/**
 * A title this short fits on one line everywhere (even a 1.5× phone heading holds 9 characters),
 * so it needs no break hints.
 */
export const ONE_LINE = 8;

/**
 * The pieces of `text` between which a line may break (the component puts <wbr> between them,
 * inside an element with `word-break: keep-all`); a short title is one piece.
 */
export function phrasePieces(text: string): string[] {
  if ([...text].length <= ONE_LINE) return [text];
  return phrases(text);
}
