/**
 * The 红果树 and 红树林 PNG downloads, drawn from the content index. In a build every drawing
 * starts as soon as the routes are listed (`startDrawings`), a few at a time beside page
 * rendering, and each route only waits for its own; all are cached across builds by the hash of
 * their SVG and font (src/lib/svg-png.ts).
 */
import { config, settings } from '../config/site.ts';
import { UNIT_KINDS } from '../lib/columns.ts';
import { drawing } from '../lib/file-cache.ts';
import { renderForestSvg } from '../lib/forest.ts';
import { countByColumn, layoutTree, renderTreePoster } from '../lib/fruit-tree.ts';
import { svgToPng } from '../lib/svg-png.ts';
import { derive } from './content-index.ts';
import { getUnitTree } from './entries.ts';
import { fruitYears, loadForest, unitFruits } from './fruit.ts';

/** The poster SVG of a unit's 红果树. */
export async function treePosterSvg(id: string): Promise<string> {
  const unit = (await getUnitTree()).byId.get(id)!;
  const { own, sub } = await unitFruits(id);
  const fruits = [...own, ...sub];
  return renderTreePoster(layoutTree(fruits), {
    heading: `${unit.name} · 红果树`,
    sub: `${UNIT_KINDS[unit.kind]} · 共 ${fruits.length} 项成果${sub.length ? `（含下级党组织 ${sub.length} 项）` : ''} · ${settings.title}`,
    counts: countByColumn(fruits),
    showSub: sub.length > 0,
  });
}

/** The poster SVG of the 红树林, of all years or of one. */
export async function forestPosterSvg(year?: string): Promise<string> {
  const forest = await loadForest(year);
  const org = settings.organization || settings.title;
  return renderForestSvg(forest, {
    title: year ? `红树林 · ${year}年` : '红树林',
    subtitle: year ? `${org} · ${forest.units} 个党组织 · ${year}年共 ${forest.total} 项党建成果` : `${org} · ${forest.units} 个党组织 · 共 ${forest.total} 项党建成果`,
  });
}

const png = (svg: () => Promise<string>) => drawing(async () => svgToPng(await svg(), config.cacheDir));

export function treePng(id: string): Promise<Uint8Array> {
  return derive(`tree-png:${id}`, () => png(() => treePosterSvg(id)));
}

export function forestPng(year?: string): Promise<Uint8Array> {
  return derive(`forest-png:${year ?? ''}`, () => png(() => forestPosterSvg(year)));
}

/** Starts every tree and forest PNG of the build in the background (a build only; dev draws on request). */
export async function startDrawings(): Promise<void> {
  if (!import.meta.env.PROD) return;
  await derive('start-drawings', async (index) => {
    const quiet = (p: Promise<unknown>) => void p.catch(() => {});
    quiet(forestPng());
    for (const year of await fruitYears()) quiet(forestPng(year));
    for (const u of index.units.units) quiet(treePng(u.id));
  });
}
