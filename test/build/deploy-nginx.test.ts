/**
 * README's deploy section, as an administrator copies it: the exact nginx snippet in a real
 * nginx, serving a site under /dangjian/. The address people type without the trailing slash is
 * redirected, hashed assets are cached for a year and pages revalidated, attachments download
 * instead of opening on the site's origin, videos still play (with ranges), and unknown
 * addresses get the site's 404 page.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/build.ts';
import { startNginx, type NginxServer } from '../support/nginx.ts';

/** The ```nginx block of README's “部署到子路径” section, with its folder made the test's. */
function readmeSnippet(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## 部署到子路径'));
  const block = /```nginx\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README has no nginx snippet in 部署到子路径');
  expect(block).toContain('root /srv/www;');
  return block.replaceAll('root /srv/www;', 'root {{www}};');
}

let site: string;
let nginx: NginxServer;
const MP4 = readFileSync(path.join(ROOT, 'content/videos/drone-patrol/drone-patrol.mp4'));

beforeAll(async () => {
  site = mkdtempSync(path.join(os.tmpdir(), 'red-deploy-'));
  // nginx's workers drop root privileges: they must be able to read the site.
  chmodSync(site, 0o755);
  const files: Record<string, string | Buffer> = {
    'index.html': '<!doctype html><title>首页</title>',
    '404.html': '<!doctype html><title>页面不存在</title>',
    'highlights/index.html': '<!doctype html><title>红色亮点</title>',
    '_astro/Base.Dx3kQ1.css': 'body{color:red}',
    'media/highlights/a/tongzhi.pdf': '%PDF-1.4 test',
    'media/highlights/a/page.html': '<script>alert(1)</script>',
    'media/videos/clip/clip.mp4': MP4,
    'media/videos/clip/captions.vtt': 'WEBVTT\n\n00:00.000 --> 00:01.000\n字幕\n',
  };
  for (const [rel, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(site, rel)), { recursive: true });
    writeFileSync(path.join(site, rel), data);
  }
  nginx = await startNginx({ root: site, base: '/dangjian/', locations: readmeSnippet() });
});

afterAll(async () => {
  await nginx?.stop();
  if (site) rmSync(site, { recursive: true, force: true });
});

const get = (p: string, headers: Record<string, string> = {}) => fetch(nginx.origin + p, { headers, redirect: 'manual' });

describe("README's nginx snippet in a real nginx", () => {
  it('redirects /dangjian (no trailing slash) to /dangjian/, and a folder to its slash', async () => {
    const bare = await get('/dangjian');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/dangjian/');
    const folder = await get('/dangjian/highlights');
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe('/dangjian/highlights/');
  });

  it('pages are revalidated, hashed assets cached for a year', async () => {
    const home = await get('/dangjian/');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<title>首页</title>');
    expect(home.headers.get('cache-control')).toBe('no-cache');
    const css = await get('/dangjian/_astro/Base.Dx3kQ1.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('attachments (and anything else authors put beside an entry) download instead of opening on the site', async () => {
    const pdf = await get('/dangjian/media/highlights/a/tongzhi.pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toBe('attachment');
    expect(pdf.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await get('/dangjian/media/highlights/a/page.html');
    expect(html.headers.get('content-disposition')).toBe('attachment');
  });

  it('videos play in the page, with ranges; captions are text/vtt', async () => {
    const video = await get('/dangjian/media/videos/clip/clip.mp4', { range: 'bytes=0-99' });
    expect(video.status).toBe(206);
    expect(video.headers.get('content-type')).toBe('video/mp4');
    expect(video.headers.get('content-disposition')).toBeNull();
    expect((await video.arrayBuffer()).byteLength).toBe(100);
    const vtt = await get('/dangjian/media/videos/clip/captions.vtt');
    expect(vtt.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    expect(vtt.headers.get('content-disposition')).toBeNull();
  });

  it("an unknown address gets the site's 404 page", async () => {
    const missing = await get('/dangjian/nope/');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<title>页面不存在</title>');
  });
});
