/**
 * Videos: (1) time to draw a generated poster (the card's SVG with its text as glyph outlines, and
 * the og:image JPEG rasterised from it by sharp), and its sizes; (2) the lobby-screen showcase left running over many loops of the
 * fixture's three 2-second clips in Chromium behind nginx: JS heap (after GC), DOM nodes,
 * listeners per loop. BENCH_SHOWCASE_LOOPS (default 10) sets the length.
 */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { drawPoster, posterCacheDir, posterFileNames, posterJob } from '../../src/lib/video-posters.ts';
import { buildSite, ROOT } from '../../test/support/build.ts';
import { launchBrowser, openPage } from '../../test/support/browser.ts';
import { startNginx } from '../../test/support/nginx.ts';

// 1. Posters: the SVG with text as outlines and the og:image JPEG (what a build draws per video).
{
  const n = 20;
  const options = { cacheDir: mkdtempSync(path.join(os.tmpdir(), 'red-posters-bench-')), frames: false };
  const jobs = Array.from({ length: n }, (_, i) =>
    posterJob({ title: `第${i}期 网格党员进社区：党员服务站里的红马甲`, column: '视频展播', category: '基层党建', unit: '网格第一党支部' }, options),
  );
  await drawPoster(posterJob({ title: '预热', column: '视频展播' }, options), options); // font parsing, once per process
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const job of jobs) await drawPoster(job, options);
  const cpu = process.cpuUsage(cpu0);
  const names = posterFileNames(jobs[0]!.key);
  const size = (f: string) => statSync(path.join(posterCacheDir(options.cacheDir), f)).size;
  console.log(
    `poster: ${((performance.now() - t0) / n).toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000 / n).toFixed(0)} ms CPU each ` +
      `(SVG ${(size(names.svg) / 1024).toFixed(1)} KB, ${(gzipSync(readFileSync(path.join(posterCacheDir(options.cacheDir), names.svg))).length / 1024).toFixed(1)} KB gzipped; og JPEG ${(size(names.og) / 1024).toFixed(1)} KB; no frame)`,
  );
  rmSync(options.cacheDir, { recursive: true, force: true });
}

// 2. Showcase over many loops
const loops = Number(process.env.BENCH_SHOWCASE_LOOPS ?? 10);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'red-videos-bench-'));
chmodSync(tmp, 0o755); // nginx workers must be able to read it
const outDir = path.join(tmp, 'dist');
const r = buildSite({ contentDir: path.join(ROOT, 'test/fixtures/videos'), outDir, env: { RED_TODAY: '2026-06-01' } });
if (r.status !== 0) throw new Error(r.stderr);
const server = await startNginx({ root: outDir, base: '/dangjian/' });
const browser = await launchBrowser();
try {
  const w = await openPage(browser, server.origin, { viewport: { width: 1920, height: 1080 } });
  const page = w.page;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const res = await page.goto(server.url('videos/showcase/'));
  if (!res?.ok()) throw new Error(`showcase: HTTP ${res?.status()} (${server.url('videos/showcase/')})`);
  const plays = () => page.evaluate(() => Number(document.querySelector<HTMLElement>('[data-showcase]')!.dataset.plays));
  const t0 = Date.now();
  const rows: string[] = [];
  for (let loop = 1; loop <= loops; loop++) {
    await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>('[data-showcase]')!.dataset.plays) >= n, loop * 3 + 1, {
      timeout: 60_000,
    });
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
    rows.push(
      `loop ${String(loop).padStart(3)}  plays ${String(await plays()).padStart(4)}  heap ${(get('JSHeapUsedSize') / 1024).toFixed(0)} KiB  nodes ${get('Nodes')}  listeners ${get('JSEventListeners')}`,
    );
    console.log(rows.at(-1));
  }
  console.log(`showcase: ${loops} loops of 3 clips in ${((Date.now() - t0) / 1000).toFixed(0)} s; errors ${w.errors.length}, failed ${w.failed.length}, outside ${w.outside.length}`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(tmp, { recursive: true, force: true });
}
