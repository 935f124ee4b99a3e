/** /rss.xml: every column, newest first, full content. */
import type { APIRoute } from 'astro';
import { renderRss } from '../lib/feed-format.ts';
import { siteFeed } from '../collections/feeds.ts';

export const GET: APIRoute = async () => {
  const { channel, items } = await siteFeed();
  return new Response(renderRss(channel, items), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
