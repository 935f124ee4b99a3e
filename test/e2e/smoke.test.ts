/**
 * The first end-to-end check: the built sample site, served by nginx under its sub-path,
 * opened in Debian's Chromium. Home page and one entry of each column load with no console
 * error, no failed request and no request to any other origin.
 */
import { parse } from 'node-html-parser';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launchBrowser, openPage, PHONE, screenshot } from '../support/browser.ts';
import { COLUMN_IDS } from '../../src/lib/columns.ts';

const origin = inject('siteOrigin');
const base = inject('siteBase');
const dist = inject('siteDist');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The first entry linked from a column's index page in the built site. */
function firstEntryPath(column: string): string {
  const index = parse(readFileSync(path.join(dist, column, 'index.html'), 'utf8'));
  const href = index.querySelector('.card h3 a, .card h2 a')?.getAttribute('href');
  if (!href) throw new Error(`no entry listed on ${column}/`);
  return href;
}

describe('sample site in Chromium behind nginx', () => {
  const pages: [string, string][] = [['home', base], ...COLUMN_IDS.map((c): [string, string] => [c, '']), ['units', `${base}units/`]];

  it.each(pages)('%s loads cleanly at phone and desktop widths', async (name, p) => {
    const target = p || firstEntryPath(name);
    for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
      const w = await openPage(browser, origin, { viewport });
      const res = await w.page.goto(origin + target, { waitUntil: 'load' });
      expect(res?.status()).toBe(200);
      await w.page.waitForLoadState('networkidle');
      expect(await w.page.locator('h1').first().textContent()).toBeTruthy();
      await screenshot(w.page, `${name}-${label}`);
      expect(w.errors, 'console errors').toEqual([]);
      expect(w.failed, 'failed requests').toEqual([]);
      expect(w.outside, 'requests to other origins').toEqual([]);
      await w.close();
    }
  });

  it('serves the site only under its sub-path', async () => {
    const w = await openPage(browser, origin);
    const res = await w.page.goto(origin + '/');
    expect(new URL(w.page.url()).pathname).toBe(base);
    expect(res?.status()).toBe(200);
    await w.close();
  });
});
