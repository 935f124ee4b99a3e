/**
 * Extra index text for Chinese search. Pagefind (extended) segments Chinese into words
 * (so `网格化服务` is indexed as `网格化` + `服务`) and matches a query word against the
 * start of indexed words. A reader who types a piece of a title that cuts across those
 * words (`格化服`) would find nothing; so we add every 2-character and 3-character run of
 * Han characters in the title, separated by spaces, to the text Pagefind indexes (never
 * to the page readers get).
 */

const HAN_RUN_RE = /[\p{Script=Han}]+/gu;

/** Every distinct Han substring of length `min`..`max` in the text, in order of first appearance. */
export function hanNgrams(text: string, min = 2, max = 3): string[] {
  const out = new Set<string>();
  for (const run of text.normalize('NFKC').match(HAN_RUN_RE) ?? []) {
    const chars = [...run];
    for (let n = min; n <= max; n++) {
      for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
    }
  }
  return [...out];
}

/** Marker on the element that carries the extra index text (results UI strips it from excerpts). */
export const NGRAM_MARK = 'data-red-ngrams';

/** Marker on draft and scheduled entry pages (built only in preview): never indexed. */
export const UNLISTED_MARK = 'data-red-unlisted';

/**
 * Insert the index-only text into an entry page's HTML, as the last child of the
 * `data-pagefind-body` element: the title (weighted like a heading: the page's own header
 * is left out of the index so that snippets start in the text), the unit's name, and the
 * title's n-grams (low weight). Returns the HTML unchanged when the page has no such element.
 */
export function withTitleNgrams(
  html: string,
  title: string,
  unit = pageMeta(html, 'unit') ?? '',
  tags = pageMeta(html, 'tags') ?? '',
): string {
  const m = /<(\w+)\b[^>]*\bdata-pagefind-body\b[^>]*>/.exec(html);
  if (!m) return html;
  const tag = m[1]!;
  // Find the matching close tag of the body element by counting nested elements of the same name.
  const openRe = new RegExp(`<${tag}\\b[^>]*>|</${tag}>`, 'g');
  openRe.lastIndex = m.index + m[0].length;
  let depth = 1;
  let close = -1;
  for (let t = openRe.exec(html); t; t = openRe.exec(html)) {
    depth += t[0].startsWith('</') ? -1 : 1;
    if (depth === 0) {
      close = t.index;
      break;
    }
  }
  if (close < 0) return html;
  const grams = hanNgrams(title);
  const parts = [
    title && `<p data-pagefind-weight="7">${escapeHtml(title)}</p>`,
    unit && `<p>${escapeHtml(unit)}</p>`,
    // Tags are searchable but left out of the page's indexed text, so snippets show prose.
    tags && `<p>${escapeHtml(tags)}</p>`,
    grams.length > 0 && `<p data-pagefind-weight="2">${grams.join(' ')}</p>`,
  ].filter(Boolean);
  if (parts.length === 0) return html;
  const block = `<div ${NGRAM_MARK}>${parts.join('')}</div>`;
  return html.slice(0, close) + block + html.slice(close);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A `data-pagefind-meta="KEY:VALUE"` value of the page. */
export function pageMeta(html: string, key: string): string | undefined {
  const m = new RegExp(`data-pagefind-meta="${key}:([^"]*)"`).exec(html);
  return m ? decodeEntities(m[1]!) : undefined;
}

/** The page title Pagefind would read: the `data-pagefind-meta="title"` element's text. */
export function pageTitle(html: string): string | undefined {
  const m = /<(\w+)\b[^>]*\bdata-pagefind-meta="title"[^>]*>([\s\S]*?)<\/\1>/.exec(html);
  if (!m) return undefined;
  return decodeEntities(m[2]!.replace(/<[^>]+>/g, '')).trim();
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * The snippet to show for a Pagefind excerpt (HTML with <mark>): the excerpt up to where
 * the index-only text begins, or '' when the excerpt comes from that text alone (the
 * results page then shows the entry's summary).
 */
export function snippetHtml(excerpt: string, title: string, unit = '', tags = ''): string {
  const squash = (t: string) => t.replace(/[\s.。]/g, '');
  const tail = squash([title, unit, tags, ...hanNgrams(title)].join(''));
  const probe = squash(excerpt.replace(/<[^>]+>/g, '')).slice(0, 8);
  if (probe.length > 0 && tail.includes(probe)) return '';
  const cut = beforeIndexOnlyText(excerpt, title);
  return cut.replace(/<[^>]+>/g, '').replace(/…$/, '').trim().length >= 8 ? cut : '';
}

/**
 * The excerpt up to where the index-only text (which starts with the title) begins, so a
 * snippet that runs off the end of the article does not show the n-grams.
 */
export function beforeIndexOnlyText(html: string, title: string): string {
  const needle = [...title].slice(0, 6).join('');
  if (!needle) return html;
  const parts = html.split(/(<[^>]+>)/);
  let plain = '';
  const at: number[] = [];
  let pos = 0;
  for (const part of parts) {
    if (!part.startsWith('<')) {
      for (let i = 0; i < part.length; i++) at.push(pos + i);
      plain += part;
    }
    pos += part.length;
  }
  const cut = plain.indexOf(needle);
  if (cut < 0) return html;
  const head = html.slice(0, at[cut]).replace(/<mark>$/, '').replace(/[\s.。#]+$/, '');
  // Close a <mark> the cut left open.
  return ((head.match(/<mark>/g)?.length ?? 0) > (head.match(/<\/mark>/g)?.length ?? 0) ? `${head}</mark>` : head) + '…';
}
