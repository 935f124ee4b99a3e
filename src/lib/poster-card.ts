/**
 * The generated video poster (视频封面): a branded 16:9 card drawn as SVG. Pure: no I/O.
 * sharp renders the SVG (librsvg + fontconfig), so text uses the CJK fonts installed on
 * the machine ('Noto Sans CJK SC' and fallbacks).
 */
import { escapeMarkup as escapeXml } from './escape.ts';

import { phrases } from './phrases.ts';

export interface PosterCard {
  title: string;
  /** Column name, e.g. 视频展播 */
  column: string;
  /** Category name, e.g. 先锋模范 */
  category?: string | undefined;
  /** Producing unit's name. */
  unit?: string | undefined;
  /** A video frame as a data: URL (PNG/JPEG) to draw under a red veil. */
  background?: string | undefined;
}

export const POSTER_WIDTH = 1280;
export const POSTER_HEIGHT = 720;

const FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Zen Hei', 'Microsoft YaHei', sans-serif";
const SERIF = "'Noto Serif CJK SC', 'Source Han Serif SC', 'Noto Sans CJK SC', serif";

/** Width of a character in em: CJK and full-width forms are 1, Latin about half. */
export function charWidth(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c <= 0x1f) return 0;
  if (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x2014 ||
    c === 0x2026 ||
    c >= 0x20000
  )
    return 1;
  if (/[A-Z0-9MW@%&]/.test(ch)) return 0.62;
  if (/[iljt.,:;'!|\s]/.test(ch)) return 0.3;
  return 0.52;
}

export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/** Splits a word wider than a line into pieces that fit (a long Latin word, a run of digits). */
function fitPieces(word: string, maxWidth: number): string[] {
  if (textWidth(word.trim()) <= maxWidth) return [word];
  const out: string[] = [];
  let cur = '';
  for (const ch of word) {
    if (cur && textWidth(cur + ch) > maxWidth) out.push(cur), (cur = '');
    cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/** Greedy lines of whole words, at most `maxWidth` em wide. */
function greedyLines(words: readonly string[], maxWidth: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && textWidth((cur + w).trim()) > maxWidth) {
      lines.push(cur);
      cur = w.trimStart();
    } else cur += cur ? w : w.trimStart();
  }
  if (cur) lines.push(cur);
  return lines.map((l) => l.trim()).filter(Boolean);
}

/**
 * Wraps `text` into lines at most `maxWidth` em wide (CJK = 1 em), at most `maxLines`
 * lines; the last line ends with … when the text does not fit. Breaks only between words
 * (never inside 服务; src/lib/phrases.ts, which also keeps Chinese punctuation off line
 * starts and ends), and balances the lines as CSS `text-wrap: balance` does: the narrowest
 * width that needs no more lines, so no line is left with one character.
 */
export function wrapText(text: string, maxWidth: number, maxLines: number): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return [];
  const words = phrases(clean).flatMap((w) => fitPieces(w, maxWidth));
  const fitted = greedyLines(words, maxWidth);
  if (fitted.length > maxLines) {
    const kept = fitted.slice(0, maxLines);
    let last = kept[maxLines - 1]!;
    while (last && textWidth(last + '…') > maxWidth) last = [...last].slice(0, -1).join('');
    kept[maxLines - 1] = last.replace(/[，。、：；,.\s]+$/, '') + '…';
    return kept;
  }
  let best = fitted;
  for (let w = maxWidth - 0.25; fitted.length > 1 && w > 0; w -= 0.25) {
    const lines = greedyLines(words, w);
    if (lines.length > fitted.length) break;
    best = lines;
  }
  return best;
}

/** Text and attribute values in the SVG: the one escaper (src/lib/escape.ts). */
export { escapeXml };

