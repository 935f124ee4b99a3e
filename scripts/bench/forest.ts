/**
 * Bench: 红果树 / 红树林 layout and PNG rendering. Prints the time to lay out and render a
 * 200-fruit tree, an 80-unit forest (about 1,100 fruit) as its poster SVG, and the PNG with sharp.
 */
import sharp from 'sharp';
import { COLUMN_IDS } from '../../src/lib/columns.ts';
import { buildForest, renderForestSvg } from '../../src/lib/forest.ts';
import { layoutTree, renderTreeSvg, type Fruit } from '../../src/lib/fruit-tree.ts';
import type { Unit } from '../../src/lib/units.ts';

const fruits = (n: number, id: string): Fruit[] =>
  Array.from({ length: n }, (_, j) => ({ key: `${id}-${j}`, title: `成果${j}`, href: `/x/${id}/${j}/`, column: COLUMN_IDS[j % 4]!, date: `${2022 + (j % 5)}-0${1 + (j % 9)}-15` }));

const time = async (label: string, fn: () => unknown | Promise<unknown>, runs = 20) => {
  await fn();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  console.log(`${label}: ${((performance.now() - t0) / runs).toFixed(2)} ms`);
};

const big = fruits(200, 'big');
await time('layout + SVG, 200-fruit tree', () => renderTreeSvg(layoutTree(big), { title: 't', interactive: true }));

const units: Unit[] = [{ id: 'root', name: '公司党委', kind: 'committee' }];
for (let i = 1; i < 80; i++) units.push({ id: `u${i}`, name: `单位${i}`, kind: i % 8 === 1 ? 'committee' : 'branch', parent: i % 8 === 1 ? 'root' : `u${i - ((i - 1) % 8)}` });
const byUnit = new Map(units.map((u, i) => [u.id, fruits((i * 37) % 29, u.id)]));
const total = [...byUnit.values()].reduce((n, l) => n + l.length, 0);
let svg = '';
await time(`forest of 80 units (${total} fruit): build + poster SVG`, () => {
  svg = renderForestSvg(buildForest(units, byUnit), { title: '红树林', subtitle: 'bench' });
});
console.log(`poster SVG: ${(svg.length / 1024).toFixed(0)} KiB`);
await time('poster PNG with sharp', async () => sharp(Buffer.from(svg)).png().toBuffer(), 3);
