/**
 * The route table (src/lib/paths.ts) against a real build of the sample content under a
 * sub-path: every kind of URL `paths` builds is served by a file in dist/. The table below is
 * typed `Record<keyof Paths, …>`, so a new route without a case here does not compile.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPaths, type Paths } from '../../src/lib/paths.ts';
import { buildSite, ROOT, servedFile } from '../support/build.ts';

const BASE = '/dangjian/';
const ORIGIN = 'https://intranet.example.cn';
const outDir = path.join(ROOT, 'test-results', 'routes-dist');
const paths = createPaths(BASE, ORIGIN);

beforeAll(() => {
  // The sample content, with 5 entries a page so that columns have a page 2 and 3.
  const content = path.join(mkdtempSync(path.join(os.tmpdir(), 'red-routes-')), 'content');
  cpSync(path.join(ROOT, 'content'), content, { recursive: true });
  const site = path.join(content, 'site.yaml');
  writeFileSync(site, `${readFileSync(site, 'utf8').replace(/^(base|pageSize):.*$/gm, '')}\nbase: ${BASE}\npageSize: 5\n`);
  const r = buildSite({ contentDir: content, outDir, env: { RED_TODAY: '2026-12-02' } });
  if (r.status !== 0) throw new Error(`build failed\n${r.stdout}\n${r.stderr}`);
}, 300_000);

const served = (url: string) => servedFile(outDir, BASE, url);
const onlyFile = (dir: string, ext: string) => readdirSync(path.join(outDir, dir)).filter((f) => f.endsWith(ext)).sort()[0]!;

/** Real parameters from the sample content for every route (each must resolve). */
const cases: Record<Exclude<keyof Paths, 'base' | 'url' | 'absolute'>, (p: Paths) => string[]> = {
  home: (p) => [p.home()],
  column: (p) => [p.column('one-picture'), p.column('salon'), p.column('salon', 2), p.column('salon', 3), p.column('highlights', 2), p.column('videos')],
  entry: (p) => [p.entry('highlights', 'san-xun-ti-xi'), p.entry('salon', '2026-05'), p.entry('one-picture', 'si-ge-guan-jian'), p.entry('videos', 'drone-patrol')],
  units: (p) => [p.units()],
  unit: (p) => [p.unit('nb-committee'), p.unit('hq-committee')],
  unitArchive: (p) => [p.unitArchive('nb-committee')],
  unitTreePng: (p) => [p.unitTreePng('nb-committee')],
  archive: (p) => [p.archive(), p.archive(2026), p.archive('2025')],
  tags: (p) => [p.tags()],
  tag: (p) => [p.tag('dang-ke')],
  forest: (p) => [p.forest(), p.forest(2026)],
  forestPng: (p) => [p.forestPng(), p.forestPng('2026')],
  search: (p) => [p.search()],
  searchIndex: (p) => [p.searchIndex('meta.json'), p.searchIndex('r/0.bin')],
  rss: (p) => [p.rss(), p.rss('one-picture'), p.rss('salon'), p.rss('highlights'), p.rss('videos')],
  jsonFeed: (p) => [p.jsonFeed()],
  showcase: (p) => [p.showcase()],
  kit: (p) => [p.kit('san-xun-ti-xi'), p.kit('zhou-hai-feng')],
  kitImage: (p) => [p.kitImage('zhou-hai-feng', 'images/qiangxiu-web.jpg')],
  entryImage: (p) => [p.entryImage('highlights', 'zhou-hai-feng', 'images/qiangxiu-web.jpg')],
  copy: (p) => [p.copy('zhou-hai-feng'), p.copy('san-xun-ti-xi')],
  poster: (p) => [p.poster(onlyFile('_posters', '.svg')), p.poster(onlyFile('_posters', '.jpg'))],
  media: (p) => [p.media('videos', 'drone-patrol/drone-patrol.mp4'), p.media('videos', '网格党员进社区/captions.vtt')],
  asset: (p) => [p.asset('favicon.svg')],
};

describe('every route of the route table exists in the built site', () => {
  for (const [name, urls] of Object.entries(cases)) {
    it(`paths.${name}`, () => {
      for (const url of urls(paths)) {
        expect(url.startsWith(BASE), url).toBe(true);
        const file = served(url);
        expect(file, url).not.toBeNull();
        // A page URL (…/) is its folder's index.html; any other URL is exactly that file.
        const rel = path.relative(outDir, file!).split(path.sep).join('/');
        const want = decodeURIComponent(url.slice(BASE.length));
        expect(rel, url).toBe(url.endsWith('/') ? `${want}index.html` : want);
      }
    });
  }

  it('absolute URLs carry the origin and the base', () => {
    expect(paths.absolute(paths.entry('highlights', 'san-xun-ti-xi'))).toBe(`${ORIGIN}${BASE}highlights/san-xun-ti-xi/`);
    expect(paths.url('salon/')).toBe(paths.column('salon'));
  });

  it('pages print these URLs: the header, footer and feeds links are the route table’s', () => {
    const home = readFileSync(served(paths.home())!, 'utf8');
    for (const url of [paths.search(), paths.forest(), paths.archive(), paths.units(), paths.rss(), paths.asset('favicon.svg')]) {
      expect(home, url).toContain(`"${url}"`);
    }
  });
});
