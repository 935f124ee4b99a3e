/**
 * Scale: builds generated content folders (scripts/bench/corpus.ts) with red-columns and with a
 * bare Astro project that renders the same Markdown with one `[...slug].astro` page, in the same
 * run, and prints wall time, peak memory and the ratios. Then, at the largest size: a warm rebuild
 * after editing one entry's text, and `npm run dev` time to first page and edit-visible latency.
 *
 *   npm run bench -- scale 500 2000          sizes (default 500 2000)
 *   npm run bench -- scale 2000 --profile    also CPU-profile the astro build (node --cpu-prof)
 *   npm run bench -- scale 2000 --profile-cached   CPU-profile the cold build with the drawings cached instead
 *   npm run bench -- scale 2000 --heap-prof  instead, what is still allocated at the end (node --heap-prof)
 *   options: --seed N  --no-bare  --unified (also bare + unified() processor)  --no-warm  --no-dev
 *            --dev N (size for the dev figures; default the largest size)  --dev-only  --keep (keep the folders)
 *
 * Every build is cold: a fresh output folder and a fresh cache folder of its own.
 * Folders: test-results/bench-scale/ (inside the project: Astro keeps prerender chunks beside it).
 * Timing figures are only comparable within one run; the load average is printed with them.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { generateCorpus, type Corpus, type CorpusEntry } from './corpus.ts';
import { gb, largestFile, largestProfile, load, measure, sec, summarizeHeapProfile, summarizeProfile, type Measured } from './measure.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WORK = path.join(ROOT, 'test-results', 'bench-scale');
const ASTRO = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const optValues = new Set(['seed', 'dev', 'malloc-arenas'].map((n) => opt(n)).filter(Boolean));
const sizes = argv.filter((a) => /^\d+$/.test(a) && !optValues.has(a)).map(Number);
if (sizes.length === 0) sizes.push(500, 2000);
const seed = Number(opt('seed') ?? 1);
const devSize = Number(opt('dev') ?? Math.max(...sizes));

/** Environment without what npm/vitest add that would change a child build. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
  for (const k of ['NODE_ENV', 'RED_PREVIEW', 'RED_TODAY', 'RED_OUT_DIR', 'RED_CACHE_DIR', 'RED_CONTENT_DIR', 'NODE_OPTIONS']) if (!(k in extra)) delete env[k];
  return env;
}

const logFile = path.join(WORK, 'scale.log');
function log(name: string, m: Measured) {
  appendFileSync(logFile, `\n===== ${name} (exit ${m.status}, ${sec(m.ms)})\n${m.output}`);
  if (m.status !== 0) {
    console.error(m.output.slice(-4000));
    throw new Error(`${name} failed (exit ${m.status}); log in ${logFile}`);
  }
}

/** Astro's own phase lines ("Completed in", pages built), to see where the time goes. */
function phases(output: string): string {
  const lines = output.split('\n').map((l) => l.replace(/\x1b\[[0-9;]*m/g, ''));
  const keep = lines.filter((l) => /Completed in|pages? built|Collecting build info|generating static routes|building client|Rearranging|已为|已生成|已复制|Syncing content|Synced content/i.test(l));
  return keep.map((l) => `      ${l.trim()}`).join('\n');
}

/* ------------------------------------------------------------ red-columns */

function redBuild(content: string, dir: string, profileDir?: string, cacheName = 'cache-red', outName = 'dist-red'): Promise<Measured> {
  const out = path.join(dir, outName);
  const cache = path.join(dir, cacheName);
  // --verbose: Astro's own lines (phases, per-page times) are what the bench reads.
  return measure('npm', ['run', '--silent', 'build', '--', '--verbose'], {
    cwd: ROOT,
    env: cleanEnv({
      RED_CONTENT_DIR: content,
      RED_OUT_DIR: out,
      RED_CACHE_DIR: cache,
      ...(profileDir ? { NODE_OPTIONS: flag('heap-prof') ? `--heap-prof --heap-prof-dir=${profileDir}` : `--cpu-prof --cpu-prof-dir=${profileDir}` } : {}),
      ...(opt('malloc-arenas') ? { MALLOC_ARENA_MAX: opt('malloc-arenas')! } : {}),
      ...(flag('memlog') ? { NODE_OPTIONS: `--import=${path.join(import.meta.dirname, 'memlog.mjs')}`, RED_BENCH_MEMLOG: path.join(dir, 'memlog.txt') } : {}),
    }),
  });
}

/** From the memory log: RSS, V8 heap and buffers of the astro process at its RSS peak. */
function memorySummary(file: string): string {
  if (!existsSync(file)) return '      (no memory log)';
  const rows = readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split(' ').map(Number));
  const peak = rows.reduce((a, b) => (b[1]! > a[1]! ? b : a));
  const heapPeak = rows.reduce((a, b) => (b[2]! > a[2]! ? b : a));
  const at = (r: number[]) => new Date(r[0]!).toTimeString().slice(0, 8);
  return (
    `      astro process at its RSS peak (${at(peak)}): RSS ${gb(peak[1]!)}, V8 heap used ${gb(peak[2]!)} of ${gb(peak[3]!)}, external ${gb(peak[4]!)} (array buffers ${gb(peak[5]!)}); ` +
    `most V8 heap used ${gb(heapPeak[2]!)} at ${at(heapPeak)}`
  );
}

