/**
 * Gathers what leaves the site for one highlight (kit, clipboard, feed credit) from the
 * content layer. The formats themselves are pure functions in src/lib/republish/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import type { CollectionEntry } from 'astro:content';
import { HIGHLIGHT_KINDS } from '../lib/columns.ts';
import { entryFilePath, entryFileUrl, entryUrl, summaryOf, unitName, type AnyEntry } from './entries.ts';
import { config, paths, settings } from '../config/site.ts';
import { entryBodyHtml } from './entry-html.ts';
import { resolveEntryHref, slugOfFile } from '../lib/entry-links.ts';
import { needsBase } from '../lib/paths.ts';
import { clipboardHtml, type ArticleMeta } from '../lib/republish/article.ts';
import { absolutizeHtml, escapeHtml, imgTags, replaceImgTags } from '../lib/republish/html.ts';
import { kitImage, type KitImage } from '../lib/republish/images.ts';
import { buildKitZip, type KitInput } from '../lib/republish/kit.ts';
import { articleMarkdown, markdownImages, rewriteMarkdownBody } from '../lib/republish/markdown.ts';

type Highlight = CollectionEntry<'highlights'>;

export { canRepublish, inFeeds } from '../lib/republish/policy.ts';

/** Base-relative URL of the entry's 转载包. */
export function kitUrl(entry: Highlight): string {
  return paths.kit(entry.id);
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
  return clipboardHtml(await articleMeta(entry), await portableBodyHtml(entry, renderedBody));
}

/** An absolute URL for a link written in an entry's Markdown body. */
function linkResolver(entry: AnyEntry): (href: string) => string {
  const file = path.resolve(entry.filePath ?? '');
  const pageUrl = paths.absolute(entryUrl(entry));
  return (href) => {
    if (href === '' || href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href)) return href;
    const target = resolveEntryHref(file, href, config.contentDir);
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

const parts = new Map<string, Promise<KitInput>>();
const kits = new Map<string, Promise<Uint8Array>>();

/** Everything the 转载包 holds, gathered once per build. */
export function kitParts(entry: Highlight): Promise<KitInput> {
  let hit = parts.get(entry.id);
  if (!hit) {
    hit = gatherKit(entry);
    parts.set(entry.id, hit);
  }
  return hit;
}

/** The 转载包 bytes of a highlight (built once per build; the page shows its size). */
export function kitForEntry(entry: Highlight): Promise<Uint8Array> {
  let hit = kits.get(entry.id);
  if (!hit) {
    hit = kitParts(entry).then(buildKitZip);
    kits.set(entry.id, hit);
  }
  return hit;
}

/**
 * Base-relative URL of a kit image published beside the entry
 * (`highlights/SLUG/images/NAME-web.jpg`): plain JPEG/PNG that any OA editor or feed reader shows.
 */
export function kitImageUrl(entry: Highlight, file: string): string {
  return paths.kitImage(entry.id, file);
}

/**
 * The body with every URL absolute and, in builds, each local image swapped for its
 * published web-size JPEG/PNG (the page itself uses WebP, which old OA editors cannot show).
 * The dev server keeps the page's images (it never runs the container inside a page).
 */
export async function portableBodyHtml(entry: Highlight, renderedBody?: string): Promise<string> {
  const html = renderedBody ?? (await entryBodyHtml(entry));
  const pageUrl = paths.absolute(entryUrl(entry));
  if (import.meta.env.DEV) return absolutizeHtml(html, pageUrl);
  const { bodyImages } = await kitParts(entry);
  const swapped = replaceImgTags(html, (_img, i) => {
    const k = bodyImages[i];
    return k
      ? `<img src="${escapeHtml(kitImageUrl(entry, k.web))}" alt="${escapeHtml(k.alt)}" width="${k.width}" height="${k.height}">`
      : undefined;
  });
  return absolutizeHtml(swapped, pageUrl);
}

interface KitImages {
  cover: KitImage | undefined;
  /** Local images written in the body, in order. */
  written: { alt: string; src: string }[];
  /** Kit image of each written source. */
  bySrc: Map<string, KitImage>;
}

const imageSets = new Map<string, Promise<KitImages>>();

/**
 * The kit's images (cover and body images from the Markdown source), without rendering the
 * body: the published-images route lists them without ever touching the Astro container.
 */
export function kitImages(entry: Highlight): Promise<KitImages> {
  let hit = imageSets.get(entry.id);
  if (!hit) {
    hit = gatherImages(entry);
    imageSets.set(entry.id, hit);
  }
  return hit;
}

async function gatherImages(entry: Highlight): Promise<KitImages> {
  const used = new Set<string>();
  const bySrc = new Map<string, KitImage>();
  // The cover as the author wrote it (the parsed field is already an optimized asset).
  const raw = matter(readFileSync(path.resolve(entry.filePath ?? ''), 'utf8').replace(/^\uFEFF/, '')).data as { cover?: unknown };
  let cover: KitImage | undefined;
  if (typeof raw.cover === 'string' && isLocal(raw.cover)) {
    const bytes = readImage(entry, raw.cover);
    if (bytes) cover = await kitImage(used, raw.cover, bytes, `${entry.data.title}（封面）`);
  }
  const written = markdownImages(entry.body ?? '').filter((i) => isLocal(i.src));
  for (const w of written) {
    if (bySrc.has(w.src)) continue;
    const bytes = readImage(entry, w.src);
    if (bytes) bySrc.set(w.src, await kitImage(used, w.src, bytes, w.alt));
  }
  return { cover, written, bySrc };
}

async function gatherKit(entry: Highlight): Promise<KitInput> {
  const meta = await articleMeta(entry);
  const bodyHtml = await absoluteBodyHtml(entry);
  const body = entry.body ?? '';
  const { cover, written, bySrc } = await kitImages(entry);

  // Body images: the rendered local <img>s are the Markdown images, in order.
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
  return { meta, bodyHtml, bodyImages, cover, markdown };
}
