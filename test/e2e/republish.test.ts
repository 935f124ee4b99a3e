/**
 * Republishing on the sample site behind nginx: the kit downloads and unzips with every
 * image; the internal-only highlight (双机制双十问, republish: false) has no kit (404), no
 * button and says so; the highlight page is clean at phone and desktop widths.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import path from 'node:path';
import { DESKTOP, launchBrowser, openPage, PHONE, screenshot } from '../support/browser.ts';
import { ROOT } from '../support/build.ts';
import { readZip } from '../support/zip.ts';
import { readSettings } from '../../src/config/settings.ts';

const origin = inject('siteOrigin');
const base = inject('siteBase');
/** The absolute origin feeds use (site.yaml `url`). */
const siteUrl = readSettings(path.join(ROOT, 'content')).url.replace(/\/+$/, '');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('republishing on the sample site', () => {
  for (const [name, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    it(`a highlight with images offers its kit (${name}), and the kit holds every image`, async () => {
      const w = await openPage(browser, origin, { viewport });
      await w.page.goto(`${origin}${base}highlights/zhou-hai-feng/`);
      const link = w.page.getByRole('link', { name: /下载转载包/ });
      expect(await link.isVisible()).toBe(true);
      expect(await w.page.getByRole('button', { name: '复制正文' }).isVisible()).toBe(true);
      // No horizontal scrolling (the long source URL wraps).
      expect(await w.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      const res = await w.page.request.get(origin + (await link.getAttribute('href')));
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toMatch(/zip/);
      // Names as Windows Explorer on a Chinese system reads them (GBK), see test/support/zip.ts.
      const files = readZip(new Uint8Array(await res.body()));
      expect(Object.keys(files).sort()).toEqual([
        'article.html',
        'article.md',
        'images/qiangxiu-web.jpg',
        'images/qiangxiu.jpg',
        'images/xunxian-web.jpg',
        'images/xunxian.jpg',
        '转载说明.txt',
      ]);
      await w.page.locator('.republish').scrollIntoViewIfNeeded();
      await screenshot(w.page, `republish-highlight-${name}`);
      expect(w.errors).toEqual([]);
      expect(w.failed).toEqual([]);
      expect(w.outside).toEqual([]);
      await w.close();
    });
  }

  it('双机制双十问 (republish: false) has no kit, no button, no feed item, and says it is internal', async () => {
    const w = await openPage(browser, origin, { viewport: PHONE });
    await w.page.goto(`${origin}${base}highlights/dual-mechanism/`);
    expect(await w.page.locator('.internal-only').innerText()).toContain('仅限内部使用');
    expect(await w.page.getByRole('link', { name: /下载转载包/ }).count()).toBe(0);
    expect(await w.page.locator('[data-copy-article]').count()).toBe(0);
    const kit = await w.page.request.get(`${origin}${base}highlights/dual-mechanism/republish-kit.zip`);
    expect(kit.status()).toBe(404);
    for (const feed of ['rss.xml', 'highlights/rss.xml', 'highlights/feed.json']) {
      const body = await (await w.page.request.get(`${origin}${base}${feed}`)).text();
      expect(body.length).toBeGreaterThan(1000);
      // Other entries may link to it (a link back into the intranet), but it is no item.
      expect(body.includes('<link>'), feed).toBe(!feed.endsWith('.json'));
      expect(body.includes(`<link>${siteUrl}${base}highlights/dual-mechanism/</link>`), feed).toBe(false);
      expect(body.includes(`"id": "${siteUrl}${base}highlights/dual-mechanism/"`), feed).toBe(false);
      expect(body.includes('“双机制”强执行'), feed).toBe(false);
    }
    await screenshot(w.page, 'republish-internal-only-phone');
    await w.close();
  });
});
