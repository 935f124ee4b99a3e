/**
 * Reads the shown text of built entry pages for the search index (src/lib/search/extract.ts).
 * Run inline, or as a worker thread on a slice of the pages (src/integrations/search.ts spreads
 * the pages over the cores: parsing HTML is most of the indexing time).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fromHtml } from 'hast-util-from-html';
import { extractPage } from '../lib/search/extract.ts';
import type { SearchDoc } from '../lib/search/model.ts';

/** The indexed pages among `files` (paths relative to `root`), with site-relative URLs. */
export async function readPages(root: string, files: string[]): Promise<SearchDoc[]> {
  const docs: SearchDoc[] = [];
  for (const rel of files) {
    const html = await readFile(path.join(root, rel), 'utf8');
    // Cheap test before parsing: most pages (lists, archives) are not entries.
    if (!html.includes('data-search-body')) continue;
    const page = extractPage(fromHtml(html));
    if (!page) continue;
    docs.push({ ...page.meta, url: rel.replace(/(^|\/)index\.html$/, '$1'), title: page.title, segments: page.segments });
  }
  return docs;
}

if (!isMainThread && (workerData as { searchPages?: boolean } | null)?.searchPages) {
  const { root, files } = workerData as { root: string; files: string[] };
  parentPort!.postMessage(await readPages(root, files));
}
