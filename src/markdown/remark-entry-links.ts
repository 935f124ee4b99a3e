/**
 * Links and images relative to the entry's Markdown file:
 * - a link to another entry's Markdown file becomes that entry's URL;
 * - a link to another file beside the entry (PDF, video) becomes its URL under `media/`
 *   (the publish manifest publishes exactly those files, src/publish/manifest.ts);
 * - an image keeps pointing at its file, written so that every URL decoder gets the exact
 *   file name back (`完成率100%.jpg` would otherwise stop Astro with `URI malformed`).
 * Unresolvable links are left as written; `npm run check` reports them.
 */
import path from 'node:path';
import type { Definition, Image, Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { isColumnId } from '../lib/columns.ts';
import { isEntryHref, resolveEntryHref, slugOfFile } from '../lib/entry-links.ts';
import { encodeRelativeUrl, resolveLocalUrl } from '../lib/local-files.ts';
import { createPaths } from '../lib/paths.ts';

export interface EntryLinkOptions {
  contentDir: string;
  base: string;
}

export function remarkEntryLinks(options: EntryLinkOptions) {
  const paths = createPaths(options.base);
  return function transformer(tree: Root, file: { path?: string; history?: string[] }) {
    const from = file.path ?? file.history?.at(-1);
    if (!from) return;
    const rewrite = (node: Link | Definition) => {
      const href = node.url;
      if (!href) return;
      if (isEntryHref(href)) {
        const target = resolveEntryHref(from, href, options.contentDir);
        const slug = target && slugOfFile(target);
        if (target && slug) node.url = paths.entry(target.column, slug) + target.hash;
        return;
      }
      const local = resolveLocalUrl(from, href);
      if (!local) return;
      // A file beside the entry: its published copy under media/.
      const [column, ...rest] = path.relative(options.contentDir, local.file).split(path.sep);
      if (column && isColumnId(column) && rest.length && !rest.includes('..')) {
        node.url = paths.media(column, rest.join('/')) + (local.suffix.startsWith('#') ? local.suffix : '');
      }
    };
    visit(tree, 'link', rewrite);
    visit(tree, 'definition', (node: Definition) => {
      // `[^1]: …` is a footnote, not a link.
      if (!node.label?.startsWith('^')) rewrite(node);
    });
    visit(tree, 'image', (node: Image) => {
      const local = resolveLocalUrl(from, node.url);
      if (local) node.url = encodeRelativeUrl(from, local.file);
    });
  };
}
