/** /forest/YYYY/forest.png: one year's 红树林 poster (drawn in src/collections/drawings.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { fruitYears } from '../../../collections/fruit.ts';
import { forestPng, startDrawings } from '../../../collections/drawings.ts';

export const getStaticPaths = (async () => {
  await startDrawings();
  return (await fruitYears()).map((year) => ({ params: { year } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  return new Response(new Uint8Array(await forestPng(params.year!)), { headers: { 'Content-Type': 'image/png' } });
};
