/**
 * `npm run dev` (the authors' preview) on a content folder outside the project:
 * drafts and scheduled entries are shown, media and photos are served under the base,
 * and a content mistake replaces every page with the located Chinese message until fixed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv, ROOT } from '../support/build.ts';

const BASE = '/portal/party/';
let dir: string;
let child: ChildProcess;
let origin: string;
let log = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function page(p: string, headers: Record<string, string> = { accept: 'text/html' }) {
  const res = await fetch(origin + BASE + p, { headers });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 90_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch {
      /* not up yet */
    }
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}\n${log}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'red-dev-'));
  cpSync(path.join(ROOT, 'test/fixtures/site-basic'), path.join(dir, 'content'), { recursive: true });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  child = spawn('npm', ['run', '--silent', 'dev', '--', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT,
    detached: true,
    env: {
      ...childEnv(),
      ASTRO_TELEMETRY_DISABLED: '1',
      RED_CONTENT_DIR: path.join(dir, 'content'),
      RED_CACHE_DIR: path.join(dir, 'cache'),
      RED_TODAY: '2026-06-01',
    },
  });
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  await until('the preview server', async () => ((await page('')).status === 200 ? true : undefined));
});

afterAll(() => {
  if (child?.pid) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
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
    const video = await fetch(`${origin}${BASE}media/videos/clip/clip.mp4`, { headers: { range: 'bytes=0-99' } });
    expect(video.status).toBe(206);
    expect(video.headers.get('content-type')).toBe('video/mp4');
    expect((await video.arrayBuffer()).byteLength).toBe(100);
    const salon = await page('salon/2026-01/');
    const src = /<img[^>]+src="([^"]+_image\?[^"]+)"/.exec(salon.body)?.[1]?.replace(/&amp;/g, '&');
    expect(src).toBeTruthy();
    const photo = await fetch(origin + src!);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/webp');
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
