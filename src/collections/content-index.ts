/**
 * Every list and index over the published content, built once per build: a page never walks
 * the whole content to find what it shows (issue 10/12). In `npm run dev` the index is rebuilt
 * when an entry changes (the store's digests tell), and reused otherwise.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { config } from '../config/site.ts';
import { groupByTag, groupByYearMonth, normalizeTag, relatedIndex, type TagGroup, type YearGroup } from '../lib/archive.ts';
import { COLUMN_IDS, type ColumnId } from '../lib/columns.ts';
import { sortNewest } from '../lib/sorting.ts';
import { buildUnitTree, type Unit, type UnitTree } from '../lib/units.ts';
import { isPublished } from '../lib/visibility.ts';

type Entry = { [C in ColumnId]: CollectionEntry<C> }[ColumnId];

/** The unit an entry is credited to: `unit`, or the salon's `host`. */
export function creditedUnit(entry: Entry): string | undefined {
  return entry.collection === 'salon' ? entry.data.host : entry.data.unit;
}

/** `column/id`: an entry's key across columns. */
export const entryKey = (entry: Pick<Entry, 'collection' | 'id'>): string => `${entry.collection}/${entry.id}`;

export interface ContentIndex {
  /** Published entries of every column, newest first. */
  all: Entry[];
  /** Published entries per column, newest first. */
  byColumn: { [C in ColumnId]: CollectionEntry<C>[] };
  /** The organisation tree (units.yaml). */
  units: UnitTree;
  /** Entries credited to each unit itself (not its sub-units), newest first. */
  byUnit: ReadonlyMap<string, Entry[]>;
  /** Entries of a unit and of every unit below it, newest first. */
  unitAndBelow(id: string): Entry[];
  /** The archive by year and month (newest first). */
  years: YearGroup<Entry>[];
  /** Every tag, most used first; `tag()` finds one by its written form. */
  tags: TagGroup<Entry>[];
  tag(name: string): TagGroup<Entry> | undefined;
  /** Up to `limit` entries sharing tags or unit with this one (cost: its neighbours, not the site). */
  related(entry: Entry, limit?: number): Entry[];
}

function buildIndex(lists: { [C in ColumnId]: CollectionEntry<C>[] }, unitList: Unit[]): ContentIndex {
  const visible = { mode: config.mode, today: config.today };
  const byColumn = Object.fromEntries(
    COLUMN_IDS.map((c) => [c, sortNewest((lists[c] as Entry[]).filter((e) => isPublished(e.data, visible)))]),
  ) as ContentIndex['byColumn'];
  const all = sortNewest(COLUMN_IDS.flatMap((c) => byColumn[c] as Entry[]));
  const units = buildUnitTree(unitList);

  const byUnit = new Map<string, Entry[]>();
  for (const e of all) {
    const id = creditedUnit(e);
    if (!id) continue;
    const list = byUnit.get(id);
    if (list) list.push(e);
    else byUnit.set(id, [e]);
  }

  const position = new Map(all.map((e, i) => [e, i]));
  const below = new Map<string, Entry[]>();
  const unitAndBelow = (id: string): Entry[] => {
    let hit = below.get(id);
    if (!hit) {
      hit = units
        .descendants(id)
        .flatMap((u) => byUnit.get(u.id) ?? [])
        .sort((a, b) => position.get(a)! - position.get(b)!);
      below.set(id, hit);
    }
    return hit;
  };

  const tags = groupByTag(all, (e) => e.data.tags);
  const tagByName = new Map(tags.map((g) => [g.tag, g]));

  const family = (unit: string): string[] => {
    const parent = units.byId.get(unit)?.parent;
    return [...(parent ? [parent, ...units.children(parent).map((u) => u.id)] : []), ...units.children(unit).map((u) => u.id)];
  };
  const relatedMemo = new Map<string, Entry[]>();
  const related = relatedIndex(
    all.map((e) => ({ key: entryKey(e), date: e.data.date, unit: creditedUnit(e), tags: e.data.tags, entry: e })),
    family,
  );

  return {
    all,
    byColumn,
    units,
    byUnit,
    unitAndBelow,
    years: groupByYearMonth(all, (e) => e.data.date),
    tags,
    tag: (name) => tagByName.get(normalizeTag(name)),
    // Once per entry and build: the page's key (page-keys.ts) and the page itself both ask.
    related: (entry, limit = 4) => {
      const k = `${limit}:${entryKey(entry)}`;
      let hit = relatedMemo.get(k);
      if (!hit) relatedMemo.set(k, (hit = related(entryKey(entry), limit).map((r) => r.entry)));
      return hit;
    },
  };
}

let production: Promise<ContentIndex> | undefined;
let dev: { key: string; index: ContentIndex } | undefined;
/** Dev: how long one look at the store is reused (far below Astro's own 500 ms store-save debounce). */
const DEV_REUSE_MS = 100;
let devLook: { at: number; index: Promise<ContentIndex> } | undefined;

async function load(): Promise<{ key: string; lists: ContentIndex['byColumn']; units: Unit[] }> {
  const [unitEntries, ...columnLists] = await Promise.all([getCollection('units'), ...COLUMN_IDS.map((c) => getCollection(c))]);
  const key = [unitEntries, ...columnLists].map((list) => list.map((e) => `${e.id}:${e.digest ?? ''}`).join('|')).join('\n');
  const lists = Object.fromEntries(COLUMN_IDS.map((c, i) => [c, columnLists[i]])) as ContentIndex['byColumn'];
  return { key, lists, units: unitEntries.map((u) => u.data as Unit) };
}

/** The content index of this build (in dev: rebuilt when an entry or a unit changed). */
export function getContentIndex(): Promise<ContentIndex> {
  // A production build never changes its content: load once, never look again.
  if (!import.meta.env.DEV) {
    production ??= load().then(({ lists, units }) => buildIndex(lists, units));
    return production;
  }
  // A page asks many times while it renders; each look reads every entry of the store (about
  // 150 ms on 2,000 entries): calls close together share one look.
  if (devLook && performance.now() - devLook.at < DEV_REUSE_MS) return devLook.index;
  const index = load().then(({ key, lists, units }) => {
    if (dev?.key !== key) dev = { key, index: buildIndex(lists, units) };
    return dev.index;
  });
  devLook = { at: performance.now(), index };
  index.catch(() => (devLook = undefined));
  return index;
}

const derivedCache = new WeakMap<ContentIndex, Map<string, Promise<unknown>>>();

/**
 * Something computed from the content index once per build (in dev: once per content
 * version), shared by every page that asks with the same key, e.g. `derive('forest:2026', …)`.
 */
export async function derive<T>(key: string, compute: (index: ContentIndex) => T | Promise<T>): Promise<T> {
  const index = await getContentIndex();
  let cache = derivedCache.get(index);
  if (!cache) derivedCache.set(index, (cache = new Map()));
  let hit = cache.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = Promise.resolve().then(() => compute(index));
    cache.set(key, hit);
  }
  return hit;
}
