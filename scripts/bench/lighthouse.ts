/**
 * Lighthouse (mobile: simulated slow 4G and 4× CPU slowdown, Lighthouse's default) on every
 * page type, in the normal reading mode and in the 适老化 modes, served by nginx under the
 * base path, offline, with Debian's Chromium. Scores: performance, accessibility, best
 * practices, SEO (0–100); the failing audits are listed under the table.
 *
 * Targets (issue 15): performance ≥ 95, the other three 100, on every page type (no page is
 * `noindex`: an intranet search appliance may index the search form, the 404 page and the
 * showcase without harm, and nginx answers a missing page with status 404 anyway).
 *
 *   npm run bench -- lighthouse
 *   RED_LH_MODES=normal,large,contrast,simple,elder RED_LH_PAGES=home,entry RED_LH_RUNS=3 npm run bench -- lighthouse
 *
 * Reads RED_BENCH_DIST (a built site) or builds content/ into test-results/bench-dist.
 * The figures are only meaningful on a quiet machine (the CPU is measured, then multiplied).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { readSettings } from '../../src/config/settings.ts';
import { CHROMIUM } from '../../test/support/browser.ts';
import { startNginx } from '../../test/support/nginx.ts';
import { PAGE_TYPES, READING_MODES, type ReadingModeName } from '../../test/support/pages.ts';
import { READING_STORAGE_KEY } from '../../src/lib/reading-modes.ts';
import { benchDist } from '../bench-dist.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dist = benchDist();
const base = readSettings(path.join(ROOT, 'content')).base;
const modes = (process.env.RED_LH_MODES ?? 'normal,elder').split(',') as ReadingModeName[];
const only = (process.env.RED_LH_PAGES ?? '').split(',').filter(Boolean);
const RUNS = Math.max(1, Number(process.env.RED_LH_RUNS ?? 1));
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** Debian's Chromium with a DevTools port (Lighthouse drives it over CDP). */
async function startChromium(): Promise<{ port: number; stop: () => void }> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'red-lh-'));
  const child = spawn(
    CHROMIUM,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`chromium exited (${code}): ${err}`)));
  });
  return {
    port,
    stop: () => {
      child.kill('SIGTERM');
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const server = await startNginx({ root: dist, base });
const browser = await startChromium();
// Stopped early (Ctrl-C, kill): take Chromium and nginx down too.
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    browser.stop();
    void server.stop().finally(() => process.exit(130));
  });
}
const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${browser.port}`);
const rows: { page: string; mode: string; scores: number[]; failing: string[] }[] = [];
try {
  for (const mode of modes) {
    // The reader's stored choice, in the browser profile Lighthouse uses (it keeps storage: disableStorageReset).
    const page = await cdp.contexts()[0]!.newPage();
    await page.goto(server.url(''));
    await page.evaluate(
      ([key, value]) => (value === '{}' ? localStorage.removeItem(key!) : localStorage.setItem(key!, value!)),
      [READING_STORAGE_KEY, JSON.stringify(READING_MODES[mode])],
    );
    await page.close();
    for (const [name, pageTarget] of PAGE_TYPES(dist, base)) {
      if (only.length && !only.some((o) => name.includes(o))) continue;
      // Lighthouse refuses a page answered with status 404: the 404 page is audited at its own address.
      const target = name === '404' ? () => `${base}404.html` : pageTarget;
      // RED_LH_RUNS runs per page; the run with the median performance score counts (Lighthouse's advice for noisy machines).
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        const result = await lighthouse(server.origin + target(), {
          port: browser.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATEGORIES],
          disableStorageReset: true,
        });
        if (!result?.lhr) throw new Error(`no Lighthouse result for ${name}`);
        runs.push(result.lhr);
      }
      runs.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
      const lhr = runs[Math.floor(runs.length / 2)]!;
      const scores = CATEGORIES.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100));
      const failing = CATEGORIES.flatMap((c) =>
        (lhr.categories[c]?.auditRefs ?? [])
          // Performance metrics count as failing under 0.9 (their scores are curves); other audits pass or fail.
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < (c === 'performance' ? 0.9 : 1))
          .map((ref) => `${c}:${ref.id}${lhr.audits[ref.id]?.displayValue ? ` (${lhr.audits[ref.id]!.displayValue})` : ''}`),
      );
      rows.push({ page: name, mode, scores, failing });
      const mark = (i: number, target: number) => (scores[i]! >= target ? ' ' : '!');
      console.log(
        `${name.padEnd(24)} ${mode.padEnd(8)} perf ${String(scores[0]).padStart(3)}${mark(0, 95)} a11y ${String(scores[1]).padStart(3)}${mark(1, 100)} bp ${String(scores[2]).padStart(3)}${mark(2, 100)} seo ${String(scores[3]).padStart(3)}${mark(3, 100)}`,
      );
    }
  }
} finally {
  await cdp.close().catch(() => {});
  browser.stop();
  await server.stop();
}

console.log(`\nsummary (min over page types; median of ${RUNS} run(s) per page; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores):`);
for (const mode of modes) {
  const mine = rows.filter((r) => r.mode === mode);
  const min = (i: number) => Math.min(...mine.map((r) => r.scores[i]!));
  console.log(`  ${mode.padEnd(8)} perf ${min(0)}  a11y ${min(1)}  best practices ${min(2)}  seo ${min(3)}  (${mine.length} pages)`);
}
const problems = rows.filter((r) => r.failing.length > 0);
if (problems.length) {
  console.log('\nfailing audits:');
  for (const r of problems) console.log(`  ${r.page} (${r.mode}): ${r.failing.join(', ')}`);
}
