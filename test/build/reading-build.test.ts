/**
 * Search index, archive, tags and CSP in a real build of test/fixtures/reading
 * (base /portal/party/, one draft and one scheduled entry).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { SearchEngine } from '../../src/lib/search/engine.ts';
import { indexFiles } from '../../src/lib/search/model.ts';
import { snippet } from '../../src/lib/search/snippet.ts';
import { buildSite, ROOT } from '../support/build.ts';

const outDir = path.join(ROOT, 'test-results', 'reading-dist');
const BASE = '/portal/party/';
let pages: Map<string, string>;

function exists(urlPath: string): boolean {
  if (!urlPath.startsWith(BASE)) return false;
  const rel = decodeURIComponent(urlPath.slice(BASE.length));
  return existsSync(path.join(outDir, rel, rel.endsWith('/') || rel === '' ? 'index.html' : ''));
}

beforeAll(() => {
  const r = buildSite({ contentDir: path.join(ROOT, 'test/fixtures/reading'), outDir, env: { RED_TODAY: '2026-06-01' } });
  if (r.status !== 0) throw new Error(`build failed\n${r.stdout}\n${r.stderr}`);
  pages = new Map(
    readdirSync(outDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.html'))
      .map((f) => [f.split(path.sep).join('/'), readFileSync(path.join(outDir, f), 'utf8')]),
  );
});

/** The search engine over the built index, read from disk as the browser would fetch it. */
function engineOver(dir: string): SearchEngine {
  const index = path.join(dir, 'search-index');
  return new SearchEngine({
    manifest: async () => JSON.parse(readFileSync(path.join(index, indexFiles.manifest), 'utf8')),
    file: async (p) => {
      const bytes = readFileSync(path.join(index, p));
      return indexFiles.compressed(p) ? inflateRawSync(bytes) : bytes;
    },
  });
}

async function found(engine: SearchEngine, query: string): Promise<string[]> {
  const { hits } = await engine.search(query);
  return Promise.all(hits.map(async (h) => (await engine.record(h.doc)).url));
}

async function allRecordText(dir: string): Promise<string> {
  const engine = engineOver(dir);
  const m = await engine.manifest();
  const records = await Promise.all(Array.from({ length: m.docs }, (_, i) => engine.record(i)));
  return JSON.stringify(records);
}

describe('search index', () => {
  it('indexes exactly the published entry pages, never drafts or scheduled ones', async () => {
    const entries = [...pages.entries()].filter(([, h]) => h.includes('data-search-body')).map(([p]) => p.replace(/index\.html$/, ''));
    expect(entries.length).toBeGreaterThan(3);
    const engine = engineOver(outDir);
    const m = await engine.manifest();
    expect(m.docs).toBe(entries.length);
    const urls = await Promise.all(Array.from({ length: m.docs }, async (_, i) => (await engine.record(i)).url));
    // URLs are site-relative (the search page adds the base), and point at built pages.
    expect(new Set(urls)).toEqual(new Set(entries));
    for (const u of urls) expect(exists(BASE + u), u).toBe(true);
    const text = await allRecordText(outDir);
    expect(text).not.toContain('草稿亮点');
    expect(text).not.toContain('定时亮点');
    expect(await found(engine, '草稿亮点')).toEqual([]);
  });

  it('finds exactly the pages whose shown text holds the query', async () => {
    const engine = engineOver(outDir);
    // A piece across word boundaries, a name in the person card, the outline, the transcript.
    expect(await found(engine, '格化党建')).toEqual(['highlights/search-cases/']);
    expect(await found(engine, '欧阳晓峰')).toEqual(['highlights/search-cases/']);
    expect(await found(engine, '第二点')).toEqual(['one-picture/guide/']);
    expect(await found(engine, '测试字幕')).toEqual(['videos/clip/']);
    // 支部 部书 书记 all occur in search-cases, never as one run: only the salon holds 支部书记.
    expect(await found(engine, '支部书记')).toEqual(['salon/2026-01/']);
    // Mixed: full-width 5G in the text, half-width typed; spaces mean all of them.
    expect(await found(engine, '5g 网格经理')).toEqual(['highlights/search-cases/']);
    expect(await found(engine, '５Ｇ 先锋沙龙')).toEqual(['salon/2026-02/']);
    expect(await found(engine, '红马甲 李四')).toEqual([]);
    // Labels and facts are shown text: 参会人员 is on both salon pages.
    expect(new Set(await found(engine, '参会人员'))).toEqual(new Set(['salon/2026-01/', 'salon/2026-02/']));
  });

  it('snippets are prose cut at sentence or clause boundaries, never slugs or metadata', async () => {
    const engine = engineOver(outDir);
    const { hits, pieces } = await engine.search('件件有回音');
    const record = await engine.record(hits[0]!.doc);
    const parts = snippet(record, pieces);
    const text = parts.map((p) => p.text).join('');
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['件件有回音']);
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('做到件件有回音。')).toBe(true);
    expect(text).not.toMatch(/search-cases|https?:|期数|承办单位/);
    expect(record.title).toBe('网格化服务进社区');
    expect([record.column, record.unit, record.day]).toEqual(['红色亮点', '第一党支部', '2026年1月25日']);
  });

  it('the search page reads the index from under the base, and says what to do without JavaScript', () => {
    const doc = parse(pages.get('search/index.html')!);
    expect(doc.querySelector('[data-search]')!.getAttribute('data-index')).toBe(`${BASE}search-index/`);
    expect(doc.querySelector('[data-search]')!.getAttribute('data-base')).toBe(BASE);
    expect(existsSync(path.join(outDir, 'search-index', indexFiles.manifest))).toBe(true);
    expect(doc.querySelector('form[role=search]')!.getAttribute('action')).toBe(`${BASE}search/`);
    const nojs = doc.querySelector('[data-search-nojs]')!;
    expect(nojs.text).toContain('需要浏览器启用 JavaScript');
    expect(nojs.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([`${BASE}archive/`, `${BASE}tags/`, `${BASE}units/`]);
  });
});

