/**
 * Republishing on real output: builds test/fixtures/republish (base /red/columns/, two
 * highlights that may be republished, one `republish: false`) twice, unzips the kits,
 * opens article.html from the unzipped folder in Chromium, validates the feeds against
 * RSS 2.0 and JSON Feed 1.1, and checks the internal-only highlight left no trace.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8 } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import matter from 'gray-matter';
import { parse } from 'node-html-parser';
import { chromium, type Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchBrowser, openPage } from '../support/browser.ts';
import { buildSite, ROOT, servedFile } from '../support/build.ts';
import { startNginx, type NginxServer } from '../support/nginx.ts';
import { readZip } from '../support/zip.ts';

const FIXTURE = path.join(ROOT, 'test/fixtures/republish');
const OUT_A = path.join(ROOT, 'test-results', 'republish-a');
const OUT_B = path.join(ROOT, 'test-results', 'republish-b');
const UNZIPPED = path.join(ROOT, 'test-results', 'republish-unzipped');
const ORIGIN = 'http://oa.test.example:8080';
const BASE = '/red/columns/';
const SITE = ORIGIN + BASE;
const KITS = ['grid-service', 'wang-qiang'];
const INTERNAL = 'internal-only';

const kitPath = (out: string, slug: string) => path.join(out, 'highlights', slug, 'republish-kit.zip');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
}

const fileFor = (u: string): string | null => servedFile(OUT_A, SITE, u);

function build(out: string) {
  rmSync(out, { recursive: true, force: true });
  const r = buildSite({ contentDir: FIXTURE, outDir: out, env: { RED_TODAY: '2026-06-01' } });
  if (r.status !== 0) throw new Error(`build failed\n${r.stdout}\n${r.stderr}`);
}

beforeAll(() => {
  build(OUT_A);
  build(OUT_B);
});

describe('转载包 (republish kit)', () => {
  it('is built for every highlight that may be republished, and only for those', () => {
    for (const slug of KITS) expect(existsSync(kitPath(OUT_A, slug)), slug).toBe(true);
    expect(existsSync(path.join(OUT_A, 'highlights', INTERNAL, 'images'))).toBe(false);
    const zips = walk(OUT_A).filter((f) => f.endsWith('.zip'));
    expect(zips.map((f) => path.relative(OUT_A, f)).sort()).toEqual(KITS.map((s) => `highlights/${s}/republish-kit.zip`).sort());
  });

  it('no page, feed or kit is left with an unresolved image placeholder', () => {
    for (const f of walk(OUT_A).filter((f) => /\.(html|xml|json)$/.test(f))) {
      expect(readFileSync(f, 'utf8').includes('__ASTRO_IMAGE_'), path.relative(OUT_A, f)).toBe(false);
    }
    for (const slug of KITS) {
      const html = strFromU8(readZip(new Uint8Array(readFileSync(kitPath(OUT_A, slug))))['article.html']!);
      expect(html.includes('__ASTRO_IMAGE_'), slug).toBe(false);
    }
  });

  it('two builds give the same bytes', () => {
    for (const slug of KITS) {
      const a = readFileSync(kitPath(OUT_A, slug));
      const b = readFileSync(kitPath(OUT_B, slug));
      expect(sha(a), slug).toBe(sha(b));
    }
  });

  it('holds article.html, article.md, 转载说明.txt and each image once at original and (when larger) web size', async () => {
    const files = readZip(new Uint8Array(readFileSync(kitPath(OUT_A, 'grid-service'))));
    const names = Object.keys(files).sort();
    expect(names).toEqual(
      [
        'article.html',
        'article.md',
        'images/cover-web.jpg',
        'images/cover.jpg',
        // 800 px wide: already web size, so the original is its own web copy (one file).
        'images/station.png',
        'images/shang-men-fu-wu-web.jpg',
        'images/shang-men-fu-wu.jpg',
        '转载说明.txt',
      ].sort(),
    );
    // Originals are the author's files byte for byte; web copies are at most 1080 px wide.
    const dir = path.join(FIXTURE, 'highlights/一网统管');
    for (const [zipName, file] of [
      ['images/cover.jpg', 'cover.jpg'],
      ['images/shang-men-fu-wu.jpg', '上门服务.jpg'],
      ['images/station.png', 'station.png'],
    ] as const) {
      expect(sha(files[zipName]!), zipName).toBe(sha(readFileSync(path.join(dir, file))));
      const web = await sharp(files[zipName.replace(/(\.\w+)$/, '-web$1')] ?? files[zipName]!).metadata();
      const orig = await sharp(files[zipName]!).metadata();
      expect(web.width, zipName).toBe(Math.min(orig.width!, 1080));
      expect(web.height! / web.width!).toBeCloseTo(orig.height! / orig.width!, 2);
    }
    // The internal entry's picture is in no kit.
    const secret = sha(readFileSync(path.join(FIXTURE, 'highlights/internal/secret.jpg')));
    for (const slug of KITS) {
      for (const bytes of Object.values(readZip(new Uint8Array(readFileSync(kitPath(OUT_A, slug)))))) {
        expect(sha(bytes)).not.toBe(secret);
      }
    }
  });

  it('article.md is clean Markdown with front matter and image links into images/', () => {
    const files = readZip(new Uint8Array(readFileSync(kitPath(OUT_A, 'grid-service'))));
    const md = matter(strFromU8(files['article.md']!));
    expect(md.data).toEqual({
      title: '“一网统管”：党员网格员走进千家万户',
      date: '2026-03-05',
      author: '网格服务党支部宣传委员',
      unit: '网格服务党支部',
      source: `${SITE}highlights/grid-service/`,
      summary: '党支部把辖区划成网格，党员担任网格员，建立“一格一员一档”，把服务送到客户家门口。',
      tags: ['网格化', '党员网格员', '为民服务'],
      cover: 'images/cover-web.jpg',
    });
    const images = [...md.content.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((m) => m[1]!);
    expect(images).toEqual(['images/shang-men-fu-wu-web.jpg', 'images/station.png']);
    for (const i of images) expect(files).toHaveProperty([i]);
    // Links between entries and root-relative links became absolute URLs with the base.
    expect(md.content).toContain(`[先锋沙龙第一期](${SITE}salon/2026-01/)`);
    expect(md.content).toContain(`[支部介绍](${SITE}units/grid-branch/)`);
    expect(md.content).not.toMatch(/\]\((?!https?:|images\/)/);
    expect(md.content).toContain('| 一号网格 | 张明 | 320 |');
    expect(md.content).toContain(`原文链接：<${SITE}highlights/grid-service/>`);
  });

  it('转载说明.txt tells how to credit, in Chinese', () => {
    const files = readZip(new Uint8Array(readFileSync(kitPath(OUT_A, 'wang-qiang'))));
    const t = strFromU8(files['转载说明.txt']!);
    expect(t).toContain('转载说明');
    expect(t).toContain('来源单位：测试集团党委');
    expect(t).toContain('作者：集团党委宣传部');
    expect(t).toContain('原文日期：2026年2月10日');
    expect(t).toContain(`原文链接：${SITE}highlights/wang-qiang/`);
  });

  describe('article.html opened from the unzipped folder in Chromium (no network)', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    for (const slug of KITS) {
      it(`${slug}: every request stays in the folder and succeeds; images show; credit block is there`, async () => {
        const dir = path.join(UNZIPPED, slug);
        rmSync(dir, { recursive: true, force: true });
        const files = readZip(new Uint8Array(readFileSync(kitPath(OUT_A, slug))));
        for (const [name, bytes] of Object.entries(files)) {
          mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
          writeFileSync(path.join(dir, name), bytes);
        }
        const folderUrl = pathToFileURL(dir).href + '/';
        const context = await browser.newContext({ javaScriptEnabled: false });
        const requests: string[] = [];
        const failed: string[] = [];
        await context.route('**/*', (route) => {
          const url = route.request().url();
          requests.push(url);
          return url.startsWith(folderUrl) ? route.continue() : route.abort('blockedbyclient');
        });
        const page = await context.newPage();
        page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
        await page.goto(folderUrl + 'article.html');
        await page.waitForLoadState('load');

        expect(requests.filter((u) => !u.startsWith(folderUrl))).toEqual([]);
        expect(failed).toEqual([]);
        const imgs = await page.$$eval('img', (els) =>
          els.map((e) => ({ src: e.getAttribute('src'), ok: (e as HTMLImageElement).complete && (e as HTMLImageElement).naturalWidth > 0 })),
        );
        for (const img of imgs) {
          expect(files, String(img.src)).toHaveProperty([decodeURIComponent(img.src!)]);
          expect(img.ok, String(img.src)).toBe(true);
        }
        if (slug === 'grid-service') expect(imgs).toHaveLength(3);
        const links = await page.$$eval('a[href]', (els) => els.map((e) => e.getAttribute('href')!));
        for (const href of links.filter((h) => !/^https?:/.test(h))) expect(files, href).toHaveProperty([decodeURIComponent(href)]);
        for (const href of links.filter((h) => /^https?:/.test(h))) expect(href.startsWith(SITE), href).toBe(true);

        const credit = await page.locator('.credit').innerText();
        for (const s of ['来源单位', '作者', '原文日期', '原文链接', `${SITE}highlights/${slug}/`]) expect(credit).toContain(s);
        // Inline CSS only: no stylesheet or script files.
        expect(await page.locator('link[rel=stylesheet], script').count()).toBe(0);
        if (slug === 'grid-service') {
          expect(await page.locator('.body table th').count()).toBe(3);
          expect(await page.locator('.body h2').first().evaluate((e) => getComputedStyle(e).color)).toBe('rgb(168, 17, 26)');
        }
        await context.close();
      });
    }
  });
});

