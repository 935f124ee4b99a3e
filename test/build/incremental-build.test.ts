/**
 * Warm builds use Astro's incremental build: entry pages, kits and posters whose cache key
 * (src/collections/page-keys.ts) and code are unchanged are copied from the last build. The
 * guarantee that makes it safe: after edits, a warm build gives exactly the bytes of a cold one.
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT } from '../support/build.ts';

const work = path.join(ROOT, 'test-results', 'incremental');
const content = path.join(work, 'content');
const warmOut = path.join(work, 'warm-dist');
const coldOut = path.join(work, 'cold-dist');
const env = { RED_TODAY: '2026-06-01' };

function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8', withFileTypes: false })) {
    const abs = path.join(dir, f);
    try {
      out.set(f.split(path.sep).join('/'), readFileSync(abs));
    } catch {
      /* a folder */
    }
  }
  return out;
}

function edit(rel: string, change: (text: string) => string): void {
  const file = path.join(content, rel);
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

let warmLog = '';

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  cpSync(path.join(ROOT, 'test/fixtures/site-basic'), content, { recursive: true });
  const first = buildSite({ contentDir: content, outDir: warmOut, env });
  if (first.status !== 0) throw new Error(`first build failed\n${first.stdout}\n${first.stderr}`);
  // A salon's text (its page, the salon lists and feeds), a highlight's title (its page, and every
  // page linking to it: neighbours, related reading, lists).
  edit('salon/2026-02.md', (t) => t.replace('第二期。', '第二期：改过的正文。'));
  edit('highlights/测试亮点.md', (t) => t.replace('title: 测试亮点', 'title: 改过标题的测试亮点').replace('亮点正文', '改过的亮点正文'));
  // --verbose: Astro's per-page lines say which pages were copied.
  const warm = buildSite({ contentDir: content, outDir: warmOut, env, args: ['--verbose'] });
  if (warm.status !== 0) throw new Error(`warm build failed\n${warm.stdout}\n${warm.stderr}`);
  warmLog = warm.stdout + warm.stderr;
  const cold = buildSite({ contentDir: content, outDir: coldOut, env });
  if (cold.status !== 0) throw new Error(`cold build failed\n${cold.stdout}\n${cold.stderr}`);
}, 600_000);

describe('incremental build', () => {
  it('copies unchanged pages instead of rendering them', () => {
    expect(warmLog).toMatch(/\((restored|cached)\)/);
  });

  it('gives the same files as a cold build of the edited content', () => {
    const warm = files(warmOut);
    const cold = files(coldOut);
    expect([...warm.keys()].sort()).toEqual([...cold.keys()].sort());
    const differ = [...cold].filter(([f, bytes]) => !warm.get(f)!.equals(bytes)).map(([f]) => f);
    expect(differ).toEqual([]);
    expect(cold.get('salon/2026-02/index.html')!.toString()).toContain('改过的正文');
    // Keyed like the kit: the edited highlight's 复制正文 is made again, with the new text.
    expect(warm.get('highlights/ce-shi-liang-dian/copy.json')!.toString()).toContain('改过的亮点正文');
  });
});
