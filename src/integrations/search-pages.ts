/**
 * Reads the shown text of built entry pages for the search index (src/lib/search/extract.ts).
 * Run inline, or as a worker thread on a slice of the pages (src/integrations/search.ts spreads
 * the pages over the cores: parsing HTML is most of the indexing time).
 *
 * With a cache folder, what a page holds is kept under the hash of the page's bytes and of the
 * search code (every file of src/lib/search/), so a warm build parses only the pages that changed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fromHtml } from 'hast-util-from-html';
import { hashKey, readCached, writeAtomic } from '../lib/file-cache.ts';
import { extractPage, type ExtractedPage } from '../lib/search/extract.ts';
import type { SearchDoc } from '../lib/search/model.ts';

let codeKey: string | undefined;
/** Hash of the search code: a change to any of it makes every page be read again. */
function searchCodeKey(): string {
  if (codeKey) return codeKey;
  const dir = fileURLToPath(new URL('../lib/search/', import.meta.url));
  const files = readdirSync(dir).sort();
  codeKey = hashKey([fileURLToPath(import.meta.url), readFileSync(fileURLToPath(import.meta.url)), ...files.flatMap((f) => [f, readFileSync(path.join(dir, f))])]);
  return codeKey;
}

/** What a page holds for search (undefined: not indexed), read from the cache when it is there. */
function pageContent(html: string, cacheDir: string | undefined): ExtractedPage | undefined {
  if (!cacheDir) return extractPage(fromHtml(html));
  const key = hashKey([searchCodeKey(), html], 32);
  const file = path.join(cacheDir, 'red-search-pages', key.slice(0, 2), `${key}.json`);
  const hit = readCached(file);
  if (hit) return (JSON.parse(hit.toString('utf8')) as { page: ExtractedPage | null }).page ?? undefined;
  const page = extractPage(fromHtml(html));
  writeAtomic(file, Buffer.from(JSON.stringify({ page: page ?? null })));
  return page;
}

/** The indexed pages among `files` (paths relative to `root`), with site-relative URLs. */
export async function readPages(root: string, files: string[], cacheDir?: string): Promise<SearchDoc[]> {
  const docs: SearchDoc[] = [];
  for (const rel of files) {
    const html = await readFile(path.join(root, rel), 'utf8');
    // Cheap test before parsing: most pages (lists, archives) are not entries.
    if (!html.includes('data-search-body')) continue;
    const page = pageContent(html, cacheDir);
    if (!page) continue;
    docs.push({ ...page.meta, url: rel.replace(/(^|\/)index\.html$/, '$1'), title: page.title, segments: page.segments });
  }
  return docs;
}

if (!isMainThread && (workerData as { searchPages?: boolean } | null)?.searchPages) {
  const { root, files, cacheDir } = workerData as { root: string; files: string[]; cacheDir?: string };
  parentPort!.postMessage(await readPages(root, files, cacheDir));
}
