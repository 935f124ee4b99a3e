/**
 * Debian's Chromium driven by playwright-core. Every request to an origin other than the
 * site's is blocked and recorded, so a test can fail on any attempt to reach outside.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './build.ts';

export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Requests to any other origin (blocked). */
  outside: string[];
  /** console.error messages and uncaught page errors. */
  errors: string[];
  /** Same-origin responses with status >= 400 and failed requests. */
  failed: string[];
  close(): Promise<void>;
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

export async function openPage(
  browser: Browser,
  origin: string,
  options: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const outside: string[] = [];
  const errors: string[] = [];
  const failed: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/') || url === origin || /^(data|blob):/.test(url)) return route.continue();
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${msg.text()} @ ${msg.location().url}`);
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('requestfailed', (req) => {
    if (req.url().startsWith(origin)) {
      const why = req.failure()?.errorText ?? '';
      // Media elements abort their own range requests when seeking or switching; that is not a failure.
      if (!/ERR_ABORTED/.test(why)) failed.push(`${req.url()} ${why}`);
    }
  });
  page.on('response', (res) => {
    if (res.url().startsWith(origin) && res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
  });
  return { page, context, outside, errors, failed, close: () => context.close() };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
