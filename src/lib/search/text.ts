/**
 * The one definition of "the same text" for Chinese search, shared by the index builder and
 * the browser: how characters are folded (full-width → half-width, upper → lower case), which
 * characters make up words (letters of any script, Han characters, digits) and how a query
 * is cut into the pieces that must all occur.
 *
 * Folding never changes a string's length in UTF-16 units, so a position found in folded
 * text is the same position in the text the reader sees (snippets highlight by it).
 */

const WORD_RE = /^[\p{L}\p{N}\p{M}]$/u;

/** Fold one character: NFKC and lower case, when that gives one character of the same width. */
export function foldChar(ch: string): string {
  const folded = ch.normalize('NFKC').toLowerCase();
  if (folded.length === ch.length && [...folded].length === 1) return folded;
  const lower = ch.toLowerCase();
  return lower.length === ch.length ? lower : ch;
}

// Caches for the Basic Multilingual Plane (0 = not computed yet).
const foldedBmp = new Uint16Array(0x10000);
const wordBmp = new Uint8Array(0x10000);

/** `foldChar` on a code point; the result has the same UTF-16 width. */
export function foldCodePoint(cp: number): number {
  if (cp < 0x80) return cp >= 65 && cp <= 90 ? cp + 32 : cp;
  if (cp >= 0x4e00 && cp <= 0x9fff) return cp;
  if (cp < 0x10000) {
    const cached = foldedBmp[cp]!;
    if (cached) return cached;
    return (foldedBmp[cp] = foldChar(String.fromCharCode(cp)).charCodeAt(0));
  }
  return foldChar(String.fromCodePoint(cp)).codePointAt(0)!;
}

/** A letter (of any script, Han included), digit or combining mark: what words are made of. */
export function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) return (cp >= 48 && cp <= 57) || (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90);
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  if (cp < 0x10000) {
    const cached = wordBmp[cp]!;
    if (cached) return cached === 1;
    const word = WORD_RE.test(String.fromCharCode(cp));
    wordBmp[cp] = word ? 1 : 2;
    return word;
  }
  return WORD_RE.test(String.fromCodePoint(cp));
}

export function isWordChar(ch: string): boolean {
  return isWordCodePoint(ch.codePointAt(0)!);
}

/** Fold a whole text, character by character (same length in UTF-16 units). */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) out += String.fromCodePoint(foldCodePoint(ch.codePointAt(0)!));
  return out;
}

/** Runs of word characters in folded text, with their UTF-16 offsets. */
export function wordRuns(folded: string): { start: number; chars: string[] }[] {
  const runs: { start: number; chars: string[] }[] = [];
  let current: { start: number; chars: string[] } | undefined;
  let i = 0;
  for (const ch of folded) {
    if (isWordChar(ch)) {
      if (!current) runs.push((current = { start: i, chars: [] }));
      current.chars.push(ch);
    } else current = undefined;
    i += ch.length;
  }
  return runs;
}

/**
 * Cut what the reader typed into pieces: spaces and punctuation separate pieces, each piece
 * must occur as typed (a substring of one line of text), and all pieces must occur. Folded,
 * longest first; a piece inside another adds nothing and is dropped.
 */
export function parseQuery(query: string): string[] {
  const runs = [...new Set(wordRuns(fold(query)).map((r) => r.chars.join('')))].sort((a, b) => b.length - a.length);
  return runs.filter((p, i) => !runs.some((q, j) => j < i && q.includes(p)));
}