/** Seconds between the last page line and the Pagefind line (log timestamps, whole seconds). */
function searchSeconds(output: string): string | undefined {
  const clean = output.replace(/\x1b\[[0-9;]*m/g, '');
  const before = [...clean.matchAll(/^(\d\d):(\d\d):(\d\d) \[red-columns:(?:posters|media)\]/gm)].at(-1);
  const after = /^(\d\d):(\d\d):(\d\d) \[red-columns:search\]/m.exec(clean);
  if (!before || !after) return undefined;
  const t = (m: RegExpMatchArray) => Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  return `about ${t(after) - t(before)} s`;
}

/* ------------------------------------------------------------ bare Astro */

const BARE = path.join(WORK, 'bare-project');
function writeBareProject(): void {
  rmSync(BARE, { recursive: true, force: true });
  mkdirSync(path.join(BARE, 'src/pages'), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(BARE, 'node_modules'), 'dir');
  writeFileSync(path.join(BARE, 'package.json'), '{ "name": "bare-astro", "private": true, "type": "module" }\n');
  writeFileSync(
    path.join(BARE, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
export default defineConfig({
  base: '/dangjian/',
  outDir: process.env.BARE_OUT_DIR,
  cacheDir: process.env.BARE_CACHE_DIR,
  markdown: process.env.BARE_UNIFIED ? { syntaxHighlight: false, processor: unified() } : {},
  devToolbar: { enabled: false },
});
`,
  );
  writeFileSync(
    path.join(BARE, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
const root = process.env.BARE_CONTENT_DIR;
const column = (c: string) => defineCollection({ loader: glob({ base: \`\${root}/\${c}\`, pattern: ['*.md', '*/index.md'] }) });
export const collections = { 'one-picture': column('one-picture'), salon: column('salon'), highlights: column('highlights'), videos: column('videos') };
`,
  );
  writeFileSync(
    path.join(BARE, 'src/pages/[...slug].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  const all = (await Promise.all((['one-picture', 'salon', 'highlights', 'videos'] as const).map((c) => getCollection(c)))).flat();
  return all.map((entry) => ({ params: { slug: \`\${entry.collection}/\${entry.id}\` }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="zh-CN"><head><meta charset="utf-8"><title>{entry.data.title}</title></head>
<body><h1>{entry.data.title}</h1><Content /></body></html>
`,
  );
}

function bareBuild(content: string, dir: string, unifiedProcessor: boolean): Promise<Measured> {
  const name = unifiedProcessor ? 'bare-unified' : 'bare';
  return measure(process.execPath, [ASTRO, 'build'], {
    cwd: BARE,
    env: cleanEnv({
      BARE_CONTENT_DIR: content,
      BARE_OUT_DIR: path.join(dir, `dist-${name}`),
      BARE_CACHE_DIR: path.join(dir, `cache-${name}`),
      ...(unifiedProcessor ? { BARE_UNIFIED: '1' } : {}),
    }),
  });
}

/* ------------------------------------------------------------ edits */

/**
 * The entry whose text the warm-rebuild and dev figures edit: a plain highlight with a `slug:`
 * field (so that the bare project, which takes the slug field too, serves it at the same URL).
 */
function editTarget(corpus: Corpus): CorpusEntry {
  return corpus.entries.find((e) => e.column === 'highlights' && e.images.length === 0 && e.file.endsWith('.md') && e.slug.startsWith('hl-'))!;
}
function editText(content: string, e: CorpusEntry, marker: string): void {
  const file = path.join(content, e.file);
  writeFileSync(file, readFileSync(file, 'utf8').trimEnd() + `\n\n编辑后补充的一段话：${marker}。\n`);
}

/* ------------------------------------------------------------ dev */

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function fetchText(url: string): Promise<{ status: number; text: string } | undefined> {
  try {
    const r = await fetch(url, { headers: { accept: 'text/html' }, signal: AbortSignal.timeout(120_000) });
    return { status: r.status, text: await r.text() };
  } catch {
    return undefined;
  }
}

interface DevSite {
  name: string;
  cwd: string;
  env: (content: string, cache: string) => Record<string, string>;
}
const RED_DEV: DevSite = { name: 'red-columns', cwd: ROOT, env: (content, cache) => ({ RED_CONTENT_DIR: content, RED_CACHE_DIR: cache }) };
const BARE_DEV: DevSite = { name: 'bare Astro', cwd: BARE, env: (content, cache) => ({ BARE_CONTENT_DIR: content, BARE_CACHE_DIR: cache }) };

/** `astro dev` of one site on a copy of the corpus: time to the first entry page, then edit → visible. */
async function devFigures(site: DevSite, corpusDir: string, dir: string, corpus: Corpus): Promise<string[]> {
  const { spawn } = await import('node:child_process');
  // Vite's watcher ignores **/test-results/**: the dev server gets a copy outside the project.
  const content = path.join(mkdtempSync(path.join(os.tmpdir(), 'red-scale-dev-')), 'content');
  cpSync(corpusDir, content, { recursive: true });
  const port = await freePort();
  const cache = path.join(dir, `cache-dev-${site.name.replace(/\W+/g, '-')}`);
  rmSync(cache, { recursive: true, force: true });
  const target = editTarget(corpus);
  const url = `http://127.0.0.1:${port}/dangjian/highlights/${encodeURIComponent(target.slug)}/`;
  const t0 = performance.now();
  const child = spawn(process.execPath, [ASTRO, 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: site.cwd,
    env: cleanEnv(site.env(content, cache)),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (b: Buffer) => (output += b));
  child.stderr.on('data', (b: Buffer) => (output += b));
  const lines: string[] = [];
  const label = `dev ${site.name} (${corpus.entries.length} entries)`;
  try {
    let first: number | undefined;
    let readyAt: number | undefined;
    while (performance.now() - t0 < 600_000) {
      if (readyAt === undefined && /Local\s/.test(output)) readyAt = performance.now() - t0;
      const r = await fetchText(url);
      if (r?.status === 200 && r.text.includes(target.title)) {
        first = performance.now() - t0;
        break;
      }
      await new Promise((res) => setTimeout(res, 200));
    }
    if (first === undefined) throw new Error(`dev server never served ${url}\n${output.slice(-3000)}`);
    let t = performance.now();
    await fetchText(url);
    const again = performance.now() - t;
    lines.push(`${label}: server ready ${readyAt !== undefined ? sec(readyAt) : '?'}, first entry page ${sec(first)} [goal ≤ 10 s], same page again ${(again / 1000).toFixed(2)} s; ${load()}`);
    if (site === RED_DEV) {
      const others: string[] = [];
      for (const [name, p] of [['unit page', 'units/nb-committee/'], ['column page', 'highlights/'], ['home', ''], ['forest', 'forest/']] as const) {
        t = performance.now();
        const r = await fetchText(`http://127.0.0.1:${port}/dangjian/${p}`);
        others.push(`${name} ${((performance.now() - t) / 1000).toFixed(2)} s${r?.status === 200 ? '' : ` (HTTP ${r?.status})`}`);
      }
      lines.push(`${label}: first request of ${others.join(', ')}`);
    }
    // Edit → visible, three times.
    const latencies: number[] = [];
    for (let k = 1; k <= 3; k++) {
      const marker = `改动标记${k}${Date.now()}`;
      t = performance.now();
      editText(content, target, marker);
      let seen: number | undefined;
      while (performance.now() - t < 60_000) {
        const r = await fetchText(url);
        if (r?.text.includes(marker)) {
          seen = performance.now() - t;
          break;
        }
        await new Promise((res) => setTimeout(res, 25));
      }
      latencies.push(seen ?? Infinity);
      await new Promise((res) => setTimeout(res, 1500));
    }
    lines.push(`${label}: edit visible (page re-fetched until the new text shows) ${latencies.map((l) => `${(l / 1000).toFixed(2)} s`).join(', ')} [goal ≤ 1 s]; ${load()}`);
  } finally {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* gone */
    }
    appendFileSync(logFile, `\n===== dev ${site.name}\n${output}`);
    rmSync(path.dirname(content), { recursive: true, force: true });
  }
  return lines;
}

async function allDevFigures(corpusDir: string, dir: string, corpus: Corpus): Promise<string[]> {
  const lines = await devFigures(RED_DEV, corpusDir, dir, corpus);
  if (!flag('no-bare')) lines.push(...(await devFigures(BARE_DEV, corpusDir, dir, corpus)));
  return lines;
}

/* ------------------------------------------------------------ main */

mkdirSync(WORK, { recursive: true });
writeFileSync(logFile, `scale bench ${new Date().toISOString()} sizes ${sizes.join(' ')} seed ${seed}\n`);
const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
console.log(`scale: sizes ${sizes.join(', ')}; seed ${seed}; ${uptime()}`);
if (!flag('no-bare') || flag('dev-only')) writeBareProject();

const rows: { n: number; red: Measured; bare?: Measured; bareU?: Measured }[] = [];
const report: string[] = [];
for (const n of sizes) {
  const dir = path.join(WORK, `c${n}`);
  rmSync(dir, { recursive: true, force: true });
  const content = path.join(dir, 'content');
  const corpus = generateCorpus({ dir: content, entries: n, seed });
  const profileDir = flag('profile') || flag('heap-prof') ? path.join(dir, 'profile') : undefined;
  if (flag('dev-only')) {
    if (n === devSize) for (const l of await allDevFigures(content, dir, corpus)) console.log(l);
    continue;
  }
  const red = await redBuild(content, dir, profileDir);
  log(`red ${n}`, red);
  const pages = Number(/(\d+) page\(s\) built/.exec(red.output)?.[1] ?? NaN);
  console.log(`\n${n} entries (${pages} pages) — red-columns cold: ${sec(red.ms)} wall, ${sec(red.cpuMs)} CPU, peak ${gb(red.peakTree)} (largest process ${gb(red.peakOne)} at ${red.peakOneAt}); ${load()}`);
  console.log(phases(red.output));
  if (flag('memlog')) console.log(memorySummary(path.join(dir, 'memlog.txt')));
  const row: (typeof rows)[number] = { n, red };
  if (!flag('no-bare')) {
    row.bare = await bareBuild(content, dir, false);
    log(`bare ${n}`, row.bare);
    console.log(`${n} entries — bare Astro: ${sec(row.bare.ms)} wall, ${sec(row.bare.cpuMs)} CPU, peak ${gb(row.bare.peakTree)}; ratio ${(red.ms / row.bare.ms).toFixed(2)}× wall, ${(red.cpuMs / row.bare.cpuMs).toFixed(2)}× CPU, ${(red.peakTree / row.bare.peakTree).toFixed(2)}× memory; ${load()}`);
    console.log(phases(row.bare.output));
    if (flag('unified')) {
      row.bareU = await bareBuild(content, dir, true);
      log(`bare-unified ${n}`, row.bareU);
      console.log(`${n} entries — bare Astro + unified(): ${sec(row.bareU.ms)} wall, ${sec(row.bareU.cpuMs)} CPU, peak ${gb(row.bareU.peakTree)}; red/this ${(red.ms / row.bareU.ms).toFixed(2)}× wall, ${(red.cpuMs / row.bareU.cpuMs).toFixed(2)}× CPU; ${load()}`);
    }
  }
  rows.push(row);
  if (profileDir) {
    const p = largestProfile(profileDir);
    if (p) console.log(summarizeProfile(p));
    const h = largestFile(profileDir, '.heapprofile');
    if (h) console.log(summarizeHeapProfile(h));
  }

  const searchLine = searchSeconds(red.output);
  if (searchLine) console.log(`      Pagefind indexing (after the pages): ${searchLine}`);
  if (n === Math.max(...sizes) && !flag('no-warm')) {
    // The same cold build with only our drawings (posters, tree/forest PNGs, kit zips and images) cached:
    // what the rest of red-columns costs, and so what the drawings cost.
    const drawingsCache = path.join(dir, 'cache-drawings');
    rmSync(drawingsCache, { recursive: true, force: true });
    for (const sub of ['red-posters', 'red-images', 'red-kits', 'red-kit-images']) {
      if (existsSync(path.join(dir, 'cache-red', sub))) cpSync(path.join(dir, 'cache-red', sub), path.join(drawingsCache, sub), { recursive: true });
    }
    const cachedProfileDir = flag('profile-cached') ? path.join(dir, 'profile-cached') : undefined;
    // Into a new output folder, as the cold build: replacing an existing one costs the removal of the old one.
    const pagesOnly = await redBuild(content, dir, cachedProfileDir, 'cache-drawings', 'dist-red-cached');
    rmSync(path.join(dir, 'dist-red-cached'), { recursive: true, force: true });
    log(`red ${n} drawings cached`, pagesOnly);
    if (cachedProfileDir) {
      const p = largestProfile(cachedProfileDir);
      if (p) console.log(summarizeProfile(p, 40));
    }
    const bareRef = row.bare ? `; ${(pagesOnly.ms / row.bare.ms).toFixed(2)}× bare wall, ${(pagesOnly.cpuMs / row.bare.cpuMs).toFixed(2)}× bare CPU` : '';
    const drawLine =
      `${n} entries — cold with the drawings already cached: ${sec(pagesOnly.ms)} wall, ${sec(pagesOnly.cpuMs)} CPU${bareRef}; ` +
      `so the drawings cost ${sec(red.cpuMs - pagesOnly.cpuMs)} CPU of the cold build; ${load()}`;
    console.log(drawLine);
    report.push(drawLine);
    editText(content, editTarget(corpus), `warm${Date.now()}`);
    const warm = await redBuild(content, dir);
    log(`red ${n} warm`, warm);
    const line = `${n} entries — warm rebuild after editing one entry's text: ${sec(warm.ms)} wall = ${((100 * warm.ms) / red.ms).toFixed(0)}% of cold, ${sec(warm.cpuMs)} CPU = ${((100 * warm.cpuMs) / red.cpuMs).toFixed(0)}% of cold [goal ≤ 15%]; ${load()}`;
    console.log(line);
    console.log(phases(warm.output));
    report.push(line);
  }
  if (n === devSize && !flag('no-dev')) {
    const lines = await allDevFigures(content, dir, corpus);
    for (const l of lines) console.log(l);
    report.push(...lines);
  }
  if (!flag('keep')) for (const sub of ['dist-red', 'dist-bare', 'dist-bare-unified']) rmSync(path.join(dir, sub), { recursive: true, force: true });
}

console.log(`\nsummary (${uptime()}):`);
console.log('entries | red-columns wall / CPU | bare Astro wall / CPU | ratio wall / CPU | red peak | bare peak');
for (const r of rows) {
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  console.log(
    `${r.n} | ${sec(r.red.ms)} / ${sec(r.red.cpuMs)} | ${r.bare ? `${sec(r.bare.ms)} / ${sec(r.bare.cpuMs)}` : '–'} | ${r.bare ? `${ratio(r.red.ms, r.bare.ms)} / ${ratio(r.red.cpuMs, r.bare.cpuMs)}` : '–'} | ${gb(r.red.peakTree)} | ${r.bare ? gb(r.bare.peakTree) : '–'}` +
      (r.bareU ? ` | bare+unified ${sec(r.bareU.ms)} / ${sec(r.bareU.cpuMs)} (${ratio(r.red.ms, r.bareU.ms)} / ${ratio(r.red.cpuMs, r.bareU.cpuMs)})` : ''),
  );
}
if (rows.length >= 2) {
  const a = rows[0]!;
  const b = rows.at(-1)!;
  console.log(
    `growth: ${b.n / a.n}× entries → red ${(b.red.ms / a.red.ms).toFixed(2)}× wall, ${(b.red.cpuMs / a.red.cpuMs).toFixed(2)}× CPU` +
      `${a.bare && b.bare ? `; bare ${(b.bare.ms / a.bare.ms).toFixed(2)}× wall, ${(b.bare.cpuMs / a.bare.cpuMs).toFixed(2)}× CPU` : ''}  [goal: 4× entries ≤ 4.4× time]`,
  );
}
for (const l of report) console.log(l);
console.log(`logs: ${path.relative(ROOT, logFile)}`);
