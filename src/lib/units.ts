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
  /**
   * Parent chains that loop (`a` → `b` → `a`, or a unit that is its own parent), each listed
   * from the unit written first in units.yaml. The tree cuts each loop above that unit (it is
   * nobody's child, and not a root), so everything that walks the tree ends; the content check
   * reports the loop, so a published site never has one.
   */
  cycles: string[][];
}

/** Parent loops in a list of units (see UnitTree.cycles). */
export function findParentCycles(units: readonly Pick<Unit, 'id' | 'parent'>[]): string[][] {
  const parentOf = new Map(units.map((u) => [u.id, u.parent]));
  const order = new Map(units.map((u, i) => [u.id, i]));
  const done = new Set<string>();
  const cycles: string[][] = [];
  for (const u of units) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let id: string | undefined = u.id;
    while (id !== undefined && parentOf.has(id) && !done.has(id) && !onPath.has(id)) {
      onPath.set(id, path.length);
      path.push(id);
      id = parentOf.get(id);
    }
    if (id !== undefined && onPath.has(id)) {
      const loop = path.slice(onPath.get(id));
      const first = loop.reduce((a, b) => (order.get(a)! <= order.get(b)! ? a : b));
      const at = loop.indexOf(first);
      cycles.push([...loop.slice(at), ...loop.slice(0, at)]);
    }
    for (const p of path) done.add(p);
  }
  return cycles;
}

export function buildUnitTree(units: readonly Unit[]): UnitTree {
  const byId = new Map(units.map((u) => [u.id, u]));
  const cycles = findParentCycles(units);
  const cut = new Set(cycles.map((c) => c[0]!));
  const kids = new Map<string, Unit[]>();
  const roots: Unit[] = [];
  for (const u of units) {
    // A unit whose parent closes a loop hangs from nothing: not its parent's child, and not a
    // root either (it has a parent; the loop is an error the check reports).
    if (cut.has(u.id)) continue;
    if (u.parent && byId.has(u.parent)) {
      const list = kids.get(u.parent) ?? [];
      list.push(u);
      kids.set(u.parent, list);
    } else roots.push(u);
  }
  const parentOf = (u: Unit) => (u.parent && !cut.has(u.id) ? byId.get(u.parent) : undefined);
  const children = (id: string) => kids.get(id) ?? [];
  const descendants = (id: string): Unit[] => {
    const out: Unit[] = [];
    const walk = (uid: string) => {
      const u = byId.get(uid);
      if (!u) return;
      out.push(u);
      for (const c of children(uid)) walk(c.id);
    };
    walk(id);
    return out;
  };
  const ancestors = (id: string): Unit[] => {
    const out: Unit[] = [];
    for (let u = byId.get(id); u; u = parentOf(u)) out.unshift(u);
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
    cycles,
  };
}
