/**
 * RSS 2.0 and JSON Feed 1.1 writers. Pure: items carry absolute URLs and full HTML.
 * Dates are calendar days in China (UTC+8); times are midnight there.
 */
import { escapeMarkup as escapeXml, xmlSafe } from './escape.ts';

export interface FeedChannel {
  title: string;
  description: string;
  /** Absolute URL of the page the feed is about (with base). */
  homeUrl: string;
  /** Absolute URL of this feed. */
  feedUrl: string;
  /** Absolute URL of the site's icon. */
  iconUrl?: string | undefined;
  /** Other feed formats of the same items, for `atom:link rel="alternate"`-free discovery. */
  language?: string;
}

export interface FeedItem {
  /** Absolute canonical URL: also the id/guid. */
  url: string;
  title: string;
  summary: string;
  /** Full HTML, every URL absolute. */
  contentHtml: string;
  /** `YYYY-MM-DD` */
  date: string;
  author: string;
  /** Name of the unit (来源单位). */
  unit: string;
  /** Absolute URL of the unit's page. */
  unitUrl?: string | undefined;
  tags: string[];
  /** Column name (栏目). */
  column: string;
  /** Absolute URL of the cover image. */
  image?: string | undefined;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(day: string): [number, number, number] {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  return [y, m, d];
}

/** RFC 822 (as RSS 2.0 asks, four-digit year): `Tue, 10 Mar 2026 00:00:00 +0800`. */
export function rfc822(day: string): string {
  const [y, m, d] = parts(day);
  const weekday = DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${weekday}, ${String(d).padStart(2, '0')} ${MONTHS[m - 1]} ${y} 00:00:00 +0800`;
}

/** RFC 3339: `2026-03-10T00:00:00+08:00`. */
export function rfc3339(day: string): string {
  return `${day}T00:00:00+08:00`;
}

/** Text and attribute values in the feed (characters XML 1.0 forbids removed): the one escaper. */
export { escapeXml };

function cdata(s: string): string {
  return `<![CDATA[${xmlSafe(s).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** Newest item's day: the feed's build date, so the same content gives the same bytes. */
function newest(items: FeedItem[]): string | undefined {
  return items.reduce<string | undefined>((max, i) => (max === undefined || i.date > max ? i.date : max), undefined);
}

export function renderRss(channel: FeedChannel, items: FeedItem[]): string {
  const last = newest(items);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${escapeXml(channel.title)}</title>`,
    `<link>${escapeXml(channel.homeUrl)}</link>`,
    `<description>${escapeXml(channel.description)}</description>`,
    `<language>${channel.language ?? 'zh-CN'}</language>`,
    `<atom:link href="${escapeXml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    '<docs>https://www.rssboard.org/rss-specification</docs>',
  ];
  if (last) out.push(`<lastBuildDate>${rfc822(last)}</lastBuildDate>`, `<pubDate>${rfc822(last)}</pubDate>`);
  for (const item of items) {
    out.push(
      '<item>',
      `<title>${escapeXml(item.title)}</title>`,
      `<link>${escapeXml(item.url)}</link>`,
      `<guid isPermaLink="true">${escapeXml(item.url)}</guid>`,
      `<pubDate>${rfc822(item.date)}</pubDate>`,
      `<dc:creator>${escapeXml(item.author)}</dc:creator>`,
      `<dc:publisher>${escapeXml(item.unit)}</dc:publisher>`,
      `<description>${escapeXml(item.summary)}</description>`,
      `<content:encoded>${cdata(item.contentHtml)}</content:encoded>`,
      `<category domain="column">${escapeXml(item.column)}</category>`,
      `<category domain="unit">${escapeXml(item.unit)}</category>`,
      ...item.tags.map((t) => `<category>${escapeXml(t)}</category>`),
      '</item>',
    );
  }
  out.push('</channel>', '</rss>', '');
  return out.join('\n');
}

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

export function jsonFeed(channel: FeedChannel, items: FeedItem[]): Record<string, unknown> {
  return {
    version: JSON_FEED_VERSION,
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: channel.feedUrl,
    description: channel.description,
    ...(channel.iconUrl ? { favicon: channel.iconUrl } : {}),
    language: channel.language ?? 'zh-CN',
    items: items.map((item) => ({
      id: item.url,
      url: item.url,
      title: item.title,
      content_html: item.contentHtml,
      summary: item.summary,
      ...(item.image ? { image: item.image } : {}),
      date_published: rfc3339(item.date),
      authors: [{ name: item.author }],
      tags: item.tags,
      // Extension (JSON Feed 1.1 §: custom keys start with "_").
      _red_columns: { unit: item.unit, ...(item.unitUrl ? { unit_url: item.unitUrl } : {}), column: item.column },
    })),
  };
}

export function renderJsonFeed(channel: FeedChannel, items: FeedItem[]): string {
  return `${JSON.stringify(jsonFeed(channel, items), null, 2)}\n`;
}