describe('feeds', () => {
  const xml = (rel: string) => new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' || name === 'category' }).parse(readFileSync(path.join(OUT_A, rel), 'utf8'));
  const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;

  /** Every URL in a piece of HTML is absolute, under the site, and served by dist/. */
  function checkHtmlUrls(html: string, where: string) {
    const root = parse(html);
    const urls = [
      ...root.querySelectorAll('[href]').map((e) => e.getAttribute('href')!),
      ...root.querySelectorAll('[src]').map((e) => e.getAttribute('src')!),
      ...root.querySelectorAll('[srcset]').flatMap((e) => e.getAttribute('srcset')!.split(',').map((s) => s.trim().split(/\s+/)[0]!)),
    ];
    for (const u of urls) {
      expect(u.startsWith(SITE), `${where}: ${u}`).toBe(true);
      expect(fileFor(u), `${where}: ${u} is not in dist`).not.toBeNull();
    }
    return urls;
  }

  for (const feed of ['rss.xml', 'highlights/rss.xml', 'salon/rss.xml', 'one-picture/rss.xml', 'videos/rss.xml']) {
    it(`${feed} is RSS 2.0 with the required elements, absolute URLs and full content`, () => {
      const doc = xml(feed);
      expect(doc.rss['@_version']).toBe('2.0');
      const ch = doc.rss.channel;
      for (const k of ['title', 'link', 'description']) expect(typeof ch[k], k).toBe('string');
      expect(ch.link.startsWith(SITE)).toBe(true);
      expect(ch['atom:link']['@_href']).toBe(SITE + feed);
      expect(ch['atom:link']['@_rel']).toBe('self');
      for (const item of ch.item ?? []) {
        expect(typeof item.title).toBe('string');
        expect(item.link.startsWith(SITE), item.link).toBe(true);
        expect(fileFor(item.link), item.link).not.toBeNull();
        expect(item.guid['#text']).toBe(item.link);
        expect(item.guid['@_isPermaLink']).toBe('true');
        expect(item.pubDate).toMatch(RFC822);
        expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
        expect(typeof item.description).toBe('string');
        expect(item['content:encoded'].length).toBeGreaterThan(0);
        checkHtmlUrls(item['content:encoded'], `${feed} ${item.link}`);
      }
    });
  }

  it('the site feed has every column entry but the internal highlight; items are newest first', () => {
    const items = xml('rss.xml').rss.channel.item as { link: string; pubDate: string }[];
    expect(items.map((i) => i.link)).toEqual([
      `${SITE}highlights/grid-service/`,
      `${SITE}highlights/wang-qiang/`,
      `${SITE}salon/2026-01/`,
    ]);
  });

  it('a highlight item carries full HTML, author, unit, summary, tags and the credit', () => {
    const item = (xml('highlights/rss.xml').rss.channel.item as Record<string, any>[]).find((i) => i.link === `${SITE}highlights/grid-service/`)!;
    expect(item['dc:creator']).toBe('网格服务党支部宣传委员');
    expect(item.description).toBe('党支部把辖区划成网格，党员担任网格员，建立“一格一员一档”，把服务送到客户家门口。');
    expect(item.pubDate).toBe('Thu, 05 Mar 2026 00:00:00 +0800');
    const cats = (item.category as (string | { '#text': string; '@_domain': string })[]).map((c) => (typeof c === 'string' ? c : `${c['@_domain']}:${c['#text']}`));
    expect(cats).toEqual(['column:红色亮点', 'unit:网格服务党支部', '工作亮点', '网格化', '党员网格员', '为民服务']);
    const html = parse(item['content:encoded']);
    expect(html.querySelectorAll('img').map((i) => i.getAttribute('src'))).toEqual([
      `${SITE}highlights/grid-service/images/shang-men-fu-wu-web.jpg`,
      `${SITE}highlights/grid-service/images/station.png`,
    ]);
    expect(html.querySelectorAll('table th').length).toBe(3);
    expect(html.querySelector('strong')?.text).toBe('12 个网格');
    expect(html.querySelectorAll('img').length).toBe(2);
    expect(html.querySelector('.credit')?.text).toContain('网格服务党支部宣传委员');
    expect(html.text).toContain('可复制推广要点');
  });

  it('highlights/feed.json is JSON Feed 1.1', () => {
    const f = JSON.parse(readFileSync(path.join(OUT_A, 'highlights/feed.json'), 'utf8'));
    expect(f.version).toBe('https://jsonfeed.org/version/1.1');
    expect(typeof f.title).toBe('string');
    expect(f.home_page_url).toBe(`${SITE}highlights/`);
    expect(f.feed_url).toBe(`${SITE}highlights/feed.json`);
    expect(f.items.map((i: { id: string }) => i.id)).toEqual([`${SITE}highlights/grid-service/`, `${SITE}highlights/wang-qiang/`]);
    const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
    for (const item of f.items) {
      expect(typeof item.id).toBe('string');
      expect(item.url).toBe(item.id);
      expect(fileFor(item.url)).not.toBeNull();
      expect(typeof item.content_html).toBe('string');
      expect(item.date_published).toMatch(RFC3339);
      expect(item.authors.length).toBeGreaterThan(0);
      for (const a of item.authors) expect(typeof a.name).toBe('string');
      expect(Array.isArray(item.tags)).toBe(true);
      expect(typeof item.summary).toBe('string');
      for (const k of Object.keys(item)) {
        expect(['id', 'url', 'external_url', 'title', 'content_html', 'content_text', 'summary', 'image', 'banner_image', 'date_published', 'date_modified', 'authors', 'tags', 'language', 'attachments'].includes(k) || k.startsWith('_'), k).toBe(true);
      }
      checkHtmlUrls(item.content_html, item.id);
    }
    expect(f.items[1]).toMatchObject({ authors: [{ name: '集团党委宣传部' }], _red_columns: { unit: '测试集团党委' } });
    expect(f.items[0].image).toMatch(new RegExp(`^${SITE}_astro/cover\\.`));
    expect(fileFor(f.items[0].image)).not.toBeNull();
  });

  it('pages link their feeds in <head>, the footer links the site feed', () => {
    const page = parse(readFileSync(path.join(OUT_A, 'highlights/index.html'), 'utf8'));
    const alt = page.querySelectorAll('link[rel=alternate]').map((l) => `${l.getAttribute('type')} ${l.getAttribute('href')}`);
    expect(alt).toEqual([
      `application/rss+xml ${BASE}rss.xml`,
      `application/rss+xml ${BASE}highlights/rss.xml`,
      `application/feed+json ${BASE}highlights/feed.json`,
    ]);
    expect(page.querySelector(`.site-footer a[href="${BASE}rss.xml"]`)).not.toBeNull();
  });
});

