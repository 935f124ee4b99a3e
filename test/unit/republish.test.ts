/** Pure parts of republishing: URL rewriting, inline styles, credit, Markdown, deterministic zips. */
import { strFromU8, unzipSync } from 'fflate';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { articleDocument, clipboardHtml, creditLine, instructionsText, type ArticleMeta } from '../../src/lib/republish/article.ts';
import { absolutizeHtml, htmlToText, imgTags, inlineStyles } from '../../src/lib/republish/html.ts';
import { kitImage, uniqueImageName, WEB_WIDTH } from '../../src/lib/republish/images.ts';
import { buildKitZip, kitFiles } from '../../src/lib/republish/kit.ts';
import { articleMarkdown, markdownImages, rewriteMarkdownBody } from '../../src/lib/republish/markdown.ts';
import { canRepublish, inFeeds } from '../../src/lib/republish/policy.ts';
import { deterministicZip } from '../../src/lib/republish/zip.ts';

const PAGE = 'http://oa.example.cn:8080/dangjian/highlights/a-case/';

const meta: ArticleMeta = {
  title: '测试亮点',
  date: '2026-03-05',
  author: '宣传委员',
  unit: '第一党支部',
  sourceUrl: PAGE,
  summary: '摘要文字',
  summaryWritten: true,
  tags: ['网格化', '服务'],
  kindLabel: '工作亮点',
  replicable: ['要点一', '要点二'],
  siteTitle: '红色专栏',
  organization: '某公司党委',
};

describe('absolutizeHtml', () => {
  it('makes links, images and srcset absolute with origin and base', () => {
    const html =
      '<a href="/dangjian/salon/2026-01/">期</a><a href="#x">锚</a><a href="mailto:a@b.cn">信</a>' +
      '<img src="/dangjian/_astro/a.webp" srcset="/dangjian/_astro/a-640.webp 640w, /dangjian/_astro/a-1080.webp 1080w">' +
      '<a href="../b/">相对</a><a href="https://other.example/x">外</a>';
    const out = absolutizeHtml(html, PAGE);
    expect(out).toContain('href="http://oa.example.cn:8080/dangjian/salon/2026-01/"');
    expect(out).toContain('href="#x"');
    expect(out).toContain('href="mailto:a@b.cn"');
    expect(out).toContain('src="http://oa.example.cn:8080/dangjian/_astro/a.webp"');
    expect(out).toContain(
      'srcset="http://oa.example.cn:8080/dangjian/_astro/a-640.webp 640w, http://oa.example.cn:8080/dangjian/_astro/a-1080.webp 1080w"',
    );
    expect(out).toContain('href="http://oa.example.cn:8080/dangjian/highlights/b/"');
    expect(out).toContain('href="https://other.example/x"');
  });

  it('keeps query strings intact (entities are decoded once, re-escaped once)', () => {
    expect(absolutizeHtml('<a href="/x?a=1&amp;b=2">q</a>', PAGE)).toContain('href="http://oa.example.cn:8080/x?a=1&amp;b=2"');
  });
});

describe('inlineStyles', () => {
  it('puts a style on every known tag and drops classes and layout attributes', () => {
    const out = inlineStyles(
      '<h2 id="a">标题</h2><div class="table-wrap" tabindex="0" role="region" aria-label="表格"><table><tr><th>甲</th><td>1</td></tr></table></div>' +
        '<p>正文<strong>加粗</strong></p><ul><li>一</li></ul><img src="x.jpg" alt="图" loading="lazy" srcset="a 1w" sizes="100vw" data-astro-image="constrained">',
    );
    for (const tag of ['h2', 'table', 'th', 'td', 'p', 'strong', 'ul', 'li', 'img']) {
      expect(out, tag).toMatch(new RegExp(`<${tag}[^>]* style="[^"]+"`));
    }
    expect(out).not.toMatch(/class=|tabindex=|role=|loading=|srcset=|sizes=|data-astro/);
    expect(out).toContain('alt="图"');
    expect(out).toContain('src="x.jpg"');
  });
});

