/**
 * The adversarial suite, part 2: hostile and careless input the content check lets through
 * (markup in every field and attribute, comments of both kinds, drafts and scheduled entries
 * with media, stray and unreferenced files beside entries, HTML and scripts beside entries,
 * odd file names, a static SVG, an extreme date, a valid video server), built with
 * `npm run build`, then:
 * - every output file is scanned, including the files inside each zip: no secret, no note,
 *   no unpublished file, no live markup (parsed with parse5: no handler, no foreign script, no
 *   frame outside the video server, no `javascript:`), only the manifest's media;
 * - real Chromium runs every page (behind nginx), every kit's article.html opened from disk and
 *   every feed's and copy's HTML with a trap for the payloads: none fires.
 * (Part 1, test/unit/adversarial-check.test.ts: what the check refuses, located.)
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Browser } from 'playwright-core';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/lib/front-matter.ts';
import { elementAttributes } from '../../src/markdown/rehype-sanitize.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildSite, ROOT } from '../support/build.ts';
import { makeContent } from '../support/content.ts';
import { startNginx, type NginxServer } from '../support/nginx.ts';
import { readZip } from '../support/zip.ts';

const OUT = path.join(ROOT, 'test-results', 'adversarial-dist');
const UNZIPPED = path.join(ROOT, 'test-results', 'adversarial-kits');
const BASE = '/dangjian/';
const ORIGIN = 'https://intranet.example.cn';
const VIDEO_SERVER = 'http://video.intranet.example.cn';

const PNG = readFileSync(path.join(ROOT, 'test/fixtures/site-basic/one-picture/guide/guide.png'));
const JPG = readFileSync(path.join(ROOT, 'test/fixtures/site-basic/salon/2026-01/rotated.jpg'));
const MP4 = readFileSync(path.join(ROOT, 'test/fixtures/site-basic/videos/clip/clip.mp4'));
const VTT = readFileSync(path.join(ROOT, 'test/fixtures/site-basic/videos/clip/clip.vtt'));
/** Different bytes for images that must not be published (their hashes are looked for in dist). */
const secretPng = (n: number) => Buffer.concat([PNG, Buffer.from(`\n${'SECRET-IMAGE'.repeat(n)}`)]);

/** A payload: when it runs, the page calls the trap with its id. */
const X = (id: string) => `__xss('${id}')`;
/** Words that must appear in no output at all. */
const SECRETS = ['SECRET-HTML-COMMENT', 'SECRET-MDX-COMMENT', 'SECRET-DOCX', 'SECRET-HTML-FILE', 'SECRET-JS-FILE', 'SECRET-DRAFT', 'SECRET-SCHEDULED', 'FAKE-PAGEFIND', 'FAKE-SEARCH'];

const SITE = `title: 红色专栏<script>${X('site-title')}</script>
organization: 测试党委<img src=x onerror="${X('org')}">
description: 内网"专栏"<b>描述</b>
url: ${ORIGIN}
base: ${BASE}
mediaOrigins: [${VIDEO_SERVER}]
`;
const UNITS = `- id: nb-committee
  name: 宁波党委<img src=x onerror="${X('unit-name')}">
  kind: committee
- id: hq-branch-1
  name: 机关第一党支部
  kind: branch
  parent: nb-committee
`;

