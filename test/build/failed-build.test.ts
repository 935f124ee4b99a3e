/**
 * A failed build never touches the published output: `npm run build` checks the content
 * first, builds into a temporary sibling folder and swaps it in only on success.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT } from '../support/build.ts';

const outDir = path.join(ROOT, 'test-results', 'authoring-dist');
let contentDir: string;
let before: Map<string, string>;

/** Every file of a folder with the SHA-256 of its bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(dir, rel);
    if (statSync(file).isFile()) out.set(rel, createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return out;
}

const leftovers = () => readdirSync(path.dirname(outDir)).filter((n) => n.startsWith('.authoring-dist-'));

beforeAll(() => {
  contentDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'red-failed-build-')), 'content');
  cpSync(path.join(ROOT, 'test/fixtures/site-basic'), contentDir, { recursive: true });
  rmSync(outDir, { recursive: true, force: true });
  // Left over by a killed build (its process is gone): cleaned up by the next build.
  mkdirSync(path.join(path.dirname(outDir), '.authoring-dist-building-999999-1'), { recursive: true });
  const r = buildSite({ contentDir, outDir, env: { RED_TODAY: '2026-06-01' } });
  if (r.status !== 0) throw new Error(`first build failed\n${r.stdout}\n${r.stderr}`);
  before = snapshot(outDir);
});

describe('a failed build keeps the previous output', () => {
  it('the first build produced a site and removed a dead build\'s temporary folder', () => {
    expect(before.has('index.html')).toBe(true);
    expect(before.size).toBeGreaterThan(20);
    expect(leftovers()).toEqual([]);
  });

  it('a content mistake stops the build with the located message; output unchanged', () => {
    const file = path.join(contentDir, 'salon/2026-02.md');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace(/^date: .*$/m, 'date: 2025-13-45'));
    try {
      const r = buildSite({ contentDir, outDir, env: { RED_TODAY: '2026-06-01' } });
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('content/salon/2026-02.md:3 — date — 日期 2025-13-45 不存在');
      expect(r.stderr).toContain('内容检查没有通过，网站没有重新生成');
      expect(snapshot(outDir)).toEqual(before);
      expect(leftovers()).toEqual([]);
    } finally {
      writeFileSync(file, good);
    }
  });

  it('a truncated image is caught by the content check (every image is decoded): output unchanged', () => {
    const image = path.join(contentDir, 'one-picture/guide/guide.png');
    const good = readFileSync(image);
    // A PNG signature followed by garbage: the header looks right, the pixels are not there.
    writeFileSync(image, Buffer.concat([good.subarray(0, 16), Buffer.from('truncated: the rest of the file is missing')]));
    try {
      const r = buildSite({ contentDir, outDir, env: { RED_TODAY: '2026-06-01' } });
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('content/one-picture/guide/index.md:5 — image — 图片文件已损坏或不是图片，网站生成时会出错：content/one-picture/guide/guide.png');
      expect(r.stderr).toContain('内容检查没有通过，网站没有重新生成');
      expect(snapshot(outDir)).toEqual(before);
      expect(leftovers()).toEqual([]);
    } finally {
      writeFileSync(image, good);
    }
  });

  it('a failure inside astro build (its cache folder cannot be made) leaves the output byte-for-byte and no temporary folder', () => {
    // Content the check passes; Astro then fails on its own (a file where its cache folder should be).
    const blocked = path.join(path.dirname(contentDir), 'not-a-folder');
    writeFileSync(blocked, '');
    const r = buildSite({ contentDir, outDir, env: { RED_TODAY: '2026-06-01', RED_CACHE_DIR: path.join(blocked, 'cache') } });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('生成网站失败');
    expect(snapshot(outDir)).toEqual(before);
    expect(leftovers()).toEqual([]);
  });
});
