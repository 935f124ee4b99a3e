/**
 * `npm run build` while colleagues' drafts are half done: the build succeeds, leaves every draft
 * out, prints their problems as located warnings, and ends with a short Chinese summary
 * (Astro's own ≈150 English lines only with `--verbose`).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, childEnv, ROOT, type BuildResult } from '../support/build.ts';

const outDir = path.join(ROOT, 'test-results', 'drafts-dist');
let contentDir: string;
let result: BuildResult;

beforeAll(() => {
  contentDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'red-drafts-')), 'content');
  cpSync(path.join(ROOT, 'test/fixtures/site-basic'), contentDir, { recursive: true });
  // A scaffold straight from `npm run new` (unit and author still to fill).
  const made = spawnSync('npm', ['run', '--silent', 'new', '--', 'highlights', '支部书记讲党课'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...childEnv(), RED_CONTENT_DIR: contentDir, RED_TODAY: '2026-05-20' },
  });
  if (made.status !== 0) throw new Error(made.stderr);
  // A draft whose front matter is not even valid YAML, and one naming a photo not copied yet.
  writeFileSync(path.join(contentDir, 'salon/2026-03.md'), '---\ntitle: [第三期\ndraft: true\n---\n');
  writeFileSync(
    path.join(contentDir, 'one-picture/plan.md'),
    '---\ntitle: 计划\ndate: 2026-05-01\nunit: branch-a\nimage: ./plan.png\nimageAlt: 计划图\ndraft: true\n---\n',
  );
  result = buildSite({ contentDir, outDir, env: { RED_TODAY: '2026-06-01' } });
  if (result.status !== 0) throw new Error(`build failed\n${result.stdout}\n${result.stderr}`);
});

describe('a production build with half-written drafts', () => {
  it('succeeds and leaves every draft out', () => {
    expect(existsSync(path.join(outDir, 'highlights/zhi-bu-shu-ji-jiang-dang-ke'))).toBe(false);
    expect(existsSync(path.join(outDir, 'highlights/draft'))).toBe(false);
    expect(existsSync(path.join(outDir, 'salon/2026-03'))).toBe(false);
    expect(existsSync(path.join(outDir, 'one-picture/plan'))).toBe(false);
    expect(existsSync(path.join(outDir, 'highlights/ce-shi-liang-dian/index.html'))).toBe(true);
  });

  it("prints the drafts' problems as located warnings", () => {
    expect(result.stdout).toContain('草稿里的错误（草稿不发布，不影响生成网站；发布前要改好）：');
    expect(result.stdout).toContain('content/highlights/zhi-bu-shu-ji-jiang-dang-ke/index.md:7 — unit — unit（所属党组织）还没有填写');
    expect(result.stdout).toContain('content/salon/2026-03.md:2 — title — YAML 格式错误：引号或括号没有配对');
    expect(result.stdout).toContain('content/one-picture/plan.md:5 — image — 图片文件不存在：content/one-picture/plan.png');
  });

  it('ends with a Chinese summary, without Astro’s English lines', () => {
    const pages = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
    const summary = result.stdout.slice(result.stdout.indexOf('网站已生成'));
    expect(summary.replace(/用时 [\d.]+ 秒/, '用时 N 秒')).toBe(
      [
        `网站已生成：test-results/drafts-dist（${pages} 个页面，6 篇内容，用时 N 秒）`,
        '  党建工作一图清 1 篇，先锋沙龙 2 篇，红色亮点 2 篇，视频展播 1 篇',
        '  没有发布：草稿 4 篇，定时发布 1 篇（到日期后重新生成才出现）',
        '  提醒 5 个（其中草稿里的错误 4 个），见上面的检查结果',
        '  （要看 Astro 的详细输出：npm run build -- --verbose）',
        '',
      ].join('\n'),
    );
    expect(result.stdout).not.toMatch(/\[build\]|\[content\]|generating static routes|Completed in/);
    expect(result.stderr.replace(/^npm warn .*\n/gm, '')).toBe('');
  });

  it('shows Astro’s own output with --verbose', () => {
    const verbose = buildSite({ contentDir, outDir, env: { RED_TODAY: '2026-06-01' }, args: ['--verbose'] });
    expect(verbose.status).toBe(0);
    expect(verbose.stdout).toContain('generating static routes');
    expect(verbose.stdout).toContain('网站已生成：test-results/drafts-dist');
  });
});