describe('republish: false', () => {
  it('leaves no trace in dist/: no kit, no feed item, no button, and the page says internal use only', () => {
    expect(existsSync(path.join(OUT_A, 'highlights', INTERNAL, 'republish-kit.zip'))).toBe(false);
    for (const f of walk(OUT_A)) {
      const rel = path.relative(OUT_A, f);
      // Feeds (the sitemap lists the internal page: it exists on the intranet).
      if (/(^|\/)(rss\.xml|feed\.json)$/.test(rel)) {
        const text = readFileSync(f, 'utf8');
        expect(text.includes(`highlights/${INTERNAL}/`), rel).toBe(false);
        expect(text.includes('NEIBU-ONLY-7Q'), rel).toBe(false);
        expect(text.includes('内部督办事项通报'), rel).toBe(false);
      }
    }
    const page = parse(readFileSync(path.join(OUT_A, 'highlights', INTERNAL, 'index.html'), 'utf8'));
    expect(page.querySelector('[data-copy-article]')).toBeNull();
    expect(page.querySelector('[data-republish]')).toBeNull();
    expect(page.querySelector('a[href$="republish-kit.zip"]')).toBeNull();
    expect(page.querySelector('template')).toBeNull();
    expect(page.querySelector('.internal-only')?.text).toContain('仅限内部使用');
    // And it is not in the sitemap's feeds: the body text stays on its own page only.
    const pagesWithSecret = walk(OUT_A)
      .filter((f) => f.endsWith('.html'))
      .filter((f) => readFileSync(f, 'utf8').includes('NEIBU-ONLY-7Q'))
      .map((f) => path.relative(OUT_A, f));
    expect(pagesWithSecret).toEqual([`highlights/${INTERNAL}/index.html`]);
  });
});

