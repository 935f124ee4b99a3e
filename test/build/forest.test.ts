/**
 * 红果树 / 红树林 on a real build: test/fixtures/forest (deep organisation, varied entries,
 * a draft and a scheduled entry, base /intra/red/) built twice. Every fruit links to a built
 * page, the SVG and PNG bytes are identical across builds, the PNGs are not blank.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, servedFile } from '../support/build.ts';

const BASE = '/intra/red/';
const outA = path.join(ROOT, 'test-results', 'forest-dist');
const outB = path.join(ROOT, 'test-results', 'forest-dist-2');
const fixture = path.join(ROOT, 'test/fixtures/forest');

const TODAY = '2026-06-01';

/** Published fixture entries credited to a unit, read straight from the fixture's front matter. */
function expected(unit: string): number {
  let n = 0;
  for (const f of readdirSync(fixture, { recursive: true, encoding: 'utf8' })) {
    if (!/\.md$/.test(f)) continue;
    const fm = readFileSync(path.join(fixture, f), 'utf8').split('---')[1] ?? '';
    const field = (k: string) => fm.match(new RegExp(`^${k}: (.*)$`, 'm'))?.[1]?.trim();
    if (field('draft') === 'true' || (field('date') ?? '') > TODAY) continue;
    if ((field('host') ?? field('unit')) === unit) n++;
  }
  return n;
}

function read(dir: string, rel: string): string {
  return readFileSync(path.join(dir, rel), 'utf8');
}

const fileFor = (u: string): string | null => servedFile(outA, BASE, u);

/** Every inline tree SVG of a page, as markup. */
function treeSvgs(html: string): string[] {
  return parse(html)
    .querySelectorAll('svg.fruit-tree-svg')
    .map((s) => s.outerHTML);
}

function treePages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => (f.startsWith('units/') || f.startsWith('forest/')) && f.endsWith('index.html') && !f.includes('/archive/'));
}

beforeAll(() => {
  for (const outDir of [outA, outB]) {
    const r = buildSite({ contentDir: fixture, outDir, env: { RED_TODAY: TODAY } });
    if (r.status !== 0) throw new Error(`build failed\n${r.stdout}\n${r.stderr}`);
  }
});

