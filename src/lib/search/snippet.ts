/**
 * Snippets and highlighting for search results, as plain text parts (the page builds DOM
 * nodes from them: no HTML strings). A snippet is the sentence of the page's prose where the
 * query first occurs, cut at Chinese sentence (or, when long, clause) boundaries; else a
 * labelled fact (`承办单位：…`); else the summary.
 */
import type { SearchRecord } from './model.ts';
import { fold } from './text.ts';

export interface TextPart {
  text: string;
  mark: boolean;
}

const SENTENCE_END = /[。！？!?；;…]/;
const CLAUSE_END = /[，、：:,]/;
/** Longest snippet, in UTF-16 units (about two lines on a phone). */
export const SNIPPET_MAX = 90;

/** Split text into parts with every occurrence of the (folded) pieces marked. */
export function highlight(text: string, pieces: string[]): TextPart[] {
  const folded = fold(text);
  const marked = new Uint8Array(text.length);
  for (const p of pieces) {
    for (let i = folded.indexOf(p); i >= 0; i = folded.indexOf(p, i + 1)) marked.fill(1, i, i + p.length);
  }
  const parts: TextPart[] = [];
  for (let i = 0; i < text.length; ) {
    let j = i;
    while (j < text.length && marked[j] === marked[i]) j++;
    parts.push({ text: text.slice(i, j), mark: marked[i] === 1 });
    i = j;
  }
  return parts;
}

function firstHit(folded: string, pieces: string[]): { at: number; end: number } | undefined {
  let best: { at: number; end: number } | undefined;
  for (const p of pieces) {
    const at = folded.indexOf(p);
    if (at >= 0 && (!best || at < best.at)) best = { at, end: at + p.length };
  }
  return best;
}

/**
 * The sentence holding [at, end). A sentence longer than `max` is narrowed to a window that
 * starts at the clause holding the match and ends at a clause boundary; `cutStart`/`cutEnd`
 * say where it was narrowed (the caller shows an ellipsis there).
 */
export function sentenceAround(text: string, at: number, end: number, max = SNIPPET_MAX): { text: string; cutStart: boolean; cutEnd: boolean } {
  let start = at;
  while (start > 0 && !SENTENCE_END.test(text[start - 1]!)) start--;
  let stop = end;
  while (stop < text.length && !SENTENCE_END.test(text[stop - 1]!)) stop++;
  // Closing quotes and brackets belong to the sentence they end.
  while (stop < text.length && /[”’」』）)]/.test(text[stop]!)) stop++;
  if (stop - start <= max) return { text: text.slice(start, stop).trim(), cutStart: false, cutEnd: false };
  let s = start;
  if (end - start > (max * 2) / 3) {
    let k = at;
    while (k > start && !CLAUSE_END.test(text[k - 1]!)) k--;
    s = at - k <= max / 3 ? k : at - Math.floor(max / 3);
  }
  let e = Math.min(stop, s + max);
  if (e < stop) {
    let k = e;
    while (k > end && !CLAUSE_END.test(text[k - 1]!)) k--;
    if (k > end) e = k;
  }
  e = Math.max(e, end);
  let slice = text.slice(s, e).trim();
  if (e < stop) slice = slice.replace(/[，、：:,]$/, '');
  return { text: slice, cutStart: s > start, cutEnd: e < stop };
}

/** The snippet of a result for the query pieces, as parts to show. */
export function snippet(record: SearchRecord, pieces: string[]): TextPart[] {
  for (const kind of ['prose', 'fact'] as const) {
    for (const [k, label, text] of record.text) {
      if (k !== kind) continue;
      const folded = fold(text);
      const hit = firstHit(folded, pieces);
      if (!hit) {
        if (kind === 'fact' && label && firstHit(fold(label), pieces)) return highlight(`${label}：${text}`, pieces);
        continue;
      }
      if (kind === 'fact') return highlight(label ? `${label}：${text}` : text, pieces);
      const s = sentenceAround(text, hit.at, hit.end);
      const parts = highlight(s.text, pieces);
      if (s.cutStart) parts.unshift({ text: '…', mark: false });
      if (s.cutEnd) parts.push({ text: '…', mark: false });
      return parts;
    }
  }
  return highlight(record.summary, pieces);
}
