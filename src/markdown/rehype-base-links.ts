/**
 * Root-relative links in Markdown (`/salon/`) ignore Astro's `base`: prefix it, so the
 * site works under a sub-path such as `/dangjian/`.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { needsBase, normalizeBase } from '../lib/paths.ts';

const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  img: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
};

export function rehypeBaseLinks(options: { base: string }) {
  const base = normalizeBase(options.base);
  return function transformer(tree: Root) {
    visit(tree, 'element', (node: Element) => {
      for (const attr of URL_ATTRIBUTES[node.tagName] ?? []) {
        const value = node.properties[attr];
        if (typeof value === 'string' && needsBase(value, base)) {
          node.properties[attr] = base + value.replace(/^\/+/, '');
        }
      }
    });
  };
}
