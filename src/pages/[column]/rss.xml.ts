/** /COLUMN/rss.xml: one column, full content (highlights: only those that may be republished). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { COLUMN_IDS, type ColumnId } from '../../lib/columns.ts';
import { renderRss } from '../../lib/feed-format.ts';
import { columnFeed } from '../../collections/feeds.ts';

export const getStaticPaths = (() => COLUMN_IDS.map((column) => ({ params: { column } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { channel, items } = await columnFeed(params.column as ColumnId);
  return new Response(renderRss(channel, items), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
