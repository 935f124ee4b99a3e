/**
 * /COLUMN/SLUG/images/NAME-web.jpg: web-size JPEG/PNG copies of the images of every entry
 * whose body leaves the site (feeds, 复制正文, kits), so those copies show plain pictures
 * any OA editor or feed reader can display (the page itself uses WebP).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { COLUMN_IDS } from '../../../../lib/columns.ts';
import { feedEntries } from '../../../../collections/feeds.ts';
import { canRepublish } from '../../../../collections/republish.ts';
import { entryImages } from '../../../../collections/entry-images.ts';
import { getEntries, type AnyEntry } from '../../../../collections/entries.ts';

export const getStaticPaths = (async () => {
  const routes: { params: { column: string; slug: string; file: string }; props: { bytes: Uint8Array } }[] = [];
  const seen = new Set<string>();
  const offSite: AnyEntry[] = [...(await getEntries('highlights')).filter(canRepublish)];
  for (const column of COLUMN_IDS) offSite.push(...(await feedEntries(column)));
  for (const entry of offSite) {
    const key = `${entry.collection}/${entry.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const images = await entryImages(entry, entry.collection === 'highlights' && canRepublish(entry));
    for (const img of images.all) {
      routes.push({ params: { column: entry.collection, slug: entry.id, file: img.web.replace(/^images\//, '') }, props: { bytes: img.webBytes } });
    }
  }
  return routes;
}) satisfies GetStaticPaths;

const TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

export const GET: APIRoute = ({ props, params }) => {
  const ext = String(params.file).split('.').pop() ?? '';
  return new Response((props as { bytes: Uint8Array }).bytes as Uint8Array<ArrayBuffer>, {
    headers: { 'Content-Type': TYPES[ext] ?? 'application/octet-stream' },
  });
};
