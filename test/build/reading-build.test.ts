/**
 * Search index, archive, tags and CSP in a real build of test/fixtures/reading
 * (base /portal/party/, one draft and one scheduled entry).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
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

describe('search index', () => {
  it('indexes exactly the published entry pages, never drafts or scheduled ones', () => {
    const entry = JSON.parse(readFileSync(path.join(outDir, 'pagefind/pagefind-entry.json'), 'utf8'));
    const entries = [...pages.values()].filter((h) => h.includes('data-pagefind-body'));
    expect(entries.length).toBeGreaterThan(3);
    expect(entry.languages.zh.page_count).toBe(entries.length);
    const fragments = readdirSync(path.join(outDir, 'pagefind/fragment')).map((f) =>
      gunzipSync(readFileSync(path.join(outDir, 'pagefind/fragment', f))).toString('utf8'),
    );
    expect(fragments.length).toBe(entries.length);
    const text = fragments.join('\n').replace(/\u200b/g, '');
    expect(text).not.toContain('草稿亮点');
    expect(text).not.toContain('定时亮点');
    // URLs are site-relative (the search page adds the base), and point at built pages.
    for (const f of fragments) {
      const url = JSON.parse(f.slice(f.indexOf('{'))).url as string;
      expect(url.startsWith(BASE)).toBe(false);
      expect(exists(BASE + url.slice(1)), url).toBe(true);
    }
  });

  it('the search page loads Pagefind from under the base', () => {
    const doc = parse(pages.get('search/index.html')!);
    expect(doc.querySelector('[data-search]')!.getAttribute('data-pagefind')).toBe(`${BASE}pagefind/pagefind.js`);
    expect(doc.querySelector('[data-search]')!.getAttribute('data-base')).toBe(BASE);
    expect(existsSync(path.join(outDir, 'pagefind/pagefind.js'))).toBe(true);
    expect(doc.querySelector('form[role=search]')!.getAttribute('action')).toBe(`${BASE}search/`);
  });
});

describe('archive and tags under the base', () => {
  it('archive pages list every indexed entry, with links that resolve', () => {
    const doc = parse(pages.get('archive/index.html')!);
    const links = doc.querySelectorAll('.archive-month a').map((a) => a.getAttribute('href')!);
    const entries = [...pages.entries()].filter(([, h]) => h.includes('data-pagefind-body')).map(([p]) => BASE + p.replace(/index\.html$/, ''));
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
  it('shows drafts and scheduled entries to authors but never indexes them', () => {
    const previewDir = path.join(ROOT, 'test-results', 'reading-preview-dist');
    const r = buildSite({ contentDir: path.join(ROOT, 'test/fixtures/reading'), outDir: previewDir, env: { RED_TODAY: '2026-06-01', RED_PREVIEW: '1' } });
    if (r.status !== 0) throw new Error(`build failed\n${r.stdout}\n${r.stderr}`);
    const htmls = readdirSync(previewDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.html'))
      .map((f) => readFileSync(path.join(previewDir, f), 'utf8'));
    expect(htmls.some((h) => h.includes('草稿亮点不应出现') && h.includes('data-red-unlisted'))).toBe(true);
    expect(htmls.some((h) => h.includes('定时亮点不应出现') && h.includes('data-red-unlisted'))).toBe(true);
    const text = readdirSync(path.join(previewDir, 'pagefind/fragment'))
      .map((f) => gunzipSync(readFileSync(path.join(previewDir, 'pagefind/fragment', f))).toString('utf8'))
      .join('\n')
      .replace(/\u200b/g, '');
    expect(text).toContain('测试亮点');
    expect(text).not.toContain('草稿亮点');
    expect(text).not.toContain('定时亮点');
  }, 300_000);
});
