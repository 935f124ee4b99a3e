/**
 * Builds test/fixtures/site-basic (a content folder written to the contract, base
 * /portal/party/) and checks the real output in dist/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, servedFile } from '../support/build.ts';

const outDir = path.join(ROOT, 'test-results', 'fixture-dist');
const BASE = '/portal/party/';
let html: Map<string, string>;

function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f));
}

const fileFor = (u: string): string | null => servedFile(outDir, BASE, u);

beforeAll(() => {
  const r = buildSite({ contentDir: path.join(ROOT, 'test/fixtures/site-basic'), outDir, env: { RED_TODAY: '2026-06-01' } });
  if (r.status !== 0) throw new Error(`build failed\n${r.stdout}\n${r.stderr}`);
  html = new Map(
    walk(outDir)
      .filter((f) => f.endsWith('.html'))
      .map((f) => [path.relative(outDir, f).split(path.sep).join('/'), readFileSync(f, 'utf8')]),
  );
});

describe('fixture site under /portal/party/', () => {
  it('builds every page type', () => {
    for (const page of [
      'index.html',
      'one-picture/index.html',
      'salon/index.html',
      'highlights/index.html',
      'videos/index.html',
      'one-picture/guide/index.html',
      'salon/2026-01/index.html',
      'highlights/ce-shi-liang-dian/index.html',
      'videos/clip/index.html',
      'units/branch-a/index.html',
    ]) {
      expect(html.has(page), page).toBe(true);
    }
  });

  it('every internal URL carries the base and resolves to a file', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const [page, source] of html) {
      const root = parse(source);
      const urls: string[] = [];
      for (const el of root.querySelectorAll('[href], [src], [srcset], [poster], form[action]')) {
        for (const attr of ['href', 'src', 'poster', 'action']) {
          const v = el.getAttribute(attr);
          if (v) urls.push(v);
        }
        const srcset = el.getAttribute('srcset');
        if (srcset) urls.push(...srcset.split(',').map((s) => s.trim().split(/\s+/)[0] ?? ''));
      }
      for (const u of urls) {
        if (/^(https?:|mailto:|data:|#)/.test(u)) {
          // Absolute URLs must be the site's own origin (canonical, og:image).
          if (/^https?:/.test(u) && !u.startsWith('https://portal.test.example/portal/party/')) broken.push(`${page}: outside ${u}`);
          continue;
        }
        checked++;
        if (!u.startsWith(BASE)) broken.push(`${page}: no base ${u}`);
        else if (u !== `${BASE}search/` && !fileFor(u)) broken.push(`${page}: missing ${u}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('leaves drafts and scheduled entries out', () => {
    const all = [...html.values()].join('\n');
    expect(all).not.toContain('草稿亮点不应出现');
    expect(all).not.toContain('定时亮点不应出现');
    expect(existsSync(path.join(outDir, 'highlights/draft'))).toBe(false);
    expect(existsSync(path.join(outDir, 'highlights/future'))).toBe(false);
    expect(html.get('highlights/index.html')).toContain('测试亮点');
  });

  it('turns links to other Markdown files into entry URLs', () => {
    const salon = parse(html.get('salon/2026-01/index.html')!);
    const hrefs = salon.querySelectorAll('.prose a').map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['/portal/party/highlights/ce-shi-liang-dian/', '/portal/party/highlights/']);
    const guide = parse(html.get('one-picture/guide/index.html')!);
    expect(guide.querySelector('.prose a')?.getAttribute('href')).toBe('/portal/party/salon/2026-01/');
    // .mdx entries go through the same plugins.
    const mdx = parse(html.get('highlights/mdx-case/index.html')!);
    expect(mdx.querySelectorAll('.prose a').map((a) => a.getAttribute('href'))).toEqual([
      '/portal/party/salon/2026-02/',
      '/portal/party/salon/',
    ]);
    expect(mdx.querySelector('.prose .table-wrap table')).not.toBeNull();
  });

  it('serves phone photos resized, upright, with srcset and dimensions', async () => {
    const page = parse(html.get('highlights/ce-shi-liang-dian/index.html')!);
    const img = page.querySelector('.prose img')!;
    // Sized for the 704 px reading column (src/markdown/rehype-prose-images.ts): 480w up to the photo's own 1200w.
    expect(img.getAttribute('srcset')).toMatch(/\.webp 480w, .*\.webp 704w, .*\.webp 1056w, .*\.webp 1200w$/);
    expect(img.getAttribute('sizes')).toBe('(min-width: 48rem) 704px, calc(100vw - 2rem)');
    expect(img.getAttribute('loading')).toBe('lazy');
    // The photo is stored 1600×1200 with EXIF orientation 6: it must come out portrait.
    expect(Number(img.getAttribute('width'))).toBeLessThan(Number(img.getAttribute('height')));
    const smallest = img.getAttribute('srcset')!.split(',')[0]!.trim().split(' ')[0]!;
    const meta = await sharp(fileFor(smallest)!).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.width).toBe(480);
    expect(meta.height).toBeGreaterThan(meta.width!);
    const gallery = parse(html.get('salon/2026-01/index.html')!).querySelector('.gallery img')!;
    expect(gallery.getAttribute('width')).toBeTruthy();
    expect(gallery.getAttribute('height')).toBeTruthy();
  });

  it('renders the column fields', () => {
    const salon = html.get('salon/2026-01/index.html')!;
    expect(salon).toContain('第1期');
    expect(salon).toContain('2026年1月20日');
    expect(salon).toContain('第一党支部');
    expect(salon).toContain('手机竖拍、带 EXIF 方向的照片');
    const video = parse(html.get('videos/clip/index.html')!);
    expect(video.querySelector('video source')?.getAttribute('src')).toBe('/portal/party/media/videos/clip/clip.mp4');
    expect(video.querySelector('track')?.hasAttribute('default')).toBe(true);
    const guide = parse(html.get('one-picture/guide/index.html')!);
    expect(guide.querySelector('.outline h3')?.text).toBe('思路');
    expect(guide.querySelector('html')?.getAttribute('lang')).toBe('zh-CN');
  });
});
