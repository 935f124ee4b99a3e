/** Pure parts of republishing, on real trees: portable bodies, 复制正文, article.html/.md, kits, deterministic zips. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8 } from 'fflate';
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { parse } from 'node-html-parser';
import { visit } from 'unist-util-visit';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { articleDocument, articleElement, creditLine, instructionsText, type ArticleMeta } from '../../src/lib/republish/article.ts';
import { clipboardFlavours, WECHAT_WIDTH } from '../../src/lib/republish/clipboard.ts';
import { kitImage, uniqueImageName, WEB_WIDTH } from '../../src/lib/republish/images.ts';
import { buildKitZip, kitFiles, type KitInput } from '../../src/lib/republish/kit.ts';
import { articleMarkdown, treeMarkdown } from '../../src/lib/republish/markdown.ts';
import { canRepublish, inFeeds } from '../../src/lib/republish/policy.ts';
import { absolutize, playersToLinks, swapImages } from '../../src/lib/republish/portable.ts';
import { deterministicZip, encodeGbk, zipDay } from '../../src/lib/republish/zip.ts';
import { bodyTree } from '../../src/markdown/body-tree.ts';
import { finalSanitize } from '../../src/markdown/output.ts';
import { readZip } from '../support/zip.ts';

const ORIGIN = 'http://oa.example.cn:8080';
const PAGE = `${ORIGIN}/dangjian/highlights/a-case/`;
const policy = { siteUrl: ORIGIN, base: '/dangjian/', pageUrl: PAGE };

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

/** A body as the site reads it: Markdown in a file under content/highlights/a/. */
function tree(markdown: string, mdx = false): Root {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'red-rep-')), 'content');
  const file = path.join(dir, 'highlights/a/index.md');
  return bodyTree(markdown, { mdx, file, contentDir: dir, base: '/dangjian/', policy });
}

const html = (t: Root) => toHtml(t);

describe('portable body', () => {
  it('makes links, images and srcset absolute with origin and base', () => {
    const t: Root = {
      type: 'root',
      children: [
        h('a', { href: '/dangjian/salon/2026-01/' }, '期'),
        h('a', { href: '#x' }, '锚'),
        h('a', { href: 'mailto:a@b.cn' }, '信'),
        h('img', { src: '/dangjian/_astro/a.webp', srcSet: '/dangjian/_astro/a-640.webp 640w, /dangjian/_astro/a-1080.webp 1080w' }),
        h('a', { href: '../b/' }, '相对'),
        h('a', { href: 'https://other.example/x' }, '外'),
        h('a', { href: '/x?a=1&b=2' }, 'q'),
      ],
    };
    const out = html(absolutize(t, PAGE));
    expect(out).toContain(`href="${ORIGIN}/dangjian/salon/2026-01/"`);
    expect(out).toContain('href="#x"');
    expect(out).toContain('href="mailto:a@b.cn"');
    expect(out).toContain(`src="${ORIGIN}/dangjian/_astro/a.webp"`);
    expect(out).toContain(`srcset="${ORIGIN}/dangjian/_astro/a-640.webp 640w, ${ORIGIN}/dangjian/_astro/a-1080.webp 1080w"`);
    expect(out).toContain(`href="${ORIGIN}/dangjian/highlights/b/"`);
    expect(out).toContain('href="https://other.example/x"');
    // Entities are the serialiser's business: decoded once in the tree, escaped once on output.
    expect(out).toContain(`href="${ORIGIN}/x?a=1&#x26;b=2"`);
  });

  it('matches images by their file, not their position, and turns players into links', () => {
    const t = tree('![乙](./b.jpg)\n\n![甲](./a.jpg)\n\n<iframe src="https://intranet.example.cn/x" title="地图"></iframe>\n');
    const seen: string[] = [];
    swapImages(t, (img) => {
      seen.push(String(img.properties.src));
      return h('img', { src: `copy-of-${String(img.properties.src).slice(2)}`, alt: img.properties.alt as string });
    });
    expect(seen).toEqual(['./b.jpg', './a.jpg']);
    expect(html(t)).toContain('<img src="copy-of-b.jpg" alt="乙">');
    const players = playersToLinks({ type: 'root', children: [h('video', { src: 'http://v.example/a.mp4', title: '党日' })] });
    expect(html(players)).toBe('<p><a href="http://v.example/a.mp4">观看视频：党日</a></p>');
  });
});

