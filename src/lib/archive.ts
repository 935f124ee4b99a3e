/**
 * 红色档案柜: pure helpers for the archive, tag pages and related entries.
 * Works on any `{ date, tags }`-shaped items, so it is tested without astro:content.
 */
import { slugify } from './slug.ts';

export interface Dated {
  /** `YYYY-MM-DD` */
  date: string;
}

export interface MonthGroup<T> {
  /** `YYYY-MM` */
  month: string;
  /** 1–12 */
  monthNumber: number;
  items: T[];
}

export interface YearGroup<T> {
  year: number;
  count: number;
  months: MonthGroup<T>[];
}

/**
 * Group items by year and month, newest year and month first; inside a month, the
 * items keep the order given (callers pass them newest first).
 */
export function groupByYearMonth<T>(items: readonly T[], dateOf: (item: T) => string): YearGroup<T>[] {
  const years = new Map<number, Map<string, T[]>>();
  for (const item of items) {
    const day = dateOf(item);
    const year = Number(day.slice(0, 4));
    const month = day.slice(0, 7);
    const months = years.get(year) ?? new Map<string, T[]>();
    const list = months.get(month) ?? [];
    list.push(item);
    months.set(month, list);
    years.set(year, months);
  }
  return [...years.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([year, months]) => {
      const ms = [...months.entries()]
        .sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0))
        .map(([month, list]) => ({ month, monthNumber: Number(month.slice(5, 7)), items: list }));
      return { year, count: ms.reduce((n, m) => n + m.items.length, 0), months: ms };
    });
}

/** A tag's URL segment: pinyin/ASCII slug; a tag with no readable characters keeps a code-point slug. */
export function tagSlug(tag: string): string {
  const s = slugify(tag.trim());
  if (s) return s;
  return [...tag.trim()].map((c) => c.codePointAt(0)!.toString(16)).join('-') || 'tag';
}

export interface TagGroup<T> {
  tag: string;
  slug: string;
  items: T[];
}

/** Tags compare after NFKC and trimming (`５G` and `5G ` are one tag). */
export function normalizeTag(tag: string): string {
  return tag.normalize('NFKC').trim();
}

/**
 * Every tag with the items that carry it, sorted by count (most first), then by slug.
 * Each distinct tag gets its own slug; two tags that read alike in pinyin
 * (`党建` / `当荐`) get `dang-jian` and `dang-jian-2`, in code-point order of the tags.
 */
