/**
 * `npm run dev` started while published content is broken (a YAML mistake in an entry, a
 * broken units.yaml): the preview starts anyway, says so in Chinese, shows the located errors
 * on every page, and recovers by itself once the files are fixed. Nothing waits or polls.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/build.ts';
import { startDev, type DevServer } from '../support/dev.ts';

let dir: string;
let dev: DevServer;
const good: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'red-dev-broken-'));
  const content = path.join(dir, 'content');
  cpSync(path.join(ROOT, 'test/fixtures/site-basic'), content, { recursive: true });
  for (const f of ['salon/2026-02.md', 'units.yaml']) good[f] = readFileSync(path.join(content, f), 'utf8');
  writeFileSync(path.join(content, 'salon/2026-02.md'), good['salon/2026-02.md']!.replace(/^title: (.*)$/m, 'title: [$1'));
  writeFileSync(path.join(content, 'units.yaml'), `${good['units.yaml']}- id: extra\n  name: 多余\n  kind: [branch\n`);
  dev = await startDev({ contentDir: content, cacheDir: path.join(dir, 'cache'), base: '/portal/party/', env: { RED_TODAY: '2026-06-01' } });
});

afterAll(() => {
  dev?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run dev with broken published content', () => {
  it('starts anyway and says, in Chinese, that every page shows the errors until they are fixed', async () => {
    const r = await dev.until('the error page', async () => {
      const p = await dev.page('');
      return p.status === 500 ? p : undefined;
    });
    expect(r.body).toContain('<h1>内容检查发现 2 个错误</h1>');
    expect(r.body).toContain('content/salon/2026-02.md:2 — title');
    expect(r.body).toContain('content/units.yaml:');
    expect(dev.log).toContain('预览照常运行：浏览器里打开任何页面都会先显示这 2 个错误；改好保存后页面自动恢复');
    expect(dev.log).not.toContain('Waiting for integration');
    expect(dev.log).not.toContain('Error reading data');
    expect(dev.log).not.toMatch(/\[glob-loader\]/);
  });

  it('recovers by itself once both files are fixed', async () => {
    for (const [f, text] of Object.entries(good)) writeFileSync(path.join(dir, 'content', f), text);
    const fixed = await dev.until('the fixed page', async () => {
      const p = await dev.page('salon/2026-02/');
      return p.status === 200 ? p : undefined;
    });
    expect(fixed.body).toContain('第二期测试沙龙');
    expect((await dev.page('units/')).status).toBe(200);
    expect(dev.log).toContain('内容检查通过，预览已恢复。');
  });
});
