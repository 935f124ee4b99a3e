/** /units/ID/tree.png: the unit's 红果树 as a PNG for slides and posters. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { UNIT_KINDS } from '../../../lib/columns.ts';
import { getUnitTree, unitStaticPaths } from '../../../collections/entries.ts';
import { config, settings } from '../../../config/site.ts';
import { unitFruits } from '../../../collections/fruit.ts';
import { countByColumn, layoutTree, renderTreePoster } from '../../../lib/fruit-tree.ts';
import { svgToPng } from '../../../lib/svg-png.ts';

export const getStaticPaths = unitStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const id = params.id!;
  const unit = (await getUnitTree()).byId.get(id)!;
  const { own, sub } = await unitFruits(id);
  const fruits = [...own, ...sub];
  const svg = renderTreePoster(layoutTree(fruits), {
    heading: `${unit.name} · 红果树`,
    sub: `${UNIT_KINDS[unit.kind]} · 共 ${fruits.length} 项成果${sub.length ? `（含下级党组织 ${sub.length} 项）` : ''} · ${settings.title}`,
    counts: countByColumn(fruits),
    showSub: sub.length > 0,
  });
  return new Response(new Uint8Array(await svgToPng(svg, config.cacheDir)), { headers: { 'Content-Type': 'image/png' } });
};
