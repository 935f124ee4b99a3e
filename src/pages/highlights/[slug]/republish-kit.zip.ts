/** /highlights/SLUG/republish-kit.zip: the 转载包, only for highlights that may be republished. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { kitForEntry, republishPaths } from '../../../collections/republish.ts';

export const getStaticPaths = republishPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const bytes = await kitForEntry((props as { entry: Parameters<typeof kitForEntry>[0] }).entry);
  return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/zip' } });
};
