/**
 * 红树林 and 红果树 in Chromium behind nginx (the sample site from the e2e global setup):
 * axe finds nothing, keyboard focus reaches the fruit with a visible ring, the trees are not
 * blank, and no request leaves the origin.
 */
import AxeBuilder from '@axe-core/playwright';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launchBrowser, openPage, PHONE, screenshot } from '../support/browser.ts';

const origin = inject('siteOrigin');
const base = inject('siteBase');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const LOBBY = { width: 1920, height: 1080 };
const pages: [string, string][] = [
  ['forest', 'forest/'],
  ['forest-year', 'forest/2026/'],
  ['unit-committee', 'units/nb-committee/'],
  ['unit-branch', 'units/hq-branch-1/'],
];

/** Standard deviation of the luminance inside an element's box (0 for a blank area). */
async function variance(page: Page, selector: string): Promise<number> {
  const shot = await page.locator(selector).first().screenshot();
  const stats = await sharp(shot).greyscale().stats();
  return stats.channels[0]!.stdev;
}

describe('红树林 and 红果树 in Chromium', () => {
  it.each(pages)('%s: no axe violations, no errors, at phone, desktop and lobby widths', async (name, p) => {
    for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP], ['lobby', LOBBY]] as const) {
      if (label === 'lobby' && !name.startsWith('forest')) continue;
      const w = await openPage(browser, origin, { viewport });
      const res = await w.page.goto(origin + base + p, { waitUntil: 'load' });
      expect(res?.status(), p).toBe(200);
      const axe = await new AxeBuilder({ page: w.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      const violations = axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(violations, `${name} ${label}`).toEqual([]);
      // The trees are drawn: plenty of variation inside the SVG's box.
      expect(await variance(w.page, 'svg.fruit-tree-svg'), `${name} ${label}`).toBeGreaterThan(8);
      // Nothing overflows the page sideways.
      const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} ${label} horizontal overflow`).toBeLessThanOrEqual(0);
      await screenshot(w.page, `forest-${name}-${label}`);
      expect(w.errors).toEqual([]);
      expect(w.failed).toEqual([]);
      expect(w.outside).toEqual([]);
      await w.close();
    }
  });

  it('keyboard: Tab reaches a fruit, shows a focus ring, Enter opens its entry', async () => {
    const w = await openPage(browser, origin, { viewport: DESKTOP });
    await w.page.goto(origin + base + 'units/nb-committee/');
    let found: { label: string | null; href: string | null } | null = null;
    for (let i = 0; i < 80 && !found; i++) {
      await w.page.keyboard.press('Tab');
      found = await w.page.evaluate(() => {
        const a = document.activeElement;
        return a && a.closest('svg.fruit-tree-svg') ? { label: a.getAttribute('aria-label'), href: a.getAttribute('href') } : null;
      });
    }
    expect(found, 'a fruit takes keyboard focus').not.toBeNull();
    expect(found!.label).toMatch(/（.+，\d{4}年\d{1,2}月\d{1,2}日/);
    const ring = await w.page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('.fruit-ring')!).stroke);
    expect(ring).toBe('rgb(11, 87, 208)'); // --focus
    await Promise.all([w.page.waitForURL((u) => u.pathname === found!.href), w.page.keyboard.press('Enter')]);
    const h1 = (await w.page.locator('h1').first().textContent())?.trim() ?? '';
    expect(h1.length).toBeGreaterThan(0);
    expect(found!.label!.startsWith(h1)).toBe(true);
    await w.close();
  });

  it('prints /forest/ on A3 landscape sheets', async () => {
    const w = await openPage(browser, origin, { viewport: DESKTOP });
    await w.page.goto(origin + base + 'forest/');
    const pdf = (await w.page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    const boxes = [...pdf.matchAll(/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThan(0);
    // A3 landscape: 420 × 297 mm = 1191 × 842 pt.
    for (const b of boxes) expect(b).toEqual([1191, 842]);
    await w.close();
  });

  it('the year selector links to static pages and marks the current one', async () => {
    const w = await openPage(browser, origin, { viewport: PHONE, javaScriptEnabled: false });
    await w.page.goto(origin + base + 'forest/');
    const years = w.page.locator('.year-nav a');
    expect(await years.count()).toBeGreaterThanOrEqual(2);
    await years.nth(1).click();
    await expect.poll(() => w.page.locator('.year-nav a[aria-current="page"]').textContent()).toMatch(/^\d{4}年$/);
    expect(await w.page.locator('h1').textContent()).toMatch(/红树林.*\d{4}年/);
    await w.close();
  });
});
