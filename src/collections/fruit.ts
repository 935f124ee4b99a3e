/**
 * The bridge from content to the 红果树/红树林 pure layout: published entries become plain
 * `Fruit` records (title, link, column, date), derived once per build from the content index;
 * the layout modules (src/lib/fruit-tree.ts, forest.ts) stay pure.
 */
import { buildForest, forestYears, type Forest } from '../lib/forest.ts';
import type { Fruit } from '../lib/fruit-tree.ts';
import { derive } from './content-index.ts';
import { entryUrl, type AnyEntry } from './entries.ts';

export function entryFruit(entry: AnyEntry, fromUnit?: string): Fruit {
  return { key: `${entry.collection}/${entry.id}`, title: entry.data.title, href: entryUrl(entry), column: entry.collection, date: entry.data.date, fromUnit };
}

/** A unit's fruit: its own, then its sub-units' (marked with the sub-unit's name). */
export function unitFruits(id: string): Promise<{ own: Fruit[]; sub: Fruit[] }> {
  return derive(`fruit:${id}`, ({ units, byUnit }) => ({
    own: (byUnit.get(id) ?? []).map((e) => entryFruit(e)),
    sub: units
      .descendants(id)
      .slice(1)
      .flatMap((u) => (byUnit.get(u.id) ?? []).map((e) => entryFruit(e, u.short ?? u.name))),
  }));
}

/** The forest, optionally of one year's fruit only. */
export function loadForest(year?: string): Promise<Forest> {
  return derive(`forest:${year ?? ''}`, ({ units, byUnit }) => {
    const fruits = new Map<string, Fruit[]>();
    for (const [id, list] of byUnit) {
      fruits.set(
        id,
        list.filter((e) => !year || e.data.date.startsWith(year)).map((e) => entryFruit(e)),
      );
    }
    return buildForest(units.units, fruits);
  });
}

/** Years with at least one published entry credited to a unit, newest first. */
export function fruitYears(): Promise<string[]> {
  return derive('fruit-years', ({ byUnit }) => forestYears([...byUnit.values()].flat().map((e) => e.data)));
}
