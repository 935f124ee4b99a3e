/**
 * The HTML sanitizer on real Markdown, through the same order of steps Astro uses
 * (remark-parse → gfm → remark-rehype with raw HTML → our plugins → rehype-raw → stringify),
 * and on real MDX compiled by @mdx-js/mdx with our plugins.
 */
import { compile } from '@mdx-js/mdx';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeSanitize } from '../../src/markdown/rehype-sanitize.ts';
import { rehypeTables } from '../../src/markdown/rehype-tables.ts';

const options = { siteUrl: 'https://intranet.example.cn', mediaOrigins: ['http://video.intranet.example.cn'] };

async function render(markdown: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeSanitize, options)
    .use(rehypeTables)
    .use(rehypeRaw)
    .use(rehypeStringify, { allowDangerousHtml: true })
    .process(markdown);
  return String(file.value);
}

describe('rehype sanitizer on Markdown', () => {
  it('removes <script> blocks and inline scripts', async () => {
    const out = await render('前文\n\n<script>alert("x")</script>\n\n后文 <script>steal()</script> 结束');
    expect(out).not.toContain('<script');
    expect(out).not.toContain('alert');
    expect(out).not.toContain('steal');
    expect(out).toContain('前文');
    expect(out).toContain('后文');
  });

  it('removes event-handler attributes but keeps the element', async () => {
    const out = await render('<div onclick="alert(1)" class="note">提示</div>\n\n<img src="./a.png" alt="图" onerror="x()">');
    expect(out).toBe('<div class="note">提示</div>\n<img src="./a.png" alt="图">');
  });

  it('removes javascript: URLs from HTML and from Markdown links', async () => {
    const out = await render('[点我](javascript:alert(1)) 和 <a href=" JaVaScRiPt:alert(2)">这里</a>');
    expect(out).not.toMatch(/javascript/i);
    expect(out).toBe('<p><a>点我</a> 和 <a>这里</a></p>');
  });

  it('keeps iframes on the site or the video server, removes others', async () => {
    const out = await render(
      [
        '<iframe src="https://evil.example.com/x" title="外部"></iframe>',
        '',
        '<iframe src="http://video.intranet.example.cn/play/1" title="视频"></iframe>',
        '',
        '<iframe src="https://intranet.example.cn/dangjian/map.html" title="地图"></iframe>',
        '',
        '<iframe srcdoc="<script>x</script>" title="x"></iframe>',
      ].join('\n'),
    );
    expect(out).not.toContain('evil.example.com');
    expect(out).toContain('<iframe src="http://video.intranet.example.cn/play/1" title="视频"></iframe>');
    expect(out).toContain('<iframe src="https://intranet.example.cn/dangjian/map.html" title="地图"></iframe>');
    expect(out).not.toContain('srcdoc');
  });

  it('keeps harmless HTML: details, summary, sup, sub, kbd, mark, tables', async () => {
    const md = [
      '<details><summary>展开看全文</summary>',
      '',
      '第一段 H<sub>2</sub>O，10<sup>3</sup>，按 <kbd>Ctrl</kbd> 键，<mark>重点</mark>',
      '',
      '</details>',
      '',
      '| 列 | 值 |',
      '|---|---|',
      '| 甲 | 1 |',
    ].join('\n');
    const out = await render(md);
    expect(out).toContain('<details><summary>展开看全文</summary>');
    expect(out).toContain('H<sub>2</sub>O，10<sup>3</sup>，按 <kbd>Ctrl</kbd> 键，<mark>重点</mark>');
    expect(out).toContain('</details>');
    expect(out).toContain('<div class="table-wrap" tabindex="0" role="region" aria-label="表格（可横向滚动）"><table>');
  });

  it('drops style attributes and comments silently, unwraps unknown tags', async () => {
    const out = await render('<p style="background:url(https://evil.example.com/t.png)">文字<!-- 内部备注 --><font color="red">红字</font></p>');
    expect(out).toBe('<p>文字红字</p>');
  });

  it('removes style, object, embed, forms', async () => {
    const out = await render(
      '<style>body{display:none}</style>\n\n<object data="x.swf"></object><embed src="x.swf">\n\n<form action="https://evil.example.com"><input name="pw"><button>提交</button></form>',
    );
    expect(out).not.toMatch(/<style|<object|<embed|<form|<input|<button|display:none/);
  });

  it('adds rel=noopener to links opening a new window', async () => {
    expect(await render('<a href="https://intranet.example.cn/" target="_blank">官网</a>')).toBe(
      '<p><a href="https://intranet.example.cn/" target="_blank" rel="noopener noreferrer">官网</a></p>',
    );
  });

  it('keeps GFM task-list checkboxes', async () => {
    expect(await render('- [x] 已完成')).toContain('<input type="checkbox" checked disabled>');
  });
});

describe('rehype sanitizer on MDX', () => {
  async function mdx(source: string): Promise<string> {
    return String(await compile(source, { rehypePlugins: [[rehypeSanitize, options]], jsx: true }));
  }

  it('removes JSX script, event handlers, imports, exports and expressions', async () => {
    const out = await mdx(
      [
        "import Evil from './evil.js'",
        'export const x = fetch("https://evil.example.com")',
        '',
        '# 标题',
        '',
        '<div onClick="alert(1)">文字</div>',
        '',
        '<script>{"alert(1)"}</script>',
        '',
        '{globalThis.alert(2)}',
        '',
        '<Evil />',
      ].join('\n'),
    );
    expect(out).not.toContain('evil');
    expect(out).not.toMatch(/alert|fetch|onClick|Evil/);
    expect(out).toContain('文字');
    expect(out).toContain('标题');
  });
});
