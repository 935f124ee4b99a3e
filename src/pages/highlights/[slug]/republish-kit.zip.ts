/** /highlights/SLUG/republish-kit.zip: the 转载包, only for highlights that may be republished. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEntries } from '../../../collections/entries.ts';
import { entryPageKey } from '../../../collections/page-keys.ts';
import { canRepublish, kitForEntry } from '../../../collections/republish.ts';

export const getStaticPaths = (async () => {
  const entries = await getEntries('highlights');
  // Incremental builds copy the kit when nothing in it changed (src/collections/page-keys.ts).
  return Promise.all(
    entries.filter(canRepublish).map(async (entry) => ({ params: { slug: entry.id }, props: { entry }, ...(import.meta.env.PROD ? { cacheKey: await entryPageKey(entry) } : {}) })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const bytes = await kitForEntry((props as { entry: Parameters<typeof kitForEntry>[0] }).entry);
  return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/zip' } });
};