const FIELDS = `---
title: </title><script>${X('title')}</script>标题
date: 2026-03-05
unit: nb-committee
kind: model
person:
  name: 王<img src=x onerror="${X('person')}">强
  role: "<svg onload=${X('role')}>"
author: 作者<script>${X('author')}</script>
summary: 摘要<img src=x onerror="${X('summary')}">
tags: ["<b onmouseover=${X('tag')}>标签</b>", 正常标签]
replicable:
  - 要点<img src=x onerror="${X('replicable')}">
cover: ./完成率100%.jpg
---
<!-- SECRET-HTML-COMMENT 内部备注：领导还没审 -->

开头一段，有[外部链接](https://news.example.com/a "t\\"><img src=x onerror=${X('link-title')}>")和<abbr title="<img src=x onerror=${X('abbr')}>">缩写</abbr>。

<font color="red">Word 粘贴的红字</font>

<p style="background:url(https://evil.example/t.png)">带样式的段落</p>

<span data-pagefind-meta="title:FAKE-PAGEFIND">隐藏的搜索标题</span><span data-search="title" data-search-meta='{"title":"FAKE-SEARCH"}' data-search-unlisted>冒充的搜索字段</span>

![完成率](./完成率100%.jpg)

![会议 照片](<./会议 照片.png>)

![示意图](./diagram.svg)

[下载纪要](<./100% 完成.pdf>)

<iframe src="${VIDEO_SERVER}/play/1" title="党日视频"></iframe>

- 第一层
  - 第二层
    1. 第三层

| 网格 | 户数 |
|---|---|
| 一号<img src=x onerror=${X('table')}> | 320 |
`;

const MDX = `---
title: MDX 备注
date: 2026-03-04
unit: nb-committee
kind: case
author: 宣传组
---
{/* SECRET-MDX-COMMENT 内部备注：这段不要外传 */}

正文第一句话是摘要。

<details><summary>展开</summary>内容</details>
`;

const DRAFT = `---
title: 草稿 SECRET-DRAFT
date: 2026-03-01
unit: nb-committee
kind: case
author: 宣传组
draft: true
cover: ./draft-cover.png
---
SECRET-DRAFT 正文 ![图](./draft-body.png) [附件](./draft-secret.pdf)

A draft's refused files block nothing (it is not published): ![脚本图](./evil.svg) [网页](./page.html)
`;

const SCHEDULED = `---
title: 定时 SECRET-SCHEDULED
date: 2099-01-01
unit: nb-committee
kind: case
author: 宣传组
cover: ./scheduled-cover.png
---
SECRET-SCHEDULED ![图](./scheduled-body.png) [附件](./scheduled.pdf)
`;

const FOUNDING = `---
title: 建党百年回顾
date: 1921-07-01
unit: nb-committee
kind: case
author: 宣传组
---
一段历史。
`;

