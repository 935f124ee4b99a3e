/**
 * SVG text as glyph outlines from the shipped font (src/lib/image-fonts.ts): every `<text>` of a
 * drawing becomes a `<path>`, so the drawing needs no font where it is shown. A browser draws a
 * generated video poster the same on every machine (no tofu on an office PC without a CJK font,
 * no system font in its place), at any size, from one small file; sharp draws it without
 * fontconfig. Works on the parsed tree (hast), never on the serialised text.
 *
 * What librsvg + our fontconfig did with the same SVG, this does: every family is the shipped
 * Noto Sans CJK SC (weight ≥ 600 or `bold` → Bold, else Regular), glyphs by code point with the
 * font's advance widths (no kerning: the titles are Chinese), `letter-spacing`, `text-anchor`
 * (start, middle, end), whitespace collapsed and trimmed as in `xml:space="default"`. A character
 * the font lacks is drawn as its .notdef box, as before. Text with child elements (`<tspan>`) or
 * positioned per character is not supported: it throws, so a change of the card is noticed.
 */
import { readFileSync } from 'node:fs';
import { create, type Font, type PathCommand } from 'fontkitten';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { findImageFonts } from './image-fonts.ts';

let fonts: { regular: Font; bold: Font; key: string } | undefined;

/** The two weights of the shipped font, parsed once per process. */
function loadFonts(): { regular: Font; bold: Font; key: string } {
  if (fonts) return fonts;
  const found = findImageFonts();
  const open = (name: string) => create(readFileSync(found.files.find((f) => f.endsWith(name))!)) as Font;
  fonts = { regular: open('-Regular.otf'), bold: open('-Bold.otf'), key: found.key };
  return fonts;
}

/** A number in path data: at most one decimal, no trailing zeros. */
function num(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

/**
 * Path data of one glyph in font units, shifted right by `dx`: an absolute move first, relative
 * commands after it (short numbers that compress well). Coordinates are rounded to 0.1 unit
 * before the differences are taken, so rounding never accumulates along a contour.
 */
function glyphData(commands: PathCommand[], dx: number): string {
  const r = (n: number) => Math.round(n * 10) / 10;
  let out = '';
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  let first = true;
  const rel = (pts: number[]) => {
    const parts: string[] = [];
    for (let i = 0; i < pts.length; i += 2) parts.push(num(r(pts[i]! + dx) - cx), num(r(pts[i + 1]!) - cy));
    // A minus sign separates numbers by itself.
    return parts.reduce((a, b) => (a && !b.startsWith('-') ? `${a} ${b}` : a + b), '');
  };
  for (const { command, args } of commands) {
    if (command === 'closePath') {
      out += 'z';
      [cx, cy] = [sx, sy];
      continue;
    }
    const end: [number, number] = [r(args.at(-2)! + dx), r(args.at(-1)!)];
    if (command === 'moveTo') {
      out += first ? `M${num(end[0])}${end[1] < 0 ? '' : ' '}${num(end[1])}` : `m${rel(args)}`;
      first = false;
      [sx, sy] = end;
    } else out += `${command === 'lineTo' ? 'l' : command === 'bezierCurveTo' ? 'c' : 'q'}${rel(args)}`;
    [cx, cy] = end;
  }
  return out;
}

/** Glyph outlines of a line of text in font units, from pen position 0, and its advance. */
function lineOutlines(font: Font, text: string, spacingUnits: number): { d: string; advance: number } {
  let pen = 0;
  let d = '';
  const chars = [...text];
  chars.forEach((ch, i) => {
    const glyph = font.glyphForCodePoint(ch.codePointAt(0)!);
    const commands = glyph.path.commands;
    if (commands.length) d += glyphData(commands, pen);
    pen += glyph.advanceWidth + (i < chars.length - 1 ? spacingUnits : 0);
  });
  return { d, advance: pen };
}

const isBold = (weight: unknown) => weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
const length = (v: unknown, fallback = 0) => {
  const n = Number.parseFloat(String(v ?? ''));
  return Number.isFinite(n) ? n : fallback;
};

/** Attributes a `<text>` may carry here; anything else (per-glyph x lists, dy, rotate…) throws. */
const TEXT_ATTRIBUTES = new Set(['x', 'y', 'fontSize', 'fontWeight', 'fontFamily', 'fill', 'textAnchor', 'letterSpacing', 'opacity', 'fillOpacity']);

/** The `<path>` that draws a `<text>` element. */
function textPath(node: Element): Element {
  const p = node.properties;
  for (const name of Object.keys(p)) if (!TEXT_ATTRIBUTES.has(name)) throw new Error(`svg-text: <text> attribute ${name} is not supported`);
  if (node.children.some((c) => c.type === 'element')) throw new Error('svg-text: <text> with child elements (<tspan>) is not supported');
  if (/\s/.test(String(p.x ?? '')) || /\s/.test(String(p.y ?? ''))) throw new Error('svg-text: <text> with per-character positions is not supported');
  const text = node.children
    .map((c) => (c.type === 'text' ? c.value : ''))
    .join('')
    .replace(/[\t\n\r ]+/g, ' ')
    .trim();
  const { regular, bold } = loadFonts();
  const font = isBold(p.fontWeight) ? bold : regular;
  const size = length(p.fontSize, 16);
  const scale = size / font.unitsPerEm;
  const { d, advance } = lineOutlines(font, text, length(p.letterSpacing) / scale);
  const anchor = String(p.textAnchor ?? 'start');
  const shift = anchor === 'middle' ? advance / 2 : anchor === 'end' ? advance : 0;
  const x = length(p.x) - shift * scale;
  const y = length(p.y);
  const s = num(scale * 1000) === String(scale * 1000) ? String(scale) : scale.toFixed(5).replace(/0+$/, '');
  const properties: Element['properties'] = {
    fill: p.fill ?? '#000',
    ...(p.opacity !== undefined ? { opacity: p.opacity } : {}),
    ...(p.fillOpacity !== undefined ? { fillOpacity: p.fillOpacity } : {}),
    transform: `matrix(${s} 0 0 -${s} ${num(x)} ${num(y)})`,
    d: d || 'M0 0',
  };
  return { type: 'element', tagName: 'path', properties, children: [] };
}

/**
 * The SVG document with each `<text>` replaced by the `<path>` of its glyphs in the shipped
 * font. Same input, same bytes.
 */
export function outlineSvgText(svg: string): string {
  const tree = fromHtml(svg, { fragment: true, space: 'svg' }) as Root;
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'text' || !parent || index === undefined) return;
    parent.children[index] = textPath(node);
  });
  // Whitespace between elements is of no use in a drawing.
  visit(tree, 'text', (node, index, parent) => {
    if (parent && index !== undefined && parent.type === 'element' && parent.tagName !== 'text' && !node.value.trim()) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
  return toHtml(tree, { space: 'svg', closeEmptyElements: true });
}

/** Hash of the font files the outlines come from (for cache keys). */
export function outlineFontKey(): string {
  return loadFonts().key;
}