describe('复制正文 (WeChat-grade copy)', () => {
  const body = tree(
    [
      '## 做法',
      '',
      '见[外网](https://news.example.com/a)、[再见](https://news.example.com/a)、[本站](/dangjian/salon/2026-01/)和[脚注](#fn)。',
      '',
      '- 第一层',
      '  - 第二层',
      '    1. 第三层',
      '- 另一项',
      '',
      '3. 三',
      '4. 四',
      '',
      '![服务站外景](./a.jpg)',
    ].join('\n'),
  );
  swapImages(body, (img) => h('img', { src: `${ORIGIN}/dangjian/highlights/a-case/images/a-web.jpg`, alt: img.properties.alt as string, width: 1080, height: 720 }));
  const { tree: copy, text } = clipboardFlavours(meta, absolutize(body, PAGE), ORIGIN);
  const out = toHtml(finalSanitize(copy, { policy, inlineStyles: true }));
  const doc = parse(out);

  it('puts links outside the site under the article as numbered references', () => {
    expect(doc.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([`${ORIGIN}/dangjian/salon/2026-01/`, PAGE]);
    expect(doc.querySelectorAll('sup').map((s) => s.text)).toEqual(['[1]', '[1]']);
    expect(doc.text).toContain('[1] https://news.example.com/a');
    expect(doc.text).not.toContain('[2]');
    expect(doc.text).toContain('脚注');
  });

  it('flattens lists, nested or not, into paragraphs with literal markers', () => {
    expect(doc.querySelectorAll('ul, ol, li')).toHaveLength(0);
    const lines = doc.querySelectorAll('p').map((p) => p.text);
    expect(lines).toEqual(expect.arrayContaining(['• 第一层', '◦ 第二层', '1. 第三层', '• 另一项', '3. 三', '4. 四', '1. 要点一', '2. 要点二']));
    const indent = (t: string) => doc.querySelectorAll('p').find((p) => p.text === t)!.getAttribute('style')!;
    expect(indent('• 第一层')).toContain('padding-left:1.6em');
    expect(indent('◦ 第二层')).toContain('padding-left:3.2em');
  });

  it('shows images as figure/figcaption from the alt text, sized in px, in a 677 px column', () => {
    const fig = doc.querySelector('figure')!;
    expect(fig.querySelector('figcaption')!.text).toBe('服务站外景');
    const img = fig.querySelector('img')!;
    expect(img.getAttribute('width')).toBeUndefined();
    expect(img.getAttribute('style')).toContain(`width:${WECHAT_WIDTH}px`);
    expect(doc.querySelector('section')!.getAttribute('style')).toContain('max-width:677px');
  });

  it('uses only properties the WeChat editor keeps, inline, on every element', () => {
    expect(out).not.toMatch(/position|box-shadow|background-image|url\(|class=|<img[^>]* width=/);
    for (const tag of ['h2', 'p', 'img', 'figure', 'figcaption', 'a', 'section']) {
      expect(doc.querySelector(tag)?.getAttribute('style'), tag).toBeTruthy();
    }
    expect(doc.text).toContain('来源单位：第一党支部');
  });

  it('has a text/plain flavour with the same markers, references and credit', () => {
    expect(text).toContain('◦ 第二层');
    expect(text).toContain('[图片：服务站外景]');
    expect(text).toContain('[1] https://news.example.com/a');
    expect(text).toContain(`原文链接：${PAGE}`);
    expect(text).not.toContain('<');
  });

  it('markup inside attributes and titles stays text in every flavour', () => {
    const hostile = tree('[链接](https://x.example/ "a\\"><img src=x onerror=alert(1)>")\n\n<abbr title="<img src=x onerror=alert(2)>">缩写</abbr>\n');
    const c = clipboardFlavours(meta, hostile, ORIGIN);
    const out = parse(toHtml(finalSanitize(c.tree, { policy, inlineStyles: true })));
    expect(out.querySelectorAll('img')).toHaveLength(0);
    expect(out.querySelectorAll('*').flatMap((el) => Object.keys(el.attributes)).filter((a) => /^on/i.test(a))).toEqual([]);
    // The markup is the abbreviation's title, as written: text, not an element.
    expect(out.querySelector('abbr')?.getAttribute('title')).toBe('<img src=x onerror=alert(2)>');
    expect(c.text).not.toContain('onerror');
    // article.md: read back by a Markdown parser, the markup is a link title and text, never HTML or an image.
    const md = fromMarkdown(treeMarkdown(finalSanitize(hostile, { policy })));
    const types = new Set<string>();
    visit(md, (n) => void types.add(n.type));
    expect([...types].filter((t) => t === 'html' || t === 'image')).toEqual([]);
  });
});

describe('credit and article.html', () => {
  it('names the unit, author, day and absolute link', () => {
    expect(creditLine(meta)).toBe(`来源单位：第一党支部　作者：宣传委员　原文日期：2026年3月5日　原文链接：${PAGE}`);
  });

  it('article.html is a full document with inline CSS, the credit block and no script', () => {
    const article = finalSanitize({ type: 'root', children: [articleElement(meta, tree('正文'))] }, { policy });
    const doc = articleDocument(meta, article);
    expect(doc).toMatch(/^<!doctype html>/);
    expect(doc).toContain('<style>');
    expect(doc).not.toMatch(/<link rel="stylesheet"|<script/);
    expect(doc).toContain('<section class="credit"');
    expect(doc).toContain('<p class="lead">摘要文字</p>');
    expect(articleDocument({ ...meta, summaryWritten: false }, { type: 'root', children: [articleElement({ ...meta, summaryWritten: false }, tree('正文'))] })).not.toContain('class="lead"');
  });

  it('a title with markup is text in article.html', () => {
    const evil = { ...meta, title: '</title><script>alert(1)</script>', unit: '<img src=x onerror=alert(1)>' };
    const doc = articleDocument(evil, finalSanitize({ type: 'root', children: [articleElement(evil, tree('正文'))] }, { policy }));
    expect(doc).not.toMatch(/<script|<img/);
    expect(doc).toContain('&#x3C;/title>&#x3C;script>');
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
  it('is made from the sanitised tree: no comment, script or raw HTML of the source', () => {
    const md = treeMarkdown(
      finalSanitize(tree('正文<!-- 内部备注 -->\n\n<div><img src=x onerror="alert(1)">块</div>\n\n<script>x()</script>\n\n```\n![代码里的图](./no.jpg)\n```\n'), { policy }),
    );
    expect(md).not.toMatch(/内部备注|onerror|<script|<div/);
    expect(md).toContain('块');
    expect(md).toContain('![代码里的图](./no.jpg)');
  });

  it('MDX comments and expressions never reach it', () => {
    const md = treeMarkdown(tree('{/* 内部备注：不要外传 */}\n\n正文 {1 + 1}\n\n<details><summary>展开</summary>内容</details>\n', true));
    expect(md).not.toContain('内部备注');
    expect(md).not.toContain('1 + 1');
    expect(md).toContain('展开');
  });

  it('has front matter with title, date, author, unit, source, summary, tags; tables stay GFM', async () => {
    const md = articleMarkdown(meta, tree('| 网格 | 户数 |\n|---|---|\n| 一号 | 320 |\n'), 'images/cover-web.jpg');
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
    expect(fm.content).toContain('| 一号 | 320 |');
    expect(fm.content).toContain('## 可复制推广要点');
    expect(fm.content).toContain(`原文链接：<${PAGE}>`);
  });
});

describe('zip', () => {
  it('same files in any order give the same bytes', () => {
    const a = deterministicZip({ 'b.txt': 'b', '转载说明.txt': '说明', 'a.md': '# a' }, '2026-03-05');
    const b = deterministicZip({ '转载说明.txt': '说明', 'a.md': '# a', 'b.txt': 'b' }, '2026-03-05');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const files = readZip(a);
    expect(Object.keys(files)).toEqual(['a.md', 'b.txt', '转载说明.txt']);
    expect(strFromU8(files['转载说明.txt']!)).toBe('说明');
  });

  it('stores a Chinese name in GBK with the UTF-8 name in the Info-ZIP Unicode Path field; Info-ZIP unzip shows it', () => {
    const zip = Buffer.from(deterministicZip({ '转载说明.txt': '说明' }, '2026-03-05'));
    const cd = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const flags = zip.readUInt16LE(cd + 8);
    const nameLen = zip.readUInt16LE(cd + 28);
    const extraLen = zip.readUInt16LE(cd + 30);
    expect(flags & 0x800).toBe(0);
    expect(zip.readUInt16LE(cd + 4) >> 8).toBe(0); // made by MS-DOS: Explorer reads the name in code page 936
    expect(Buffer.from(zip.subarray(cd + 46, cd + 46 + nameLen)).equals(Buffer.from(encodeGbk('转载说明.txt')!))).toBe(true);
    const extra = zip.subarray(cd + 46 + nameLen, cd + 46 + nameLen + extraLen);
    expect(extra.readUInt16LE(0)).toBe(0x7075);
    expect(extra.subarray(9).toString('utf8')).toBe('转载说明.txt');
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'red-zip-')), 'kit.zip');
    writeFileSync(file, zip);
    const listing = execFileSync('unzip', ['-l', file], { env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } }).toString('utf8');
    expect(listing).toContain('转载说明.txt');
  });

  it('stores the fixed time (DOS fields), not the build time; clamps days a DOS date cannot hold', () => {
    const stamp = (day: string) => {
      const buf = Buffer.from(deterministicZip({ 'a.txt': 'a' }, day));
      const time = buf.readUInt16LE(10);
      const date = buf.readUInt16LE(12);
      return { y: (date >> 9) + 1980, m: (date >> 5) & 15, d: date & 31, h: time >> 11 };
    };
    expect(stamp('2026-03-05')).toEqual({ y: 2026, m: 3, d: 5, h: 12 });
    expect(stamp('1921-07-01')).toEqual({ y: 1980, m: 1, d: 1, h: 12 });
    expect(stamp('2199-10-01')).toEqual({ y: 2107, m: 12, d: 31, h: 12 });
    expect(zipDay('0001-01-01')).toEqual({ y: 1980, m: 1, d: 1 });
  });
});

