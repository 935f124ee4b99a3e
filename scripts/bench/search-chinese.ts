/**
 * Chinese search quality, measured in Debian's Chromium against nginx: for every published
 * entry, every 2-, 3- and 4-character run of Han characters in its title is searched with
 * Pagefind's own JS API; we count how often the entry is found, in the top 5, and first.
 * Also prints the results of sample queries (names, words, Latin, outline and caption text).
 *
 * Reads RED_BENCH_DIST (a built site; default test-results/bench-dist, built by page-weight.ts).
 * Needs /usr/bin/chromium and nginx; prints a note and exits 0 without them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, openPage, CHROMIUM } from '../../test/support/browser.ts';
import { NGINX, startNginx } from '../../test/support/nginx.ts';
import { readSettings } from '../../src/config/settings.ts';
import { hanNgrams } from '../../src/lib/search-terms.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dist = process.env.RED_BENCH_DIST ?? path.join(ROOT, 'test-results', 'bench-dist');
if (!existsSync(path.join(dist, 'pagefind/pagefind.js')) || !existsSync(CHROMIUM) || !existsSync(NGINX)) {
  console.log(`skipped: needs a built site in ${dist} (run page-weight first), ${CHROMIUM} and ${NGINX}`);
  process.exit(0);
}
const base = readSettings(path.join(ROOT, 'content')).base;
const server = await startNginx({ root: dist, base });
const browser = await launchBrowser();
try {
  const w = await openPage(browser, server.origin);
  await w.page.goto(server.url('search/'));
  const pfUrl = `${base}pagefind/pagefind.js`;
  const pages = await w.page.evaluate(async ([u, b]) => {
    const pf = await import(u!);
    await pf.options({ baseUrl: b });
    await pf.init();
    const all = await pf.search(null);
    return Promise.all(all.results.map(async (r: { data(): Promise<{ url: string; meta: { title: string } }> }) => {
      const d = await r.data();
      return { url: d.url, title: d.meta.title };
    }));
  }, [pfUrl, base]);
  const cases = pages.flatMap((p) => hanNgrams(p.title, 2, 4).map((q) => ({ q, url: p.url, n: [...q].length })));
  const ranks = await w.page.evaluate(async ([u, qs]) => {
    const pf = await import(u as string);
    const out: number[] = [];
    for (const c of qs as { q: string; url: string }[]) {
      const s = await pf.search(c.q);
      const urls = await Promise.all(s.results.map(async (r: { data(): Promise<{ url: string }> }) => (await r.data()).url));
      out.push(urls.indexOf(c.url));
    }
    return out;
  }, [pfUrl, cases]);
  console.log(`${pages.length} indexed entries; title substrings searched: ${cases.length}`);
  for (const n of [2, 3, 4]) {
    const rs = cases.map((c, i) => ({ c, r: ranks[i]! })).filter((x) => x.c.n === n);
    const pct = (k: number) => `${((100 * k) / rs.length).toFixed(1)}%`;
    const found = rs.filter((x) => x.r >= 0).length;
    const top5 = rs.filter((x) => x.r >= 0 && x.r < 5).length;
    const first = rs.filter((x) => x.r === 0).length;
    console.log(`${n}-char: ${rs.length} queries; found ${pct(found)}, in top 5 ${pct(top5)}, first ${pct(first)}`);
    const missed = rs.filter((x) => x.r < 0).map((x) => x.c.q);
    if (missed.length) console.log(`  not found: ${missed.slice(0, 20).join(' ')}`);
  }
  const samples = ['周海峰', '林晓雯', '网格化', '无人机', '5G', '熔炉', '光缆受损', '格化服', '海峰', '红马甲', '党员突击队', '拉得出', '述职评议', '红色家园'];
  const shown = await w.page.evaluate(async ([u, qs]) => {
    const pf = await import(u as string);
    const out: [string, number, string[]][] = [];
    for (const q of qs as string[]) {
      const s = await pf.search(q);
      const top = await Promise.all(s.results.slice(0, 3).map(async (r: { data(): Promise<{ meta: { title: string } }> }) => (await r.data()).meta.title));
      out.push([q, s.results.length, top]);
    }
    return out;
  }, [pfUrl, samples]);
  for (const [q, n, top] of shown) console.log(`  ${q.padEnd(6, '　')} ${String(n).padStart(3)} results; top: ${top.join(' | ')}`);
} finally {
  await browser.close();
  await server.stop();
}
