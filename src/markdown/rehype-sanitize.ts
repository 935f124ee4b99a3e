/**
 * Removes unsafe HTML from every entry (.md and .mdx) following src/markdown/html-policy.ts.
 * ONE function, three users:
 * - the site's Markdown/MDX pipeline (the rehype plugin below, first in the list);
 * - `npm run check` (src/check/body.ts) runs the same function on the same tree and reports
 *   every removal it makes as a located error, so the check refuses exactly what the
 *   sanitiser removes;
 * - every output that leaves the site (src/markdown/output.ts) passes it again at the end.
 *
 * Astro's Markdown pipeline parses raw HTML (`rehype-raw`) only after our plugins, so raw
 * HTML is still a `raw` node here: we parse it first (hast-util-raw, i.e. parse5, with the
 * file for positions), then walk the tree. In MDX, HTML arrives as JSX nodes
 * (`mdxJsxFlowElement`/`mdxJsxTextElement`); imports, exports and `{expressions}` are removed.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import { h } from 'hastscript';
import { find, html } from 'property-information';
import { VFile } from 'vfile';
import {
  isCommentOnlyExpression,
  isComponentName,
  judgeElement,
  mdxRefusals,
  type PolicyOptions,
  type Refusal,
} from './html-policy.ts';

const MDX_NODE_TYPES = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'] as const;

interface Position {
  start: { line: number; column?: number };
}
interface MdxJsxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string; value: string };
}
interface MdxJsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: MdxJsxAttribute[];
  children: AnyNode[];
  position?: Position;
}
type AnyNode = (RootContent | ElementContent | MdxJsxElement) & { type: string; children?: AnyNode[]; position?: Position };

/** Attribute the content check puts on elements written as Markdown links and images (removed like every data-*). */
export const MARKDOWN_MARK = 'data-red-markdown';

/** What the sanitiser removed (or unwrapped), with the line in the file when known. */
export type SanitizeEvent =
  | { kind: 'refused'; refusal: Refusal; line: number | undefined }
  | { kind: 'unknown-tag'; tag: string; line: number | undefined };

export interface SanitizeOptions {
  /** The source (for positions of raw HTML): a VFile or the text the tree was made from. */
  file?: VFile | string | undefined;
  /** Told about every refused construct and unknown tag (the content check). */
  report?: ((event: SanitizeEvent) => void) | undefined;
  /** Turn MDX JSX elements into plain hast elements (trees used outside the MDX compiler). */
  portable?: boolean | undefined;
  /**
   * Shown every element the policy keeps, with its attributes as written (the content check
   * lints addresses and alt text on the same parse, so nothing is parsed twice).
   */
  inspect?: ((tag: string, attrs: Record<string, string | true | null>, line: number | undefined) => void) | undefined;
}

function hasType(node: { type: string; children?: unknown[] }, type: string): boolean {
  if (node.type === type) return true;
  return (node.children as { type: string; children?: unknown[] }[] | undefined)?.some((c) => hasType(c, type)) ?? false;
}

