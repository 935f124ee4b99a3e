/**
 * What leaves the site for one entry (kit, 复制正文, feed bodies), gathered from the content
 * layer: the entry's sanitised body tree (src/collections/entry-tree.ts), its published image
 * copies (entry-images.ts) and its facts. Every output ends in the final sanitiser with the
 * page's policy. The formats themselves are pure functions in src/lib/republish/.
 */
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { CollectionEntry } from 'astro:content';
import { HIGHLIGHT_KINDS } from '../lib/columns.ts';
import { memoByKey, versionKey } from '../lib/memo.ts';
import { isRelativeUrl } from '../lib/local-files.ts';
import { httpOrigin } from '../lib/origins.ts';
import type { ArticleMeta } from '../lib/republish/article.ts';
import { clipboardFlavours } from '../lib/republish/clipboard.ts';
import { buildKitZip } from '../lib/republish/kit.ts';
import { absolutize, playersToLinks, swapImages } from '../lib/republish/portable.ts';
import { canRepublish } from '../lib/republish/policy.ts';
import { finalSanitize } from '../markdown/output.ts';
import { paths, settings } from '../config/site.ts';
import { entryUrl, getEntries, summaryOf, unitName, type AnyEntry } from './entries.ts';
import { entryImages, entryImageUrl } from './entry-images.ts';
import { entryPolicy, entryTree } from './entry-tree.ts';
import { cloneTree } from '../lib/clone-tree.ts';
import { entryPageKey } from './page-keys.ts';

type Highlight = CollectionEntry<'highlights'>;

export { canRepublish, inFeeds } from '../lib/republish/policy.ts';

/**
 * Static paths of the files published beside each republishable highlight (转载包, 复制正文).
 * Incremental builds copy them when nothing in them changed (the entry's key: page-keys.ts).
 */
export async function republishPaths() {
  const entries = await getEntries('highlights');
  return Promise.all(
    entries.filter(canRepublish).map(async (entry) => ({ params: { slug: entry.id }, props: { entry }, ...(import.meta.env.PROD ? { cacheKey: await entryPageKey(entry) } : {}) })),
  );
}

/** Base-relative URL of the entry's 转载包. */
export function kitUrl(entry: Highlight): string {
  return paths.kit(entry.id);
}

/** Base-relative URL of the 复制正文 data (fetched when the button is used, so the page carries the body once). */
export function copyUrl(entry: Highlight): string {
  return paths.copy(entry.id);
}

export async function articleMeta(entry: Highlight): Promise<ArticleMeta> {
  const d = entry.data;
  return {
    title: d.title,
    date: d.date,
    author: d.author,
    unit: await unitName(d.unit),
    sourceUrl: paths.absolute(entryUrl(entry)),
    summary: summaryOf(entry),
    summaryWritten: Boolean(d.summary),
    tags: d.tags,
    kindLabel: HIGHLIGHT_KINDS[d.kind],
    person: d.person,
    replicable: d.replicable,
    siteTitle: settings.title,
    organization: settings.organization ?? '',
  };
}

/** The final sanitiser with the policy the page's sanitiser used for this entry. */
export function sanitizeFor(entry: AnyEntry, inlineStyles = false): (tree: Root) => Root {
  return (tree) => finalSanitize(tree, { policy: entryPolicy(entry), inlineStyles });
}

/**
 * The body for copies read elsewhere (feeds, 复制正文): every address absolute, each local
 * image swapped for its published JPEG/PNG copy (with its pixel size), players as links.
 * Made once per entry and shared: callers that change it work on a clone.
 */
export const webBody: (entry: AnyEntry) => Promise<Root> = memoByKey(versionKey, makeWebBody);

async function makeWebBody(entry: AnyEntry): Promise<Root> {
  const images = await entryImages(entry, entry.collection === 'highlights' && canRepublish(entry));
  const pageUrl = paths.absolute(entryUrl(entry));
  const tree = swapImages(cloneTree(entryTree(entry)), (img) => {
    const k = images.imageOf(img);
    if (!k) return typeof img.properties.src === 'string' && isRelativeUrl(img.properties.src) ? null : undefined;
    return h('img', {
      src: paths.absolute(entryImageUrl(entry, k.web)),
      alt: typeof img.properties.alt === 'string' ? img.properties.alt : k.alt,
      width: k.width,
      height: k.height,
    });
  });
  return playersToLinks(absolutize(tree, pageUrl));
}

/** 复制正文, both flavours (served as `copy.json`). */
export async function clipboardFor(entry: Highlight): Promise<{ html: string; text: string }> {
  const { tree, text } = clipboardFlavours(await articleMeta(entry), await webBody(entry), httpOrigin(settings.url) ?? '');
  return { html: toHtml(sanitizeFor(entry, true)(tree)), text };
}

async function gatherKit(entry: Highlight): Promise<Uint8Array> {
  const images = await entryImages(entry, true);
  const body = playersToLinks(absolutize(cloneTree(entryTree(entry)), paths.absolute(entryUrl(entry)), true));
  return buildKitZip({
    meta: await articleMeta(entry),
    body,
    imageOf: (img: Element) => images.imageOf(img),
    cover: images.cover,
    images: images.all,
    sanitize: sanitizeFor(entry),
  });
}

/** The 转载包 bytes of a highlight (built once per build; the page shows its size). */
export const kitForEntry: (entry: Highlight) => Promise<Uint8Array> = memoByKey(versionKey, gatherKit);
