/**
 * /highlights/SLUG/images/NAME-web.jpg: the kit's web-size images, published so that the
 * 复制正文 copy and the feeds point at plain JPEG/PNG files (only for republishable highlights).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEntries } from '../../../../collections/entries.ts';
import { canRepublish, kitImages } from '../../../../collections/republish.ts';

export const getStaticPaths = (async () => {
  const routes: { params: { slug: string; file: string }; props: { bytes: Uint8Array } }[] = [];
  // Only builds publish these (the dev server's copy and feeds use the page's own images;
  // listing them here in dev left the pages' Markdown images unresolved).
  if (import.meta.env.DEV) return routes;
  for (const entry of (await getEntries('highlights')).filter(canRepublish)) {
    const { cover, bySrc } = await kitImages(entry);
    for (const img of [...(cover ? [cover] : []), ...bySrc.values()]) {
      routes.push({ params: { slug: entry.id, file: img.web.replace(/^images\//, '') }, props: { bytes: img.webBytes } });
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