/** Title size and lines: large for short titles, smaller for long ones. */
export function titleLayout(title: string): { size: number; lines: string[] } {
  const area = POSTER_WIDTH - 2 * 96;
  for (const size of [76, 64, 56]) {
    const lines = wrapText(title, Math.floor(area / size), 3);
    const overflow = lines.at(-1)?.endsWith('…') && textWidth(title) > textWidth(lines.join(''));
    if (lines.length <= 2 && !overflow) return { size, lines };
  }
  return { size: 52, lines: wrapText(title, Math.floor(area / 52), 3) };
}

/** The star emblem of the site (BrandMark.astro), in a 48×48 box. */
const STAR = 'M24 8.5l4.1 11.1 11.8.4-9.3 7.3 3.3 11.4L24 32.1l-9.9 6.6 3.3-11.4-9.3-7.3 11.8-.4z';

/** The poster as an SVG document, 1280×720 user units. */
export function posterSvg(card: PosterCard): string {
  const W = POSTER_WIDTH;
  const H = POSTER_HEIGHT;
  const { size, lines } = titleLayout(card.title);
  const lineHeight = Math.round(size * 1.3);
  // Title, gold rule and unit as one block, centred a little above the middle: the bottom
  // stays clear for the player's control bar and the cards' duration badge.
  const unitBlock = card.unit ? 96 : 0;
  const blockHeight = lines.length * lineHeight + unitBlock;
  const titleTop = Math.round(H * 0.52 - blockHeight / 2 + size * 0.8);
  const unitTop = titleTop + (lines.length - 1) * lineHeight + Math.round(size * 0.3) + 28;
  const title = lines
    .map((l, i) => `<text x="96" y="${titleTop + i * lineHeight}" font-size="${size}" font-weight="700" fill="#fff" font-family="${FONT}">${escapeXml(l)}</text>`)
    .join('\n  ');
  const category = card.category ? escapeXml(card.category) : '';
  const catWidth = Math.round(textWidth(card.category ?? '') * 30 + 40);
  const bg = card.background
    ? `<image href="${card.background}" x="0" y="0" width="${W}" height="${H}" preserveAspectRatio="xMidYMid slice"/>
  <rect width="${W}" height="${H}" fill="url(#veil)"/>`
    : `<rect width="${W}" height="${H}" fill="url(#bg)"/>
  <g transform="translate(760 120) scale(11)" opacity="0.08"><path fill="#f5d37a" d="${STAR}"/></g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#c8161d"/>
      <stop offset="0.6" stop-color="#a50f15"/>
      <stop offset="1" stop-color="#6e0a0e"/>
    </linearGradient>
    <linearGradient id="veil" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#8e0c12" stop-opacity="0.78"/>
      <stop offset="1" stop-color="#4a0508" stop-opacity="0.9"/>
    </linearGradient>
  </defs>
  ${bg}
  <rect x="0" y="0" width="${W}" height="10" fill="#d9b36c"/>
  <g transform="translate(96 64) scale(1.5)">
    <circle cx="24" cy="24" r="22" fill="none" stroke="#d9b36c" stroke-width="2.5"/>
    <path fill="#f5d37a" d="${STAR}"/>
  </g>
  <text x="184" y="114" font-size="36" font-weight="700" fill="#f5d37a" font-family="${SERIF}" letter-spacing="4">${escapeXml(card.column)}</text>
  ${
    category
      ? `<rect x="${W - 96 - catWidth}" y="76" width="${catWidth}" height="50" rx="25" fill="none" stroke="#f5d37a" stroke-width="2"/>
  <text x="${W - 96 - catWidth / 2}" y="111" font-size="28" fill="#f5d37a" text-anchor="middle" font-family="${FONT}">${category}</text>`
      : ''
  }
  ${title}
  ${card.unit ? `<rect x="96" y="${unitTop}" width="120" height="4" fill="#d9b36c"/>
  <text x="96" y="${unitTop + 60}" font-size="32" fill="#fbe9e7" font-family="${FONT}">${escapeXml(card.unit)}</text>` : ''}
</svg>`;
}