describe('credit', () => {
  it('names the unit, author, day and absolute link', () => {
    expect(creditLine(meta)).toBe(`来源单位：第一党支部　作者：宣传委员　原文日期：2026年3月5日　原文链接：${PAGE}`);
  });

  it('the clipboard copy carries inline styles, the extras and the credit', () => {
    const html = clipboardHtml(meta, '<h2>做法</h2><p>正文</p>');
    expect(html).toContain('<h2 style=');
    expect(html).toContain('可复制推广要点');
    expect(html).toContain(`<a href="${PAGE}">${PAGE}</a>`);
    expect(html).toContain('来源单位：第一党支部');
    const text = htmlToText(html);
    expect(text).toContain('原文日期：2026年3月5日');
    expect(text).not.toContain('<');
  });

  it('article.html is a full document with inline CSS and the credit block', () => {
    const doc = articleDocument(meta, '<p>正文</p>');
    expect(doc).toMatch(/^<!doctype html>/);
    expect(doc).toContain('<style>');
    expect(doc).not.toMatch(/<link rel="stylesheet"|<script/);
    expect(doc).toContain('<section class="credit"');
    expect(doc).toContain('<p class="lead">摘要文字</p>');
    expect(articleDocument({ ...meta, summaryWritten: false }, '<p>正文</p>')).not.toContain('class="lead"');
  });

  it('转载说明 is Chinese, CRLF, and lists the credit', () => {
    const t = instructionsText(meta, ['images/a.jpg']);
    expect(t).toContain('\r\n');
    expect(t).toContain('来源单位：第一党支部');
    expect(t).toContain(`原文链接：${PAGE}`);
    expect(t).toContain('images/a.jpg');
  });
});

describe('article.md', () => {
  const body = [
    '## 做法',
    '',
    '![上门服务](./上门服务.jpg "标题")',
    '',
    '见[第一期](../../salon/2026-01.md)和[外链](https://x.example/)。',
    '',
    '```',
    '![代码里的图](./no.jpg)',
    '```',
  ].join('\n');

  it('lists the images written in the body', () => {
    expect(markdownImages(body)).toEqual([
      { alt: '上门服务', src: './上门服务.jpg' },
      { alt: '代码里的图', src: './no.jpg' },
    ]);
  });

  it('points images at images/ and links at absolute URLs, leaving code alone', () => {
    const out = rewriteMarkdownBody(body, {
      image: (src) => (src === './上门服务.jpg' ? 'images/上门服务-web.jpg' : undefined),
      link: (href) => (href.endsWith('.md') ? 'http://oa.example.cn/dangjian/salon/2026-01/' : href),
    });
    expect(out).toContain('![上门服务](images/上门服务-web.jpg "标题")');
    expect(out).toContain('[第一期](http://oa.example.cn/dangjian/salon/2026-01/)');
    expect(out).toContain('[外链](https://x.example/)');
    expect(out).toContain('![代码里的图](./no.jpg)');
  });

  it('has front matter with title, date, author, unit, source, summary, tags', async () => {
    const md = articleMarkdown(meta, '正文', 'images/cover-web.jpg');
    const { default: matter } = await import('gray-matter');
    const fm = matter(md);
    expect(fm.data).toMatchObject({
      title: '测试亮点',
      date: '2026-03-05',
      author: '宣传委员',
      unit: '第一党支部',
      source: PAGE,
      summary: '摘要文字',
      tags: ['网格化', '服务'],
      cover: 'images/cover-web.jpg',
    });
    expect(fm.content).toContain('## 可复制推广要点');
    expect(fm.content).toContain(`原文链接：<${PAGE}>`);
  });
});

