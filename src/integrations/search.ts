/**
 * Chinese search: after `astro build` writes the pages, read the shown text of every published
 * entry page (the ones with `data-search-body`; drafts and scheduled entries are never built in
 * production and carry `data-search-unlisted` in preview) and write the index the search page
 * reads (src/lib/search/). Index files are stored as raw DEFLATE, compressed on the thread pool.
 */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { deflateRaw } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { buildSearchIndex } from '../lib/search/build.ts';
import { indexFiles, type SearchDoc } from '../lib/search/model.ts';
import { POSTERS_DIR, SEARCH_INDEX_DIR } from '../lib/paths.ts';
import type { RedConfig } from '../config/settings.ts';
import { readPages } from './search-pages.ts';

const deflate = promisify(deflateRaw);

/** Folders of the built site that hold no pages. */
const NOT_PAGES = new Set(['_astro', POSTERS_DIR, 'media', SEARCH_INDEX_DIR]);

async function htmlFiles(root: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const d of await readdir(path.join(root, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory()) {
      if (!(rel === '' && NOT_PAGES.has(d.name))) out.push(...(await htmlFiles(root, r)));
    } else if (d.name.endsWith('.html')) out.push(r);
  }
  return out.sort();
}

/** Pages per worker below which one thread reads them all (starting a worker costs more). */
const PAGES_PER_WORKER = 500;

function inWorker(root: string, files: string[], cacheDir: string | undefined): Promise<SearchDoc[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./search-pages.ts', import.meta.url), { workerData: { searchPages: true, root, files, cacheDir } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`搜索索引：读取页面的线程退出（${code}）`)));
  });
}

/**
 * Read every indexed page of a built site (site-relative URLs, `index.html` dropped), on all cores;
 * with `cacheDir`, unchanged pages come from the cache (src/integrations/search-pages.ts).
 */
export async function readSearchDocs(root: string, cacheDir?: string): Promise<SearchDoc[]> {
  const files = await htmlFiles(root);
  const threads = Math.min(availableParallelism(), Math.floor(files.length / PAGES_PER_WORKER));
  if (threads < 2) return readPages(root, files, cacheDir);
  // Interleaved slices (big and small pages spread evenly): one read here, the others in workers.
  const slices = Array.from({ length: threads }, (_, i) => files.filter((_, k) => k % threads === i));
  return (await Promise.all(slices.map((s, i) => (i === 0 ? readPages(root, s, cacheDir) : inWorker(root, s, cacheDir))))).flat();
}

/** Build the index of a built site into `<root>/search-index/` (replacing the previous one). */
export async function writeSearchIndex(root: string, cacheDir?: string): Promise<{ docs: number; files: number; bytes: number; seconds: { read: number; index: number; write: number } }> {
  const t0 = performance.now();
  const docs = await readSearchDocs(root, cacheDir);
  const t1 = performance.now();
  const built = buildSearchIndex(docs);
  const t2 = performance.now();
  const target = path.join(root, SEARCH_INDEX_DIR);
  const temp = `${target}.tmp-${process.pid}`;
  await rm(temp, { recursive: true, force: true });
  const entries = [...built.files];
  const dirs = new Set(entries.map(([p]) => path.dirname(path.join(temp, p))));
  for (const d of dirs) await mkdir(d, { recursive: true });
  let bytes = 0;
  // A few at a time: zlib runs on libuv's thread pool, so both cores compress.
  const queue = entries.values();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (const [p, raw] of queue) {
        const out = indexFiles.compressed(p) ? await deflate(raw) : raw;
        bytes += out.length;
        await writeFile(path.join(temp, p), out);
      }
    }),
  );
  await rm(target, { recursive: true, force: true });
  await rename(temp, target);
  const s = (ms: number) => Math.round(ms / 100) / 10;
  return { docs: docs.length, files: entries.length, bytes, seconds: { read: s(t1 - t0), index: s(t2 - t1), write: s(performance.now() - t2) } };
}

/** The line a build prints about the index it wrote. */
export function searchIndexLine({ docs, files, bytes, seconds: t }: Awaited<ReturnType<typeof writeSearchIndex>>): string {
  return (
    `已为 ${docs} 篇内容建立站内搜索索引（${SEARCH_INDEX_DIR}/，${files} 个文件，${(bytes / 1024 / 1024).toFixed(1)} MB；` +
    `读页面 ${t.read} 秒，建索引 ${t.index} 秒，压缩写入 ${t.write} 秒）`
  );
}

/**
 * The index is written after the pages; `cacheDir` keeps what each page holds across builds.
 * Under `npm run build` (`searchLater`) the CLI writes it once Astro has exited instead.
 */
export function searchIntegration({ cacheDir, searchLater }: Pick<RedConfig, 'cacheDir' | 'searchLater'>): AstroIntegration {
  return {
    name: 'red-columns:search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (searchLater) return;
        logger.info(searchIndexLine(await writeSearchIndex(fileURLToPath(dir), cacheDir)));
      },
    },
  };
}
