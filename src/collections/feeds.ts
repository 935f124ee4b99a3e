/**
 * Every feed's items are built here (site RSS, column RSS, highlights RSS and JSON Feed):
 * full HTML with absolute URLs (origin + base), author, unit, summary, tags, canonical URL.
 * Highlights marked `republish: false` are in no feed.
 */
import type { ImageMetadata } from 'astro';
import type { ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { COLUMNS, HIGHLIGHT_KINDS, type ColumnId } from '../lib/columns.ts';
import { memoByKey, versionKey } from '../lib/memo.ts';
import { entryUnitId, entryUrl, getAllEntries, getEntries, summaryOf, unitName, type AnyEntry } from './entries.ts';
import { paths, settings } from '../config/site.ts';
import type { FeedChannel, FeedItem } from '../lib/feed-format.ts';
import { creditSection, extrasAfter, extrasBefore } from '../lib/republish/article.ts';
import { inFeeds } from '../lib/republish/policy.ts';
import { articleMeta, sanitizeFor, webBody } from './republish.ts';

/** How many entries a feed lists (newest first). */
export const FEED_LIMIT = 50;


/** Image fields are typed loosely by the shared schema factories. */
const srcOf = (image: unknown): string | undefined => (image as ImageMetadata | undefined)?.src;

/** A picture from an image field (its original under `_astro/`), absolute. */
function picture(src: string | undefined, alt: string, caption?: string): ElementContent[] {
  if (!src) return [];
  const img = h('img', { src: paths.absolute(src), alt });
  return [caption ? h('figure', [img, h('figcaption', caption)]) : h('p', [img])];
}

/** Full HTML of one entry for a feed (absolute URLs), through the final sanitiser. */
async function contentHtml(entry: AnyEntry): Promise<string> {
  const body = (await webBody(entry)).children as ElementContent[];
  let children: ElementContent[];
  switch (entry.collection) {
    case 'highlights': {
      const meta = await articleMeta(entry);
      children = [...extrasBefore(meta), ...body, ...extrasAfter(meta), creditSection(meta)];
      break;
    }
    case 'one-picture': {
      const d = entry.data;
      const outline = d.outline.flatMap((s) => [h('h2', s.heading), h('ul', s.points.map((p) => h('li', p)))]);
      children = [...picture(srcOf(d.image), d.imageAlt), ...outline, ...body];
      break;
    }
    case 'salon': {
      const d = entry.data;
      const speakers = d.speakers.length ? `　主讲：${d.speakers.map((s) => (s.role ? `${s.name}（${s.role}）` : s.name)).join('、')}` : '';
      const facts = h('p', `第${d.issue}期　参会人员：${d.participants}${speakers}`);
      children = [facts, ...body, ...d.photos.flatMap((p) => picture(srcOf(p.src), p.alt, p.caption))];
      break;
    }
    case 'videos': {
      const d = entry.data;
      const poster = d.poster ? picture(srcOf(d.poster), `视频《${d.title}》封面`) : [];
      const link = h('p', [h('a', { href: paths.absolute(entryUrl(entry)) }, `观看视频《${d.title}》${d.duration ? `（${d.duration}）` : ''}`)]);
      children = [...poster, link, ...body];
      break;
    }
  }
  const tree: Root = { type: 'root', children };
  return toHtml(sanitizeFor(entry)(tree));
}

/** Entries of every feed (and so of every copy that leaves the site), per column, newest first. */
export async function feedEntries(column: ColumnId): Promise<AnyEntry[]> {
  return (await getEntries(column)).filter((e) => inFeeds(e as { collection: string; data: { republish?: boolean } })).slice(0, FEED_LIMIT) as AnyEntry[];
}

/** One entry's feed item, made once per build (the site feed, its column's RSS and the JSON Feed share it). */
export const feedItem: (entry: AnyEntry) => Promise<FeedItem> = memoByKey(versionKey, makeFeedItem);

async function makeFeedItem(entry: AnyEntry): Promise<FeedItem> {
  const unitId = entryUnitId(entry);
  const unit = await unitName(unitId);
  const cover = srcOf(entry.data.cover);
  return {
    url: paths.absolute(entryUrl(entry)),
    title: entry.data.title,
    summary: summaryOf(entry),
    contentHtml: await contentHtml(entry),
    date: entry.data.date,
    author: entry.collection === 'highlights' ? entry.data.author : unit || settings.organization || settings.title,
    unit,
    unitUrl: unitId ? paths.absolute(paths.unit(unitId)) : undefined,
    tags: entry.collection === 'highlights' ? [HIGHLIGHT_KINDS[entry.data.kind], ...entry.data.tags] : entry.data.tags,
    column: COLUMNS[entry.collection].name,
    image: cover ? paths.absolute(cover) : undefined,
  };
}

async function items(entries: AnyEntry[]): Promise<FeedItem[]> {
  return Promise.all(entries.filter((e) => inFeeds(e as { collection: string; data: { republish?: boolean } })).slice(0, FEED_LIMIT).map(feedItem));
}

export async function siteFeed(): Promise<{ channel: FeedChannel; items: FeedItem[] }> {
  return {
    channel: {
      title: settings.title,
      description: settings.description || settings.title,
      homeUrl: paths.absolute(paths.home()),
      feedUrl: paths.absolute(paths.rss()),
      iconUrl: paths.absolute(paths.asset('favicon.svg')),
    },
    items: await items(await getAllEntries()),
  };
}

export async function columnFeed(column: ColumnId, format: 'rss' | 'json' = 'rss'): Promise<{ channel: FeedChannel; items: FeedItem[] }> {
  return {
    channel: {
      title: `${COLUMNS[column].name} - ${settings.title}`,
      description: COLUMNS[column].description,
      homeUrl: paths.absolute(paths.column(column)),
      feedUrl: paths.absolute(format === 'json' ? paths.jsonFeed() : paths.rss(column)),
      iconUrl: paths.absolute(paths.asset('favicon.svg')),
    },
    items: await items(await getEntries(column)),
  };
}
