/** The organisation tree from units.yaml. Pure: no astro:content. */
import type { UnitKind } from './columns.ts';

export interface Unit {
  id: string;
  name: string;
  kind: UnitKind;
  parent?: string | undefined;
  short?: string | undefined;
}

export interface UnitTree {
  units: Unit[];
  byId: Map<string, Unit>;
  children(id: string): Unit[];
  /** The unit and every unit below it. */
  descendants(id: string): Unit[];
  /** From the root down to the unit. */
  ancestors(id: string): Unit[];
  roots: Unit[];
  depth(id: string): number;
}

export function buildUnitTree(units: readonly Unit[]): UnitTree {
  const byId = new Map(units.map((u) => [u.id, u]));
  const kids = new Map<string, Unit[]>();
  const roots: Unit[] = [];
  for (const u of units) {
    if (u.parent && byId.has(u.parent)) {
      const list = kids.get(u.parent) ?? [];
      list.push(u);
      kids.set(u.parent, list);
    } else roots.push(u);
  }
  const children = (id: string) => kids.get(id) ?? [];
  const descendants = (id: string): Unit[] => {
    const out: Unit[] = [];
    const seen = new Set<string>();
    const walk = (uid: string) => {
      const u = byId.get(uid);
      if (!u || seen.has(uid)) return;
      seen.add(uid);
      out.push(u);
      for (const c of children(uid)) walk(c.id);
    };
    walk(id);
    return out;
  };
  const ancestors = (id: string): Unit[] => {
    const out: Unit[] = [];
    const seen = new Set<string>();
    let u = byId.get(id);
    while (u && !seen.has(u.id)) {
      seen.add(u.id);
      out.unshift(u);
      u = u.parent ? byId.get(u.parent) : undefined;
    }
    return out;
  };
  return {
    units: [...units],
    byId,
    children,
    descendants,
    ancestors,
    roots,
    depth: (id) => ancestors(id).length - 1,
  };
}
