/**
 * The search engine in the browser: index files fetched from the site (under its base path)
 * and inflated with fflate. The manifest is revalidated on every visit; every other file
 * carries the manifest's id in its URL, so a rebuilt site never mixes old and new files.
 */
import { inflateSync } from 'fflate';
import { SearchEngine } from './engine.ts';
import { indexFiles, type SearchManifest } from './model.ts';

/** @param indexUrl URL of the index folder, with a trailing slash (e.g. `/dangjian/search-index/`). */
export function browserSearch(indexUrl: string): SearchEngine {
  let id = '';
  return new SearchEngine({
    async manifest() {
      const res = await fetch(indexUrl + indexFiles.manifest, { cache: 'no-cache' });
      if (!res.ok) throw new Error(`${res.status} ${res.url}`);
      const m = (await res.json()) as SearchManifest;
      id = m.id;
      return m;
    },
    async file(path) {
      const res = await fetch(`${indexUrl}${path}?v=${id}`);
      if (!res.ok) throw new Error(`${res.status} ${res.url}`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      return indexFiles.compressed(path) ? inflateSync(bytes) : bytes;
    },
  });
}
