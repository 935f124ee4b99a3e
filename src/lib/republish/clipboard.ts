/**
 * 复制正文: the article as it must arrive in the WeChat official-account editor (and OA
 * editors) and survive 保存 there. Built on the portable tree (absolute addresses, published
 * JPEG/PNG copies of the images, with their pixel sizes):
 * - links that leave the site become numbered references listed under the article (the
 *   WeChat editor drops outside links); in-page `#` links become plain text;
 * - lists, nested or not, become paragraphs with literal bullets and numbers (the editor
 *   renumbers and loses nesting), indented by level;
 * - images become `figure`/`figcaption` from the alt text, sized in inline px (the editor
 *   drops `<img width>`), at most the 677 px content width;
 * - every style inline, only properties the editor keeps (no position, box-shadow,
 *   background-image), checked by the final sanitiser;
 * - a text/plain flavour with the same references and markers.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { h } from 'hastscript';
import { toText } from 'hast-util-to-text';
import { SKIP, visit } from 'unist-util-visit';
import { articleBody, creditFacts, type ArticleMeta } from './article.ts';
import { ARTICLE_STYLES } from './portable.ts';
import { cloneTree } from '../clone-tree.ts';

/** Content width of a WeChat official-account article, in CSS px. */
export const WECHAT_WIDTH = 677;

const BULLETS = ['•', '◦', '▪'];
const INDENT_EM = 1.6;

function isElement(node: RootContent | ElementContent | undefined, tag?: string): node is Element {
  return node?.type === 'element' && (tag === undefined || node.tagName === tag);
}

const tagOf = (node: ElementContent): string | undefined => (node.type === 'element' ? node.tagName : undefined);

function style(el: Element, css: string): Element {
  el.properties.style = css;
  return el;
}

/** Outside links → text + `[n]`; the list of references (same address, same number). */
function numberReferences(tree: Root, siteOrigin: string): string[] {
  const refs: string[] = [];
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'a' || !parent || index === undefined) return;
    const href = typeof node.properties.href === 'string' ? node.properties.href : '';
    let outside = false;
    if (href.startsWith('#') || href === '') {
      parent.children.splice(index, 1, ...node.children);
      return [SKIP, index];
    }
    try {
      outside = new URL(href).origin !== siteOrigin;
    } catch {
      outside = true;
    }
    if (!outside) return;
    let n = refs.indexOf(href) + 1;
    if (n === 0) n = refs.push(href);
    const text = toText(node).trim();
    const mark = h('sup', `[${n}]`);
    // The address as the text (a bare link) needs no repetition.
    const content = text === href ? [mark] : [...node.children, mark];
    parent.children.splice(index, 1, ...content);
    return [SKIP, index + content.length];
  });
  return refs;
}

/** A line without white space at its ends (the line breaks of the list's source). */
function trimLine(line: ElementContent[]): ElementContent[] {
  const out = [...line];
  while (out[0]?.type === 'text' && out[0].value.trim() === '') out.shift();
  while (out.at(-1)?.type === 'text' && (out.at(-1) as Text).value.trim() === '') out.pop();
  if (out[0]?.type === 'text') out[0] = { ...out[0], value: out[0].value.trimStart() };
  const last = out.at(-1);
  if (last?.type === 'text') out[out.length - 1] = { ...last, value: last.value.trimEnd() };
  return out;
}

/** A list item's own line (inline content) and the blocks that follow it (nested lists). */
function flattenList(list: Element, depth: number): Element[] {
  const out: Element[] = [];
  const ordered = list.tagName === 'ol';
  const start = typeof list.properties.start === 'number' ? list.properties.start : 1;
  let i = 0;
  for (const item of list.children) {
    if (!isElement(item, 'li')) continue;
    const marker = ordered ? `${start + i}.` : BULLETS[depth % BULLETS.length]!;
    i++;
    const lines: ElementContent[][] = [[]];
    const nested: Element[] = [];
    for (const child of item.children) {
      const tag = tagOf(child);
      const el = child as Element;
      if (tag === 'ul' || tag === 'ol') nested.push(...flattenList(el, depth + 1));
      else if (tag === 'p') lines.push([...el.children]);
      else if (tag === 'input') lines[lines.length - 1]!.push({ type: 'text', value: el.properties.checked ? '☑ ' : '☐ ' });
      else lines[lines.length - 1]!.push(child);
    }
    const filled = lines.map(trimLine).filter((l) => l.length > 0);
    const line = `margin:0 0 6px;padding-left:${(INDENT_EM * (depth + 1)).toFixed(1)}em;text-indent:-${INDENT_EM}em;font-size:15px;line-height:1.8;color:#222222`;
    filled.forEach((content, k) => {
      const head: ElementContent[] = k === 0 ? [{ type: 'text', value: `${marker} ` } as Text] : [];
      out.push(style(h('p', [...head, ...content]), line));
    });
    if (filled.length === 0) out.push(style(h('p', `${marker} `), line));
    out.push(...nested);
  }
  return out;
}