describe('红果树 and 红树林 in a built site', () => {
  it('builds /forest/, one page per year with entries, and every unit page with its tree', () => {
    for (const p of ['forest/index.html', 'forest/2024/index.html', 'forest/2025/index.html', 'forest/2026/index.html'])
      expect(existsSync(path.join(outA, p)), p).toBe(true);
    // The scheduled entry (2027) is not published: no 2027 page.
    expect(existsSync(path.join(outA, 'forest/2027'))).toBe(false);
    const forest = parse(read(outA, 'forest/index.html'));
    expect(forest.querySelectorAll('svg.fruit-tree-svg').length).toBe(9);
    expect(forest.querySelector('.year-nav a[aria-current="page"]')?.textContent).toBe('全部年份');
    const nav = parse(read(outA, 'index.html')).querySelector(`.site-nav a[href="${BASE}forest/"]`);
    expect(nav?.textContent.trim()).toBe('红树林');
  });

  it('every fruit is a link to a built page under the base, named by the entry title', () => {
    let links = 0;
    const broken: string[] = [];
    for (const page of treePages(outA)) {
      for (const svg of parse(read(outA, page)).querySelectorAll('svg.fruit-tree-svg')) {
        for (const a of svg.querySelectorAll('a')) {
          links++;
          const href = a.getAttribute('href') ?? '';
          const target = fileFor(href);
          if (!target) {
            broken.push(`${page}: ${href}`);
            continue;
          }
          const h1 = parse(readFileSync(target, 'utf8')).querySelector('h1')?.textContent.trim() ?? '';
          const label = a.getAttribute('aria-label') ?? '';
          if (!h1 || !label.startsWith(h1)) broken.push(`${page}: ${href} label "${label}" vs h1 "${h1}"`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(links).toBeGreaterThan(100);
  });

  it('counts: own fruit solid, sub-units’ fruit hollow; drafts and scheduled entries bear no fruit', () => {
    const branch = parse(read(outA, 'units/east-b1/index.html'));
    expect(expected('east-b1')).toBeGreaterThan(20);
    expect(branch.querySelectorAll('svg.fruit-tree-svg a').length).toBe(expected('east-b1'));
    // 东区党委: its own fruit solid, and below it 东区营业部党总支 and its two branches, hollow.
    const east = parse(read(outA, 'units/east/index.html'));
    const fruit = east.querySelectorAll('svg.fruit-tree-svg a');
    const below = expected('east-general') + expected('east-b1') + expected('east-b2');
    expect(fruit.length).toBe(expected('east') + below);
    expect(fruit.filter((a) => a.querySelector('.fruit')?.getAttribute('fill') === '#faf7f2').length).toBe(below);
    const bare = parse(read(outA, 'units/lab-b1/index.html'));
    expect(bare.querySelectorAll('svg.fruit-tree-svg a').length).toBe(0);
    expect(bare.querySelector('figure.fruit-tree figcaption')?.textContent).toContain('等待第一颗果实');
    const all = treePages(outA).map((p) => read(outA, p)).join('');
    expect(all).not.toContain('草稿不结果');
    expect(all).not.toContain('未来不结果');
    // The 2024 forest holds only 2024 fruit.
    const y2024 = parse(read(outA, 'forest/2024/index.html')).querySelectorAll('svg.fruit-tree-svg a');
    expect(y2024.length).toBeGreaterThan(0);
    expect(y2024.every((a) => (a.getAttribute('aria-label') ?? '').includes('2024年'))).toBe(true);
  });

  it('the text alternative lists the same entries as the tree', () => {
    const page = parse(read(outA, 'units/west-b1/index.html'));
    const inTree = page.querySelectorAll('svg.fruit-tree-svg a').map((a) => a.getAttribute('href')).sort();
    const inList = page.querySelectorAll('details.tree-list a').map((a) => a.getAttribute('href')).sort();
    expect(inList).toEqual(inTree);
    expect(inTree.length).toBe(expected('west-b1'));
    expect(inTree.length).toBeGreaterThan(3);
  });

  it('two builds give byte-identical SVGs and PNGs', () => {
    const pages = treePages(outA);
    expect(pages.length).toBeGreaterThan(10);
    for (const p of pages) expect(treeSvgs(read(outB, p)), p).toEqual(treeSvgs(read(outA, p)));
    const pngs = ['forest/forest.png', 'forest/2025/forest.png', 'units/east/tree.png', 'units/lab-b1/tree.png'];
    for (const p of pngs) expect(readFileSync(path.join(outB, p)).equals(readFileSync(path.join(outA, p))), p).toBe(true);
  });

  it('PNG downloads exist, are linked with `download`, and are not blank', async () => {
    const links = [
      ...parse(read(outA, 'forest/index.html')).querySelectorAll('a[download]'),
      ...parse(read(outA, 'units/east/index.html')).querySelectorAll('a[download]'),
    ].map((a) => a.getAttribute('href') ?? '');
    expect(links).toEqual([`${BASE}forest/forest.png`, `${BASE}units/east/tree.png`]);
    for (const href of links) {
      const file = fileFor(href);
      expect(file, href).toBeTruthy();
      const img = sharp(file!);
      const meta = await img.metadata();
      expect(meta.format).toBe('png');
      expect(meta.width).toBeGreaterThanOrEqual(1200);
      const stats = await img.stats();
      // A blank (single colour) image has zero deviation; a drawn tree and text have plenty.
      expect(Math.max(...stats.channels.slice(0, 3).map((c) => c.stdev)), href).toBeGreaterThan(10);
    }
    const poster = await sharp(path.join(outA, 'forest/forest.png')).metadata();
    expect(poster.width).toBe(2480);
    expect(poster.height).toBeGreaterThanOrEqual(1754);
  });
});
