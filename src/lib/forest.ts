/**
 * 红树林: every unit's 红果树, arranged by the organisation tree (units.yaml). Pure: plain
 * data in (units, fruit per unit), groves and poster SVG out. Deterministic (no randomness,
 * numbers rounded to 0.1).
 */
import { COLUMNS, UNIT_KINDS } from './columns.ts';
import {
  countByColumn,
  escapeXml,
  FONT_FAMILY,
  layoutTree,
  legendShape,
  renderTreeSvg,
  round1,
  TREE_COLORS,
  type ColumnCount,
  type Fruit,
  type TreeLayout,
} from './fruit-tree.ts';
import { buildUnitTree, type Unit } from './units.ts';

/** One radius for every tree in the forest, so a tree's size shows how much it bears. */
export const FOREST_RADIUS = 6;

export interface ForestTree {
  unit: Unit;
  /** Depth below the grove's head (0 = head). */
  depth: number;
  fruits: Fruit[];
  layout: TreeLayout;
  counts: ColumnCount[];
}

export interface Grove {
  head: Unit;
  trees: ForestTree[];
  total: number;
  counts: ColumnCount[];
}

export interface Forest {
  /** The organisation's top unit(s) (e.g. the company committee), drawn first. */
  crown: ForestTree[];
  groves: Grove[];
  total: number;
  counts: ColumnCount[];
  units: number;
  bare: number;
}

/**
 * Groves: with one root (the company committee), each of its children starts a grove holding
 * it and everything below it (depth-first, in units.yaml order); the root stands alone above.
 * With several roots, each root is a grove.
 */
export function buildForest(units: readonly Unit[], fruitsByUnit: ReadonlyMap<string, readonly Fruit[]>): Forest {
  const tree = buildUnitTree(units);
  const make = (u: Unit, depth: number): ForestTree => {
    const fruits = [...(fruitsByUnit.get(u.id) ?? [])];
    return { unit: u, depth, fruits, layout: layoutTree(fruits, { radius: FOREST_RADIUS, yearLabels: false }), counts: countByColumn(fruits) };
  };
  const grove = (head: Unit): Grove => {
    const trees: ForestTree[] = [];
    const seen = new Set<string>();
    const walk = (u: Unit, depth: number) => {
      if (seen.has(u.id)) return;
      seen.add(u.id);
      trees.push(make(u, depth));
      for (const c of tree.children(u.id)) walk(c, depth + 1);
    };
    walk(head, 0);
    const fruits = trees.flatMap((t) => t.fruits);
    return { head, trees, total: fruits.length, counts: countByColumn(fruits) };
  };
  let crown: ForestTree[] = [];
  let groves: Grove[];
  if (tree.roots.length === 1 && tree.children(tree.roots[0]!.id).length > 0) {
    const root = tree.roots[0]!;
    crown = [make(root, 0)];
    groves = tree.children(root.id).map(grove);
  } else groves = tree.roots.map(grove);
  const all = [...crown.flatMap((t) => t.fruits), ...groves.flatMap((g) => g.trees.flatMap((t) => t.fruits))];
  const allTrees = [...crown, ...groves.flatMap((g) => g.trees)];
  return {
    crown,
    groves,
    total: all.length,
    counts: countByColumn(all),
    units: allTrees.length,
    bare: allTrees.filter((t) => t.fruits.length === 0).length,
  };
}

/** Years that have at least one fruit, newest first. */
export function forestYears(fruits: readonly Pick<Fruit, 'date'>[]): string[] {
  return [...new Set(fruits.map((f) => f.date.slice(0, 4)))].sort().reverse();
}

export interface PosterOptions {
  title: string;
  subtitle: string;
  /** Poster width in px (A3 landscape at 150 dpi is 2480 × 1754). */
  width?: number;
}

interface Cell {
  tree: ForestTree;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Drawing scale of the tree. */
  s: number;
}

const LABEL_H = 72;

