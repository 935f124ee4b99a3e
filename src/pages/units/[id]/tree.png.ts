/** /units/ID/tree.png: the unit's 红果树 as a PNG for slides and posters (drawn in src/collections/drawings.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { unitStaticPaths } from '../../../collections/entries.ts';
import { startDrawings, treePng } from '../../../collections/drawings.ts';

export const getStaticPaths = (async () => {
  await startDrawings();
  return unitStaticPaths();
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  return new Response(new Uint8Array(await treePng(params.id!)), { headers: { 'Content-Type': 'image/png' } });
};
