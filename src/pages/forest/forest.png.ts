/** /forest/forest.png: the whole 红树林 as an A3-landscape poster (2480 px wide). */
import type { APIRoute } from 'astro';
import { config, settings } from '../../config/site.ts';
import { renderForestSvg } from '../../lib/forest.ts';
import { loadForest } from '../../collections/fruit.ts';
import { svgToPng } from '../../lib/svg-png.ts';

export const GET: APIRoute = async () => {
  const forest = await loadForest();
  const svg = renderForestSvg(forest, {
    title: '红树林',
    subtitle: `${settings.organization || settings.title} · ${forest.units} 个党组织 · 共 ${forest.total} 项党建成果`,
  });
  return new Response(new Uint8Array(await svgToPng(svg, config.cacheDir)), { headers: { 'Content-Type': 'image/png' } });
};
