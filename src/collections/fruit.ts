/**
 * The bridge from content to the 红果树/红树林 pure layout: published entries become plain
 * `Fruit` records (title, link, column, date). Imports entries.ts (astro:content) so pages
 * and endpoints can share it; the layout modules stay pure.
 */
import { entriesByUnit, entryUrl, getUnitTree, type AnyEntry } from './entries.ts';
import { buildForest, type Forest } from '../lib/forest.ts';
import type { Fruit } from '../lib/fruit-tree.ts';

export function entryFruit(entry: AnyEntry, fromUnit?: string): Fruit {
  return { key: `${entry.collection}/${entry.id}`, title: entry.data.title, href: entryUrl(entry), column: entry.collection, date: entry.data.date, fromUnit };
}

/** A unit's fruit: its own, then its sub-units' (marked with the sub-unit's name). */
export async function unitFruits(id: string): Promise<{ own: Fruit[]; sub: Fruit[] }> {
  const tree = await getUnitTree();
  const byUnit = await entriesByUnit();
  const own = (byUnit.get(id) ?? []).map((e) => entryFruit(e));
  const sub = tree
    .descendants(id)
    .slice(1)
    .flatMap((u) => (byUnit.get(u.id) ?? []).map((e) => entryFruit(e, u.short ?? u.name)));
  return { own, sub };
}

/** The forest, optionally of one year's fruit only. */
export async function loadForest(year?: string): Promise<Forest> {
  const tree = await getUnitTree();
  const byUnit = await entriesByUnit();
  const fruits = new Map<string, Fruit[]>();
  for (const [id, list] of byUnit) {
    fruits.set(
      id,
      list.filter((e) => !year || e.data.date.startsWith(year)).map((e) => entryFruit(e)),
    );
  }
  return buildForest(tree.units, fruits);
}

/** Years with at least one published entry credited to a unit, newest first. */
export async function fruitYears(): Promise<string[]> {
  const byUnit = await entriesByUnit();
  const years = new Set<string>();
  for (const list of byUnit.values()) for (const e of list) years.add(e.data.date.slice(0, 4));
  return [...years].sort().reverse();
}

