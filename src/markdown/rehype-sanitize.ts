/**
 * Removes unsafe HTML from every entry (.md and .mdx) following src/markdown/html-policy.ts.
 * The content check reports the same constructs as errors first; this is the safety net
 * so nothing unsafe reaches a page even if the check was bypassed.
 *
 * Astro's Markdown pipeline parses raw HTML (`rehype-raw`) only after our plugins, so raw
 * HTML is still a `raw` node here: we parse it first (hast-util-raw), then walk the tree.
 * In MDX, HTML arrives as JSX nodes (`mdxJsxFlowElement`/`mdxJsxTextElement`); imports,
 * exports and `{expressions}` are removed (the check refuses them, see src/check/body.ts).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import { find, html } from 'property-information';
import { judgeElement, type PolicyOptions } from './html-policy.ts';

const MDX_NODE_TYPES = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'] as const;

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
}
type AnyNode = (RootContent | ElementContent | MdxJsxElement) & { type: string; children?: AnyNode[] };

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

function cleanChildren(children: AnyNode[], options: PolicyOptions): AnyNode[] {
  const out: AnyNode[] = [];
  for (const child of children) {
    switch (child.type) {
      case 'comment':
      case 'raw':
      case 'mdxjsEsm':
        continue;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        continue;
      case 'element': {
        const el = child as Element;
        const { attrs, propOf } = elementAttributes(el);
        const verdict = judgeElement(el.tagName, attrs, options);
        if (verdict.drop) continue;
        const kids = cleanChildren(el.children as AnyNode[], options) as ElementContent[];
        if (verdict.unwrap) {
          out.push(...(kids as AnyNode[]));
          continue;
        }
        for (const name of verdict.removeAttributes) {
          const prop = propOf.get(name.toLowerCase());
          if (prop) delete el.properties[prop];
        }
        if (el.tagName === 'a' && el.properties.target === '_blank') el.properties.rel = ['noopener', 'noreferrer'];
        el.children = kids;
        if (el.tagName === 'template' && el.content) el.content = { type: 'root', children: [] };
        out.push(el as AnyNode);
        continue;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const jsx = child as MdxJsxElement;
        const kids = cleanChildren(jsx.children, options);
        // Fragments `<>…</>` keep their content; components (`<Chart />`) are refused by the check.
        if (!jsx.name) {
          out.push(...kids);
          continue;
        }
        if (/^[A-Z]/.test(jsx.name) || jsx.name.includes('.')) continue;
        const attrs: Record<string, string | true | null> = {};
        for (const a of jsx.attributes) {
          if (a.type !== 'mdxJsxAttribute' || !a.name) continue;
          attrs[a.name] = a.value === null || a.value === undefined ? true : typeof a.value === 'string' ? a.value : null;
        }
        const verdict = judgeElement(jsx.name, attrs, options);
        if (verdict.drop) continue;
        if (verdict.unwrap) {
          out.push(...kids);
          continue;
        }
        const remove = new Set(verdict.removeAttributes);
        jsx.attributes = jsx.attributes.filter((a) => a.type === 'mdxJsxAttribute' && a.name && !remove.has(a.name));
        jsx.children = kids;
        out.push(jsx as AnyNode);
        continue;
      }
      default:
        if (child.children) child.children = cleanChildren(child.children, options);
        out.push(child);
    }
  }
  return out;
}

/** Sanitize a hast tree in place (returns the tree to use: raw HTML may have been re-parsed). */
export function sanitizeTree(tree: Root, options: PolicyOptions): Root {
  let root = tree;
  if (hasType(root, 'raw')) {
    root = raw(root, { passThrough: [...MDX_NODE_TYPES] }) as Root;
  }
  root.children = cleanChildren(root.children as AnyNode[], options) as RootContent[];
  return root;
}

/** The rehype plugin (first in the list, so later plugins see parsed, clean HTML). */
export function rehypeSanitize(options: PolicyOptions) {
  return function transformer(tree: Root): Root {
    return sanitizeTree(tree, options);
  };
}
