/**
 * Chinese search: precision, recall, bytes per query and latency, in Debian's Chromium behind
 * nginx under the site's sub-path, on the sample and on a generated corpus (default 10,000
 * entries, scripts/bench/corpus.ts), side by side with
 * - `pagefind-jieba`: the implementation this replaced (Pagefind's Chinese segmentation, the title's
 *   2–3-character runs added as index-only text, the query as typed);
 * - `pagefind-bigram`: Pagefind made exact the way issue 13 suggests (every pair of adjacent
 *   characters indexed as one token, each query piece searched as a quoted phrase of its pairs,
 *   pieces intersected in the page);
 * all three indexing the same shown text of the same built pages.
 *
 * Truth is independent of src/lib/search: the text Chromium shows of each entry article
 * (test/support/search-oracle.ts). Queries are drawn from that text and the authors' front matter
 * (seeded): words, sub-words, cross-word pieces, long phrases, names, phrases no page holds, mixed
 * Latin/digits + Chinese, several words. A query's bytes are everything the search fetches from a
 * cold cache (engine, index files for the query, the first 10 results); its latency is the time from
 * the query to the first 10 results with snippets, the engine already loaded (as on the search page).
 * The real search page is also timed from Enter to the status line for a sample of queries.
 *
 *   npm run bench -- search                 (sample + 10,000 generated entries)
 *   RED_BENCH_SEARCH_ENTRIES=2000 npm run bench -- search
 *   RED_BENCH_SEARCH_REUSE=1 …               (reuse the pages built in test-results/bench-search/, rebuild only the index)
 *   RED_BENCH_SEARCH_QUERIES=240 …           (queries per site, at least 200)
 *   RED_BENCH_SEARCH_VARIANTS=red-columns …  (measure only some variants)
 * Needs /usr/bin/chromium and nginx; prints a note and exits 0 without them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import matter from 'gray-matter';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, launchBrowser } from '../../test/support/browser.ts';
import { childEnv } from '../../test/support/build.ts';
import { NGINX, startNginx, type NginxServer } from '../../test/support/nginx.ts';
import { foldText, pagesHolding, shownLines } from '../../test/support/search-oracle.ts';
import { gunzipSync } from 'node:zlib';
import { readSettings } from '../../src/config/settings.ts';
import { readSearchDocs, writeSearchIndex } from '../../src/integrations/search.ts';
import { docOrder } from '../../src/lib/search/build.ts';
import type { SearchDoc } from '../../src/lib/search/model.ts';
import { generateCorpus, rng } from './corpus.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WORK = path.join(ROOT, 'test-results', 'bench-search');
const ENTRIES = Number(process.env.RED_BENCH_SEARCH_ENTRIES ?? process.argv.find((a) => /^\d+$/.test(a)) ?? 10_000);
const QUERIES = Math.max(200, Number(process.env.RED_BENCH_SEARCH_QUERIES ?? 240));
const REUSE = process.env.RED_BENCH_SEARCH_REUSE === '1';
const UI_SAMPLE = 30;
const TOP = 10;

if (!existsSync(CHROMIUM) || !existsSync(NGINX)) {
  console.log(`skipped: needs ${CHROMIUM} and ${NGINX}`);
  process.exit(0);
}

const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');
console.log(`machine: ${os.cpus().length} cores, load average ${load()} (1/5/15 min) at start`);

/* ------------------------------------------------------------------ sites */

interface Site {
  name: string;
  content: string;
  dist: string;
  base: string;
  buildSeconds?: number;
  indexLine?: string;
}

