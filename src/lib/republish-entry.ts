/**
 * Gathers what leaves the site for one highlight (kit, clipboard, feed credit) from the
 * content layer. The formats themselves are pure functions in src/lib/republish/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import type { CollectionEntry } from 'astro:content';
import { HIGHLIGHT_KINDS } from './columns.ts';
import { entryFilePath, entryFileUrl, entryUrl, paths, settings, summaryOf, unitName, type AnyEntry } from './content.ts';
import { entryBodyHtml } from './entry-html.ts';
import { resolveEntryHref, slugOfFile } from './entry-links.ts';
import { needsBase } from './paths.ts';
import { contentDir } from './settings.ts';
import { clipboardHtml, type ArticleMeta } from './republish/article.ts';
import { absolutizeHtml, imgTags } from './republish/html.ts';
import { kitImage, type KitImage } from './republish/images.ts';
import { buildKitZip, KIT_FILE } from './republish/kit.ts';
import { articleMarkdown, markdownImages, rewriteMarkdownBody } from './republish/markdown.ts';

type Highlight = CollectionEntry<'highlights'>;

export { canRepublish, inFeeds } from './republish/policy.ts';

/** Base-relative URL of the entry's 转载包. */
export function kitUrl(entry: Highlight): string {
  return paths.url(`highlights/${entry.id}/${KIT_FILE}`);
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

/** Body HTML with every URL absolute (origin + base). */
export async function absoluteBodyHtml(entry: AnyEntry): Promise<string> {
  return absolutizeHtml(await entryBodyHtml(entry), paths.absolute(entryUrl(entry)));
}

/**
 * 复制正文 HTML: inline styles, absolute URLs, credit line. Pages pass the body they
 * rendered themselves (`Astro.slots.render`), so the page never goes through the container.
 */
export async function clipboardHtmlFor(entry: Highlight, renderedBody?: string): Promise<string> {
  const body = renderedBody === undefined ? await absoluteBodyHtml(entry) : absolutizeHtml(renderedBody, paths.absolute(entryUrl(entry)));
  return clipboardHtml(await articleMeta(entry), body);
}

/** An absolute URL for a link written in an entry's Markdown body. */
function linkResolver(entry: AnyEntry): (href: string) => string {
  const file = path.resolve(entry.filePath ?? '');
  const pageUrl = paths.absolute(entryUrl(entry));
  return (href) => {
    if (href === '' || href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href)) return href;
    const target = resolveEntryHref(file, href, contentDir());
    if (target) {
      const slug = slugOfFile(target);
      if (slug) return paths.absolute(paths.entry(target.column, slug)) + target.hash;
    }
    if (href.startsWith('/')) return paths.absolute(needsBase(href, paths.base) ? paths.url(href) : href);
    return new URL(entryFileUrl(entry, href.split('#')[0] ?? href), pageUrl).href;
  };
}

const isLocal = (src: string) => !/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(src);

function readImage(entry: AnyEntry, src: string): Uint8Array | undefined {
  let rel = src;
  try {
    rel = decodeURIComponent(src);
  } catch {
    /* as written */
  }
  try {
    return new Uint8Array(readFileSync(entryFilePath(entry, rel)));
  } catch {
    return undefined;
  }
}

const kits = new Map<string, Promise<Uint8Array>>();

/** The 转载包 bytes of a highlight (built once per build; the page shows its size). */
export function kitForEntry(entry: Highlight): Promise<Uint8Array> {
  let hit = kits.get(entry.id);
  if (!hit) {
    hit = buildKit(entry);
    kits.set(entry.id, hit);
  }
  return hit;
}

async function buildKit(entry: Highlight): Promise<Uint8Array> {
  const meta = await articleMeta(entry);
  const bodyHtml = await absoluteBodyHtml(entry);
  const body = entry.body ?? '';
  const used = new Set<string>();
  const bySrc = new Map<string, KitImage>();

  // The cover as the author wrote it (the parsed field is already an optimized asset).
  const raw = matter(readFileSync(path.resolve(entry.filePath ?? ''), 'utf8').replace(/^\uFEFF/, '')).data as { cover?: unknown };
  let cover: KitImage | undefined;
  if (typeof raw.cover === 'string' && isLocal(raw.cover)) {
    const bytes = readImage(entry, raw.cover);
    if (bytes) cover = await kitImage(used, raw.cover, bytes, `${meta.title}（封面）`);
  }

  // Body images: the rendered local <img>s are the Markdown images, in order.
  const written = markdownImages(body).filter((i) => isLocal(i.src));
  for (const w of written) {
    if (bySrc.has(w.src)) continue;
    const bytes = readImage(entry, w.src);
    if (bytes) bySrc.set(w.src, await kitImage(used, w.src, bytes, w.alt));
  }
  const rendered = imgTags(bodyHtml);
  let k = 0;
  const bodyImages = rendered.map((img) => {
    const local = 'data-astro-image' in img.attrs || /\/_astro\//.test(img.attrs.src ?? '');
    if (!local) return undefined;
    const byOrder = written[k++];
    const match = byOrder && byOrder.alt === (img.attrs.alt ?? '') ? byOrder : written.find((w) => w.alt === img.attrs.alt);
    return match ? bySrc.get(match.src) : undefined;
  });

  const markdown = articleMarkdown(
    meta,
    rewriteMarkdownBody(body, { image: (src) => bySrc.get(src)?.web, link: linkResolver(entry) }),
    cover?.web,
  );
  return buildKitZip({ meta, bodyHtml, bodyImages, cover, markdown });
}
