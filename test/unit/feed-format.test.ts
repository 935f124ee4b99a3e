/** RSS 2.0 and JSON Feed 1.1 writers: dates, escaping, required elements. */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { jsonFeed, renderRss, rfc3339, rfc822, type FeedChannel, type FeedItem } from '../../src/lib/feed-format.ts';

const channel: FeedChannel = {
  title: '红色亮点 - 红色专栏',
  description: '说明 & 描述',
  homeUrl: 'http://oa.example.cn/dangjian/highlights/',
  feedUrl: 'http://oa.example.cn/dangjian/highlights/rss.xml',
};
const item: FeedItem = {
  url: 'http://oa.example.cn/dangjian/highlights/a/',
  title: '“三训”体系 <测试> & 符号',
  summary: '摘要',
  contentHtml: '<p>正文 ]]> 结尾</p>',
  date: '2026-03-18',
  author: '宣传组',
  unit: '机关党委',
  tags: ['党课', '培训'],
  column: '红色亮点',
};

describe('dates', () => {
  it('RFC 822 with weekday and +0800', () => {
    expect(rfc822('2026-03-18')).toBe('Wed, 18 Mar 2026 00:00:00 +0800');
    expect(rfc822('2025-01-05')).toBe('Sun, 05 Jan 2025 00:00:00 +0800');
    // The day is China's day: parsing gives the UTC instant of Beijing midnight.
    expect(new Date(rfc822('2026-03-18')).toISOString()).toBe('2026-03-17T16:00:00.000Z');
  });
  it('RFC 3339', () => {
    expect(rfc3339('2026-03-18')).toBe('2026-03-18T00:00:00+08:00');
    expect(new Date(rfc3339('2026-03-18')).getTime()).toBe(new Date(rfc822('2026-03-18')).getTime());
  });
});

describe('renderRss', () => {
  it('is well-formed XML with escaped text and the full HTML intact (even with "]]>")', () => {
    const xml = renderRss(channel, [item]);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const ch = doc.rss.channel;
    expect(doc.rss['@_version']).toBe('2.0');
    expect(ch.description).toBe('说明 & 描述');
    expect(ch.item.title).toBe(item.title);
    expect(ch.item['content:encoded']).toBe(item.contentHtml);
    expect(ch.item.guid['#text']).toBe(item.url);
    expect(ch.item.category).toEqual([
      { '#text': '红色亮点', '@_domain': 'column' },
      { '#text': '机关党委', '@_domain': 'unit' },
      '党课',
      '培训',
    ]);
    expect(ch.lastBuildDate).toBe(rfc822('2026-03-18'));
  });
  it('an empty feed is still a valid channel', () => {
    const doc = new XMLParser().parse(renderRss(channel, []));
    expect(doc.rss.channel.title).toBe(channel.title);
    expect(doc.rss.channel.item).toBeUndefined();
  });
});

describe('jsonFeed', () => {
  it('has the 1.1 fields', () => {
    const f = jsonFeed(channel, [item]) as { version: string; items: Record<string, unknown>[] };
    expect(f.version).toBe('https://jsonfeed.org/version/1.1');
    expect(f.items[0]).toMatchObject({
      id: item.url,
      url: item.url,
      content_html: item.contentHtml,
      date_published: '2026-03-18T00:00:00+08:00',
      authors: [{ name: '宣传组' }],
      tags: ['党课', '培训'],
      _red_columns: { unit: '机关党委' },
    });
  });
});
