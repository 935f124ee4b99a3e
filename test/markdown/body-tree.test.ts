/**
 * The sanitised body tree outside Astro (src/markdown/body-tree.ts): what summaries, search
 * meta and every output that leaves the site are made from.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { bodyTree, treeImages, treeText } from '../../src/markdown/body-tree.ts';
import { entrySummary, oneLine } from '../../src/lib/summary.ts';

const policy = { siteUrl: 'https://intranet.example.cn', base: '/dangjian/' };

function tree(markdown: string, mdx = false, files: Record<string, string> = {}) {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'red-tree-')), 'content');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return bodyTree(markdown, { mdx, file: path.join(dir, 'highlights/a/index.md'), contentDir: dir, base: '/dangjian/', policy });
}

describe('body tree', () => {
  it('plain text for summaries: Markdown marks gone, image alt text left out', () => {
    expect(oneLine(treeText(tree('## 标题\n\n正文**加粗**，[链接](./a.md)。\n\n![图](./a.jpg)')))).toBe('标题 正文加粗，链接。');
  });

  it('comments of both kinds never become the summary', () => {
    const md = tree('<!-- 内部备注：领导还没审 -->\n\n正文第一句。');
    const mdx = tree('{/* 内部备注：不要外传 */}\n\n正文第一句。', true);
    for (const t of [md, mdx]) {
      expect(entrySummary({}, () => treeText(t))).toBe('正文第一句。');
      expect(toHtml(t)).not.toContain('内部备注');
    }
    expect(entrySummary({ summary: '写好的摘要' }, () => {
      throw new Error('not read when a summary is written');
    })).toBe('写好的摘要');
  });

  it('holds what the page holds: no script, no handler, no MDX expression', () => {
    const t = tree('<div onclick="x()">文字<script>alert(1)</script></div>\n\n{alert(2)}\n\n<details><summary>展开</summary>内容</details>', true);
    const out = toHtml(t);
    expect(out).not.toMatch(/onclick|script|alert/);
    expect(out).toContain('<details><summary>展开</summary>内容</details>');
  });

  it('frames: the URL parser decides the origin; files of the site are never framed', () => {
    const out = toHtml(
      tree(
        [
          '<iframe src="/\\evil.example/x"></iframe>',
          '<iframe src="https://intranet.example.cn/dangjian/media/highlights/a/page.html"></iframe>',
          '<iframe src="../../media/highlights/a/page.html"></iframe>',
          '<iframe src="https://intranet.example.cn/map/" title="地图"></iframe>',
        ].join('\n\n'),
      ),
    );
    expect(out).not.toMatch(/evil|media/);
    expect(out).toContain('<iframe src="https://intranet.example.cn/map/" title="地图"></iframe>');
  });

  it('keeps each image with its file as identity, written so URL decoders get the name back', () => {
    const t = tree('![百分比](./完成率100%.jpg)\n\n![空格](<./会议 照片.jpg>)\n\n![编码](./a%20b.jpg)', false, {
      'highlights/a/完成率100%.jpg': 'x',
      'highlights/a/会议 照片.jpg': 'x',
      'highlights/a/a b.jpg': 'x',
    });
    const srcs = treeImages(t).map((i) => decodeURI(String(i.properties.src)));
    expect(srcs).toEqual(['./完成率100%.jpg', './会议 照片.jpg', './a b.jpg']);
  });

  it('links to files beside the entry point at their published copy under media/', () => {
    const t = tree('[纪要](<./会议 纪要.pdf>) [百分比](./100%.pdf)', false, { 'highlights/a/会议 纪要.pdf': 'x', 'highlights/a/100%.pdf': 'x' });
    expect(toHtml(t)).toContain('href="/dangjian/media/highlights/a/%E4%BC%9A%E8%AE%AE%20%E7%BA%AA%E8%A6%81.pdf"');
    expect(toHtml(t)).toContain('href="/dangjian/media/highlights/a/100%25.pdf"');
  });
});
