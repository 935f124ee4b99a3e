/**
 * No silent loss: an entry Astro cannot render, or an image reached through a link leaving
 * the content folder, stops the build with a located Chinese message (even when the content
 * check lets it through or is bypassed), and the published output stays as it was. A parent
 * loop in units.yaml (refused by the check) cannot make rendering loop.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, childEnv, ROOT } from '../support/build.ts';

const outDir = path.join(ROOT, 'test-results', 'silent-loss-dist');
const FRONT = '---\ntitle: 完成率\ndate: 2026-01-12\nunit: root-committee\nkind: case\nauthor: 测试\n---\n';
let content: string;

/** `astro build` itself (as if `npm run build` had checked the content: RED_CHECKED=1). */
function astroBuild(out: string, timeout?: number) {
  const astro = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
  return spawnSync(process.execPath, [astro, 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout,
    env: {
      ...childEnv(),
      ASTRO_TELEMETRY_DISABLED: '1',
      RED_CHECKED: '1',
      RED_TODAY: '2026-06-01',
      RED_CONTENT_DIR: content,
      RED_OUT_DIR: out,
      RED_CACHE_DIR: path.join(ROOT, 'test-results', `.cache-${path.basename(out)}`),
    },
    maxBuffer: 64 * 1024 * 1024,
  });
}

beforeAll(() => {
  content = path.join(mkdtempSync(path.join(os.tmpdir(), 'red-loss-')), 'content');
  cpSync(path.join(ROOT, 'test/fixtures/site-basic'), content, { recursive: true });
  rmSync(outDir, { recursive: true, force: true });
  const first = buildSite({ contentDir: content, outDir, env: { RED_TODAY: '2026-06-01' } });
  if (first.status !== 0) throw new Error(`first build failed\n${first.stdout}\n${first.stderr}`);
}, 300_000);

describe('no silent loss, no endless build', () => {
  it('an HTML <img> whose name has a bare % next to a Markdown image (Astro: URI malformed)', () => {
    const before = readFileSync(path.join(outDir, 'index.html'));
    const png = readFileSync(path.join(ROOT, 'test/fixtures/site-basic/one-picture/guide/guide.png'));
    cpSync(path.join(ROOT, 'test/fixtures/site-basic/one-picture/guide/guide.png'), path.join(content, 'highlights/a.png'));
    writeFileSync(path.join(content, 'highlights/100%.png'), png);
    writeFileSync(path.join(content, 'highlights/percent.md'), `${FRONT}![图](./a.png)\n\n<img src="./100%.png" alt="完成率">\n`);
    const r = buildSite({ contentDir: content, outDir, env: { RED_TODAY: '2026-06-01' } });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/highlights\/percent\.md — 正文无法生成（.*URI malformed.*）/);
    expect(readFileSync(path.join(outDir, 'index.html')).equals(before)).toBe(true);
    rmSync(path.join(content, 'highlights/percent.md'));
  });

  it('a parent loop in units.yaml, with the check bypassed (RED_CHECKED=1): the build ends, every unit page exists', () => {
    const units = path.join(content, 'units.yaml');
    const before = readFileSync(units, 'utf8');
    writeFileSync(units, `${before}- id: loop-a\n  name: 甲\n  kind: branch\n  parent: loop-b\n- id: loop-b\n  name: 乙\n  kind: branch\n  parent: loop-a\n`);
    const out = path.join(ROOT, 'test-results', 'silent-loss-loop');
    const r = astroBuild(out, 240_000);
    writeFileSync(units, before);
    expect(r.error, 'the build ran out of time').toBeUndefined();
    expect(r.status, r.stdout + r.stderr).toBe(0);
    for (const id of ['loop-a', 'loop-b', 'root-committee']) expect(readFileSync(path.join(out, 'units', id, 'index.html'), 'utf8'), id).toContain('<h1');
  });

  it('an image reached through a link out of the content folder, with the check bypassed (RED_CHECKED=1)', () => {
    const outside = path.join(path.dirname(content), 'outside.png');
    cpSync(path.join(ROOT, 'test/fixtures/site-basic/one-picture/guide/guide.png'), outside);
    symlinkSync(outside, path.join(content, 'highlights/linked.png'));
    writeFileSync(path.join(content, 'highlights/linked.md'), `${FRONT}![图](./linked.png)\n`);
    // `astro build` itself, as if `npm run build` had checked: the content loader still refuses.
    const r = astroBuild(path.join(ROOT, 'test-results', 'silent-loss-bypass'));
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('highlights/linked.md：linked.png 是指向内容文件夹之外的链接，不能发布');
  });
});
