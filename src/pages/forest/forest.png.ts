/** /forest/forest.png: the whole 红树林 as an A3-landscape poster (2480 px wide; drawn in src/collections/drawings.ts). */
import type { APIRoute } from 'astro';
import { forestPng } from '../../collections/drawings.ts';

export const GET: APIRoute = async () => {
  return new Response(new Uint8Array(await forestPng()), { headers: { 'Content-Type': 'image/png' } });
};
