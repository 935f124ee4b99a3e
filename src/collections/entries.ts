/**
 * The one wrapper around astro:content. Pages never call getCollection directly:
 * everything they list has passed `isPublished` and is sorted newest first.
 */
import path from 'node:path';
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { COLUMN_IDS, type ColumnId } from '../lib/columns.ts';
import { today } from '../lib/dates.ts';
import { createPaths } from '../lib/paths.ts';
import { contentDir, getSettings } from '../lib/settings.ts';
import { sortNewest } from '../lib/sorting.ts';
import { entrySummary } from '../lib/summary.ts';
import { buildUnitTree, type Unit, type UnitTree } from '../lib/units.ts';
import { isPublished, type BuildMode } from '../lib/visibility.ts';

export type ColumnEntry<C extends ColumnId = ColumnId> = CollectionEntry<C>;
export type AnyEntry = { [C in ColumnId]: CollectionEntry<C> }[ColumnId];

export const settings = getSettings();
const contentRoot = contentDir();
/** site.yaml is the one source of the base (astro.config.mjs passes the same value to Astro). */
export const paths = createPaths(settings.base, settings.url);

/** Preview (`npm run dev`, or RED_PREVIEW=1) shows drafts and scheduled entries. */
export const mode: BuildMode = import.meta.env.DEV || process.env.RED_PREVIEW === '1' ? 'preview' : 'production';
/** Build day in China; RED_TODAY=YYYY-MM-DD pins it (tests). */
export const buildDay: string = process.env.RED_TODAY ?? today();

export async function getEntries<C extends ColumnId>(column: C): Promise<CollectionEntry<C>[]> {
  const all = (await getCollection(column)) as CollectionEntry<C>[];
  return sortNewest(all.filter((e) => isPublished(e.data, { mode, today: buildDay })));
}

export async function getAllEntries(): Promise<AnyEntry[]> {
  const lists = await Promise.all(COLUMN_IDS.map((c) => getEntries(c)));
  return sortNewest(lists.flat() as AnyEntry[]);
}

export function entryUrl(entry: AnyEntry): string {
  return paths.entry(entry.collection, entry.id);
}

/** The unit an entry is credited to: `unit`, or the salon's `host`. */
export function entryUnitId(entry: AnyEntry): string | undefined {
  return entry.collection === 'salon' ? entry.data.host : entry.data.unit;
}

/** Published entries by the unit they are credited to (unit, or the salon's host), newest first. */
export async function entriesByUnit(): Promise<Map<string, AnyEntry[]>> {
  const map = new Map<string, AnyEntry[]>();
  for (const e of await getAllEntries()) {
    const id = entryUnitId(e);
    if (!id) continue;
    const list = map.get(id) ?? [];
    list.push(e);
    map.set(id, list);
  }
  return map;
}

let unitTree: Promise<UnitTree> | undefined;
export function getUnitTree(): Promise<UnitTree> {
  unitTree ??= getCollection('units').then((units) => buildUnitTree(units.map((u) => u.data as Unit)));
  return unitTree;
}

/** URL of a file beside the entry (video, captions, attachment), or the URL itself if absolute. */
export function entryFileUrl(entry: AnyEntry, relative: string): string {
  if (/^https?:\/\//i.test(relative)) return relative;
  const columnDir = `${contentRoot}/${entry.collection}`;
  const entryDir = path.dirname(path.resolve(entry.filePath ?? ''));
  const rel = path.relative(columnDir, path.resolve(entryDir, relative)).split(path.sep).join('/');
  return paths.media(entry.collection, rel);
}

/** Absolute path of a file beside the entry. */
export function entryFilePath(entry: AnyEntry, relative: string): string {
  return path.resolve(path.dirname(path.resolve(entry.filePath ?? '')), relative);
}

export function summaryOf(entry: AnyEntry, limit?: number): string {
  return entrySummary(entry.data, entry.body, limit);
}

export async function unitName(id: string | undefined): Promise<string> {
  if (!id) return '';
  return (await getUnitTree()).byId.get(id)?.name ?? id;
}

/** The entry's rendered body component (for feeds and republish kits, rendered with the Astro container). */
export async function entryContent(entry: AnyEntry) {
  return (await render(entry)).Content;
}

/** `getStaticPaths` of every per-unit route (unit page, its archive, its tree PNG). */
export async function unitStaticPaths(): Promise<{ params: { id: string } }[]> {
  const units = await getCollection('units');
  return units.map((u) => ({ params: { id: u.id } }));
}
