/**
 * The one wrapper around astro:content. Pages never call getCollection directly: everything
 * they list has passed `isPublished` and is sorted newest first, and every list and index
 * over the content is built once per build (src/collections/content-index.ts).
 */
import path from 'node:path';
import type { CollectionEntry } from 'astro:content';
import { config, paths } from '../config/site.ts';
import type { ColumnId } from '../lib/columns.ts';
import { entrySummary } from '../lib/summary.ts';
import { entryText } from './entry-tree.ts';
import type { UnitTree } from '../lib/units.ts';
import { creditedUnit, getContentIndex } from './content-index.ts';

export type ColumnEntry<C extends ColumnId = ColumnId> = CollectionEntry<C>;
export type AnyEntry = { [C in ColumnId]: CollectionEntry<C> }[ColumnId];

/** Published entries of a column, newest first. */
export async function getEntries<C extends ColumnId>(column: C): Promise<CollectionEntry<C>[]> {
  return (await getContentIndex()).byColumn[column];
}

/** Published entries of every column, newest first. */
export async function getAllEntries(): Promise<AnyEntry[]> {
  return (await getContentIndex()).all;
}

export function entryUrl(entry: AnyEntry): string {
  return paths.entry(entry.collection, entry.id);
}

/** The unit an entry is credited to: `unit`, or the salon's `host`. */
export const entryUnitId: (entry: AnyEntry) => string | undefined = creditedUnit;

/** Published entries by the unit they are credited to (unit, or the salon's host), newest first. */
export async function entriesByUnit(): Promise<ReadonlyMap<string, AnyEntry[]>> {
  return (await getContentIndex()).byUnit;
}

export async function getUnitTree(): Promise<UnitTree> {
  return (await getContentIndex()).units;
}

/** URL of a file beside the entry (video, captions, attachment), or the URL itself if absolute. */
export function entryFileUrl(entry: AnyEntry, relative: string): string {
  if (/^https?:\/\//i.test(relative)) return relative;
  const columnDir = path.join(config.contentDir, entry.collection);
  const rel = path.relative(columnDir, entryFilePath(entry, relative)).split(path.sep).join('/');
  return paths.media(entry.collection, rel);
}

/** Absolute path of a file beside the entry. */
export function entryFilePath(entry: AnyEntry, relative: string): string {
  return path.resolve(path.dirname(path.resolve(entry.filePath ?? '')), relative);
}

export function summaryOf(entry: AnyEntry, limit?: number): string {
  return entrySummary(entry.data, () => entryText(entry), limit);
}

export async function unitName(id: string | undefined): Promise<string> {
  if (!id) return '';
  return (await getUnitTree()).byId.get(id)?.name ?? id;
}

/** `getStaticPaths` of every per-unit route (unit page, its archive, its tree PNG). */
export async function unitStaticPaths(): Promise<{ params: { id: string } }[]> {
  return (await getUnitTree()).units.map((u) => ({ params: { id: u.id } }));
}
