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
 * `relatedEntries` for every item of a list, without scoring the whole list for each one:
 * only the items that share a tag, the unit or a unit of its family can score, so an entry's
 * cost grows with its neighbours, not with the site. Same scores, order and ties.
 */
export function relatedIndex<T extends Relatable>(
  items: readonly T[],
  family?: (unit: string) => readonly string[],
): (key: string, limit?: number) => T[] {
  const byKey = new Map<string, T>();
  const byTag = new Map<string, T[]>();
  const byUnit = new Map<string, T[]>();
  const push = (map: Map<string, T[]>, k: string, item: T) => {
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  };
  for (const item of items) {
    byKey.set(item.key, item);
    for (const t of new Set(item.tags.map(normalizeTag))) push(byTag, t, item);
    if (item.unit) push(byUnit, item.unit, item);
  }
  return (key, limit = 4) => {
    const me = byKey.get(key);
    if (!me) return [];
    const scores = new Map<T, number>();
    const add = (list: readonly T[] | undefined, points: number) => {
      for (const o of list ?? []) scores.set(o, (scores.get(o) ?? 0) + points);
    };
    for (const t of new Set(me.tags.map(normalizeTag))) add(byTag.get(t), 3);
    if (me.unit) {
      add(byUnit.get(me.unit), 2);
      if (family) for (const u of new Set(family(me.unit))) if (u !== me.unit) add(byUnit.get(u), 1);
    }
    scores.delete(me);
    return [...scores]
      .sort((a, b) => b[1] - a[1] || (a[0].date < b[0].date ? 1 : a[0].date > b[0].date ? -1 : 0) || (a[0].key < b[0].key ? -1 : 1))
      .slice(0, limit)
      .map(([o]) => o);
  };
}
