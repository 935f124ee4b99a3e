/**
 * Page weight: per page type, the first load of HTML + CSS + JS (images, video and fonts
 * aside), each file compressed as a server would send it (gzip -6 and brotli q11), summed.
 * JS counts the page's module scripts and the chunks they import statically; code loaded
 * only on demand (Pagefind on the search page) is reported separately.
 *
 * Reads RED_BENCH_DIST (a built site) or builds content/ into test-results/bench-dist.
 * Target: entry pages ≤ 30 KB; pages that need no JavaScript ship none.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { readSettings } from '../../src/config/settings.ts';
import { benchDist } from '../bench-dist.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TARGET = 30 * 1024;
const dist = benchDist();
const base = readSettings(path.join(ROOT, 'content')).base;

const gz = (b: Buffer) => gzipSync(b, { level: 6 }).length;
const br = (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

function fileFor(url: string): string {
  const p = decodeURIComponent(url.split(/[?#]/)[0]!);
  return path.join(dist!, p.startsWith(base) ? p.slice(base.length) : p);
}

/** A JS file and every chunk it imports statically (not `import()`). */
function jsClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || !existsSync(file)) return seen;
  seen.add(file);
  const src = readFileSync(file, 'utf8');
  for (const m of src.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
    jsClosure(path.resolve(path.dirname(file), m[1]!), seen);
  }
  return seen;
}

interface Weight {
  html: [number, number];
  css: [number, number];
  js: [number, number];
  raw: number;
  scripts: number;
}

function weigh(rel: string): Weight {
  const htmlBuf = readFileSync(path.join(dist!, rel));
  const doc = parse(htmlBuf.toString('utf8'));
  const w: Weight = { html: [gz(htmlBuf), br(htmlBuf)], css: [0, 0], js: [0, 0], raw: htmlBuf.length, scripts: 0 };
  const add = (key: 'css' | 'js', buf: Buffer) => {
    w[key][0] += gz(buf);
    w[key][1] += br(buf);
    w.raw += buf.length;
  };
  for (const l of doc.querySelectorAll('link[rel=stylesheet]')) add('css', readFileSync(fileFor(l.getAttribute('href')!)));
  const js = new Set<string>();
  for (const s of doc.querySelectorAll('script')) {
    const src = s.getAttribute('src');
    const type = s.getAttribute('type');
    if (type && type !== 'module' && type !== 'text/javascript') continue; // JSON-LD etc.
    w.scripts++;
    if (src) for (const f of jsClosure(fileFor(src))) js.add(f);
    else {
      add('js', Buffer.from(s.rawText));
      for (const m of s.rawText.matchAll(/import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) for (const f of jsClosure(fileFor(m[1]!))) js.add(f);
    }
  }
  for (const f of js) add('js', readFileSync(f));
  return w;
}

function allHtml(rel = ''): string[] {
  return readdirSync(path.join(dist!, rel), { withFileTypes: true }).flatMap((d) => {
    const r = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory()) return ['search-index', '_astro', '_posters', 'media'].includes(r) ? [] : allHtml(r);
    return d.name.endsWith('.html') ? [r] : [];
  });
}

const pages = allHtml();
const isEntry = (p: string) => readFileSync(path.join(dist!, p), 'utf8').includes('data-search-body');
const types: [string, string[]][] = [
  ['home', ['index.html']],
  ['column index', pages.filter((p) => /^[a-z-]+\/index\.html$/.test(p) && !/^(archive|tags|units|search)\//.test(p))],
  ['entry: one-picture', pages.filter((p) => p.startsWith('one-picture/') && isEntry(p))],
  ['entry: salon', pages.filter((p) => p.startsWith('salon/') && isEntry(p))],
  ['entry: highlights', pages.filter((p) => p.startsWith('highlights/') && isEntry(p))],
  ['entry: videos', pages.filter((p) => p.startsWith('videos/') && isEntry(p))],
  ['units', ['units/index.html']],
  ['unit', pages.filter((p) => /^units\/[^/]+\/index\.html$/.test(p))],
  ['archive', pages.filter((p) => p.startsWith('archive/') || /^units\/[^/]+\/archive\//.test(p))],
  ['tags', pages.filter((p) => p.startsWith('tags/'))],
  ['search', ['search/index.html']],
  ['404', ['404.html']],
];

const kb = (n: number) => (n / 1024).toFixed(1).padStart(6);
console.log(`site: ${path.relative(ROOT, dist) || dist}  (KB, compressed per file; worst page of each type)`);
console.log('type                 pages |  html gz   css gz    js gz  TOTAL gz | TOTAL br | scripts | ≤30KB');
let entryWorst = 0;
for (const [name, list] of types) {
  const existing = list.filter((p) => existsSync(path.join(dist, p)));
  if (existing.length === 0) continue;
  const ws = existing.map((p) => ({ p, w: weigh(p) }));
  const total = (w: Weight, i: 0 | 1) => w.html[i] + w.css[i] + w.js[i];
  const worst = ws.reduce((a, b) => (total(b.w, 0) > total(a.w, 0) ? b : a));
  const w = worst.w;
  if (name.startsWith('entry')) entryWorst = Math.max(entryWorst, total(w, 0), total(w, 1));
  const ok = total(w, 0) <= TARGET ? 'yes' : 'NO';
  console.log(
    `${name.padEnd(20)} ${String(existing.length).padStart(5)} | ${kb(w.html[0])}   ${kb(w.css[0])}   ${kb(w.js[0])}    ${kb(total(w, 0))} |   ${kb(total(w, 1))} | ${String(w.scripts).padStart(7)} | ${ok}   (${worst.p})`,
  );
}
// On demand: what the search page fetches before its first query (its engine is in its own JS above).
const manifest = path.join(dist, 'search-index', 'meta.json');
if (existsSync(manifest)) {
  console.log(`search on demand: index manifest ${kb(gz(readFileSync(manifest)))} KB gz, plus the index files of each query (npm run bench -- search)`);
}
console.log(`worst entry page first load: ${(entryWorst / 1024).toFixed(1)} KB (target ${TARGET / 1024} KB)`);
