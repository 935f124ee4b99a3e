/**
 * The safety net: even when the content check is bypassed (`astro build` run directly with
 * RED_CHECKED=1), unsafe HTML written in .md and .mdx never reaches a built page.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/build.ts';

const outDir = path.join(ROOT, 'test-results', 'authoring-sanitize-dist');
const FRONT = '---\ntitle: 不安全的亮点\ndate: 2026-01-12\nunit: root-committee\nkind: case\nauthor: 测试\n---\n';

beforeAll(() => {
  const contentDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'red-sanitize-')), 'content');
  cpSync(path.join(ROOT, 'test/fixtures/site-basic'), contentDir, { recursive: true });
  writeFileSync(
    path.join(contentDir, 'highlights/unsafe.md'),
    `${FRONT}第一段。\n\n<script>window.stolen = 1</script>\n\n<div onclick="steal()" style="color:red">点我</div>\n\n[链接](javascript:alert(1))\n\n<iframe src="https://evil.example.com/"></iframe>\n\n<details><summary>展开</summary>H<sub>2</sub>O 和 10<sup>3</sup></details>\n\n<!-- 内部备注 -->\n\n![竖拍照片](../salon/2026-01/rotated.jpg)\n`,
  );
  writeFileSync(
    path.join(contentDir, 'highlights/unsafe-mdx.mdx'),
    `${FRONT.replace('不安全的亮点', 'MDX 不安全')}export const x = 1\n\n<div onClick="steal()">MDX 文字</div>\n\n<details><summary>折叠</summary>内容</details>\n`,
  );
  rmSync(outDir, { recursive: true, force: true });
  const VITE_ENV = new Set(['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST']);
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !VITE_ENV.has(k) && !k.startsWith('VITEST')));
  const astro = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
  const r = spawnSync(process.execPath, [astro, 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...env,
      ASTRO_TELEMETRY_DISABLED: '1',
      RED_CHECKED: '1',
      RED_TODAY: '2026-06-01',
      RED_CONTENT_DIR: contentDir,
      RED_OUT_DIR: outDir,
      RED_CACHE_DIR: path.join(ROOT, 'test-results', '.cache-authoring-sanitize'),
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`build failed\n${r.stdout}\n${r.stderr}`);
});

describe('unsafe HTML never reaches a built page', () => {
  it('.md: script, handlers, javascript: links, outside iframes and comments are gone; harmless HTML stays', () => {
    const html = readFileSync(path.join(outDir, 'highlights/unsafe/index.html'), 'utf8');
    const prose = parse(html).querySelector('.prose')!;
    expect(prose.innerHTML).not.toMatch(/stolen|onclick|steal|javascript:|evil\.example|内部备注|color:red/i);
    expect(prose.querySelector('details summary')?.text).toBe('展开');
    expect(prose.querySelector('details sub')?.text).toBe('2');
    expect(prose.querySelector('details sup')?.text).toBe('3');
    expect(prose.text).toContain('点我');
    // Raw HTML is parsed before Astro's image step: Markdown images in the same file are still optimized.
    expect(prose.querySelector('img[alt="竖拍照片"]')?.getAttribute('srcset')).toMatch(/\.webp \d+w/);
  });

  it('.mdx: exports and event handlers are gone; harmless HTML stays', () => {
    const html = readFileSync(path.join(outDir, 'highlights/unsafe-mdx/index.html'), 'utf8');
    const prose = parse(html).querySelector('.prose')!;
    expect(prose.innerHTML).not.toMatch(/onclick|steal/i);
    expect(prose.text).toContain('MDX 文字');
    expect(prose.querySelector('details summary')?.text).toBe('折叠');
  });
});