function flattenLists(tree: Root): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if ((node.tagName !== 'ul' && node.tagName !== 'ol') || !parent || index === undefined) return;
    const lines = flattenList(node, 0);
    parent.children.splice(index, 1, ...lines);
    return [SKIP, index + lines.length];
  });
}

/** The px size an image is shown at: its own width, at most the content width. */
function shownWidth(img: Element): number | undefined {
  const w = Number(img.properties.width);
  return Number.isFinite(w) && w > 0 ? Math.min(w, WECHAT_WIDTH) : undefined;
}

function sizedImage(img: Element): Element {
  const width = shownWidth(img);
  const el = h('img', { src: img.properties.src, alt: img.properties.alt ?? '' });
  return style(el, `display:block;${width ? `width:${width}px;` : ''}max-width:100%;height:auto;margin:0 auto`);
}

function figure(img: Element): Element {
  const alt = typeof img.properties.alt === 'string' ? img.properties.alt.trim() : '';
  return style(
    h('figure', [sizedImage(img), ...(alt ? [style(h('figcaption', alt), `${ARTICLE_STYLES.figcaption};margin:6px 0 0;line-height:1.6`)] : [])]),
    'margin:0 0 16px;padding:0;text-align:center',
  );
}

/** Images alone in a paragraph (Markdown images) become figures; inline ones are sized. */
function imagesToFigures(tree: Root): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.tagName === 'p') {
      const meaningful = node.children.filter((c) => c.type !== 'text' || c.value.trim() !== '');
      const imgs = meaningful.filter((c): c is Element => isElement(c, 'img'));
      if (imgs.length > 0 && imgs.length === meaningful.length) {
        const figures = imgs.map(figure);
        parent.children.splice(index, 1, ...figures);
        return [SKIP, index + figures.length];
      }
    }
    if (node.tagName === 'img') {
      parent.children[index] = sizedImage(node);
      return SKIP;
    }
    return undefined;
  });
}

/** Inline styles from ARTICLE_STYLES on elements that have none yet; classes and ids removed. */
function inlineStyles(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    delete node.properties.className;
    delete node.properties.id;
    delete node.properties.width;
    delete node.properties.height;
    const css = ARTICLE_STYLES[node.tagName];
    if (css && node.properties.style === undefined) node.properties.style = css;
  });
}

export interface ClipboardFlavours {
  /** The children of the copy (pass them through the final sanitiser, then serialise). */
  tree: Root;
  text: string;
}

/**
 * Both flavours of 复制正文 from the portable body (absolute addresses; images carry
 * `width`/`height` of the published copy).
 */
export function clipboardFlavours(meta: ArticleMeta, body: Root, siteOrigin: string): ClipboardFlavours {
  const tree = articleBody(meta, cloneTree(body));
  const refs = numberReferences(tree, siteOrigin);
  flattenLists(tree);
  imagesToFigures(tree);
  const credit = creditFacts(meta).flatMap(([k, v], i) => [
    ...(i ? [h('br')] : []),
    `${k}：`,
    ...(k === '原文链接' ? [h('a', { href: v }, v)] : [v]),
  ]);
  const after: Element[] = [];
  if (refs.length) {
    const small = 'font-size:13px;line-height:1.8;color:#666666;word-break:break-all';
    after.push(style(h('p', '参考链接：'), `margin:24px 0 6px;${small}`));
    refs.forEach((href, i) => after.push(style(h('p', `[${i + 1}] ${href}`), `margin:0 0 4px;${small}`)));
  }
  after.push(
    style(
      h('p', credit),
      'margin:24px 0 0;padding:10px 12px;border-top:2px solid #a8111a;background-color:#fbf5f5;font-size:13px;line-height:1.8;color:#555555',
    ),
  );
  tree.children.push(...after);
  inlineStyles(tree);
  const section = style(h('section', tree.children as ElementContent[]), `max-width:${WECHAT_WIDTH}px;margin:0 auto;box-sizing:border-box`);
  const html: Root = { type: 'root', children: [section] };
  return { tree: html, text: plainText(html) };
}

/** text/plain: the same content, images as `[图片：说明]`, one paragraph a line. */
function plainText(tree: Root): string {
  const copy = cloneTree(tree);
  visit(copy, 'element', (node: Element, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.tagName === 'figure') {
      const img = node.children.find((c): c is Element => isElement(c, 'img'));
      const alt = img && typeof img.properties.alt === 'string' ? img.properties.alt.trim() : '';
      parent.children[index] = h('p', alt ? `[图片：${alt}]` : '[图片]');
      return SKIP;
    }
    if (node.tagName === 'img') {
      const alt = typeof node.properties.alt === 'string' ? node.properties.alt.trim() : '';
      parent.children[index] = { type: 'text', value: alt ? `[图片：${alt}]` : '[图片]' };
    }
    return undefined;
  });
  return toText(copy, { whitespace: 'normal' })
    .split('\n')
    .map((l) => l.trim())
    .filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n')
    .trim();
}
