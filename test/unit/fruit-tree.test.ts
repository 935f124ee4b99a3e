/** 红果树 / 红树林 layout: pure functions, checked on geometry (no overlaps, inside the viewBox) and bytes. */
import { describe, expect, it } from 'vitest';
import { COLUMN_IDS, type ColumnId } from '../../src/lib/columns.ts';
import { buildForest, FOREST_RADIUS, forestYears, layoutPoster, renderForestSvg } from '../../src/lib/forest.ts';
import {
  countByColumn,
  fruitLabel,
  fruitRadius,
  layoutTree,
  overlaps,
  renderTreeSvg,
  type Fruit,
  type TreeLayout,
} from '../../src/lib/fruit-tree.ts';
import type { Unit } from '../../src/lib/units.ts';

/** n fruit spread over `years` years, columns cycling, fixed dates (no randomness). */
function fruits(n: number, years = 4, prefix = 'e'): Fruit[] {
  return Array.from({ length: n }, (_, i) => ({
    key: `${prefix}${i}`,
    title: `成果 ${prefix}${i} <&>`,
    href: `/base/highlights/${prefix}${i}/`,
    column: COLUMN_IDS[i % 4] as ColumnId,
    date: `${2026 - (i % years)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
  }));
}

/** Every fruit (with its star/diamond overhang) inside the viewBox. */
function inside(l: TreeLayout): boolean {
  return l.branches.every((b) =>
    b.fruits.every((f) => f.x - f.r * 1.15 >= 0 && f.x + f.r * 1.15 <= l.width && f.y - f.r * 1.15 >= 0 && f.y + f.r * 1.15 <= l.groundY),
  );
}

/** Year labels inside the viewBox (approximate text width 4 digits × 9px). */
function labelsInside(l: TreeLayout): boolean {
  return l.branches.every((b) => (b.anchor === 'start' ? b.labelX + 36 <= l.width : b.labelX - 36 >= 0) && b.labelY - 15 >= 0);
}

const numbers = (svg: string) => svg.match(/-?\d+\.\d+/g) ?? [];

describe('layoutTree', () => {
  it('0 fruit: a bare sapling, no branches, still a valid drawing', () => {
    const l = layoutTree([]);
    expect(l.bare).toBe(true);
    expect(l.branches).toEqual([]);
    expect(l.sapling?.leaves.length).toBeGreaterThan(0);
    const svg = renderTreeSvg(l, { title: '空', interactive: true });
    expect(svg).toContain('<title id="tree-t">空</title>');
    expect(svg).not.toContain('<a ');
  });

  it.each([1, 5, 200])('%i fruit: all placed once, none overlapping, all inside the viewBox', (n) => {
    const input = fruits(n);
    const l = layoutTree(input);
    const placed = l.branches.flatMap((b) => b.fruits);
    expect(placed.length).toBe(n);
    expect(new Set(placed.map((f) => f.key)).size).toBe(n);
    expect(overlaps(l)).toBe(false);
    expect(inside(l)).toBe(true);
    expect(labelsInside(l)).toBe(true);
    // One branch per year, each fruit on its own year's branch.
    const years = new Set(input.map((f) => f.date.slice(0, 4)));
    expect(l.branches.map((b) => b.year).sort()).toEqual([...years].sort());
    for (const b of l.branches) for (const f of b.fruits) expect(f.date.startsWith(b.year)).toBe(true);
  });

  it('fruit stay separated (a visible gap) even at 200, and the radius stays readable', () => {
    const l = layoutTree(fruits(200, 7));
    const all = l.branches.flatMap((b) => b.fruits);
    let min = Infinity;
    for (let i = 0; i < all.length; i++)
      for (let j = i + 1; j < all.length; j++) min = Math.min(min, Math.hypot(all[i]!.x - all[j]!.x, all[i]!.y - all[j]!.y));
    expect(l.r).toBeGreaterThanOrEqual(6);
    expect(min).toBeGreaterThanOrEqual(2 * l.r + 2.5);
  });

  it('a single year of many fruit still fits (centred crown)', () => {
    for (const n of [1, 2, 3, 12, 200]) {
      const l = layoutTree(fruits(n, 1));
      expect(l.branches.length).toBe(1);
      expect(overlaps(l), `n=${n}`).toBe(false);
      expect(inside(l), `n=${n}`).toBe(true);
      expect(labelsInside(l), `n=${n}`).toBe(true);
    }
  });

  it('radius shrinks and the crown grows with the count', () => {
    expect(fruitRadius(1)).toBe(14);
    expect(fruitRadius(200)).toBe(6);
    const sizes = [1, 5, 30, 200].map((n) => layoutTree(fruits(n)));
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]!.width * sizes[i]!.height).toBeGreaterThan(sizes[i - 1]!.width * sizes[i - 1]!.height);
  });

  it('is deterministic and independent of input order; numbers have at most one decimal', () => {
    const input = fruits(57, 5);
    const a = renderTreeSvg(layoutTree(input), { title: 't', interactive: true });
    const b = renderTreeSvg(layoutTree([...input].reverse()), { title: 't', interactive: true });
    expect(b).toBe(a);
    expect(numbers(a).every((s) => /^-?\d+\.\d$/.test(s))).toBe(true);
  });

  it('renders each fruit as a link named by its title, shaped by column, escaped', () => {
    const input = fruits(5);
    const svg = renderTreeSvg(layoutTree(input), { title: '测试树', interactive: true, idPrefix: 'x' });
    expect(svg.match(/<g role="listitem"><a href="/g)?.length).toBe(5);
    expect(svg).toContain('aria-label="成果 e0 &lt;&amp;&gt;（党建工作一图清，2026年1月1日）"');
    expect(svg).toContain('role="group" aria-labelledby="x-t"');
    // Shapes differ by column: circle arcs for salon, 10-point star for highlights, 3 points for videos.
    expect(svg).toMatch(/<path class="fruit" d="M[^"]*A[^"]*"[^>]*fill="#c8232c"/);
    const static_ = renderTreeSvg(layoutTree(input), { title: '测试树', interactive: false });
    expect(static_).not.toContain('<a ');
    expect(static_.match(/class="fruit"/g)?.length).toBe(5);
  });

  it('marks sub-units’ fruit (hollow) and names the sub-unit', () => {
    const f: Fruit = { ...fruits(1)[0]!, fromUnit: '第一党支部' };
    expect(fruitLabel(f)).toContain('第一党支部');
    const svg = renderTreeSvg(layoutTree([f]), { title: 't', interactive: true });
    expect(svg).toContain('fill="#faf7f2"');
  });

  it('counts per column in column order', () => {
    expect(countByColumn(fruits(6)).map((c) => c.count)).toEqual([2, 2, 1, 1]);
  });
});

/** A deep organisation: root → 3 committees → general branch → 2 branches each, plus a loose root. */
function deepUnits(): Unit[] {
  const units: Unit[] = [{ id: 'root', name: '公司党委', kind: 'committee' }];
  for (let c = 0; c < 3; c++) {
    units.push({ id: `c${c}`, name: `第${c}党委`, kind: 'committee', parent: 'root' });
    units.push({ id: `c${c}-g`, name: `第${c}党总支`, kind: 'general-branch', parent: `c${c}` });
    for (let b = 0; b < 2; b++) units.push({ id: `c${c}-g-b${b}`, name: `第${c}-${b}党支部`, kind: 'branch', parent: `c${c}-g` });
  }
  return units;
}

describe('buildForest', () => {
  it('groups a deep organisation into groves under the root, depth-first', () => {
    const units = deepUnits();
    const byUnit = new Map([
      ['root', fruits(3, 2, 'r')],
      ['c0-g-b1', fruits(200, 6, 'b')],
      ['c2', fruits(1, 1, 'c')],
    ]);
    const forest = buildForest(units, byUnit);
    expect(forest.crown.map((t) => t.unit.id)).toEqual(['root']);
    expect(forest.groves.map((g) => g.head.id)).toEqual(['c0', 'c1', 'c2']);
    expect(forest.groves[0]!.trees.map((t) => [t.unit.id, t.depth])).toEqual([
      ['c0', 0],
      ['c0-g', 1],
      ['c0-g-b0', 2],
      ['c0-g-b1', 2],
    ]);
    expect(forest.total).toBe(204);
    expect(forest.groves[0]!.total).toBe(200);
    expect(forest.units).toBe(units.length);
    expect(forest.bare).toBe(units.length - 3);
    // One radius for all trees: bigger trees mean more fruit.
    const big = forest.groves[0]!.trees[3]!.layout;
    const small = forest.groves[2]!.trees[0]!.layout;
    expect(big.r).toBe(FOREST_RADIUS);
    expect(small.r).toBe(FOREST_RADIUS);
    expect(big.width).toBeGreaterThan(small.width);
    expect(forestYears(forest.groves.flatMap((g) => g.trees.flatMap((t) => t.fruits)))[0]).toBe('2026');
  });

  it('several roots: each root is a grove; a cycle in parents does not loop', () => {
    const units: Unit[] = [
      { id: 'a', name: 'A', kind: 'committee' },
      { id: 'b', name: 'B', kind: 'committee' },
      { id: 'x', name: 'X', kind: 'branch', parent: 'y' },
      { id: 'y', name: 'Y', kind: 'branch', parent: 'x' },
    ];
    const forest = buildForest(units, new Map());
    expect(forest.crown).toEqual([]);
    expect(forest.groves.map((g) => g.head.id)).toEqual(['a', 'b']);
    expect(forest.total).toBe(0);
  });

  it('poster: 3 to 80 units, cells inside the poster and never overlapping, bytes stable', () => {
    for (const count of [3, 80]) {
      const units: Unit[] = [{ id: 'root', name: '公司党委', kind: 'committee' }];
      for (let i = 1; i < count; i++) units.push({ id: `u${i}`, name: `单位${i}`, kind: i % 5 === 1 ? 'committee' : 'branch', parent: i % 5 === 1 ? 'root' : `u${i - (i % 5) + 1}` });
      const byUnit = new Map(units.map((u, i) => [u.id, fruits((i * 7) % 23, 3, u.id)]));
      const forest = buildForest(units, byUnit);
      const p = layoutPoster(forest, { title: '红树林', subtitle: 's' });
      expect(p.cells.length).toBe(count);
      // Poster proportions: A3 landscape for a small forest, never a thin endless strip for a big one.
      expect(p.height).toBeGreaterThanOrEqual(Math.round((p.width * 1754) / 2480));
      expect(p.height).toBeLessThanOrEqual(p.width * 1.6);
      if (count === 3) expect(p.height).toBe(1754);
      for (const c of p.cells) {
        expect(c.x).toBeGreaterThanOrEqual(0);
        expect(c.x + c.w).toBeLessThanOrEqual(p.width);
        expect(c.y + c.h).toBeLessThanOrEqual(p.height);
      }
      for (let i = 0; i < p.cells.length; i++)
        for (let j = i + 1; j < p.cells.length; j++) {
          const a = p.cells[i]!;
          const b = p.cells[j]!;
          const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
          expect(apart, `${a.tree.unit.id} / ${b.tree.unit.id}`).toBe(true);
        }
      const svg = renderForestSvg(forest, { title: '红树林', subtitle: 's' });
      expect(renderForestSvg(buildForest(units, byUnit), { title: '红树林', subtitle: 's' })).toBe(svg);
      expect(svg).not.toMatch(/href=|xlink|url\(/);
    }
  });
});