describe('archive and tags under the base', () => {
  it('archive pages list every indexed entry, with links that resolve', () => {
    const doc = parse(pages.get('archive/index.html')!);
    const links = doc.querySelectorAll('.archive-month a').map((a) => a.getAttribute('href')!);
    const entries = [...pages.entries()].filter(([, h]) => h.includes('data-search-body')).map(([p]) => BASE + p.replace(/index\.html$/, ''));
    expect(new Set(links)).toEqual(new Set(entries));
    for (const l of links) expect(exists(l), l).toBe(true);
    expect(pages.has('archive/2026/index.html')).toBe(true);
  });

  it('every tag chip on an entry links to a built tag page that lists the entry', () => {
    let chips = 0;
    for (const [p, h] of pages) {
      const doc = parse(h);
      for (const a of doc.querySelectorAll('.tags a')) {
        chips++;
        const href = a.getAttribute('href')!;
        expect(exists(href), href).toBe(true);
        const tagPage = parse(pages.get(href.slice(BASE.length) + 'index.html')!);
        expect(tagPage.querySelectorAll('.card a').map((x) => x.getAttribute('href'))).toContain(BASE + p.replace(/index\.html$/, ''));
      }
    }
    expect(chips).toBe(4);
    // The draft's tags make no tag page.
    expect(pages.has('tags/cao-gao-zhuan-yong/index.html')).toBe(false);
  });

  it('every page has a CSP meta and a nav link to the archive', () => {
    for (const [p, h] of pages) {
      const doc = parse(h);
      expect(doc.querySelector('meta[http-equiv="content-security-policy"]'), p).toBeTruthy();
      // (The lobby-screen showcase has no site header.)
      if (doc.querySelector('.site-nav')) expect(doc.querySelector(`.site-nav a[href="${BASE}archive/"]`), p).toBeTruthy();
    }
  });
});

describe('preview build (RED_PREVIEW=1)', () => {
  it('shows drafts and scheduled entries to authors but never indexes them', async () => {
    const previewDir = path.join(ROOT, 'test-results', 'reading-preview-dist');
    const r = buildSite({ contentDir: path.join(ROOT, 'test/fixtures/reading'), outDir: previewDir, env: { RED_TODAY: '2026-06-01', RED_PREVIEW: '1' } });
    if (r.status !== 0) throw new Error(`build failed\n${r.stdout}\n${r.stderr}`);
    const htmls = readdirSync(previewDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.html'))
      .map((f) => readFileSync(path.join(previewDir, f), 'utf8'));
    expect(htmls.some((h) => h.includes('定时亮点不应出现') && h.includes('data-search-unlisted'))).toBe(true);
    expect(htmls.some((h) => h.includes('草稿亮点不应出现') && h.includes('data-search-unlisted'))).toBe(true);
    const text = await allRecordText(previewDir);
    expect(text).toContain('测试亮点');
    expect(text).not.toContain('草稿亮点');
    expect(text).not.toContain('定时亮点');
  }, 300_000);
});