const files: Record<string, string | Uint8Array> = {
  'site.yaml': SITE,
  'units.yaml': UNITS,
  'highlights/fields/index.md': FIELDS,
  'highlights/fields/完成率100%.jpg': JPG,
  'highlights/fields/会议 照片.png': PNG,
  'highlights/fields/diagram.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0" stop-color="#a8111a"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)"/></svg>',
  'highlights/fields/100% 完成.pdf': '%PDF-1.4\n%%EOF\n',
  'highlights/fields/会议纪要.docx': 'PK\u0003\u0004 SECRET-DOCX',
  'highlights/fields/notes.html': `<script>${X('html-file')}</script>SECRET-HTML-FILE`,
  'highlights/fields/tool.js': `${X('js-file')} // SECRET-JS-FILE`,
  'highlights/mdx-notes.mdx': MDX,
  'highlights/draft/index.md': DRAFT,
  'highlights/draft/draft-cover.png': secretPng(1),
  'highlights/draft/draft-body.png': secretPng(2),
  'highlights/draft/draft-secret.pdf': '%PDF-1.4 SECRET-DRAFT\n',
  'highlights/draft/evil.svg': `<svg xmlns="http://www.w3.org/2000/svg" onload="${X('draft-svg')}">SECRET-DRAFT</svg>`,
  'highlights/draft/page.html': `<script>${X('draft-page')}</script>SECRET-DRAFT`,
  'highlights/scheduled/index.md': SCHEDULED,
  'highlights/scheduled/scheduled-cover.png': secretPng(3),
  'highlights/scheduled/scheduled-body.png': secretPng(4),
  'highlights/scheduled/scheduled.pdf': '%PDF-1.4 SECRET-SCHEDULED\n',
  'highlights/founding.md': FOUNDING,
  'salon/2026-01/index.md': `---\ntitle: 第一期\ndate: 2026-01-20\nissue: 1\nhost: nb-committee\nparticipants: 书记<script>${X('participants')}</script>\nspeakers:\n  - name: 讲<img src=x onerror=${X('speaker')}>者\nphotos:\n  - src: ./p.png\n    alt: 照片<img src=x onerror=${X('photo-alt')}>\n    caption: 说明<script>${X('caption')}</script>\n---\n本期要点。\n`,
  'salon/2026-01/p.png': PNG,
  'one-picture/plan/index.md': `---\ntitle: 一图\ndate: 2026-02-01\nunit: nb-committee\nimage: ./plan.png\nimageAlt: 图<img src=x onerror=${X('image-alt')}>\noutline:\n  - heading: 思路<script>${X('heading')}</script>\n    points: ["要点<img src=x onerror=${X('point')}>"]\n---\n说明。\n`,
  'one-picture/plan/plan.png': PNG,
  'videos/remote/index.md': `---\ntitle: 内网视频\ndate: 2026-02-02\nunit: nb-committee\ncategory: activity\nvideo: ${VIDEO_SERVER}/2026/a.mp4\ncaptions: ./c.vtt\n---\n说明。\n`,
  'videos/remote/c.vtt': VTT,
  'videos/later/index.md': `---\ntitle: 定时视频 SECRET-SCHEDULED\ndate: 2099-01-01\nunit: nb-committee\ncategory: activity\nvideo: ./later.mp4\ncaptions: ./later.vtt\n---\nSECRET-SCHEDULED\n`,
  'videos/later/later.mp4': MP4,
  'videos/later/later.vtt': VTT,
};

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const UNPUBLISHED_BYTES = ['highlights/draft/draft-cover.png', 'highlights/draft/draft-body.png', 'highlights/scheduled/scheduled-cover.png', 'highlights/scheduled/scheduled-body.png', 'videos/later/later.mp4'].map(
  (f) => sha(files[f] as Uint8Array),
);

function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
}

const FRAMES = new Set([new URL(VIDEO_SERVER).origin]);
const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'poster', 'data', 'xlink:href', 'srcset', 'background', 'cite'];

/**
 * Live markup an author could have slipped in, in a parsed document or fragment (parse5, as a
 * browser parses it). Our own pages have scripts and meta tags: those are recognised by what
 * they are, never by matching text.
 */