describe('zip', () => {
  it('same files in any order give the same bytes, with the UTF-8 flag on Chinese names', () => {
    const a = deterministicZip({ 'b.txt': 'b', '转载说明.txt': '说明', 'a.md': '# a' }, '2026-03-05');
    const b = deterministicZip({ '转载说明.txt': '说明', 'a.md': '# a', 'b.txt': 'b' }, '2026-03-05');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const files = unzipSync(a);
    expect(Object.keys(files)).toEqual(['a.md', 'b.txt', '转载说明.txt']);
    expect(strFromU8(files['转载说明.txt']!)).toBe('说明');
    // Central directory: general purpose flag bit 11 (UTF-8) on the Chinese name.
    const buf = Buffer.from(a);
    const cd = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const flags: number[] = [];
    for (let i = cd; i >= 0 && i < buf.length; i = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4)) {
      flags.push(buf.readUInt16LE(i + 8));
    }
    expect(flags.map((f) => Boolean(f & 0x800))).toEqual([false, false, true]);
  });

  it('stores the fixed time (DOS fields), not the build time', () => {
    const buf = Buffer.from(deterministicZip({ 'a.txt': 'a' }, '2026-03-05'));
    const time = buf.readUInt16LE(10);
    const date = buf.readUInt16LE(12);
    expect({ y: (date >> 9) + 1980, m: (date >> 5) & 15, d: date & 31, h: time >> 11 }).toEqual({ y: 2026, m: 3, d: 5, h: 12 });
  });
});

describe('kit images', () => {
  it('keeps names unique and readable', () => {
    const used = new Set<string>();
    expect(uniqueImageName(used, './上门 服务.JPG')).toEqual({ stem: 'shang-men-fu-wu', ext: '.jpg' });
    expect(uniqueImageName(used, '../other/上门服务.jpg')).toEqual({ stem: 'shang-men-fu-wu-2', ext: '.jpg' });
    expect(uniqueImageName(used, './Photo 1.PNG')).toEqual({ stem: 'photo-1', ext: '.png' });
  });

  it('keeps the original bytes and makes a web-size copy', async () => {
    const big = new Uint8Array(await sharp({ create: { width: 2400, height: 1200, channels: 3, background: '#a8111a' } }).jpeg().toBuffer());
    const img = await kitImage(new Set(), './大图.jpg', big, '大图');
    expect(img.original).toBe('images/da-tu.jpg');
    expect(img.web).toBe('images/da-tu-web.jpg');
    expect(img.originalBytes).toBe(big);
    const m = await sharp(img.webBytes).metadata();
    expect([m.width, m.height, img.width, img.height]).toEqual([WEB_WIDTH, 540, WEB_WIDTH, 540]);
  });

  it('a kit holds every part and every image it references', async () => {
    const png = new Uint8Array(await sharp({ create: { width: 300, height: 200, channels: 3, background: '#fff' } }).png().toBuffer());
    const img = await kitImage(new Set(), './图.png', png, '图');
    const input = { meta, bodyHtml: '<p><img src="/x/_astro/a.webp" alt="图"></p>', bodyImages: [img], markdown: '---\n---\n' };
    const files = kitFiles(input);
    expect(Object.keys(files).sort()).toEqual(['article.html', 'article.md', 'images/tu-web.png', 'images/tu.png', '转载说明.txt']);
    const html = String(files['article.html']);
    for (const ref of imgTags(html).map((t) => t.attrs.src)) expect(files).toHaveProperty([ref!]);
    expect(Buffer.from(buildKitZip(input)).equals(Buffer.from(buildKitZip(input)))).toBe(true);
  });
});

describe('policy', () => {
  it('republish: false keeps a highlight out of kits and feeds; other columns are in feeds', () => {
    expect(canRepublish({ collection: 'highlights', data: {} })).toBe(true);
    expect(canRepublish({ collection: 'highlights', data: { republish: false } })).toBe(false);
    expect(canRepublish({ collection: 'salon', data: {} })).toBe(false);
    expect(inFeeds({ collection: 'highlights', data: { republish: false } })).toBe(false);
    expect(inFeeds({ collection: 'salon', data: {} })).toBe(true);
  });
});