/** HTML attributes of a hast element: lower-case names, string values (true for bare booleans). */
export function elementAttributes(node: Element): { attrs: Record<string, string | true>; propOf: Map<string, string> } {
  const attrs: Record<string, string | true> = {};
  const propOf = new Map<string, string>();
  for (const [prop, value] of Object.entries(node.properties ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    const name = find(html, prop).attribute.toLowerCase();
    propOf.set(name, prop);
    attrs[name] = value === true ? true : Array.isArray(value) ? value.join(' ') : String(value);
  }
  return { attrs, propOf };
}

function cleanChildren(children: AnyNode[], options: PolicyOptions, extra: SanitizeOptions): AnyNode[] {
  const out: AnyNode[] = [];
  const line = (n: AnyNode) => n.position?.start.line;
  const refuse = (n: AnyNode, refusal: Refusal) => extra.report?.({ kind: 'refused', refusal, line: line(n) });
  for (const child of children) {
    switch (child.type) {
      case 'comment':
      case 'raw':
      case 'doctype':
        continue;
      case 'mdxjsEsm':
        refuse(child, mdxRefusals.esm());
        continue;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const value = (child as { value?: string }).value ?? '';
        if (!isCommentOnlyExpression(value)) refuse(child, mdxRefusals.expression(value));
        continue;
      }
      case 'element': {
        const el = child as Element;
        const { attrs, propOf } = elementAttributes(el);
        const md = attrs[MARKDOWN_MARK];
        const verdict = judgeElement(el.tagName, attrs, options, md === 'link' || md === 'image' ? md : undefined);
        for (const r of verdict.refusals) refuse(child, r);
        if (verdict.drop) continue;
        const kids = cleanChildren(el.children as AnyNode[], options, extra) as ElementContent[];
        if (verdict.unwrap) {
          extra.report?.({ kind: 'unknown-tag', tag: el.tagName, line: line(child) });
          out.push(...(kids as AnyNode[]));
          continue;
        }
        extra.inspect?.(el.tagName, attrs, line(child));
        for (const name of verdict.removeAttributes) {
          const prop = propOf.get(name.toLowerCase());
          if (prop) delete el.properties[prop];
        }
        if (el.tagName === 'a' && el.properties.target === '_blank') el.properties.rel = ['noopener', 'noreferrer'];
        el.children = kids;
        out.push(el as AnyNode);
        continue;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const jsx = child as MdxJsxElement;
        // Fragments `<>…</>` keep their content; components (`<Chart />`) are removed with theirs.
        if (!jsx.name) {
          out.push(...cleanChildren(jsx.children, options, extra));
          continue;
        }
        if (isComponentName(jsx.name)) {
          refuse(child, mdxRefusals.component(jsx.name));
          continue;
        }
        const attrs: Record<string, string | true | null> = {};
        for (const a of jsx.attributes) {
          if (a.type !== 'mdxJsxAttribute' || !a.name) {
            refuse(child, mdxRefusals.attributeExpression(jsx.name));
            continue;
          }
          if (a.value !== null && a.value !== undefined && typeof a.value !== 'string') {
            refuse(child, mdxRefusals.attributeExpression(jsx.name, a.name));
            attrs[a.name] = null;
            continue;
          }
          attrs[a.name] = typeof a.value === 'string' ? a.value : true;
        }
        const verdict = judgeElement(jsx.name, attrs, options);
        for (const r of verdict.refusals) refuse(child, r);
        if (verdict.drop) continue;
        const kids = cleanChildren(jsx.children, options, extra);
        if (verdict.unwrap) {
          extra.report?.({ kind: 'unknown-tag', tag: jsx.name, line: line(child) });
          out.push(...kids);
          continue;
        }
        extra.inspect?.(jsx.name.toLowerCase(), attrs, line(child));
        const remove = new Set(verdict.removeAttributes.map((n) => n.toLowerCase()));
        jsx.attributes = jsx.attributes.filter(
          (a) => a.type === 'mdxJsxAttribute' && a.name && !remove.has(a.name.toLowerCase()) && (a.value === null || a.value === undefined || typeof a.value === 'string'),
        );
        jsx.children = kids;
        if (extra.portable) {
          const props: Record<string, string | true> = {};
          for (const a of jsx.attributes) if (a.name) props[a.name] = typeof a.value === 'string' ? a.value : true;
          const el = h(jsx.name, props) as Element;
          el.children = kids as ElementContent[];
          if (jsx.position) el.position = jsx.position as Element['position'];
          if (el.tagName === 'a' && el.properties.target === '_blank') el.properties.rel = ['noopener', 'noreferrer'];
          out.push(el as AnyNode);
        } else out.push(jsx as AnyNode);
        continue;
      }
      default:
        if (child.children) child.children = cleanChildren(child.children, options, extra);
        out.push(child);
    }
  }
  return out;
}

/** Sanitise a hast tree (returns the tree to use: raw HTML may have been re-parsed). */
export function sanitizeTree(tree: Root, options: PolicyOptions, extra: SanitizeOptions = {}): Root {
  let root = tree;
  if (hasType(root, 'raw')) {
    const file = typeof extra.file === 'string' ? new VFile(extra.file) : extra.file;
    root = raw(root, { passThrough: [...MDX_NODE_TYPES], ...(file ? { file } : {}) }) as Root;
  }
  root.children = cleanChildren(root.children as AnyNode[], options, extra) as RootContent[];
  return root;
}

/** The rehype plugin (first in the list, so later plugins see parsed, clean HTML). */
export function rehypeSanitize(options: PolicyOptions) {
  // The page needs no positions (only the content check reports lines).
  return function transformer(tree: Root): Root {
    return sanitizeTree(tree, options);
  };
}