function liveMarkup(html: string, where: string, page: boolean): string[] {
  const tree = fromHtml(html, { fragment: !page }) as Root;
  const found: string[] = [];
  visit(tree, 'element', (el: Element) => {
    const { attrs } = elementAttributes(el);
    for (const [name, value] of Object.entries(attrs)) {
      if (name.startsWith('on')) found.push(`${where}: <${el.tagName} ${name}>`);
      if (URL_ATTRS.includes(name) && typeof value === 'string' && /^\s*(javascript|vbscript|data:(?!image\/(png|jpe?g|gif|webp)))/i.test(value)) found.push(`${where}: ${name}=${value}`);
      if (name === 'style' && /url\s*\(|expression/i.test(String(value))) found.push(`${where}: style=${value}`);
    }
    const text = JSON.stringify(el.children);
    switch (el.tagName) {
      case 'script':
        // A data block (the showcase's playlist): JSON that no `</script>` in the data can end early.
        if (attrs.type === 'application/json') {
          const json = el.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
          try {
            JSON.parse(json);
          } catch {
            found.push(`${where}: JSON data block broken`);
          }
          if (!page) found.push(`${where}: script in an output`);
          break;
        }
        // Ours: Astro's module scripts from _astro/ or hashed inline ones, Pagefind; never the trap.
        if (text.includes('__xss')) found.push(`${where}: script with a payload`);
        if (typeof attrs.src === 'string' && !attrs.src.startsWith(BASE)) found.push(`${where}: script from ${attrs.src}`);
        if (!page) found.push(`${where}: script in an output`);
        break;
      case 'iframe': {
        let origin = '';
        try {
          origin = new URL(String(attrs.src), `${ORIGIN}${BASE}x/y/`).origin;
        } catch {
          /* none */
        }
        if (!FRAMES.has(origin)) found.push(`${where}: iframe ${attrs.src}`);
        break;
      }
      case 'form':
        // The header's search box: a GET form to the site's own search page.
        if (!(page && typeof attrs.action === 'string' && attrs.action.startsWith(BASE))) found.push(`${where}: <form action=${attrs.action}>`);
        break;
      case 'object':
      case 'embed':
      case 'base':
      case 'frame':
      case 'frameset':
      case 'portal':
        found.push(`${where}: <${el.tagName}>`);
        break;
      case 'meta':
        if (typeof attrs['http-equiv'] === 'string' && attrs['http-equiv'].toLowerCase() !== 'content-security-policy') found.push(`${where}: meta http-equiv`);
        break;
      case 'img':
        if (typeof attrs.src === 'string' && /^(https?:)?\/\//i.test(attrs.src) && !attrs.src.startsWith(ORIGIN)) found.push(`${where}: image from ${attrs.src}`);
        break;
      default:
        break;
    }
  });
  return found;
}

interface Fragment {
  where: string;
  html: string;
}
/** Every HTML that leaves the site outside a page: feeds' items, 复制正文, kits' article.html. */
const fragments: Fragment[] = [];
const kits: { slug: string; files: Record<string, Uint8Array> }[] = [];

beforeAll(() => {
  const content = makeContent(files, { site: false, units: false });
  rmSync(OUT, { recursive: true, force: true });
  const r = buildSite({ contentDir: content, outDir: OUT, env: { RED_TODAY: '2026-06-01' } });
  if (r.status !== 0) throw new Error(`build failed\n${r.stdout}\n${r.stderr}`);
  const xml = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'item' });
  for (const f of walk(OUT)) {
    const rel = path.relative(OUT, f);
    if (rel.endsWith('rss.xml')) {
      for (const item of xml.parse(readFileSync(f, 'utf8')).rss.channel.item ?? []) fragments.push({ where: `${rel} ${item.link}`, html: item['content:encoded'] });
    } else if (rel.endsWith('feed.json')) {
      for (const item of JSON.parse(readFileSync(f, 'utf8')).items) fragments.push({ where: `${rel} ${item.id}`, html: item.content_html });
    } else if (rel.endsWith('copy.json')) {
      fragments.push({ where: rel, html: JSON.parse(readFileSync(f, 'utf8')).html });
    } else if (rel.endsWith('.zip')) {
      const slug = rel.split(path.sep)[1]!;
      kits.push({ slug, files: readZip(new Uint8Array(readFileSync(f))) });
    }
  }
}, 600_000);