export function groupByTag<T>(items: readonly T[], tagsOf: (item: T) => readonly string[]): TagGroup<T>[] {
  const byTag = new Map<string, T[]>();
  for (const item of items) {
    for (const tag of new Set(tagsOf(item).map(normalizeTag))) {
      if (!tag) continue;
      const list = byTag.get(tag) ?? [];
      list.push(item);
      byTag.set(tag, list);
    }
  }
  const tags = [...byTag.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const taken = new Set<string>();
  const groups = tags.map((tag) => {
    const base = tagSlug(tag);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return { tag, slug, items: byTag.get(tag)! };
  });
  return groups.sort((a, b) => b.items.length - a.items.length || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

export interface Relatable extends Dated {
  key: string;
  unit?: string | undefined;
  tags: readonly string[];
}

/**
 * Score of `other` as related reading for `entry`: 3 per shared tag, 2 for the same unit,
 * 1 for a unit in the same branch of the tree (parent/child/sibling via `family`).
 */
export function relatedScore(entry: Relatable, other: Relatable, family?: (unit: string) => readonly string[]): number {
  if (entry.key === other.key) return 0;
  const mine = new Set(entry.tags.map(normalizeTag));
  let score = 0;
  for (const t of new Set(other.tags.map(normalizeTag))) if (mine.has(t)) score += 3;
  if (entry.unit && other.unit) {
    if (entry.unit === other.unit) score += 2;
    else if (family && family(entry.unit).includes(other.unit)) score += 1;
  }
  return score;
}

/** The `limit` best-scoring other items (score > 0), ties broken by the newest date, then key. */
export function relatedEntries<T extends Relatable>(
  entry: Relatable,
  all: readonly T[],
  limit = 4,
  family?: (unit: string) => readonly string[],
): T[] {
  return all
    .map((o) => ({ o, s: relatedScore(entry, o, family) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || (a.o.date < b.o.date ? 1 : a.o.date > b.o.date ? -1 : 0) || (a.o.key < b.o.key ? -1 : 1))
    .slice(0, limit)
    .map((x) => x.o);
}

/**
 * How many entries of one tag's or one unit's list `relatedIndex` looks at for an entry: the
 * `RELATED_WINDOW` nearest to it in date order (half newer, half older; more on one side when
 * the other runs out), itself not counted.
 */
export const RELATED_WINDOW = 100;

/** Newest first, then by key: the order of the lists and of ties. */
const newestFirst = (a: Relatable, b: Relatable) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * `relatedEntries` for every item of a list, without scoring the whole list for each one: only
 * items that share a tag, the unit or a unit of its family can score, and of each such tag's or
 * unit's list only the `window` entries nearest in date to the item (RELATED_WINDOW). An entry's
 * cost is bounded by its tags and its unit's family times the window, whatever the size of the
 * site. While no list is longer than the window (any site with at most that many entries per tag
 * and per unit) the result is exactly `relatedEntries`: same scores, order and ties; beyond it, a
 * popular tag contributes the entries of the same period rather than the newest of the site.
 */
export function relatedIndex<T extends Relatable>(
  items: readonly T[],
  family?: (unit: string) => readonly string[],
  window = RELATED_WINDOW,
): (key: string, limit?: number) => T[] {
  const byKey = new Map<string, T>();
  const byTag = new Map<string, T[]>();
  const byUnit = new Map<string, T[]>();
  const push = (map: Map<string, T[]>, k: string, item: T) => {
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  };
  const tagsOf = new Map<T, string[]>();
  for (const item of items) {
    byKey.set(item.key, item);
    const tags = [...new Set(item.tags.map(normalizeTag))];
    tagsOf.set(item, tags);
    for (const t of tags) push(byTag, t, item);
    if (item.unit) push(byUnit, item.unit, item);
  }
  // Every list newest first, and each item's rank in that order (to find its place in a list).
  const sorted = [...items].sort(newestFirst);
  const rank = new Map(sorted.map((item, i) => [item, i]));
  for (const list of [...byTag.values(), ...byUnit.values()]) list.sort((a, b) => rank.get(a)! - rank.get(b)!);

  /** The `window` entries of `list` nearest to `me` in date order (and `me`): all of a list no longer than that. */
  const near = (list: readonly T[], me: T): readonly T[] => {
    if (list.length <= window) return list;
    // First index ranked after me (binary search on rank).
    const r = rank.get(me)!;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rank.get(list[mid]!)! <= r) lo = mid + 1;
      else hi = mid;
    }
    const self = list[lo - 1] === me ? 1 : 0;
    const size = window + self;
    if (list.length <= size) return list;
    const start = Math.min(Math.max(0, lo - self - Math.floor(window / 2)), list.length - size);
    return list.slice(start, start + size);
  };

  return (key, limit = 4) => {
    const me = byKey.get(key);
    if (!me || limit <= 0) return [];
    const scores = new Map<T, number>();
    const add = (list: readonly T[] | undefined, points: number) => {
      if (list) for (const o of near(list, me)) scores.set(o, (scores.get(o) ?? 0) + points);
    };
    for (const t of tagsOf.get(me)!) add(byTag.get(t), 3);
    if (me.unit) {
      add(byUnit.get(me.unit), 2);
      if (family) for (const u of new Set(family(me.unit))) if (u !== me.unit) add(byUnit.get(u), 1);
    }
    scores.delete(me);
    // The best `limit`, kept in order in one pass (no sort of every candidate).
    const best: [T, number][] = [];
    const better = (a: [T, number], b: [T, number]) => a[1] > b[1] || (a[1] === b[1] && rank.get(a[0])! < rank.get(b[0])!);
    for (const c of scores) {
      if (best.length === limit && !better(c, best[limit - 1]!)) continue;
      let i = Math.min(best.length, limit - 1);
      if (best.length < limit) best.push(c);
      else best[i] = c;
      while (i > 0 && better(c, best[i - 1]!)) {
        best[i] = best[i - 1]!;
        best[i - 1] = c;
        i--;
      }
    }
    return best.map(([o]) => o);
  };
}