function build(content: string, dist: string): { seconds: number; indexLine: string } {
  const started = performance.now();
  // --verbose: Astro's and the integrations' lines (the search index's own figures among them).
  const r = spawnSync('npm', ['run', '--silent', 'build', '--', '--verbose'], {
    cwd: ROOT,
    env: { ...childEnv(), ASTRO_TELEMETRY_DISABLED: '1', RED_CONTENT_DIR: content, RED_OUT_DIR: dist, RED_CACHE_DIR: `${dist}-cache` },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`build of ${content} failed\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  const indexLine = /已为 .*搜索索引.*/.exec(r.stdout)?.[0] ?? '';
  return { seconds: (performance.now() - started) / 1000, indexLine };
}

async function site(name: string, content: string, dist: string): Promise<Site> {
  const s: Site = { name, content, dist, base: readSettings(content).base };
  if (REUSE && existsSync(path.join(dist, 'search-index', 'meta.json'))) {
    // The pages as built before; the index rebuilt with this code.
    const started = performance.now();
    const r = await writeSearchIndex(dist);
    s.indexLine = `pages reused; index rebuilt: ${r.docs} entries, ${r.files} files, ${(r.bytes / 1024 / 1024).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s (read pages ${r.seconds.read} s, index ${r.seconds.index} s, compress + write ${r.seconds.write} s)`;
    return s;
  }
  console.log(`building ${name} …`);
  const b = build(content, dist);
  s.buildSeconds = b.seconds;
  s.indexLine = b.indexLine;
  return s;
}

/* ------------------------------------------------------------------ baselines (Pagefind) */

const code = (cp: number) => cp.toString(36).padStart(4, '0');
const isWord = (ch: string) => /[\p{L}\p{N}\p{M}]/u.test(ch);

/** Pagefind-bigram tokens of one block: each pair of adjacent word characters is one word; other characters keep their place. */
function bigramTokens(text: string): string {
  const chars = [...foldText(text)];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const n = chars[i + 1];
    if (!isWord(c)) out.push('·');
    else if (n && isWord(n)) out.push(code(c.codePointAt(0)!) + code(n.codePointAt(0)!));
    else out.push('·');
  }
  return out.join(' ');
}

function hanRuns(title: string): string[] {
  const out = new Set<string>();
  for (const run of title.match(/\p{Script=Han}+/gu) ?? []) {
    const cs = [...run];
    for (let n = 2; n <= 3; n++) for (let i = 0; i + n <= cs.length; i++) out.add(cs.slice(i, i + n).join(''));
  }
  return [...out];
}

async function pagefindIndex(docs: SearchDoc[], out: string, kind: 'jieba' | 'bigram'): Promise<number> {
  const pagefind = await import('pagefind');
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex(kind === 'jieba' ? { forceLanguage: 'zh' } : {});
  if (!index) throw new Error(errors.join('; '));
  try {
    const queue = docs.values();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (const d of queue) {
          const text = d.segments.map((s) => s.text);
          const content =
            kind === 'jieba'
              ? [...text, d.unit, hanRuns(d.title).join(' ')].join('\n')
              : d.segments.map((s) => bigramTokens(s.text)).join(' | ');
          const res = await index.addCustomRecord({
            url: `/${d.url}`,
            content,
            language: kind === 'jieba' ? 'zh' : 'ko',
            meta: { title: d.title, summary: d.summary },
          });
          if (res.errors.length) throw new Error(res.errors.join('; '));
        }
      }),
    );
    rmSync(out, { recursive: true, force: true });
    const w = await index.writeFiles({ outputPath: out });
    if (w.errors.length) throw new Error(w.errors.join('; '));
  } finally {
    await pagefind.close();
  }
  return (performance.now() - started) / 1000;
}

/* ------------------------------------------------------------------ queries */

interface Query {
  q: string;
  kind: string;
}

function names(content: string): string[] {
  const out = new Set<string>();
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (/\.mdx?$/.test(d.name)) {
        const data = matter(readFileSync(p, 'utf8')).data as { person?: { name?: string }; speakers?: { name?: string }[]; draft?: boolean };
        if (data.draft) continue;
        if (data.person?.name) out.add(data.person.name);
        for (const s of data.speakers ?? []) if (s.name) out.add(s.name);
      }
    }
  };
  walk(content);
  return [...out].filter((n) => /^\p{Script=Han}{2,8}$/u.test(n)).sort();
}

function makeQueries(lines: Map<string, string[]>, people: string[], count: number, seed = 13): Query[] {
  const { next: rand, pick } = rng(seed);
  const seg = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const all = [...lines.values()].flat().filter((l) => /\p{Script=Han}{4}/u.test(l));
  const words = (line: string) => [...seg.segment(line)].filter((s) => s.isWordLike).map((s) => s.segment);
  const han = (s: string) => /^\p{Script=Han}+$/u.test(s);
  const tags = [...new Set([...lines.values()].flat().flatMap((l) => l.match(/(?<=#)\p{Script=Han}{3,}/gu) ?? []))];
  const out = new Map<string, Query>();
  const add = (q: string, kind: string) => {
    if (!out.has(q)) out.set(q, { q, kind });
  };
  const per = Math.ceil(count / 8);
  const quota = (kind: string) => [...out.values()].filter((x) => x.kind === kind).length < per;
  for (let tries = 0; tries < count * 200 && out.size < count * 1.2; tries++) {
    const line = pick(all);
    const ws = words(line);
    const hw = ws.filter((w) => han(w));
    const k = tries % 8;
    if (k === 0 && quota('word')) {
      const w = hw.filter((x) => [...x].length >= 2 && [...x].length <= 4);
      if (w.length) add(pick(w), 'word');
    } else if (k === 1 && quota('sub-word')) {
      // Pieces of longer words: words of the text, tags, people's names.
      const w = [...hw, ...(rand() < 0.3 ? tags : []), ...(rand() < 0.2 ? people : [])].filter((x) => han(x) && [...x].length >= 3);
      if (w.length) {
        const cs = [...pick(w)];
        const n = 2 + Math.floor(rand() * (cs.length - 2));
        const i = Math.floor(rand() * (cs.length - n + 1));
        add(cs.slice(i, i + n).join(''), 'sub-word');
      }
    } else if (k === 2 && quota('cross-word')) {
      const i = Math.floor(rand() * (ws.length - 1));
      const a = ws[i];
      const b = ws[i + 1];
      if (a && b && han(a) && han(b) && line.includes(a + b)) {
        const ca = [...a];
        const cb = [...b];
        const left = ca.slice(-1 - Math.floor(rand() * Math.min(2, ca.length))).join('');
        const right = cb.slice(0, 1 + Math.floor(rand() * Math.min(2, cb.length))).join('');
        if ([...(left + right)].length >= 2) add(left + right, 'cross-word');
      }
    } else if (k === 3 && quota('phrase')) {
      const runs = line.match(/\p{Script=Han}{8,}/gu) ?? [];
      if (runs.length) {
        const cs = [...pick(runs)];
        const n = 5 + Math.floor(rand() * 4);
        const i = Math.floor(rand() * (cs.length - n + 1));
        add(cs.slice(i, i + n).join(''), 'phrase');
      }
    } else if (k === 4 && quota('name') && people.length) {
      add(pick(people), 'name');
    } else if (k === 5 && quota('absent')) {
      // Two real words side by side, or a real phrase with one character changed: checked below.
      const w = hw.filter((x) => [...x].length >= 2);
      if (w.length >= 2) {
        const q = rand() < 0.5 ? pick(w) + pick(w) : (() => {
          const cs = [...(line.match(/\p{Script=Han}{6,}/u)?.[0] ?? '')].slice(0, 4 + Math.floor(rand() * 5));
          if (cs.length < 4) return '';
          cs[1 + Math.floor(rand() * (cs.length - 2))] = pick([...pick(w)]);
          return cs.join('');
        })();
        if (q && [...q].length <= 8 && pagesHolding(lines, q).size === 0) add(q, 'absent');
      }
    } else if (k === 6 && quota('mixed')) {
      const latin = line.match(/[a-z0-9]+/g)?.filter((x) => x.length >= 2) ?? [];
      if (latin.length && hw.length) {
        let l = pick(latin);
        if (rand() < 0.3) l = l.toUpperCase();
        if (rand() < 0.2) l = [...l].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');
        add(rand() < 0.5 ? `${l} ${pick(hw)}` : `${pick(hw)} ${l}`, 'mixed');
      }
    } else if (k === 7 && quota('several')) {
      const w = hw.filter((x) => [...x].length >= 2);
      if (w.length >= 2) {
        const other = words(pick(all)).filter((x) => han(x) && [...x].length >= 2);
        add(`${pick(w)} ${rand() < 0.5 || !other.length ? pick(w) : pick(other)}`, 'several');
      }
    }
  }
  return [...out.values()].slice(0, Math.max(count, out.size));
}

/* ------------------------------------------------------------------ measuring in Chromium */

type Variant = 'red-columns' | 'pagefind-jieba' | 'pagefind-bigram';
const VARIANTS = (process.env.RED_BENCH_SEARCH_VARIANTS?.split(',') ?? ['red-columns', 'pagefind-jieba', 'pagefind-bigram']) as Variant[];

interface Run {
  urls: string[];
  bytes: number;
  ms: number;
  snippets: string[];
}

const ENGINE_FILE = '_bench/engine.js';

async function bundleEngine(dist: string): Promise<void> {
  const entry = path.join(WORK, 'engine-entry.ts');
  mkdirSync(WORK, { recursive: true });
  writeFileSync(
    entry,
    `import { browserSearch } from '${path.join(ROOT, 'src/lib/search/browser.ts')}';
import { snippet } from '${path.join(ROOT, 'src/lib/search/snippet.ts')}';
(window as any).redSearch = { browserSearch, snippet };
`,
  );
  await esbuild({ entryPoints: [entry], bundle: true, minify: true, format: 'iife', outfile: path.join(dist, ENGINE_FILE), logLevel: 'silent' });
}

/** One query in a fresh browser context (cold cache): the engine is loaded first, then timed. */
async function runQuery(browser: Browser, server: NginxServer, variant: Variant, q: string, urlOf: (id: string) => string): Promise<Run> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url('404.html'));
  const before = server.accessLog().length;
  const base = server.base;
  const r = await page.evaluate(
    async ([variant, q, base, top, engineFile]) => {
      const script = (src: string) =>
        new Promise<void>((ok, fail) => {
          const s = document.createElement('script');
          s.src = src;
          s.onload = () => ok();
          s.onerror = () => fail(new Error(src));
          document.head.append(s);
        });
      const fold = (s: string) => s.normalize('NFKC').toLowerCase();
      if (variant === 'red-columns') {
        await script(base + engineFile);
        const { browserSearch, snippet } = (window as any).redSearch;
        const engine = browserSearch(`${base}search-index/`);
        await engine.manifest();
        const t0 = performance.now();
        const res = await engine.search(q);
        const records = await Promise.all(res.hits.slice(0, top).map((h: { doc: number }) => engine.record(h.doc)));
        const snippets = records.map((rec: unknown) => snippet(rec, res.pieces).map((p: { text: string; mark: boolean }) => (p.mark ? `【${p.text}】` : p.text)).join(''));
        const ms = performance.now() - t0;
        return { ids: res.hits.map((h: { doc: number }) => String(h.doc)), ms, snippets };
      }
      const dir = variant === 'pagefind-jieba' ? '_bench/pagefind-jieba/' : '_bench/pagefind-bigram/';
      const pf = await import(/* @vite-ignore */ `${base}${dir}pagefind.js`);
      await pf.options({ baseUrl: base, excerptLength: 36 });
      await pf.init(); // loads the wasm and the metadata, as a search page does on load
      const t0 = performance.now();
      let results: { id: string; data(): Promise<{ url: string; excerpt: string }> }[];
      if (variant === 'pagefind-jieba') {
        results = (await pf.search(q)).results;
      } else {
        const code = (cp: number) => cp.toString(36).padStart(4, '0');
        const pieces = fold(q).split(/[^\p{L}\p{N}\p{M}]+/u).filter((p) => [...p].length >= 2);
        const lists = await Promise.all(
          pieces.map(async (p) => {
            const cs = [...p];
            const tokens = cs.slice(0, -1).map((c, i) => code(c.codePointAt(0)!) + code(cs[i + 1]!.codePointAt(0)!));
            return (await pf.search(`"${tokens.join(' ')}"`)).results as typeof results;
          }),
        );
        const keep = lists.slice(1).map((l) => new Set(l.map((x) => x.id)));
        results = (lists[0] ?? []).filter((x) => keep.every((s) => s.has(x.id)));
      }
      const data = await Promise.all(results.slice(0, top).map((x) => x.data()));
      const ms = performance.now() - t0;
      return { ids: results.map((x) => x.id), ms, snippets: data.map((d) => d.excerpt) };
    },
    [variant, q, base, TOP, ENGINE_FILE] as const,
  );
  await new Promise((ok) => setTimeout(ok, 30));
  // Bytes of this query: the engine, index files and the first results (what a reader's cold cache fetches).
  const log = server.accessLog().slice(before);
  const bytes = log
    .split('\n')
    .filter((l) => l.includes(`GET ${base}search-index/`) || l.includes(`GET ${base}_bench/`))
    .reduce((n, l) => n + Number(/" \d{3} (\d+) /.exec(l)?.[1] ?? 0), 0);
  await context.close();
  return { urls: r.ids.map(urlOf), ms: r.ms, snippets: r.snippets, bytes };
}

/** Result id → site-relative URL: page numbers of our index (newest first), Pagefind's fragment names. */
function urlMaps(docs: SearchDoc[], dist: string): Record<Variant, (id: string) => string> {
  const ours = [...docs].sort(docOrder).map((d) => d.url);
  const fragments = (dir: string) => {
    const m = new Map<string, string>();
    const f = path.join(dist, '_bench', dir, 'fragment');
    for (const name of readdirSync(f)) {
      const json = gunzipSync(readFileSync(path.join(f, name))).toString('utf8');
      m.set(name.replace(/\.pf_fragment$/, ''), (JSON.parse(json.slice(json.indexOf('{'))) as { url: string }).url.replace(/^\//, ''));
    }
    return (id: string) => m.get(id) ?? `?${id}`;
  };
  return { 'red-columns': (id) => ours[Number(id)]!, 'pagefind-jieba': fragments('pagefind-jieba'), 'pagefind-bigram': fragments('pagefind-bigram') };
}

/** The real search page: from Enter to the status line (engine loaded, index files cold). */
async function uiLatency(browser: Browser, server: NginxServer, q: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url('search/'));
  await page.locator('[data-search-status]').filter({ hasText: '请输入' }).waitFor();
  const ms = await page.evaluate(async (q) => {
    const input = document.querySelector<HTMLInputElement>('#search-q')!;
    const status = document.querySelector('[data-search-status]')!;
    input.value = q;
    const t0 = performance.now();
    const done = new Promise<number>((ok) => {
      new MutationObserver(() => {
        if (/找到|没有/.test(status.textContent ?? '')) ok(performance.now() - t0);
      }).observe(status, { childList: true, characterData: true, subtree: true });
    });
    input.form!.requestSubmit();
    return done;
  }, q);
  await context.close();
  return ms;
}

/* ------------------------------------------------------------------ report */

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

interface Score {
  tp: number;
  fp: number;
  fn: number;
  exact: number;
  n: number;
}

function score(results: Map<string, Set<string>>, truth: Map<string, Set<string>>, qs: Query[]): Score {
  const s: Score = { tp: 0, fp: 0, fn: 0, exact: 0, n: qs.length };
  for (const { q } of qs) {
    const got = results.get(q)!;
    const want = truth.get(q)!;
    let tp = 0;
    for (const u of got) if (want.has(u)) tp++;
    s.tp += tp;
    s.fp += got.size - tp;
    s.fn += want.size - tp;
    if (tp === got.size && tp === want.size) s.exact++;
  }
  return s;
}

const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '—');

async function measure(s: Site): Promise<void> {
  console.log(`\n## ${s.name}`);
  if (s.buildSeconds) console.log(`build: ${s.buildSeconds.toFixed(1)} s (npm run build, everything); ${s.indexLine}`);
  else console.log(s.indexLine);
  const docs = await readSearchDocs(s.dist);
  console.log(`${docs.length} indexed entries`);
  const tj = await pagefindIndex(docs, path.join(s.dist, '_bench/pagefind-jieba'), 'jieba');
  const tb = await pagefindIndex(docs, path.join(s.dist, '_bench/pagefind-bigram'), 'bigram');
  console.log(`baseline indexes (same text, pages already read): pagefind-jieba ${tj.toFixed(1)} s, pagefind-bigram ${tb.toFixed(1)} s`);
  await bundleEngine(s.dist);

  const server = await startNginx({ root: s.dist, base: s.base });
  const browser = await launchBrowser();
  try {
    const page: Page = await (await browser.newContext()).newPage();
    await page.goto(server.url('search/'));
    const entryUrls = docs.map((d) => d.url);
    const t0 = performance.now();
    const lines = await shownLines(page, entryUrls.map((u) => s.base + u));
    const shown = new Map([...lines].map(([u, l]) => [u.slice(s.base.length), l]));
    console.log(`truth: shown text of ${shown.size} pages read in Chromium in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const queries = makeQueries(shown, names(s.content), QUERIES);
    const truth = new Map(queries.map(({ q }) => [q, pagesHolding(shown, q)]));
    const kinds = [...new Set(queries.map((x) => x.kind))];
    console.log(`${queries.length} queries: ${kinds.map((k) => `${k} ${queries.filter((x) => x.kind === k).length}`).join(', ')}`);
    console.log(`  e.g. ${kinds.map((k) => queries.find((x) => x.kind === k)!.q).join(' | ')}`);

    console.log('\n| variant | precision | recall | exact queries | KB/query p50 / p95 / max | ms/query p50 / p95 / max |');
    console.log('|---|---|---|---|---|---|');
    const byVariant = new Map<Variant, Map<string, Run>>();
    const maps = urlMaps(docs, s.dist);
    for (const v of VARIANTS) {
      const runs = new Map<string, Run>();
      for (const { q } of queries) runs.set(q, await runQuery(browser, server, v, q, maps[v]));
      byVariant.set(v, runs);
      const results = new Map([...runs].map(([q, r]) => [q, new Set(r.urls)]));
      const sc = score(results, truth, queries);
      const kb = [...runs.values()].map((r) => r.bytes / 1024);
      const ms = [...runs.values()].map((r) => r.ms);
      console.log(
        `| ${v} | ${f2(sc.tp / (sc.tp + sc.fp))} | ${f2(sc.tp / (sc.tp + sc.fn))} | ${sc.exact}/${sc.n} | ${pct(kb, 50).toFixed(0)} / ${pct(kb, 95).toFixed(0)} / ${Math.max(...kb).toFixed(0)} | ${pct(ms, 50).toFixed(0)} / ${pct(ms, 95).toFixed(0)} / ${Math.max(...ms).toFixed(0)} |`,
      );
    }
    const slow = [...byVariant.get('red-columns')!].sort((a, b) => b[1].ms - a[1].ms).slice(0, 5);
    console.log(`\nslowest red-columns queries: ${slow.map(([q, r]) => `${q} ${r.ms.toFixed(0)} ms ${(r.bytes / 1024).toFixed(0)} KB`).join(' | ')}`);
    console.log('\nby kind (precision / recall / exact):');
    for (const k of kinds) {
      const qs = queries.filter((x) => x.kind === k);
      const cells = VARIANTS.map((v) => {
        const runs = byVariant.get(v)!;
        const sc = score(new Map(qs.map(({ q }) => [q, new Set(runs.get(q)!.urls)])), truth, qs);
        return `${v} ${f2(sc.tp / (sc.tp + sc.fp))}/${f2(sc.tp / (sc.tp + sc.fn))}/${sc.exact}`;
      });
      console.log(`  ${k.padEnd(10)} (${qs.length}): ${cells.join('  ')}`);
    }
    const ours = byVariant.get('red-columns')!;
    const wrong = queries.filter(({ q }) => {
      const got = new Set(ours.get(q)!.urls);
      const want = truth.get(q)!;
      return got.size !== want.size || [...got].some((u) => !want.has(u));
    });
    for (const { q } of wrong.slice(0, 10)) {
      const got = new Set(ours.get(q)!.urls);
      const want = truth.get(q)!;
      console.log(`  red-columns differs on “${q}”: extra ${[...got].filter((u) => !want.has(u)).slice(0, 3).join(' ')} missing ${[...want].filter((u) => !got.has(u)).slice(0, 3).join(' ')}`);
    }
    const sample = queries.filter((x) => truth.get(x.q)!.size > 0).slice(0, 4);
    console.log('\nsnippets (red-columns, first result):');
    for (const { q } of sample) console.log(`  ${q}: ${ours.get(q)!.snippets[0] ?? ''}`);
    const ui: number[] = [];
    for (const { q } of queries.filter((_, i) => i % Math.ceil(queries.length / UI_SAMPLE) === 0)) ui.push(await uiLatency(browser, server, q));
    console.log(`\nsearch page (${ui.length} queries, Enter → status line): p50 ${pct(ui, 50).toFixed(0)} ms, p95 ${pct(ui, 95).toFixed(0)} ms, max ${Math.max(...ui).toFixed(0)} ms`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

const sites: Site[] = [await site('sample (content/)', path.join(ROOT, 'content'), path.join(WORK, 'sample-dist'))];
if (ENTRIES > 0) {
  const dir = path.join(WORK, `corpus-${ENTRIES}`);
  if (!(REUSE && existsSync(path.join(dir, 'dist', 'search-index')))) generateCorpus({ dir: path.join(dir, 'content'), entries: ENTRIES, seed: 1 });
  sites.push(await site(`${ENTRIES.toLocaleString('en')} generated entries (scripts/bench/corpus.ts, seed 1)`, path.join(dir, 'content'), path.join(dir, 'dist')));
}
for (const s of sites) await measure(s);
console.log(`\nload average at end: ${load()}`);