describe('what the check lets through is built, and nothing unsafe or unmeant leaves', () => {
  it('the build produced the entries meant for readers, and only those', () => {
    const entries = readdirSync(path.join(OUT, 'highlights'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect(entries).toEqual(['fields', 'founding', 'mdx-notes']);
    expect(readdirSync(path.join(OUT, 'videos'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)).not.toContain('later');
    expect(kits.map((k) => k.slug).sort()).toEqual(['fields', 'founding', 'mdx-notes']);
    expect(fragments.length).toBeGreaterThan(10);
  });

  it('no secret, note or unpublished file name in any output file, inside zips and the search index included', () => {
    const leaks: string[] = [];
    const searchHolds: string[] = [];
    for (const f of walk(OUT)) {
      const rel = path.relative(OUT, f);
      const bytes = readFileSync(f);
      for (const s of SECRETS) if (bytes.includes(s) || rel.includes(s)) leaks.push(`${rel}: ${s}`);
      // The search index's files are raw DEFLATE (src/lib/search/codec.ts): read what they hold.
      if (rel.startsWith(`search-index${path.sep}`) && rel.endsWith('.bin')) {
        const text = inflateRawSync(bytes);
        for (const s of SECRETS) if (text.includes(s)) leaks.push(`${rel} (inflated): ${s}`);
        if (text.includes('冒充的搜索字段')) searchHolds.push(rel);
      }
      if (/draft|scheduled|later|notes\.html|tool\.js|\.docx$/i.test(rel)) leaks.push(`${rel}: unpublished file`);
      if (UNPUBLISHED_BYTES.includes(sha(bytes))) leaks.push(`${rel}: bytes of an unpublished file`);
    }
    for (const kit of kits) {
      for (const [name, bytes] of Object.entries(kit.files)) {
        for (const s of SECRETS) if (Buffer.from(bytes).includes(s)) leaks.push(`${kit.slug}.zip/${name}: ${s}`);
        if (UNPUBLISHED_BYTES.includes(sha(bytes))) leaks.push(`${kit.slug}.zip/${name}: bytes of an unpublished file`);
      }
    }
    expect(leaks).toEqual([]);
    // An author's data-search-* marks are dropped by the sanitiser: the text stays searchable prose.
    expect(searchHolds.length).toBeGreaterThan(0);
  });

  it('media/ holds exactly the files published entries refer to', () => {
    const media = walk(path.join(OUT, 'media')).map((f) => path.relative(path.join(OUT, 'media'), f).split(path.sep).join('/')).sort();
    expect(media).toEqual(['highlights/fields/100% 完成.pdf', 'videos/remote/c.vtt']);
    const page = readFileSync(path.join(OUT, 'highlights/fields/index.html'), 'utf8');
    expect(page).toContain(`href="${BASE}media/highlights/fields/100%25%20%E5%AE%8C%E6%88%90.pdf"`);
  });

  it('no live markup in any page (parsed as a browser parses it)', () => {
    const found = walk(OUT)
      .filter((f) => f.endsWith('.html'))
      .flatMap((f) => liveMarkup(readFileSync(f, 'utf8'), path.relative(OUT, f), true));
    expect(found).toEqual([]);
  });

  it('no live markup in any feed item, 复制正文 or kit article.html; article.md has no HTML at all', () => {
    const found = fragments.flatMap((f) => liveMarkup(f.html, f.where, false));
    for (const kit of kits) {
      found.push(...liveMarkup(Buffer.from(kit.files['article.html']!).toString('utf8'), `${kit.slug}.zip/article.html`, false));
      // Front matter is YAML data (values are strings, whatever they say); the body is Markdown without raw HTML.
      const front = readFrontMatter(Buffer.from(kit.files['article.md']!).toString('utf8'));
      expect(front.ok, kit.slug).toBe(true);
      if (!front.ok) continue;
      expect(typeof front.data.title).toBe('string');
      const md = fromMarkdown(front.body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
      visit(md, 'html', (n) => void found.push(`${kit.slug}.zip/article.md: raw HTML ${n.value}`));
      const text = Buffer.from(kit.files['转载说明.txt']!).toString('utf8');
      expect(text).toContain('来源单位');
    }
    expect(found).toEqual([]);
  });

  it('comments of both kinds never become a summary; the markup in fields is text', () => {
    const list = readFileSync(path.join(OUT, 'highlights/index.html'), 'utf8');
    expect(list).toContain('正文第一句话是摘要。');
    const page = readFileSync(path.join(OUT, 'highlights/fields/index.html'), 'utf8');
    const doc = fromHtml(page);
    let title = '';
    visit(doc, 'element', (el: Element) => {
      if (el.tagName === 'h1') title = JSON.stringify(el.children);
    });
    expect(title).toContain('</title><script>');
  });

  it('the same photo as cover and in the body is in the kit once; the 1921 kit carries a DOS date', () => {
    const fields = kits.find((k) => k.slug === 'fields')!;
    const hashes = Object.entries(fields.files).filter(([n]) => n.startsWith('images/')).map(([, b]) => sha(b));
    expect(new Set(hashes).size).toBe(hashes.length);
    const zip = readFileSync(path.join(OUT, 'highlights/founding/republish-kit.zip'));
    expect((zip.readUInt16LE(12) >> 9) + 1980).toBe(1980);
  });

  it('the CSP names the video server in media-src and frame-src only', () => {
    const page = readFileSync(path.join(OUT, 'highlights/fields/index.html'), 'utf8');
    const csp = /http-equiv="content-security-policy" content="([^"]+)"/i.exec(page)?.[1] ?? '';
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['media-src']).toContain(VIDEO_SERVER);
    expect(directives['frame-src']).toContain(VIDEO_SERVER);
    for (const [k, v] of Object.entries(directives)) if (k !== 'media-src' && k !== 'frame-src') expect(v, k).not.toContain(VIDEO_SERVER);
  });
});

describe('no payload runs in real Chromium', () => {
  let browser: Browser;
  let server: NginxServer;
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startNginx({ root: OUT, base: BASE });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A context whose pages record every payload that runs (and every dialog). */
  async function trapped(javaScriptEnabled = true) {
    const context = await browser.newContext({ javaScriptEnabled });
    await context.addInitScript(() => {
      const hits: string[] = [];
      (window as unknown as { __hits: string[] }).__hits = hits;
      (window as unknown as { __xss: (id: string) => void }).__xss = (id) => void hits.push(id);
    });
    const dialogs: string[] = [];
    context.on('page', (p) => p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    }));
    return { context, dialogs };
  }

  it('pages behind nginx: home, lists and every entry', async () => {
    const { context, dialogs } = await trapped();
    const page = await context.newPage();
    const pages = walk(OUT)
      .filter((f) => f.endsWith('index.html'))
      .map((f) => path.relative(OUT, path.dirname(f)).split(path.sep).join('/'))
      .filter((p) => !p.startsWith('search-index'));
    const hits: string[] = [];
    for (const p of pages) {
      await page.goto(server.url(p ? `${p}/` : ''));
      await page.waitForLoadState('load');
      hits.push(...(await page.evaluate(() => (window as unknown as { __hits: string[] }).__hits)).map((h) => `${p}: ${h}`));
    }
    expect(pages.length).toBeGreaterThan(15);
    expect(hits).toEqual([]);
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('every kit article.html opened from disk (file://, no CSP there)', async () => {
    const { context, dialogs } = await trapped();
    const page = await context.newPage();
    const hits: string[] = [];
    for (const kit of kits) {
      const dir = path.join(UNZIPPED, kit.slug);
      rmSync(dir, { recursive: true, force: true });
      for (const [name, bytes] of Object.entries(kit.files)) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), bytes);
      }
      await page.goto(pathToFileURL(path.join(dir, 'article.html')).href);
      await page.waitForLoadState('load');
      await page.waitForTimeout(200);
      hits.push(...(await page.evaluate(() => (window as unknown as { __hits: string[] }).__hits)).map((h) => `${kit.slug}: ${h}`));
    }
    expect(hits).toEqual([]);
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('every feed item and 复制正文 as a document of its own (as a feed reader or editor would show it)', async () => {
    const { context, dialogs } = await trapped();
    const page = await context.newPage();
    const hits: string[] = [];
    for (const f of fragments) {
      await page.setContent(`<!doctype html><meta charset="utf-8"><body>${f.html}</body>`);
      await page.waitForTimeout(50);
      hits.push(...(await page.evaluate(() => (window as unknown as { __hits: string[] }).__hits)).map((h) => `${f.where}: ${h}`));
    }
    expect(hits).toEqual([]);
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('the trap works: the same payload in a bare page fires', async () => {
    const { context } = await trapped();
    const page = await context.newPage();
    await page.setContent(`<img src=x onerror="${X('control')}"><script>${X('control-script')}</script>`);
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => (window as unknown as { __hits: string[] }).__hits)).toEqual(expect.arrayContaining(['control', 'control-script']));
    await context.close();
  });
});
