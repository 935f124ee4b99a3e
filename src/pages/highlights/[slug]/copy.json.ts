/**
 * /highlights/SLUG/copy.json: the 复制正文 copy (`html`: inline styles for the WeChat and OA
 * editors; `text`: text/plain), fetched by the button, so the page carries its body once.
 * Only for highlights that may be republished.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEntries } from '../../../collections/entries.ts';
import { entryPageKey } from '../../../collections/page-keys.ts';
import { canRepublish, clipboardFor } from '../../../collections/republish.ts';

export const getStaticPaths = (async () => {
  const entries = await getEntries('highlights');
  // Incremental builds copy it when nothing in it changed (the kit's key: src/collections/page-keys.ts).
  return Promise.all(
    entries.filter(canRepublish).map(async (entry) => ({ params: { slug: entry.id }, props: { entry }, ...(import.meta.env.PROD ? { cacheKey: await entryPageKey(entry) } : {}) })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const copy = await clipboardFor((props as { entry: Parameters<typeof clipboardFor>[0] }).entry);
  return new Response(JSON.stringify(copy), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
