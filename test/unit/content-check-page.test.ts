/** The page `npm run dev` shows while the content has errors. */
import { describe, expect, it } from 'vitest';
import { errorPage } from '../../src/integrations/content-check.ts';

describe('dev error page', () => {
  it('lists every error with file:line, field, problem and fix, escaped, and loads the reload client under the base', () => {
    const html = errorPage(
      {
        entries: 2,
        errors: [
          { file: 'content/salon/2026-02.md', line: 3, field: 'date', message: '日期 2025-13-45 不存在', hint: '改成 date: 2026-02-20' },
          { file: 'content/highlights/a.md', line: 12, field: '正文', message: '正文里不允许使用脚本 <script>', hint: '删除这段 <script>…</script>' },
        ],
        warnings: [{ file: 'content/videos/a/index.md', message: '视频没有字幕', hint: '加字幕' }],
      },
      '/dangjian/',
    );
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<h1>内容检查发现 2 个错误</h1>');
    expect(html).toContain('<p class="where">content/salon/2026-02.md:3 — date</p><p>日期 2025-13-45 不存在</p><p class="fix">怎么改：改成 date: 2026-02-20</p>');
    expect(html).toContain('正文里不允许使用脚本 &lt;script&gt;');
    expect(html).not.toContain('<script>…');
    expect(html).toContain('另有 1 个提醒');
    expect(html).toContain('<script type="module" src="/dangjian/@vite/client"></script>');
  });
});
