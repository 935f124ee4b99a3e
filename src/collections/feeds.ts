/**
 * Every feed's items are built here (site RSS, column RSS, highlights RSS and JSON Feed):
 * full HTML with absolute URLs (origin + base), author, unit, summary, tags, canonical URL.
 * Highlights marked `republish: false` are in no feed.
 */
import type { ImageMetadata } from 'astro';
import { COLUMNS, HIGHLIGHT_KINDS, type ColumnId } from '../lib/columns.ts';
import { entryUnitId, entryUrl, getAllEntries, getEntries, summaryOf, unitName, type AnyEntry } from './entries.ts';
import { paths, settings } from '../config/site.ts';
import type { FeedChannel, FeedItem } from '../lib/feed-format.ts';
import { creditHtml, extrasAfterHtml, extrasBeforeHtml } from '../lib/republish/article.ts';
import { absolutizeHtml, escapeHtml } from '../lib/republish/html.ts';
import { inFeeds } from '../lib/republish/policy.ts';
import { absoluteBodyHtml, articleMeta, portableBodyHtml } from './republish.ts';

/** How many entries a feed lists (newest first). */
export const FEED_LIMIT = 50;


/** Image fields are typed loosely by the shared schema factories. */
const srcOf = (image: unknown): string | undefined => (image as ImageMetadata | undefined)?.src;

function img(src: string | undefined, alt: string): string {
  if (!src) return '';
  return `<p><img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"></p>`;
}

/** Full HTML of one entry for a feed (absolute URLs). */
async function contentHtml(entry: AnyEntry): Promise<string> {
  const pageUrl = paths.absolute(entryUrl(entry));
  if (entry.collection === 'highlights') {
    const meta = await articleMeta(entry);
    return extrasBeforeHtml(meta) + (await portableBodyHtml(entry)) + extrasAfterHtml(meta) + creditHtml(meta);
  }
  const body = await absoluteBodyHtml(entry);
  switch (entry.collection) {
    case 'one-picture': {
      const d = entry.data;
      const outline = d.outline
        .map((s) => `<h2>${escapeHtml(s.heading)}</h2><ul>${s.points.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`)
        .join('');
      return absolutizeHtml(img(srcOf(d.image), d.imageAlt), pageUrl) + outline + body;
    }
    case 'salon': {
      const d = entry.data;
      const facts = `<p>第${d.issue}期　参会人员：${escapeHtml(d.participants)}${
        d.speakers.length ? `　主讲：${d.speakers.map((s) => escapeHtml(s.role ? `${s.name}（${s.role}）` : s.name)).join('、')}` : ''
      }</p>`;
      const photos = d.photos
        .map((p) => `<figure><img src="${escapeHtml(srcOf(p.src) ?? '')}" alt="${escapeHtml(p.alt)}">${p.caption ? `<figcaption>${escapeHtml(p.caption)}</figcaption>` : ''}</figure>`)
        .join('');
      return facts + body + absolutizeHtml(photos, pageUrl);
    }
    case 'videos': {
      const d = entry.data;
      const poster = d.poster ? absolutizeHtml(img(srcOf(d.poster), `视频《${d.title}》封面`), pageUrl) : '';
      return `${poster}<p><a href="${escapeHtml(pageUrl)}">观看视频《${escapeHtml(d.title)}》${d.duration ? `（${escapeHtml(d.duration)}）` : ''}</a></p>${body}`;
    }
  }
}

export async function feedItem(entry: AnyEntry): Promise<FeedItem> {
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
