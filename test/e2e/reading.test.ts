/**
 * Reading on the intranet, in Debian's Chromium behind nginx under the sub-path:
 * axe (WCAG 2.2 AA) on every page type at phone and desktop widths, no request to any
 * other origin, a CSP on every page, Chinese search typed into the header box, search
 * filters, the archive, the gallery and the infographic zoom with the keyboard, the skip link.
 */
import AxeBuilder from '@axe-core/playwright';
import { parse } from 'node-html-parser';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../support/build.ts';
import { DESKTOP, launchBrowser, openPage, PHONE, screenshot, type WatchedPage } from '../support/browser.ts';
import { builtPages, firstLink as supportFirstLink, PAGE_TYPES, UNIT_WITH_SUB_UNITS } from '../support/pages.ts';
import { pagesHolding, shownLines } from '../support/search-oracle.ts';

const origin = inject('siteOrigin');
const base = inject('siteBase');
const dist = inject('siteDist');
let browser: Browser;
const opened: WatchedPage[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function visit(p: string, options: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean } = {}) {
  const w = await openPage(browser, origin, options);
  opened.push(w);
  const res = await w.page.goto(origin + p, { waitUntil: 'load' });
  return { w, status: res?.status() };
}

function clean(w: WatchedPage): void {
  expect(w.outside, 'requests to other origins').toEqual([]);
  expect(w.errors, 'console errors (CSP violations show here)').toEqual([]);
  expect(w.failed, 'failed requests').toEqual([]);
}

function html(rel: string) {
  return parse(readFileSync(path.join(dist, rel), 'utf8'));
}

/** Every built HTML page, as paths relative to the site folder. */
const allHtml = () => builtPages(dist).map((p) => path.relative(dist, p).split(path.sep).join('/'));
const firstLink = (rel: string, selector?: string) => supportFirstLink(dist, rel, selector);
const unitWithSubUnits = UNIT_WITH_SUB_UNITS;
// The forest pages have their own suite (forest.test.ts).
const pageTypes = PAGE_TYPES(dist, base).filter(([name]) => !name.startsWith('forest'));

describe('every page type in Chromium behind nginx', () => {
  it.each(pageTypes)('%s: no axe violations (WCAG 2.2 AA), no outside request, phone and desktop', async (name, target) => {
    for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
      const { w, status } = await visit(target(), { viewport });
      expect(status).toBe(name === '404' ? 404 : 200);
      await w.page.waitForLoadState('networkidle');
      if (name === 'search') await w.page.locator('.search-result').first().waitFor();
      const axe = await new AxeBuilder({ page: w.page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      const violations = axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(violations, `${name} ${label}`).toEqual([]);
      await screenshot(w.page, `reading-${name}-${label}`);
      if (name === '404') {
        // The page's own 404 status is the point; nothing else may fail.
        w.errors = w.errors.filter((e) => !e.includes('404 (Not Found) @ ' + origin + target()));
        w.failed = w.failed.filter((f) => f !== `404 ${origin}${target()}`);
      }
      clean(w);
      await w.close();
    }
  });
});

describe('offline and CSP', () => {
  it('every page carries a CSP meta that allows only this site (search needs no WebAssembly)', () => {
    const pages = allHtml();
    expect(pages.length).toBeGreaterThan(50);
    for (const p of pages) {
      const meta = html(p).querySelector('meta[http-equiv="content-security-policy"]');
      expect(meta, p).toBeTruthy();
      const csp = meta!.getAttribute('content')!;
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain("'wasm-unsafe-eval'");
      expect(csp).not.toContain("'unsafe-inline'");
      expect(csp, p).not.toMatch(/https?:\/\//);
    }
  });

  it('a video plays under the CSP (media from the site itself)', async () => {
    const { w } = await visit(`${base}videos/drone-patrol/`);
    const page = w.page;
    const video = page.locator('video').first();
    await video.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      return v.play();
    });
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 1, undefined, { timeout: 15_000 });
    clean(w);
    await w.close();
  });

  it('no built page links a script, stylesheet, image or frame from another origin', () => {
    for (const p of allHtml()) {
      const doc = html(p);
      for (const el of doc.querySelectorAll('script[src], link[rel=stylesheet], img[src], iframe[src], source[src], video[src], track[src]')) {
        const url = el.getAttribute('src') ?? el.getAttribute('href') ?? '';
        expect(url, `${p}: ${el.tagName}`).not.toMatch(/^(https?:)?\/\//);
      }
    }
  });
});

