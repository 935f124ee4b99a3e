/**
 * Each entry's body as the sanitised hast tree (src/markdown/body-tree.ts), built once per
 * entry per build from what the content layer parsed (`entry.body`, front matter already
 * split off). Every output that leaves the site and every summary starts here.
 * The tree is shared: callers that change it work on `cloneTree(tree)` (src/lib/clone-tree.ts).
 */
import path from 'node:path';
import type { Root } from 'hast';
import { bodyTree, treeText } from '../markdown/body-tree.ts';
import type { PolicyOptions } from '../markdown/html-policy.ts';
import type { ColumnId } from '../lib/columns.ts';
import { config, paths, settings } from '../config/site.ts';

/** What the tree needs to know about an entry (a CollectionEntry fits). */
export interface TreeEntry {
  id: string;
  collection: ColumnId;
  body?: string | undefined;
  filePath?: string | undefined;
  digest?: string | number | undefined;
}

const root = config.contentDir;

const trees = new Map<string, { digest: string | number | undefined; tree: Root; text?: string }>();

/** The policy the page's sanitiser applied to this entry (its page URL resolves relative addresses). */
export function entryPolicy(entry: TreeEntry): PolicyOptions {
  return {
    siteUrl: settings.url,
    mediaOrigins: settings.mediaOrigins,
    base: settings.base,
    pageUrl: paths.absolute(paths.entry(entry.collection, entry.id)),
  };
}

function cached(entry: TreeEntry) {
  const key = `${entry.collection}/${entry.id}`;
  let hit = trees.get(key);
  if (!hit || hit.digest !== entry.digest) {
    const file = path.resolve(entry.filePath ?? '');
    const tree = bodyTree(entry.body ?? '', {
      mdx: /\.mdx$/i.test(file),
      file,
      contentDir: root,
      base: settings.base,
      policy: entryPolicy(entry),
    });
    hit = { digest: entry.digest, tree };
    trees.set(key, hit);
  }
  return hit;
}

/** The sanitised body tree (shared: clone before changing it). */
export function entryTree(entry: TreeEntry): Root {
  return cached(entry).tree;
}

/** The body's plain text (summaries when the author wrote none, search meta). */
export function entryText(entry: TreeEntry): string {
  const hit = cached(entry);
  hit.text ??= treeText(hit.tree);
  return hit.text;
}