/** Trees on the poster are drawn 2.2× (grove heads 2.6×, the top unit 3×): fruit stay visible on A3. */
function posterScale(t: ForestTree, forest: Forest): number {
  if (forest.crown.includes(t)) return 3;
  return t.depth === 0 ? 2.6 : 2.2;
}

/** Lay the forest out as one poster (A3 landscape proportions, taller if the forest needs it). */
export function layoutPoster(forest: Forest, options: PosterOptions) {
  const W = options.width ?? 2480;
  const M = 90;
  const inner = W - 2 * M;
  const cellGap = 36;
  const colGap = 70;
  const top = 330; // below title, totals and legend

  interface Block {
    cells: Cell[];
    height: number;
  }
  /** Trees flowed in rows of width `width` from (0, 0); trees stand on a common ground line per row. */
  let zoom = 1;
  const flow = (trees: ForestTree[], width: number, centre: boolean): Block => {
    const cells: Cell[] = [];
    let y = 0;
    let row: Cell[] = [];
    let x = 0;
    let rowH = 0;
    const flush = () => {
      if (!row.length) return;
      const shift = centre ? (width - (x - cellGap)) / 2 : 0;
      for (const c of row) cells.push({ ...c, x: c.x + shift, y: y + (rowH - c.h) });
      y += rowH + cellGap;
      row = [];
      x = 0;
      rowH = 0;
    };
    for (const t of trees) {
      const s = Math.min(posterScale(t, forest) * zoom, width / t.layout.width);
      const w = Math.min(width, Math.max(260 * Math.max(zoom, 0.7), t.layout.width * s));
      const h = t.layout.height * s + LABEL_H;
      if (x > 0 && x + w > width) flush();
      row.push({ tree: t, x, y: 0, w, h, s });
      x += w + cellGap;
      rowH = Math.max(rowH, h);
    }
    flush();
    return { cells, height: Math.max(0, y - cellGap) };
  };

  const HEAD = 124;
  const A3 = 1754 / 2480;
  type Plan = { k: number; H: number; crown: Block; place: { g: Grove; block: Block; x: number; y: number; w: number }[] };
  // Groves in 1 to 4 columns (each grove to the shortest column): the count closest to A3 wins;
  // a big forest is drawn smaller (zoom) until it fits an A3 sheet (or the smallest zoom).
  let best: Plan | undefined;
  for (zoom of [1, 0.8, 0.64, 0.5, 0.4, 0.32]) {
    best = undefined;
    const crown = flow(forest.crown, inner, true);
    const groveTop = top + (crown.cells.length ? crown.height + 30 : 0);
    for (let k = 1; k <= Math.min(4, Math.max(1, forest.groves.length)); k++) {
      const colW = (inner - (k - 1) * colGap) / k;
      const heights = Array.from({ length: k }, () => 0);
      const place = forest.groves.map((g) => {
        const block = flow(g.trees, colW, false);
        const col = heights.indexOf(Math.min(...heights));
        const y = groveTop + heights[col]!;
        heights[col]! += HEAD + block.height + 50;
        return { g, block, x: M + col * (colW + colGap), y, w: colW };
      });
      const H = Math.ceil(groveTop + Math.max(0, ...heights) + 60);
      if (!best || Math.abs(H / W - A3) < Math.abs(best.H / W - A3) - 1e-9) best = { k, H, crown, place };
    }
    if (best && best.H <= W * A3 * 1.1) break;
  }
  const crown = best!.crown;
  const groveTop = top + (crown.cells.length ? crown.height + 30 : 0);
  const cells: Cell[] = crown.cells.map((c) => ({ ...c, x: round1(M + c.x), y: round1(top + c.y), w: round1(c.w), h: round1(c.h) }));
  const headings: { text: string; sub: string; x: number; y: number; right: number }[] = [];
  const rules: { x1: number; x2: number; y: number }[] = [];
  for (const p of best?.place ?? []) {
    rules.push({ x1: round1(p.x), x2: round1(p.x + p.w), y: round1(p.y + 10) });
    headings.push({ text: p.g.head.name, sub: `共 ${p.g.total} 项 · ${p.g.trees.length} 个党组织`, x: round1(p.x), y: round1(p.y + 60), right: round1(p.x + p.w) });
    for (const c of p.block.cells) cells.push({ ...c, x: round1(p.x + c.x), y: round1(p.y + HEAD + c.y), w: round1(c.w), h: round1(c.h) });
  }
  const H = Math.max(Math.round(W * A3), best?.H ?? 0, Math.ceil(groveTop + 60));
  return { width: W, height: H, margin: M, cells, headings, rules, columns: best?.k ?? 1 };
}