describe('kit images', () => {
  it('keeps names unique and readable', () => {
    const used = new Set<string>();
    expect(uniqueImageName(used, './上门 服务.JPG')).toEqual({ stem: 'shang-men-fu-wu', ext: '.jpg' });
    expect(uniqueImageName(used, '../other/上门服务.jpg')).toEqual({ stem: 'shang-men-fu-wu-2', ext: '.jpg' });
    expect(uniqueImageName(used, './Photo 1.PNG')).toEqual({ stem: 'photo-1', ext: '.png' });
  });

  it('keeps the original bytes and makes a web-size copy; a web-size original is its own copy', async () => {
    const big = new Uint8Array(await sharp({ create: { width: 2400, height: 1200, channels: 3, background: '#a8111a' } }).jpeg().toBuffer());
    const img = await kitImage(new Set(), './大图.jpg', big, '大图');
    expect(img.original).toBe('images/da-tu.jpg');
    expect(img.web).toBe('images/da-tu-web.jpg');
    expect(img.originalBytes).toBe(big);
    const m = await sharp(img.webBytes).metadata();
    expect([m.width, m.height, img.width, img.height]).toEqual([WEB_WIDTH, 540, WEB_WIDTH, 540]);
    const small = new Uint8Array(await sharp({ create: { width: 300, height: 200, channels: 3, background: '#fff' } }).png().toBuffer());
    const s = await kitImage(new Set(), './小图.png', small, '小图');
    expect(s.web).toBe(s.original);
  });

  it('a kit holds every part and every image it references, each once', async () => {
    const png = new Uint8Array(await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#fff' } }).png().toBuffer());
    const img = await kitImage(new Set(), './图.png', png, '图');
    const body = tree('![图](./图.png)\n\n![同一张图](./图.png)\n');
    const input: KitInput = { meta, body, imageOf: () => img, cover: img, images: [img], sanitize: (t) => finalSanitize(t, { policy }) };
    const files = kitFiles(input);
    expect(Object.keys(files).sort()).toEqual(['article.html', 'article.md', 'images/tu-web.png', 'images/tu.png', '转载说明.txt']);
    const doc = parse(String(files['article.html']));
    for (const el of doc.querySelectorAll('img')) expect(files).toHaveProperty([el.getAttribute('src')!]);
    for (const el of doc.querySelectorAll('a[title="查看原图"]')) expect(files).toHaveProperty([el.getAttribute('href')!]);
    expect(String(files['article.md'])).toContain('![同一张图](images/tu-web.png)');
    expect(Buffer.from(buildKitZip(input)).equals(Buffer.from(buildKitZip(input)))).toBe(true);
  });

  it('a local image with no published copy is left out, not left broken', () => {
    const input: KitInput = { meta, body: tree('![缺](./missing.jpg)\n\n正文'), imageOf: () => undefined, images: [], sanitize: (t) => t };
    expect(String(kitFiles(input)['article.html'])).not.toContain('missing.jpg');
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

export type { Element };
