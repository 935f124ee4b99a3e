/**
 * `npm run check` and `npm run new` as authors run them, against temporary content folders.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/check/index.ts';
import { GOOD_HIGHLIGHT, makeContent } from '../support/content.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const VITE_ENV = new Set(['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST']);

function npm(script: string, args: string[], contentDir: string, env: Record<string, string> = {}) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !VITE_ENV.has(k) && !k.startsWith('VITEST')));
  const r = spawnSync('npm', ['run', '--silent', script, '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...base, RED_CONTENT_DIR: contentDir, ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.replace(/^npm warn .*\n/gm, '') };
}

describe('npm run check', () => {
  it('--json: the whole result on standard output, however long (what npm run build reads)', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) files[`highlights/h${String(i).padStart(3, '0')}.md`] = GOOD_HIGHLIGHT;
    const r = npm('check', ['--json'], makeContent(files));
    expect(r.status).toBe(0);
    // Far more than a pipe holds at once (64 KB): a process that exits before the pipe takes it all cuts it short.
    expect(r.stdout.length).toBeGreaterThan(65_536);
    const result = JSON.parse(r.stdout) as { entries: number; errors: unknown[]; list: unknown[] };
    expect(result.entries).toBe(2000);
    expect(result.errors).toEqual([]);
    expect(result.list).toHaveLength(2000);
  });

  it('prints grouped Chinese messages with counts and exits 1 on errors', async () => {
    const dir = makeContent({
      'highlights/a.md': GOOD_HIGHLIGHT.replace('2026-03-18', '2025-13-45'),
      'highlights/b.md': GOOD_HIGHLIGHT.replace('author: 机关党委宣传组', 'author：机关党委宣传组'),
      'videos/v/index.md': `---\ntitle: 视频\ndate: 2026-01-01\nunit: nb-committee\nvideo: https://video.intranet.example.cn/a.mp4\ncategory: activity\n---\n`,
    });
    const r = npm('check', [], dir);
    expect(r.status).toBe(1);
    const out = r.stdout.replace(/（用时 \d+ 毫秒）/, '（用时 N 毫秒）');
    expect(out).toMatchInlineSnapshot(`
      "错误（必须改正，网站才能发布）：
        content/highlights/a.md
          content/highlights/a.md:3 — date — 日期 2025-13-45 不存在（月份只有 01–12，日子不能超过当月天数） — 改成真实存在的日期，写成 YYYY-MM-DD，例如 date: 2026-03-18
        content/highlights/b.md
          content/highlights/b.md:6 — author — 字段名 author 后面用了中文全角冒号“：” — 改成英文半角冒号加一个空格：author: 机关党委宣传组

      提醒（建议改正，不影响发布）：
        content/videos/v/index.md
          content/videos/v/index.md — captions — 视频没有字幕，听不见声音的读者（和在办公室静音观看的同事）看不懂 — 把 .vtt 字幕文件放在视频旁边，加上一行：captions: ./captions.vtt

      检查了 3 篇内容：2 个错误，1 个提醒。请按上面的提示修改后再试。
      （用时 N 毫秒）
      "
    `);
  });

  it('exits 0 with a short summary when everything is fine', async () => {
    const r = npm('check', [], makeContent({ 'highlights/a.md': GOOD_HIGHLIGHT }));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^检查了 1 篇内容：没有错误。\n（用时 \d+ 毫秒）\n$/);
  });
});

describe('npm run check with a colleague’s half-written draft', () => {
  it('lists the draft’s errors apart and exits 0: only errors in published entries stop a build', () => {
    const dir = makeContent({ 'highlights/a.md': GOOD_HIGHLIGHT });
    npm('new', ['highlights', '三结对'], dir, { RED_TODAY: '2026-03-18' });
    const r = npm('check', [], dir);
    expect(r.status).toBe(0);
    expect(r.stdout.replace(/（用时 \d+ 毫秒）/, '（用时 N 毫秒）')).toMatchInlineSnapshot(`
      "草稿里的错误（草稿不发布，不影响生成网站；发布前要改好）：
        content/highlights/san-jie-dui/index.md
          content/highlights/san-jie-dui/index.md:7 — unit — unit（所属党组织）还没有填写 — 在冒号后面填上内容，照这样写：unit: hq-branch-1
          content/highlights/san-jie-dui/index.md:13 — author — author（作者/供稿）还没有填写 — 在冒号后面填上内容，照这样写：author: 机关党委宣传组

      提醒（建议改正，不影响发布）：
        content/highlights/san-jie-dui/index.md
          content/highlights/san-jie-dui/index.md:16 — replicable — “第一步”还是新建时的示例内容（标着 # TODO） — 换成真实内容，并删除 # TODO；用不到的可选项整行删除

      检查了 2 篇内容：没有错误，草稿里 2 个错误，1 个提醒。
      （用时 N 毫秒）
      "
    `);
  });
});

describe('npm run new', () => {
  it('creates a highlight with a pinyin slug, today (China), TODO marks and Chinese comments', async () => {
    const dir = makeContent({});
    const r = npm('new', ['highlights', '支部书记讲党课：把党课讲到群众心坎上'], dir, { RED_TODAY: '2026-03-18' });
    expect(r.status).toBe(0);
    const file = path.join(dir, 'highlights/zhi-bu-shu-ji-jiang-dang-ke/index.md');
    expect(r.stdout).toContain(`已新建：${file}`);
    expect(r.stdout).toContain('预览地址：http://localhost:4321/dangjian/highlights/zhi-bu-shu-ji-jiang-dang-ke/');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('title: 支部书记讲党课：把党课讲到群众心坎上\n');
    expect(text).toContain('date: 2026-03-18\n');
    expect(text).toContain('# 作者/供稿（必填）：转载时要署名\nauthor:  # TODO');
    expect(text).toContain('draft: true');
    // The check points at exactly the fields left to fill.
    expect((await checkContent(dir)).errors.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/highlights/zhi-bu-shu-ji-jiang-dang-ke/index.md:7 — unit — unit（所属党组织）还没有填写 — 在冒号后面填上内容，照这样写：unit: hq-branch-1",
        "content/highlights/zhi-bu-shu-ji-jiang-dang-ke/index.md:13 — author — author（作者/供稿）还没有填写 — 在冒号后面填上内容，照这样写：author: 机关党委宣传组",
      ]
    `);
  });

  it('fills the next salon issue and never overwrites', async () => {
    const dir = makeContent({
      'salon/2026-01.md': `---\ntitle: 一\ndate: 2026-01-20\nissue: 7\nhost: gov-committee\nparticipants: 书记\n---\n`,
      'salon/2026-03.md': 'do not touch',
    });
    const r = npm('new', ['salon', '网格化服务大家谈'], dir, { RED_TODAY: '2026-03-18' });
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(dir, 'salon/2026-03.md'), 'utf8')).toBe('do not touch');
    const text = readFileSync(path.join(dir, 'salon/2026-03-2/index.md'), 'utf8');
    expect(text).toContain('issue: 8\n');
    expect(r.stdout).toContain('期数：第8期（请核对）');
  });

  it('makes a folder for a video and picks a free name', async () => {
    const dir = makeContent({ 'videos/qi-yi-zhu-ti-dang-ri/index.md': 'x' });
    const r = npm('new', ['videos', '七一主题党日'], dir, { RED_TODAY: '2026-07-01' });
    expect(r.status).toBe(0);
    expect(existsSync(path.join(dir, 'videos/qi-yi-zhu-ti-dang-ri-2/index.md'))).toBe(true);
    expect(readFileSync(path.join(dir, 'videos/qi-yi-zhu-ti-dang-ri/index.md'), 'utf8')).toBe('x');
  });

  it('refuses an unknown column with the list of columns', async () => {
    const dir = makeContent({});
    const r = npm('new', ['news', '标题'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('没有“news”这个栏目。');
    expect(r.stderr).toContain('highlights   红色亮点');
    expect(readdirSync(dir).sort()).toEqual(['site.yaml', 'units.yaml']);
  });

  it('a filled-in new entry passes the check', async () => {
    const dir = makeContent({});
    npm('new', ['highlights', '三结对'], dir, { RED_TODAY: '2026-03-18' });
    const file = path.join(dir, 'highlights/san-jie-dui/index.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('unit:  # TODO 填写党组织的 id', 'unit: hq-committee')
        .replace('author:  # TODO 例如 机关党委宣传组', 'author: 宣传组')
        .replace('  - 第一步  # TODO', '  - 部门支部结对支局'),
    );
    expect((await checkContent(dir)).errors).toEqual([]);
  });
});

describe('npm run new says what is left and numbers salons by date', () => {
  it('lists the lines still to fill, as the check sees them', () => {
    const r = npm('new', ['highlights', '支部书记讲党课'], makeContent({}), { RED_TODAY: '2026-03-18' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('还要填写：第 7 行 unit（所属党组织）、第 13 行 author（作者/供稿）\n');
    expect(r.stdout).toContain('还要换成真实内容的示例：第 16 行 replicable（可复制推广要点）\n');
  });

  it('a salon held before the last numbered one gets the issue its date gives, and a note about the clash', () => {
    const dir = makeContent({
      'salon/2026-11.md': `---\ntitle: 十二\ndate: 2026-11-20\nissue: 12\nhost: gov-committee\nparticipants: 书记\n---\n`,
      'salon/2026-12/index.md': `---\ntitle: 十三\ndate: 2026-12-18\nissue: 13\nhost: gov-committee\nparticipants: 书记\n---\n`,
    });
    const r = npm('new', ['salon', '提前举办的一期'], dir, { RED_TODAY: '2026-12-02' });
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(dir, 'salon/2026-12-2/index.md'), 'utf8')).toContain('issue: 13\n');
    expect(r.stdout).toContain('期数：第13期（请核对）：按举办日期 2026-12-02 排在第12期（2026-11-20）之后');
    expect(r.stdout).toContain(`注意：第13期已经用在 ${path.join(dir, 'salon/2026-12/index.md')}（2026-12-18）上，它的日期更晚`);
  });
});

describe('npm run new leaves placeholders the check points at', () => {
  it('warns about example values still marked # TODO', async () => {
    const dir = makeContent({});
    npm('new', ['salon', '沙龙'], dir, { RED_TODAY: '2026-03-18' });
    expect((await checkContent(dir)).warnings.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/salon/2026-03/index.md:14 — name — “姓名”还是新建时的示例内容（标着 # TODO） — 换成真实内容，并删除 # TODO；用不到的可选项整行删除",
      ]
    `);
  });
});
