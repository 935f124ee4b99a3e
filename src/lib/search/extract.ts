/**
 * The shown text of a built entry page, read from its HTML tree (hast), for the search index.
 *
 * The page marks what search needs (src/layouts/Entry.astro, src/components/SearchMeta.astro):
 * - `data-search-body` on the element whose text is searchable;
 * - `data-search="title" | "meta" | "tags" | "facts"` on the title, the line under it, the tags
 *   and the labelled facts (`<dl>`); other headings are headings, everything else is prose;
 * - `data-search-ignore` on interface text (buttons, hints, links that show a URL);
 * - `data-search-block` on an inline element that is shown as a block (its own line);
 * - `data-search-meta` (JSON) with what a result shows and filters by;
 * - `data-search-unlisted` on drafts and scheduled entries (built in preview only): never indexed.
 * Hidden elements, `aria-hidden` decoration, media fallback text, forms and scripts are not shown
 * text. Each block (paragraph, list item, heading, fact, caption) is one segment: a query never
 * matches across two blocks.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { SearchDoc, SearchSegment, SegmentKind } from './model.ts';

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol',
  'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const NOT_SHOWN = new Set([
  'audio', 'button', 'canvas', 'dialog', 'form', 'iframe', 'input', 'noscript', 'object', 'script', 'select',
  'style', 'svg', 'template', 'textarea', 'video',
]);

/** The search-relevant data of a built entry page, or undefined when the page is not indexed. */
export interface ExtractedPage {
  meta: Omit<SearchDoc, 'url' | 'segments' | 'title'>;
  title: string;
  segments: SearchSegment[];
}

function prop(el: Element, name: string): string | undefined {
  const v = el.properties[name];
  if (v === undefined || v === null || v === false) return undefined;
  return Array.isArray(v) ? v.join(' ') : String(v);
}

function find(node: Root | Element, test: (el: Element) => boolean): Element | undefined {
  for (const child of node.children as (RootContent | ElementContent)[]) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const hit = find(child, test);
    if (hit) return hit;
  }
  return undefined;
}

function shown(el: Element): boolean {
  if (NOT_SHOWN.has(el.tagName)) return false;
  if (el.properties.hidden !== undefined && el.properties.hidden !== false && el.properties.hidden !== null) return false;
  if (prop(el, 'ariaHidden') === 'true') return false;
  return prop(el, 'dataSearchIgnore') === undefined;
}

/** The shown text of the `data-search-body` element, block by block. */
export function shownSegments(body: Element): SearchSegment[] {
  const out: SearchSegment[] = [];
  let text = '';
  let kind: SegmentKind = 'prose';
  let label: string | undefined;
  const flush = () => {
    const t = text.replace(/\s+/g, ' ').trim();
    text = '';
    if (!t) return;
    if (kind === 'fact') out.push(label === undefined ? { kind, text: t } : { kind, label, text: t });
    else out.push({ kind, text: t });
  };
  const walk = (node: ElementContent, inFacts: boolean) => {
    if (node.type === 'text') {
      text += node.value;
      return;
    }
    if (node.type !== 'element' || !shown(node)) return;
    const block = BLOCKS.has(node.tagName) || prop(node, 'dataSearchBlock') !== undefined;
    if (block) flush();
    const saved = kind;
    const mark = prop(node, 'dataSearch');
    if (mark === 'title' || mark === 'meta' || mark === 'tags') kind = mark;
    else if (kind === 'prose' && /^h[1-6]$/.test(node.tagName)) kind = 'heading';
    const facts = inFacts || mark === 'facts';
    if (facts && node.tagName === 'dt') {
      // A fact's label is shown text too (searchable); snippets show it before the fact.
      kind = 'meta';
      for (const c of node.children) walk(c, facts);
      label = text.replace(/\s+/g, ' ').trim();
      flush();
      kind = saved;
      return;
    }
    if (facts && node.tagName === 'dd') kind = 'fact';
    for (const c of node.children) walk(c, facts);
    if (block || kind !== saved) flush();
    if (facts && node.tagName === 'dd') label = undefined;
    kind = saved;
  };
  for (const c of body.children) walk(c, false);
  flush();
  return out;
}

/** Read an entry page: undefined for pages search does not index (not an entry, or unlisted). */
export function extractPage(tree: Root): ExtractedPage | undefined {
  const body = find(tree, (el) => prop(el, 'dataSearchBody') !== undefined);
  if (!body) return undefined;
  if (find(body, (el) => prop(el, 'dataSearchUnlisted') !== undefined)) return undefined;
  const metaEl = find(body, (el) => prop(el, 'dataSearchMeta') !== undefined);
  if (!metaEl) throw new Error('搜索索引：条目页缺少 data-search-meta');
  const meta = JSON.parse(prop(metaEl, 'dataSearchMeta')!) as ExtractedPage['meta'];
  const segments = shownSegments(body);
  const title = segments.find((s) => s.kind === 'title')?.text ?? '';
  return { meta, title, segments };
}
