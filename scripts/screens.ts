/**
 * `npm run screens [-- name-filter…]`: full-page Chromium screenshots of every page type of a
 * built site (default dist/), served by nginx under its base path, at 390 px and 1280 px, in
 * the normal reading mode and in the 适老化 modes. PNGs go to test-results/screens/ for a
 * designer to look at; nothing is asserted here (the e2e tests lock the layout rules).
 *
 *   RED_SCREENS_DIST=test-results/e2e-dist npm run screens -- home entry-salon
 *   RED_SCREENS_MODES=normal,elder npm run screens
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../test/support/build.ts';
import { launchBrowser, openPage } from '../test/support/browser.ts';
import { startNginx } from '../test/support/nginx.ts';
import { readSettings } from '../src/config/settings.ts';
import { PAGE_TYPES, READING_MODES, setReadingMode } from '../test/support/pages.ts';

const dist = path.resolve(ROOT, process.env.RED_SCREENS_DIST ?? 'dist');
const out = path.join(ROOT, 'test-results', 'screens');
const filters = process.argv.slice(2);
const modes = (process.env.RED_SCREENS_MODES ?? 'normal,elder').split(',');
const widths = (process.env.RED_SCREENS_WIDTHS ?? '390,1280').split(',').map(Number);
mkdirSync(out, { recursive: true });

const base = readSettings(path.join(ROOT, 'content')).base;
const server = await startNginx({ root: dist, base });
const browser = await launchBrowser();
try {
  for (const [name, target] of PAGE_TYPES(dist, base)) {
    if (filters.length && !filters.some((f) => name.includes(f))) continue;
    for (const mode of modes) {
      for (const width of widths) {
        const w = await openPage(browser, server.origin, { viewport: { width, height: width < 600 ? 844 : 900 } });
        await setReadingMode(w.page, READING_MODES[mode as keyof typeof READING_MODES] ?? {});
        await w.page.goto(server.origin + target(), { waitUntil: 'load' });
        await w.page.waitForLoadState('networkidle');
        if (name === 'search') await w.page.locator('.search-result').first().waitFor({ timeout: 10_000 }).catch(() => {});
        // Lazy images load only near the viewport: scroll through once before the full-page shot.
        await w.page.evaluate(async () => {
          for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
            scrollTo(0, y);
            await new Promise((r) => setTimeout(r, 60));
          }
          scrollTo(0, 0);
        });
        await w.page.waitForLoadState('networkidle');
        const file = path.join(out, `${name}-${mode}-${width}.png`);
        await w.page.screenshot({ path: file, fullPage: !name.includes('showcase') });
        const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        console.log(`${file}${overflow > 0 ? `  HORIZONTAL OVERFLOW ${overflow}px` : ''}${w.errors.length ? `  errors: ${w.errors.join(' | ')}` : ''}`);
        await w.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