async function typeInHeaderSearch(page: Page, query: string) {
  const box = page.getByRole('searchbox', { name: '搜索本站' });
  await box.focus();
  // insertText is how an IME commits Chinese text.
  await page.keyboard.insertText(query);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\/\?q=/);
  await page.locator('[data-search-status]').filter({ hasText: /找到|没有找到/ }).waitFor();
}

async function resultTitles(page: Page): Promise<string[]> {
  return page.locator('.search-result h2 a').allTextContents();
}

describe('search in Chinese', () => {
  const draft = readFileSync(path.join(ROOT, 'content/highlights/党员活动阵地.md'), 'utf8');
  const draftTitle = /^title:\s*(.+)$/m.exec(draft)?.[1]?.trim() ?? '';

  const cases: [string, string][] = [
    ['周海峰', '周海峰：台风中放飞无人机的巡线人'], // a person's name (highlights)
    ['网格化', '网格化服务：党员网格经理扎根城乡一线'],
    ['无人机', '台风过后话保障：无人机巡线与党员突击队复盘'],
    ['5G', '林晓雯：守护5G信号的“90后”党员'],
    ['熔炉', '聚焦“四个关键” 开创国企党建新局面'], // only in a one-picture outline
    ['光缆受损', '风雨巡线人：周海峰和他的无人机巡线班组'], // only in the video's captions
    ['格化服', '网格化服务：党员网格经理扎根城乡一线'], // a piece of a title across word boundaries
  ];

  it.each(cases)('typing %s into the header box finds “%s”', async (query, title) => {
    const { w } = await visit(base);
    await typeInHeaderSearch(w.page, query);
    const titles = await resultTitles(w.page);
    expect(titles).toContain(title);
    expect(titles).not.toContain(draftTitle);
    // Every result shows column, unit and date, and links under the sub-path.
    const first = w.page.locator('.search-result').first();
    expect((await first.locator('.search-meta span').allTextContents()).length).toBeGreaterThanOrEqual(3);
    for (const href of await w.page.locator('.search-result h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(href!.startsWith(base)).toBe(true);
      expect((await w.page.request.get(origin + href)).status(), href!).toBe(200);
    }
    // Snippets are prose (or a labelled fact), never a slug, a URL or metadata run together.
    for (const snippet of await w.page.locator('.search-snippet').allTextContents()) {
      expect(snippet.trim().length).toBeGreaterThan(0);
      expect(snippet).not.toMatch(/[a-z]+-[a-z]+|https?:|期数第|举办日期\d/);
    }
    // The first result's snippet (or title) marks what was typed.
    const marked = await first.locator('mark').allTextContents();
    expect(marked.map((m) => m.normalize('NFKC').toLowerCase())).toContain(query.normalize('NFKC').toLowerCase());
    clean(w);
    await w.close();
  });

  it('finds exactly the entries whose shown text holds every piece, best first', async () => {
    const { w } = await visit(`${base}search/`);
    const entries = allHtml()
      .filter((p) => readFileSync(path.join(dist, p), 'utf8').includes('data-search-body'))
      .map((p) => `${base}${p.replace(/index\.html$/, '')}`);
    const lines = await shownLines(w.page, entries);
    // A word, a sub-word, a piece across words, a name, a phrase no page holds, Latin + Chinese.
    for (const query of ['党课', '网格化', '格化服', '部书', '胡立群', '无人机巡线与党员', '巡线人员', '林晓雯 5G', '５ｇ 网格', '熔', '峰 巡线']) {
      await w.page.goto(`${origin}${base}search/?q=${encodeURIComponent(query)}`);
      const status = w.page.locator('[data-search-status]');
      await status.filter({ hasText: /找到|没有找到/ }).waitFor();
      const total = Number(/找到 (\d+) 条结果/.exec((await status.textContent()) ?? '')?.[1] ?? 0);
      const results = w.page.locator('.search-result');
      // Ten at a time: show them all.
      for (let shown = await results.count(); shown < total; shown = await results.count()) {
        await w.page.locator('[data-search-more]').click();
        await w.page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, shown);
      }
      const hrefs = await w.page.locator('.search-result h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(hrefs.length).toBe(total);
      expect(new Set(hrefs), query).toEqual(pagesHolding(lines, query));
      if (total === 0) expect(await status.textContent()).toContain('没有找到');
      expect(await w.page.locator('[data-search-more]').isVisible()).toBe(false);
    }
    // The phrase in a title ranks first.
    await w.page.goto(`${origin}${base}search/?q=${encodeURIComponent('红马甲')}`);
    await w.page.locator('.search-result').first().waitFor();
    expect(await w.page.locator('.search-result h2 a').first().textContent()).toContain('红马甲');
    clean(w);
    await w.close();
  });

  it('never finds a draft', async () => {
    expect(draftTitle).toMatch(/党员活动阵地/);
    expect(draft).toMatch(/^draft:\s*true/m);
    const { w } = await visit(`${base}search/?q=${encodeURIComponent('党员活动阵地')}`);
    await w.page.locator('[data-search-status]').filter({ hasText: /找到|没有找到/ }).waitFor();
    expect(await resultTitles(w.page)).not.toContain(draftTitle);
    clean(w);
    await w.close();
  });

  it('keyboard only: type, Enter focuses the first result, Enter opens it', async () => {
    const { w } = await visit(`${base}search/`, { viewport: PHONE });
    const page = w.page;
    await page.locator('#search-q').focus();
    await page.keyboard.insertText('无人机');
    await page.keyboard.press('Enter');
    await page.locator('.search-result').first().waitFor();
    // Focus moves once the results are drawn (the search runs asynchronously).
    await page.waitForFunction(() => document.activeElement?.closest('.search-result') != null, null, { timeout: 5000 });
    await screenshot(page, 'reading-search-results-phone');
    const title = await page.evaluate(() => document.activeElement?.textContent);
    await Promise.all([page.waitForURL(/\/(salon|highlights|videos|one-picture)\//), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toBe(title);
    expect(new URL(page.url()).pathname.startsWith(base)).toBe(true);
    clean(w);
    await w.close();
  });

  it('filters by column, unit and year', async () => {
    const { w } = await visit(`${base}search/?q=${encodeURIComponent('党员')}`, { viewport: DESKTOP });
    const page = w.page;
    await page.locator('.search-result').first().waitFor();
    const all = Number(/找到 (\d+)/.exec((await page.locator('[data-search-status]').textContent()) ?? '')?.[1]);
    await page.locator('select[data-filter="栏目"]').selectOption('红色亮点');
    await page.waitForFunction((n) => !new RegExp(`找到 ${n} `).test(document.querySelector('[data-search-status]')!.textContent!), all);
    const cols = await page.locator('.search-meta span:first-child').allTextContents();
    expect(cols.length).toBeGreaterThan(0);
    expect(new Set(cols)).toEqual(new Set(['红色亮点']));
    expect(page.url()).toContain(encodeURIComponent('红色亮点'));
    await page.locator('select[data-filter="年份"]').selectOption('2025年');
    await page.waitForFunction(() => location.search.includes('%E5%B9%B4%E4%BB%BD') && document.querySelector('[data-search-results]')!.getAttribute('aria-busy') === 'false');
    const days = await page.locator('.search-meta span:last-child').allTextContents();
    expect(days.length).toBeGreaterThan(0);
    for (const d of days) expect(d).toMatch(/^2025年/);
    await page.locator('select[data-filter="年份"]').selectOption('');
    await page.locator('select[data-filter="栏目"]').selectOption('');
    // A committee's filter includes its branches' entries.
    await page.locator('select[data-filter="党组织"]').selectOption('网络运营部党委');
    // The list is aria-busy until the latest search (its filters are in the address) is shown.
    await page.waitForFunction(() => location.search.includes('%E5%85%9A%E7%BB%84%E7%BB%87') && document.querySelector('[data-search-results]')!.getAttribute('aria-busy') === 'false');
    const shown = await page.locator('.search-result').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(5);
    for (const snippet of await page.locator('.search-snippet').allTextContents()) expect(snippet.trim().length).toBeGreaterThan(0);
    const units = new Set(await page.locator('.search-meta span:nth-child(2)').allTextContents());
    expect([...units].some((u) => u !== '网络运营部党委')).toBe(true);
    await screenshot(page, 'reading-search-filters-desktop');
    clean(w);
    await w.close();
  });

  it('without JavaScript says so and links the archive', async () => {
    const { w } = await visit(`${base}search/?q=${encodeURIComponent('网格化')}`, { javaScriptEnabled: false });
    const status = w.page.locator('[data-search-status]');
    await expect(status.textContent()).resolves.toContain('需要浏览器启用 JavaScript');
    expect(await status.locator('a').first().getAttribute('href')).toBe(`${base}archive/`);
    await screenshot(w.page, 'reading-search-nojs-desktop');
    expect(w.outside).toEqual([]);
    await w.close();
  });
});

describe('archive', () => {
  it('lists every published entry by year and month; unit archives include sub-units', async () => {
    const archive = html('archive/index.html');
    const links = archive.querySelectorAll('.archive-month a').map((a) => a.getAttribute('href'));
    // Entry pages are the ones with the indexed article.
    const entries = allHtml()
      .filter((p) => readFileSync(path.join(dist, p), 'utf8').includes('data-search-body'))
      .map((p) => `${base}${p.replace(/index\.html$/, '')}`);
    expect(entries.length).toBeGreaterThan(20);
    expect(new Set(links)).toEqual(new Set(entries));
    const years = archive.querySelectorAll('.archive-year-title').map((h) => h.text);
    expect(years[0]).toMatch(/^2026年/);
    const unitArchive = html(`units/${unitWithSubUnits}/archive/index.html`).querySelectorAll('.archive-unit').map((s) => s.text);
    expect(new Set(unitArchive).size).toBeGreaterThan(1);
  });

  it('tag chips link to tag pages listing the entry; entry pages show related reading', async () => {
    const { w } = await visit(`${base}highlights/zhou-hai-feng/`);
    const page = w.page;
    const tag = page.locator('.tags a', { hasText: '#无人机' });
    await tag.click();
    await page.waitForURL(/\/tags\/wu-ren-ji\/$/);
    expect(await page.locator('h1').textContent()).toBe('#无人机');
    expect(await page.locator('.card h2 a').allTextContents()).toContain('周海峰：台风中放飞无人机的巡线人');
    await page.goBack();
    const related = await page.locator('.related a').allTextContents();
    expect(related.length).toBeGreaterThan(0);
    expect(related).toContain('风雨巡线人：周海峰和他的无人机巡线班组');
    clean(w);
    await w.close();
  });
});

describe('keyboard', () => {
  it('the skip link is the first stop, visible, and moves focus to the content', async () => {
    const { w } = await visit(`${base}archive/`);
    const page = w.page;
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip-link');
    await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.y >= 0 && box.height > 10).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    // Focus is visible on links: an outline is drawn.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    clean(w);
    await w.close();
  });

  it('the gallery opens in a dialog, arrows browse, Escape closes and focus returns', async () => {
    for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
      const { w } = await visit(`${base}salon/2026-05/`, { viewport });
      const page = w.page;
      const links = page.locator('[data-gallery-item]');
      expect(await links.count()).toBe(4);
      await links.first().focus();
      await page.keyboard.press('Enter');
      const dialog = page.locator('dialog[data-lightbox]');
      await expect(dialog.evaluate((d: HTMLDialogElement) => d.open)).resolves.toBe(true);
      await expect(dialog.locator('[data-lightbox-count]').textContent()).resolves.toBe('（1/4）');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect(dialog.locator('[data-lightbox-count]').textContent()).resolves.toBe('（3/4）');
      await page.keyboard.press('ArrowLeft');
      await expect(dialog.locator('[data-lightbox-count]').textContent()).resolves.toBe('（2/4）');
      await page.waitForFunction(() => document.querySelector<HTMLImageElement>('[data-lightbox-img]')!.complete);
      const img = await dialog.locator('img').evaluate((i: HTMLImageElement) => ({ w: i.naturalWidth, alt: i.alt }));
      expect(img.w).toBeGreaterThan(0);
      expect(img.alt).toBeTruthy();
      await screenshot(page, `reading-gallery-dialog-${label}`);
      await page.keyboard.press('Escape');
      await expect(dialog.evaluate((d: HTMLDialogElement) => d.open)).resolves.toBe(false);
      // The dialog's `close` event (which returns focus) fires after `open` turns false: wait for it.
      await page.waitForFunction(() => document.activeElement === document.querySelectorAll('[data-gallery-item]')[1], null, {
        timeout: 3000,
      });
      clean(w);
      await w.close();
    }
  });

  it('without JavaScript a gallery photo is a plain link to the large image', async () => {
    const { w } = await visit(`${base}salon/2026-05/`, { javaScriptEnabled: false });
    const href = await w.page.locator('[data-gallery-item]').first().getAttribute('href');
    expect(href!.startsWith(base)).toBe(true);
    const res = await w.page.request.get(origin + href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^image\//);
    await w.close();
  });

  it('the infographic zoom button works with the keyboard', async () => {
    const { w } = await visit(firstLink('one-picture/index.html'));
    const page = w.page;
    const button = page.locator('[data-zoom-toggle]');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button.getAttribute('aria-pressed')).resolves.toBe('true');
    await page.keyboard.press('Space');
    await expect(button.getAttribute('aria-pressed')).resolves.toBe('false');
    clean(w);
    await w.close();
  });
});
