/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key
 * and code are unchanged since the last build is copied instead of rendered again. Astro itself
 * tracks the code (the route's module graph, which includes the settings module) and the bodies
 * a page renders; the key covers everything else an entry page shows: its own data, the files
 * it points at (by size and time), its neighbours, related entries, tag pages, unit names,
 * poster and visibility. A build test holds that a warm build equals a cold one after edits.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { config } from '../config/site.ts';
import { hashKey } from '../lib/file-cache.ts';
import { visibilityStatus } from '../lib/visibility.ts';
import { getContentIndex } from './content-index.ts';
import { entryUnitId, type AnyEntry } from './entries.ts';
import { posterSources } from './video-media.ts';

/** Size and time of a file, '-' when missing. */
function fingerprint(file: string): string {
  try {
    const st = statSync(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return '-';
  }
}

/** Local files an entry points at: body images, and front-matter files that are not optimized images. */
function entryFiles(entry: AnyEntry): string[] {
  const dir = path.dirname(path.resolve(entry.filePath ?? ''));
  const meta = (entry.rendered?.metadata ?? {}) as { localImagePaths?: string[] };
  const data = entry.data as { captions?: string; video?: string };
  const rel = [...(meta.localImagePaths ?? []), data.captions, data.video].filter((f): f is string => !!f && !/^[a-z][a-z0-9+.-]*:/i.test(f));
  return rel.map((f) => `${f}=${fingerprint(path.resolve(dir, f))}`);
}

/** What another entry shows of itself in a link (title, date, column, URL). */
const linkKey = (e: AnyEntry | undefined) => (e ? [e.collection, e.id, e.data.title, e.data.date, e.collection === 'salon' ? e.data.issue : ''] : null);

/** The cache key of the entry's own page, and of the files published from it (kit, kit images). */
export async function entryPageKey(entry: AnyEntry, neighbours: { older?: AnyEntry | undefined; newer?: AnyEntry | undefined } = {}): Promise<string> {
  const index = await getContentIndex();
  const unit = entryUnitId(entry);
  const chain = unit ? index.units.ancestors(unit).map((u) => [u.id, u.name, u.short ?? '']) : [];
  return hashKey(
    [
      JSON.stringify([entry.collection, entry.id, entry.digest ?? '', entry.data, entryFiles(entry)]),
      JSON.stringify([linkKey(neighbours.older), linkKey(neighbours.newer), index.related(entry, 4).map(linkKey)]),
      JSON.stringify([entry.data.tags.map((t) => index.tag(t)?.slug ?? ''), chain, visibilityStatus(entry.data, config.today)]),
      entry.collection === 'videos' ? JSON.stringify(await posterSources(entry)) : '',
      JSON.stringify(config.site),
    ],
    32,
  );
}
