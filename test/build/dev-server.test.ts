/**
 * `npm run dev` (the authors' preview) on a content folder outside the project:
 * drafts and scheduled entries are shown, media and photos are served under the base,
 * and a content mistake replaces every page with the located Chinese message until fixed.
 * A half-written draft (as `npm run new` makes it) never stops the preview: its address
 * lists its problems until it is complete, then it shows with what is left to do.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv, ROOT } from '../support/build.ts';
import { startDev, type DevServer } from '../support/dev.ts';

const BASE = '/portal/party/';
let dir: string;
let dev: DevServer;
const page = (p: string, headers?: Record<string, string>) => dev.page(p, headers);
const until = <T>(what: string, probe: () => Promise<T | undefined>) => dev.until(what, probe);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'red-dev-'));
  cpSync(path.join(ROOT, 'test/fixtures/site-basic'), path.join(dir, 'content'), { recursive: true });
  // Files beside an entry that no entry refers to: never served, not even by the preview.
  writeFileSync(path.join(dir, 'content/videos/clip/notes.html'), '<script>alert(1)</script>');
  writeFileSync(path.join(dir, 'content/videos/clip/stray.pdf'), '%PDF-1.4\n');
  // A colleague's half-written draft, straight from `npm run new` (unit and author left to fill).
  const made = spawnSync('npm', ['run', '--silent', 'new', '--', 'highlights', '支部书记讲党课'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...childEnv(), RED_CONTENT_DIR: path.join(dir, 'content'), RED_TODAY: '2026-05-20' },
  });
  if (made.status !== 0) throw new Error(made.stderr);
  dev = await startDev({ contentDir: path.join(dir, 'content'), cacheDir: path.join(dir, 'cache'), base: BASE, env: { RED_TODAY: '2026-06-01' } });
  await until('the preview server', async () => ((await page('')).status === 200 ? true : undefined));
});

afterAll(() => {
  dev?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run dev (preview)', () => {
  it('shows drafts and scheduled entries, marked as such', async () => {
    const list = await page('highlights/');
    expect(list.body).toContain('草稿亮点不应出现');
    expect(list.body).toContain('定时亮点不应出现');
    const draft = await page('highlights/draft/');
    expect(draft.status).toBe(200);
    expect(draft.body).toContain('草稿（仅预览可见）');
    const future = await page('highlights/future/');
    expect(future.body).toContain('定时发布：2099-01-01 起读者可见');
  });

  it('serves videos (with ranges) and optimized photos under the base', async () => {
    const video = await dev.fetch('media/videos/clip/clip.mp4', { headers: { range: 'bytes=0-99' } });
    expect(video.status).toBe(206);
    expect(video.headers.get('content-type')).toBe('video/mp4');
    expect((await video.arrayBuffer()).byteLength).toBe(100);
    const salon = await page('salon/2026-01/');
    const src = /<img[^>]+src="([^"]+_image\?[^"]+)"/.exec(salon.body)?.[1]?.replace(/&amp;/g, '&');
    expect(src).toBeTruthy();
    const photo = await dev.fetch(src!);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/webp');
  });

  it('media: only the manifest, served by sirv with RFC 9110 ranges', async () => {
    const whole = new Uint8Array(readFileSync(path.join(dir, 'content/videos/clip/clip.mp4')));
    const last = await dev.fetch('media/videos/clip/clip.mp4', { headers: { range: 'bytes=-3' } });
    expect(last.status).toBe(206);
    expect(last.headers.get('content-range')).toBe(`bytes ${whole.length - 3}-${whole.length - 1}/${whole.length}`);
    expect([...new Uint8Array(await last.arrayBuffer())]).toEqual([...whole.slice(-3)]);
    const backwards = await dev.fetch('media/videos/clip/clip.mp4', { headers: { range: 'bytes=8-2' } });
    expect(backwards.status).toBe(416);
    expect(backwards.headers.get('content-range')).toBe(`bytes */${whole.length}`);
    const first = await dev.fetch('media/videos/clip/clip.mp4', { headers: { range: 'bytes=0-0' } });
    expect(first.status).toBe(206);
    expect((await first.arrayBuffer()).byteLength).toBe(1);
    expect((await dev.fetch('media/videos/clip/clip.mp4', { headers: { range: `bytes=${whole.length}-` } })).status).toBe(416);
    for (const p of ['media/videos/clip/notes.html', 'media/videos/clip/stray.pdf', 'media/videos/clip/index.md', 'media/videos/clip/%2e%2e/%2e%2e/site.yaml']) {
      const res = await dev.fetch(p, { headers: { accept: '*/*' } });
      expect(res.status, p).toBe(404);
      expect(await res.text(), p).not.toContain('alert(1)');
    }
  });

  it('replaces every page with the located Chinese message while content is wrong, and recovers', async () => {
    const file = path.join(dir, 'content/highlights/测试亮点.md');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('unit: branch-a', 'unit: branch-x'));
    const broken = await until('the error page', async () => {
      const r = await page('salon/2026-02/');
      return r.status === 500 ? r : undefined;
    });
    expect(broken.body).toContain('内容检查发现 1 个错误');
    expect(broken.body).toContain('content/highlights/测试亮点.md:4');
    expect(broken.body).toContain('branch-x');
    expect(broken.body).toContain('branch-a');
    writeFileSync(file, good);
    const fixed = await until('the fixed page', async () => {
      const r = await page('salon/2026-02/');
      return r.status === 200 ? r : undefined;
    });
    expect(fixed.body).toContain('第二期测试沙龙');
  });
});

describe('npm run dev with a half-written draft', () => {
  const draft = () => path.join(dir, 'content/highlights/zhi-bu-shu-ji-jiang-dang-ke/index.md');

  it('starts without pausing and says nothing in English about waiting', async () => {
    expect((await page('highlights/')).status).toBe(200);
    expect(dev.log).not.toContain('Waiting for integration');
    expect(dev.log).toContain('草稿里的错误（草稿不发布，不影响生成网站；发布前要改好）');
  });

  it("the draft's address lists its problems, located, while every other page works", async () => {
    const r = await page('highlights/zhi-bu-shu-ji-jiang-dang-ke/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<h1>草稿还没写完：支部书记讲党课</h1>');
    expect(r.body).toContain('content/highlights/zhi-bu-shu-ji-jiang-dang-ke/index.md:7 — unit</p><p>unit（所属党组织）还没有填写');
    expect(r.body).toContain('content/highlights/zhi-bu-shu-ji-jiang-dang-ke/index.md:13 — author');
    expect((await page('salon/2026-02/')).body).toContain('第二期测试沙龙');
  });

  it('once filled in, the draft shows as a page, with the example text still to replace listed on it', async () => {
    writeFileSync(draft(), readFileSync(draft(), 'utf8').replace(/^unit: .*$/m, 'unit: branch-a').replace(/^author: .*$/m, 'author: 测试宣传组'));
    const shown = await until('the draft page', async () => {
      const r = await page('highlights/zhi-bu-shu-ji-jiang-dang-ke/');
      return r.body.includes('草稿（仅预览可见）') ? r : undefined;
    });
    expect(shown.body).toContain('这篇草稿还有 1 处要改（只在预览里显示）');
    expect(shown.body).toContain('“第一步”还是新建时的示例内容（标着 # TODO）');
  });

  it('a cover image named before it is copied: problems listed again, back once the image is there', async () => {
    writeFileSync(draft(), readFileSync(draft(), 'utf8').replace('# cover: ./cover.jpg', 'cover: ./cover.jpg'));
    const missing = await until('the problems page', async () => {
      const r = await page('highlights/zhi-bu-shu-ji-jiang-dang-ke/');
      return r.body.includes('草稿还没写完') ? r : undefined;
    });
    expect(missing.body).toContain('图片文件不存在：content/highlights/zhi-bu-shu-ji-jiang-dang-ke/cover.jpg');
    expect((await page('highlights/')).status).toBe(200);
    cpSync(path.join(ROOT, 'content/salon/2026-05/huichang.jpg'), path.join(path.dirname(draft()), 'cover.jpg'));
    await until('the draft page again', async () => {
      const r = await page('highlights/zhi-bu-shu-ji-jiang-dang-ke/');
      return r.body.includes('草稿（仅预览可见）') ? r : undefined;
    });
  });

  it('a YAML mistake in a published entry shows the located error on every page, and the preview recovers', async () => {
    const file = path.join(dir, 'content/salon/2026-02.md');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace(/^title: (.*)$/m, 'title: [$1'));
    const broken = await until('the error page', async () => {
      const r = await page('highlights/');
      return r.status === 500 ? r : undefined;
    });
    expect(broken.body).toContain('content/salon/2026-02.md:2 — title</p><p>YAML 格式错误：引号或括号没有配对');
    writeFileSync(file, good);
    const fixed = await until('the fixed page', async () => {
      const r = await page('salon/2026-02/');
      return r.status === 200 ? r : undefined;
    });
    expect(fixed.body).toContain('第二期测试沙龙');
    expect(dev.log).not.toMatch(/\[glob-loader\]|Failed to reload/);
  });
});