describe('highlight page tools', () => {
  let server: NginxServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startNginx({ root: OUT_A, base: BASE });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the page carries its body once (the copy is fetched from copy.json when the button is used)', () => {
    const page = readFileSync(path.join(OUT_A, 'highlights/grid-service/index.html'), 'utf8');
    expect(page.split('群众的事无小事').length - 1).toBe(1);
    expect(page).not.toContain('<template');
    expect(page).toContain(`data-copy-src="${BASE}highlights/grid-service/copy.json"`);
    const copy = JSON.parse(readFileSync(path.join(OUT_A, 'highlights/grid-service/copy.json'), 'utf8'));
    expect(Object.keys(copy).sort()).toEqual(['html', 'text']);
  });

  it('the kit link works without JavaScript and the copy button stays hidden', async () => {
    const w = await openPage(browser, server.origin, { javaScriptEnabled: false });
    await w.page.goto(server.url('highlights/grid-service/'));
    const link = w.page.getByRole('link', { name: /下载转载包/ });
    await expect(link.isVisible()).resolves.toBe(true);
    expect(await link.getAttribute('href')).toBe(`${BASE}highlights/grid-service/republish-kit.zip`);
    const res = await w.page.request.get(server.origin + (await link.getAttribute('href'))!);
    expect(res.status()).toBe(200);
    expect(sha(await res.body())).toBe(sha(readFileSync(kitPath(OUT_A, 'grid-service'))));
    expect(await w.page.locator('[data-copy-article]').isVisible()).toBe(false);
    expect(w.failed).toEqual([]);
    expect(w.outside).toEqual([]);
    await w.close();
  });

  it('prints on A4 as a clean article: credit block, no navigation, no republish tools', async () => {
    const w = await openPage(browser, server.origin);
    await w.page.goto(server.url('highlights/grid-service/'));
    await w.page.emulateMedia({ media: 'print' });
    const shown = (sel: string) => w.page.locator(sel).first().isVisible();
    for (const sel of ['.site-nav', '.header-search', '.breadcrumbs', '.republish', '.prev-next', '.site-footer']) {
      expect(await shown(sel), sel).toBe(false);
    }
    for (const sel of ['h1', '.prose table', '.facts.credit']) expect(await shown(sel), sel).toBe(true);
    const credit = await w.page.locator('.facts.credit').innerText();
    expect(credit).toContain('来源单位');
    expect(credit).toContain(`${SITE}highlights/grid-service/`);
    const pdf = Buffer.from(await w.page.pdf({ format: 'A4', printBackground: true }));
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    // A4 is 595.3 × 841.9 pt.
    expect(Math.round(Number(box?.[1]))).toBe(596);
    expect(Math.round(Number(box?.[2]))).toBe(843);
    await w.close();
  });

  it('复制正文 in a secure context: both flavours on the clipboard, no console error from the CSP', async () => {
    const w = await openPage(browser, server.origin);
    await w.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await w.page.goto(server.url('highlights/grid-service/'));
    expect(await w.page.evaluate(() => window.isSecureContext)).toBe(true);
    await w.page.getByRole('button', { name: '复制正文' }).click();
    // The copy is fetched on the click (or on pointer/focus before it): wait for the status.
    await w.page.locator('[data-copy-status]:not(:empty)').waitFor();
    expect(await w.page.locator('[data-copy-status]').innerText()).toContain('已复制');
    const copied = await w.page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return { html: await (await item!.getType('text/html')).text(), text: await (await item!.getType('text/plain')).text() };
    });
    const html = parse(copied.html);
    expect(html.querySelector('section')?.getAttribute('style')).toContain('max-width:677px');
    expect(html.querySelectorAll('figure figcaption').length).toBe(2);
    expect(copied.text).toContain('1. 摸清底数：逐户走访，建立档案；');
    expect(w.errors).toEqual([]);
    expect(w.failed).toEqual([]);
    await w.close();
  });

  it('复制正文 over plain http (no navigator.clipboard) copies inline-styled HTML with absolute image URLs and the credit', async () => {
    // A real insecure context: a non-loopback host name (mapped to nginx) over http, as on the intranet.
    const insecure = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP oa.intranet.test 127.0.0.1'],
    });
    const origin = `http://oa.intranet.test:${new URL(server.origin).port}`;
    const w = await openPage(insecure, origin);
    await w.context.addInitScript(() => {
      window.addEventListener('copy', (e) => {
        (window as unknown as { copied: Record<string, string> }).copied = {
          html: e.clipboardData?.getData('text/html') ?? '',
          text: e.clipboardData?.getData('text/plain') ?? '',
        };
      });
    });
    await w.page.goto(`${origin}${BASE}highlights/grid-service/`);
    expect(await w.page.evaluate(() => [window.isSecureContext, typeof navigator.clipboard])).toEqual([false, 'undefined']);
    const button = w.page.getByRole('button', { name: '复制正文' });
    await button.click();
    await w.page.locator('[data-copy-status]:not(:empty)').waitFor();
    expect(await w.page.locator('[data-copy-status]').innerText()).toContain('已复制');
    const copied = await w.page.evaluate(() => (window as unknown as { copied: { html: string; text: string } }).copied);
    const html = parse(copied.html);
    // Lists arrive as paragraphs with literal numbers (the WeChat editor loses list markup).
    expect(html.querySelectorAll('ol, ul, li')).toHaveLength(0);
    expect(html.querySelectorAll('p').map((p) => p.text)).toContain('1. 摸清底数：逐户走访，建立档案；');
    for (const tag of ['h2', 'p', 'table', 'th', 'td', 'strong', 'img', 'figure', 'figcaption', 'blockquote', 'section']) {
      const el = html.querySelector(tag);
      expect(el, tag).not.toBeNull();
      expect(el!.getAttribute('style'), tag).toBeTruthy();
    }
    expect(html.querySelectorAll('[class]').length).toBe(0);
    const imgs = html.querySelectorAll('img').map((i) => i.getAttribute('src')!);
    expect(imgs).toHaveLength(2);
    for (const src of imgs) {
      // Plain JPEG/PNG published beside the entry (old OA editors cannot show the page's WebP):
      // the same bytes as the kit's web-size copies.
      expect(src, src).toMatch(new RegExp(`^${SITE}highlights/grid-service/images/[a-z0-9-]+\\.(jpg|png)$`));
      const file = fileFor(src);
      expect(file, src).not.toBeNull();
      const kit = readZip(new Uint8Array(readFileSync(kitPath(OUT_A, 'grid-service'))));
      expect(sha(readFileSync(file!))).toBe(sha(kit[`images/${src.split('/').pop()}`]!));
    }
    expect(html.text).toContain('来源单位：网格服务党支部');
    expect(html.text).toContain(`原文链接：${SITE}highlights/grid-service/`);
    expect(copied.text).toContain('原文日期：2026年3月5日');
    expect(w.errors.slice(0, 3)).toEqual([]);
    expect(w.failed).toEqual([]);
    await w.close();
    await insecure.close();
  });
});