/** The whole forest as one SVG (for the PNG): no links, no external references. */
export function renderForestSvg(forest: Forest, options: PosterOptions): string {
  const p = layoutPoster(forest, options);
  const out: string[] = [];
  const font = escapeXml(FONT_FAMILY);
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${p.width} ${p.height}" width="${p.width}" height="${p.height}" font-family="${font}">`,
  );
  out.push(`<rect width="${p.width}" height="${p.height}" fill="${TREE_COLORS.paper}"/>`);
  out.push(
    `<rect x="30" y="30" width="${p.width - 60}" height="${p.height - 60}" fill="none" stroke="#d9b36c" stroke-width="3"/>`,
  );
  out.push(`<rect x="0" y="0" width="${p.width}" height="14" fill="#a8111a"/>`);
  out.push(
    `<text x="${p.width / 2}" y="150" text-anchor="middle" font-size="84" font-weight="700" fill="#a8111a">${escapeXml(options.title)}</text>`,
  );
  out.push(
    `<text x="${p.width / 2}" y="212" text-anchor="middle" font-size="32" fill="${TREE_COLORS.label}">${escapeXml(options.subtitle)}</text>`,
  );
  // Legend with totals per column.
  const items = forest.counts;
  const itemW = 380;
  let lx = p.width / 2 - (items.length * itemW) / 2;
  for (const c of items) {
    const shape = legendShape(c.column, 14);
    out.push(
      `<g transform="translate(${round1(lx)} 248)"><path d="${shape.d}" fill="${shape.fill}" stroke="${shape.stroke}" stroke-width="1.5"/><text x="42" y="24" font-size="28" fill="${TREE_COLORS.label}">${escapeXml(COLUMNS[c.column].name)} ${c.count}</text></g>`,
    );
    lx += itemW;
  }
  for (const r of p.rules) out.push(`<line x1="${r.x1}" x2="${r.x2}" y1="${r.y}" y2="${r.y}" stroke="#e3c3bf" stroke-width="2"/>`);
  for (const h of p.headings) {
    out.push(`<text x="${h.x}" y="${h.y}" font-size="40" font-weight="700" fill="#7d0c13">${escapeXml(h.text)}</text>`);
    out.push(
      `<text x="${h.x}" y="${round1(h.y + 40)}" font-size="26" fill="${TREE_COLORS.label}">${escapeXml(h.sub)}</text>`,
    );
  }
  p.cells.forEach((c, i) => {
    const s = c.s;
    const tw = c.tree.layout.width * s;
    const th = c.tree.layout.height * s;
    out.push(
      renderTreeSvg(c.tree.layout, {
        title: c.tree.unit.name,
        interactive: false,
        idPrefix: `p${i}`,
        position: { x: c.x + (c.w - tw) / 2, y: c.y, width: tw, height: th },
      }),
    );
    const name = c.tree.unit.short ?? c.tree.unit.name;
    out.push(
      `<text x="${round1(c.x + c.w / 2)}" y="${round1(c.y + th + 32)}" text-anchor="middle" font-size="${c.tree.depth === 0 ? 32 : 28}" font-weight="700" fill="${TREE_COLORS.label}">${escapeXml(name)}</text>`,
    );
    out.push(
      `<text x="${round1(c.x + c.w / 2)}" y="${round1(c.y + th + 62)}" text-anchor="middle" font-size="22" fill="#575757">${escapeXml(`${UNIT_KINDS[c.tree.unit.kind]} · ${c.tree.fruits.length} 项`)}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('');
}

