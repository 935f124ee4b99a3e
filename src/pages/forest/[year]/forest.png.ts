/** /forest/YYYY/forest.png: one year's 红树林 poster. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { config, settings } from '../../../config/site.ts';
import { renderForestSvg } from '../../../lib/forest.ts';
import { fruitYears, loadForest } from '../../../collections/fruit.ts';
import { svgToPng } from '../../../lib/svg-png.ts';

export const getStaticPaths = (async () => (await fruitYears()).map((year) => ({ params: { year } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const year = params.year!;
  const forest = await loadForest(year);
  const svg = renderForestSvg(forest, {
    title: `红树林 · ${year}年`,
    subtitle: `${settings.organization || settings.title} · ${forest.units} 个党组织 · ${year}年共 ${forest.total} 项党建成果`,
  });
  return new Response(new Uint8Array(await svgToPng(svg, config.cacheDir)), { headers: { 'Content-Type': 'image/png' } });
};
