/**
 * Rewrites links written as the relative path of another entry's Markdown file
 * into that entry's URL, and links to other files beside the entry (PDFs, videos)
 * into their copied URL under `media/`. Unresolvable entry links are left as written;
 * `npm run check` reports them.
 */
import path from 'node:path';
import type { Link, Definition, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { isColumnId } from '../lib/columns.ts';
import { resolveEntryHref, slugOfFile } from '../lib/entry-links.ts';
import { createPaths } from '../lib/paths.ts';

export interface EntryLinkOptions {
  contentDir: string;
  base: string;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/|#)/i;

export function remarkEntryLinks(options: EntryLinkOptions) {
  const paths = createPaths(options.base);
  return function transformer(tree: Root, file: { path?: string; history?: string[] }) {
    const from = file.path ?? file.history?.at(-1);
    if (!from) return;
    const rewrite = (node: Link | Definition) => {
      const href = node.url;
      if (!href || EXTERNAL.test(href)) return;
      const target = resolveEntryHref(from, href, options.contentDir);
      if (target) {
        const slug = slugOfFile(target);
        if (slug) node.url = paths.entry(target.column, slug) + target.hash;
        return;
      }
      if (/\.mdx?(?:#|$)/i.test(href)) return;
      // A relative link to a file beside the entry: serve the copied file.
      const abs = path.resolve(path.dirname(from), href.split('#')[0] ?? '');
      const [column, ...rest] = path.relative(options.contentDir, abs).split(path.sep);
      if (column && isColumnId(column) && rest.length) node.url = paths.media(column, rest.join('/'));
    };
    visit(tree, 'link', rewrite);
    visit(tree, 'definition', rewrite);
  };
}
