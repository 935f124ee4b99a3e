/** /highlights/feed.json: JSON Feed 1.1 of the highlights that may be republished. */
import type { APIRoute } from 'astro';
import { renderJsonFeed } from '../../lib/feed-format.ts';
import { columnFeed } from '../../collections/feeds.ts';

export const GET: APIRoute = async () => {
  const { channel, items } = await columnFeed('highlights', 'json');
  return new Response(renderJsonFeed(channel, items), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
