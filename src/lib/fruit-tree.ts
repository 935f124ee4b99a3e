/**
 * 红果树: a unit's published entries drawn as fruit on a tree. Pure and deterministic:
 * plain data in, numbers (rounded to 0.1) and SVG text out. No randomness, no astro:content.
 *
 * Layout: a trunk grows up from the ground; each year is one branch (oldest lowest), branches
 * go to whichever side (left/right) is lower so far, so the crown stays balanced. A branch's
 * fruit sit on a staggered grid along it (rows of `step`), so no two fruit overlap whatever the
 * count; fruit radius shrinks from 14 to 6 as the count grows (1 → 200 fruit stay readable).
 */
import { escapeMarkup as escapeXml } from './escape.ts';
import { COLUMN_IDS, COLUMNS, type ColumnId } from './columns.ts';

export interface Fruit {
  /** Stable key (column/slug). */
  key: string;
  title: string;
  href: string;
  column: ColumnId;
  /** YYYY-MM-DD */
  date: string;
  /** Set when the fruit is a sub-unit's (drawn hollow, named in its label). */
  fromUnit?: string | undefined;
}

export type FruitShape = 'diamond' | 'circle' | 'star' | 'play';

export interface ColumnStyle {
  shape: FruitShape;
  fill: string;
  /** Darker edge: keeps every fruit at 3:1 against the paper and the crown. */
  stroke: string;
  /** Name of the shape, for the legend text. */
  shapeName: string;
}

/** Coloured AND shaped by column, so colour is never the only cue. */
export const COLUMN_STYLE: Record<ColumnId, ColumnStyle> = {
  'one-picture': { shape: 'diamond', fill: '#7d0c13', stroke: '#3d0508', shapeName: '菱形' },
  salon: { shape: 'circle', fill: '#c8232c', stroke: '#6e0b10', shapeName: '圆形' },
  highlights: { shape: 'star', fill: '#e2a72e', stroke: '#7a4b00', shapeName: '五角星' },
  videos: { shape: 'play', fill: '#d9622b', stroke: '#7a2a08', shapeName: '三角形' },
};

/**
 * A flat, layered palette (an annual report's illustration): two browns for the trunk, three
 * sage greens for the canopy (shade, body, light), kept pale so every fruit stands out.
 */
export const TREE_COLORS = {
  trunk: '#6b4a32',
  trunkDark: '#4e3322',
  trunkLight: '#8c6544',
  crown: '#d6e3c1',
  crownShade: '#bfd1a3',
  crownLight: '#e6eed8',
  crownEdge: '#c9d3b3',
  leaf: '#7d9a5b',
  leafDark: '#5f7f43',
  ground: '#e3d6c0',
  groundDark: '#cdbb9c',
  grass: '#8fae6c',
  label: '#4a3b2c',
  paper: '#faf7f2',
} as const;

export const FONT_FAMILY = "'Noto Serif CJK SC', 'Noto Sans CJK SC', 'Source Han Serif SC', 'Songti SC', 'SimSun', serif";

export interface PlacedFruit extends Fruit {
  x: number;
  y: number;
  r: number;
  year: string;
}

export interface Branch {
  year: string;
  /** -1 left, 1 right, 0 a single year's crown centred on the trunk. */
  side: -1 | 0 | 1;
  /** SVG path of the branch's centre line. */
  d: string;
  /** The branch drawn as a filled shape tapering from the trunk to the tip. */
  shape: string;
  width: number;
  /** Year label position. */
  labelX: number;
  labelY: number;
  anchor: 'start' | 'end';
  /** Crown (canopy) ellipse behind the fruit. */
  crown: { cx: number; cy: number; rx: number; ry: number };
  fruits: PlacedFruit[];
}

export interface TreeLayout {
  width: number;
  height: number;
  /** Fruit radius used. */
  r: number;
  trunk: { d: string; width: number; /** lit side of the trunk */ light: string };
  groundY: number;
  branches: Branch[];
  /** No fruit: drawn as a sapling. */
  bare: boolean;
  sapling?: { leaves: string[]; veins: string[] };
  count: number;
  /** Year labels drawn. */
  yearLabels: boolean;
}

export interface LayoutOptions {
  /** Fixed fruit radius (the forest uses one radius for all trees so their sizes compare). */
  radius?: number;
  /** Room for year labels beside the branches (default true; the forest leaves them out). */
  yearLabels?: boolean;
}

export const round1 = (n: number): number => {
  const v = Math.round(n * 10) / 10;
  return Object.is(v, -0) ? 0 : v;
};

/** Fruit radius for a tree of `n` fruit: 14 for one, down to 6 for ~100 and more. */
export function fruitRadius(n: number): number {
  return round1(Math.max(6, Math.min(14, 16 - 1.6 * Math.log2(n + 1))));
}

/** Rows of fruit on a branch of `n` fruit. */
export function branchRows(n: number): number {
  if (n <= 4) return 1;
  if (n <= 12) return 2;
  if (n <= 30) return 3;
  return Math.min(6, Math.ceil(Math.sqrt(n / 3)));
}

const TILT = 0.22;

export function compareFruit(a: Fruit, b: Fruit): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const ca = COLUMN_IDS.indexOf(a.column);
  const cb = COLUMN_IDS.indexOf(b.column);
  if (ca !== cb) return ca - cb;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export function layoutTree(input: readonly Fruit[], options: LayoutOptions = {}): TreeLayout {
  const fruits = [...input].sort(compareFruit);
  const n = fruits.length;
  if (n === 0) return saplingLayout();
  const r = options.radius ?? fruitRadius(n);
  const step = round1(2 * r + Math.max(3, r * 0.45));
  const trunkHalf = Math.max(6, Math.min(16, 5 + Math.sqrt(n) * 0.9));
  const gap = step * 0.6; // between bands on one side
  const years = [...new Set(fruits.map((f) => f.date.slice(0, 4)))].sort();

  // First pass, in a frame where the trunk is at x=0 and the crown base at y=0 (y grows down).
  interface Band {
    year: string;
    side: -1 | 0 | 1;
    bottom: number; // y of the band's lowest row (at the trunk)
    rows: number;
    cols: number;
    items: Fruit[];
  }
  const cursor = { [-1]: 0, [1]: step * 0.5 } as Record<-1 | 1, number>;
  const bands: Band[] = [];
  let lastSide: -1 | 1 = 1;
  for (const year of years) {
    const items = fruits.filter((f) => f.date.startsWith(year));
    const rows = branchRows(items.length);
    const cols = Math.ceil(items.length / rows);
    if (years.length === 1) {
      // One year: a round crown centred on the trunk, fullest row at the bottom.
      const domeCols = items.length <= 3 ? items.length : Math.ceil(Math.sqrt(items.length * 1.6));
      bands.push({ year, side: 0, bottom: 0, rows: Math.ceil(items.length / domeCols), cols: domeCols, items });
      break;
    }
    const side: -1 | 1 = cursor[-1] < cursor[1] ? -1 : cursor[1] < cursor[-1] ? 1 : lastSide === 1 ? -1 : 1;
    const bottom = -cursor[side];
    bands.push({ year, side, bottom, rows, cols, items });
    cursor[side] += rows * step + gap;
    lastSide = side;
  }

  const start = trunkHalf + step * 0.75; // first fruit centre from the trunk axis
  const placedBands = bands.map((b) => {
    if (b.side === 0) {
      const placed: PlacedFruit[] = b.items.map((f, i) => {
        const row = Math.floor(i / b.cols);
        const inRow = Math.min(b.cols, b.items.length - row * b.cols);
        const col = i % b.cols;
        const x = (col - (inRow - 1) / 2) * step;
        return { ...f, year: b.year, x, y: -step / 2 - row * step, r };
      });
      return { band: b, placed, reach: ((b.cols - 1) / 2) * step };
    }
    const placed: PlacedFruit[] = b.items.map((f, i) => {
      // Fill column by column from the trunk outwards, rows bottom-up, staggered.
      const col = Math.floor(i / b.rows);
      const row = i % b.rows;
      const dx = start + col * step + (row % 2) * (step / 2);
      const y = b.bottom - step / 2 - row * step - dx * TILT;
      return { ...f, year: b.year, x: b.side * dx, y, r };
    });
    const reach = start + (b.cols - 1) * step + (b.rows > 1 ? step / 2 : 0);
    return { band: b, placed, reach };
  });

  const maxReach = Math.max(...placedBands.map((p) => p.reach));
  const yearLabels = options.yearLabels ?? true;
  const labelW = yearLabels ? 34 : 0; // "2026" in ~15px serif
  const margin = r + 10;
  const halfW = maxReach + r + 8 + labelW + margin;
  const width = round1(2 * halfW);
  const cx = halfW;
  const topY = Math.min(...placedBands.flatMap((p) => p.placed.map((f) => f.y - f.r)));
  const trunkLen = Math.max(48, step * 2.2);
  const crownTopPad = margin + 6;
  // Shift: crown top at crownTopPad.
  const oy = crownTopPad - topY;
  const crownBase = oy; // y of band frame origin
  const groundY = round1(crownBase + trunkLen);
  const height = round1(groundY + 22);

  const branches: Branch[] = placedBands.map(({ band, placed, reach }) => {
    const s = band.side;
    const fr = placed.map((f) => ({ ...f, x: round1(cx + f.x), y: round1(oy + f.y) }));
    const xs = fr.map((f) => f.x);
    const ys = fr.map((f) => f.y);
    const minX = Math.min(...xs);
    const maxX = Math.max(...xs);
    const minY = Math.min(...ys);
    const maxY = Math.max(...ys);
    const crown = {
      cx: round1((minX + maxX) / 2),
      cy: round1((minY + maxY) / 2),
      rx: round1((maxX - minX) / 2 + r + step * 0.35),
      ry: round1((maxY - minY) / 2 + r + step * 0.35),
    };
    const bw = round1(Math.max(2.5, Math.min(9, 2 + Math.sqrt(placed.length) * 1.1)));
    if (s === 0) {
      // Two short forks from the trunk top towards the crown's lower corners.
      const y0 = crownBase + step * 0.2;
      const yb = maxY;
      const spread = Math.max(step * 0.6, (maxX - minX) / 2);
      const d = `M${round1(cx)} ${round1(y0)}Q${round1(cx - spread * 0.3)} ${round1(yb)} ${round1(cx - spread)} ${round1(yb - step * 0.2)}M${round1(cx)} ${round1(y0)}Q${round1(cx + spread * 0.3)} ${round1(yb)} ${round1(cx + spread)} ${round1(yb - step * 0.2)}`;
      const shape =
        taper(cx, y0 + bw, cx - spread * 0.3, yb, cx - spread, yb - step * 0.2, bw * 1.2) +
        taper(cx, y0 + bw, cx + spread * 0.3, yb, cx + spread, yb - step * 0.2, bw * 1.2);
      return { year: band.year, side: s, d, shape, width: bw, labelX: round1(crown.cx + crown.rx + 6), labelY: round1(crown.cy + 5), anchor: 'start' as const, crown, fruits: fr };
    }
    const baseY = crownBase + band.bottom - step * 0.1;
    const tipDx = reach + r * 0.6;
    const tipY = baseY - tipDx * TILT - step * 0.15;
    const x0 = cx + s * trunkHalf * 0.3;
    const x1 = cx + s * tipDx;
    const midX = cx + s * tipDx * 0.45;
    const d = `M${round1(x0)} ${round1(baseY + step * 0.3)}Q${round1(midX)} ${round1(baseY - tipDx * 0.08)} ${round1(x1)} ${round1(tipY)}`;
    return {
      year: band.year,
      side: s,
      d,
      shape: taper(x0, baseY + step * 0.3, midX, baseY - tipDx * 0.08, x1, tipY, bw * 1.45),
      width: bw,
      labelX: round1(cx + s * (tipDx + r + 8)),
      labelY: round1(tipY + 5),
      anchor: s === 1 ? ('start' as const) : ('end' as const),
      crown,
      fruits: fr,
    };
  });

  const topBranch = Math.min(...branches.map((b) => b.crown.cy));
  const trunkTop = years.length === 1 ? crownBase + step * 0.1 : Math.min(crownBase, topBranch + step);
  const trunk = trunkShape(cx, groundY, trunkTop, trunkHalf);
  return { width, height, r, trunk, groundY, branches, bare: false, count: n, yearLabels };
}

/**
 * A branch as a filled shape: the quadratic curve (x0,y0)→(qx,qy)→(x1,y1) thickened to `w`
 * at the trunk and tapering to a rounded tip.
 */
function taper(x0: number, y0: number, qx: number, qy: number, x1: number, y1: number, w: number): string {
  const h = w / 2;
  const t = Math.max(0.7, w * 0.12);
  const p = (a: number, b: number) => `${round1(a)} ${round1(b)}`;
  return `M${p(x0, y0 - h)}Q${p(qx, qy - h * 0.5)} ${p(x1, y1 - t)}Q${p(x1 + (x1 > x0 ? 1.6 : x1 < x0 ? -1.6 : 0), y1)} ${p(x1, y1 + t)}Q${p(qx, qy + h * 0.5)} ${p(x0, y0 + h)}Z`;
}

/** The trunk: a root flare on the ground, tapering up; plus the strip of its lit (left) side. */
function trunkShape(cx: number, groundY: number, top: number, half: number): TreeLayout['trunk'] {
  const p = (a: number, b: number) => `${round1(a)} ${round1(b)}`;
  const mid = (groundY + top) / 2;
  const foot = groundY - half * 0.9;
  const d =
    `M${p(cx - half * 1.75, groundY)}Q${p(cx - half * 1.02, groundY - half * 0.12)} ${p(cx - half * 0.96, foot)}` +
    `C${p(cx - half * 0.6, mid)} ${p(cx - half * 0.35, top + 20)} ${p(cx - 1.5, top)}L${p(cx + 1.5, top)}` +
    `C${p(cx + half * 0.35, top + 20)} ${p(cx + half * 0.6, mid)} ${p(cx + half * 0.96, foot)}` +
    `Q${p(cx + half * 1.02, groundY - half * 0.12)} ${p(cx + half * 1.75, groundY)}Z`;
  const light =
    `M${p(cx - half * 0.78, groundY - half * 0.5)}C${p(cx - half * 0.48, mid)} ${p(cx - half * 0.3, top + 22)} ${p(cx - 1.2, top + 4)}` +
    `L${p(cx - 0.4, top + 8)}C${p(cx - half * 0.12, top + 26)} ${p(cx - half * 0.22, mid)} ${p(cx - half * 0.3, groundY - half * 0.4)}Z`;
  return { d, width: round1(half * 2), light };
}

function saplingLayout(): TreeLayout {
  const width = 120;
  const groundY = 96;
  const cx = 60;
  return {
    width,
    height: 118,
    r: 0,
    trunk: {
      d: `M${cx - 4.5} ${groundY}Q${cx - 2.6} ${groundY - 1} ${cx - 2.4} ${groundY - 6}C${cx - 1.6} 80 ${cx - 1.4} 66 ${cx - 0.9} 50L${cx + 0.9} 50C${cx + 1.4} 66 ${cx + 1.6} 80 ${cx + 2.4} ${groundY - 6}Q${cx + 2.6} ${groundY - 1} ${cx + 4.5} ${groundY}Z`,
      width: 6,
      light: '',
    },
    groundY,
    branches: [],
    bare: true,
    sapling: {
      leaves: [
        `M${cx - 1} 62C${cx - 9} 50 ${cx - 25} 49 ${cx - 33} 57C${cx - 24} 67 ${cx - 9} 68 ${cx - 1} 62Z`,
        `M${cx + 1} 55C${cx + 9} 42 ${cx + 25} 39 ${cx + 33} 45C${cx + 25} 57 ${cx + 9} 60 ${cx + 1} 55Z`,
        `M${cx} 51C${cx - 5} 43 ${cx - 3} 34 ${cx + 2} 27C${cx + 7} 36 ${cx + 5} 45 ${cx} 51Z`,
      ],
      veins: [`M${cx - 2} 61Q${cx - 15} 56 ${cx - 29} 57.5`, `M${cx + 2} 54Q${cx + 15} 47 ${cx + 29} 45.5`, `M${cx + 0.5} 49Q${cx + 1} 40 ${cx + 2} 31`],
    },
    count: 0,
    yearLabels: false,
  };
}

/**
 * A canopy cloud: the ellipse (cx, cy, rx, ry) with a scalloped edge of overlapping circles,
 * as one path of sub-paths (nonzero fill makes their union). Sizes follow a fixed pattern,
 * not randomness, so the same crown always gives the same bytes.
 */
export function cloudPath(cx: number, cy: number, rx: number, ry: number): string {
  const p = (a: number, b: number) => `${round1(a)} ${round1(b)}`;
  const circle = (x: number, y: number, r: number) => `M${p(x - r, y)}a${round1(r)} ${round1(r)} 0 1 0 ${round1(2 * r)} 0a${round1(r)} ${round1(r)} 0 1 0 ${round1(-2 * r)} 0Z`;
  const rb = Math.max(4, Math.min(34, Math.min(rx, ry) * 0.46));
  const inset = rb * 0.82;
  const ex = Math.max(1, rx - inset);
  const ey = Math.max(1, ry - inset);
  const around = Math.PI * (3 * (ex + ey) - Math.sqrt((3 * ex + ey) * (ex + 3 * ey)));
  const n = Math.max(6, Math.min(22, Math.round(around / (rb * 1.15))));
  const pattern = [0, -0.14, 0.1, -0.06, 0.16, -0.1, 0.05];
  let d = `M${p(cx - ex, cy)}a${round1(ex)} ${round1(ey)} 0 1 0 ${round1(2 * ex)} 0a${round1(ex)} ${round1(ey)} 0 1 0 ${round1(-2 * ex)} 0Z`;
  for (let i = 0; i < n; i++) {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
    d += circle(cx + ex * Math.cos(a), cy + ey * Math.sin(a), rb * (1 + pattern[i % pattern.length]!));
  }
  return d;
}

/** A tuft of three blades of grass standing at (x, y). */
function grass(x: number, y: number): string {
  const p = (a: number, b: number) => `${round1(a)} ${round1(b)}`;
  return `M${p(x - 4, y)}q${p(-1, -4)} ${p(-3, -7)}M${p(x, y)}q${p(0.5, -5)} ${p(1, -9)}M${p(x + 4, y)}q${p(1.5, -3.5)} ${p(4, -6)}`;
}

/** SVG path (or element) of a fruit shape centred at (x, y) with radius r. */
export function shapePath(shape: FruitShape, x: number, y: number, r: number): string {
  const p = (a: number, b: number) => `${round1(a)} ${round1(b)}`;
  switch (shape) {
    case 'circle':
      return `M${p(x - r, y)}A${round1(r)} ${round1(r)} 0 1 0 ${p(x + r, y)}A${round1(r)} ${round1(r)} 0 1 0 ${p(x - r, y)}Z`;
    case 'diamond': {
      const k = r * 1.08;
      return `M${p(x, y - k)}L${p(x + k, y)}L${p(x, y + k)}L${p(x - k, y)}Z`;
    }
    case 'play': {
      const k = r * 1.05;
      return `M${p(x - k * 0.75, y - k)}L${p(x + k, y)}L${p(x - k * 0.75, y + k)}Z`;
    }
    case 'star': {
      const outer = r * 1.12;
      const inner = outer * 0.48;
      let d = '';
      for (let i = 0; i < 10; i++) {
        const rad = i % 2 === 0 ? outer : inner;
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        d += `${i === 0 ? 'M' : 'L'}${p(x + rad * Math.cos(a), y + rad * Math.sin(a) + r * 0.08)}`;
      }
      return `${d}Z`;
    }
  }
}

/** Text and attribute values in the SVG: the one escaper (src/lib/escape.ts). */
export { escapeXml };

/** Accessible name of a fruit: title, column, date, and the sub-unit if it is one's. */
export function fruitLabel(f: Fruit): string {
  const day = `${Number(f.date.slice(0, 4))}年${Number(f.date.slice(5, 7))}月${Number(f.date.slice(8, 10))}日`;
  return `${f.title}（${COLUMNS[f.column].name}，${day}${f.fromUnit ? `，${f.fromUnit}` : ''}）`;
}

export interface RenderOptions {
  /** Accessible title of the whole SVG. */
  title: string;
  /** Links and focus rings (HTML pages); false for PNG. */
  interactive: boolean;
  /** id prefix for ids inside the SVG (unique per page). */
  idPrefix?: string;
  /** Rendered size: the viewBox size times this, written in rem (16 px each at the default text size). */
  scale?: number;
  /** Extra attributes on <svg> (e.g. x/y when nested in the forest poster). */
  position?: { x: number; y: number; width: number; height: number };
  /** Text written on the ground (the unit's name, for posters). */
  caption?: string;
}

/** The tree as SVG markup. The same layout and options always give the same bytes. */
export function renderTreeSvg(layout: TreeLayout, options: RenderOptions): string {
  const { width, height } = layout;
  const id = options.idPrefix ?? 'tree';
  const size = options.position
    ? `x="${round1(options.position.x)}" y="${round1(options.position.y)}" width="${round1(options.position.width)}" height="${round1(options.position.height)}"`
    : // In rem, so the drawing grows with the page's text (大字 mode sets the root font to 150%).
      `width="${round1((width * (options.scale ?? 1)) / 16)}rem" height="${round1((height * (options.scale ?? 1)) / 16)}rem"`;
  const out: string[] = [];
  const role = options.interactive ? 'group' : 'img';
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" ${size} role="${role}" aria-labelledby="${id}-t" class="fruit-tree-svg" font-family="${escapeXml(FONT_FAMILY)}">`,
  );
  out.push(`<title id="${id}-t">${escapeXml(options.title)}</title>`);
  // Ground: a soft shadow, a darker patch under the trunk, two tufts of grass.
  const cx = width / 2;
  const groundRx = Math.min(width / 2 - 4, Math.max(40, layout.trunk.width * 4));
  out.push(
    `<ellipse cx="${round1(cx)}" cy="${round1(layout.groundY + 2)}" rx="${round1(groundRx)}" ry="7" fill="${TREE_COLORS.ground}"/>`,
    `<ellipse cx="${round1(cx)}" cy="${round1(layout.groundY + 1)}" rx="${round1(Math.max(8, layout.trunk.width * 1.5))}" ry="3" fill="${TREE_COLORS.groundDark}"/>`,
    `<path d="${grass(cx - groundRx * 0.62, layout.groundY + 2)}${grass(cx + groundRx * 0.5, layout.groundY + 3)}" fill="none" stroke="${TREE_COLORS.grass}" stroke-width="1.4" stroke-linecap="round"/>`,
  );
  // The canopy in three layers: shade (offset down-right), body, light (upper left).
  if (layout.branches.length) {
    const minX = Math.min(...layout.branches.map((b) => b.crown.cx - b.crown.rx));
    const maxX = Math.max(...layout.branches.map((b) => b.crown.cx + b.crown.rx));
    const minY = Math.min(...layout.branches.map((b) => b.crown.cy - b.crown.ry));
    const maxY = Math.max(...layout.branches.map((b) => b.crown.cy + b.crown.ry));
    const all = { cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, rx: (maxX - minX) / 2, ry: (maxY - minY) / 2 };
    const crowns = layout.branches.length > 1 ? [all, ...layout.branches.map((b) => b.crown)] : [all];
    const off = Math.max(2, Math.min(6, all.ry * 0.06));
    out.push(`<path d="${crowns.map((c) => cloudPath(c.cx + off, c.cy + off * 1.4, c.rx * 0.97, c.ry * 0.97)).join('')}" fill="${TREE_COLORS.crownShade}"/>`);
    out.push(`<path d="${crowns.map((c) => cloudPath(c.cx, c.cy, c.rx * 0.95, c.ry * 0.95)).join('')}" fill="${TREE_COLORS.crown}"/>`);
    out.push(`<path d="${cloudPath(all.cx - all.rx * 0.24, all.cy - all.ry * 0.26, all.rx * 0.5, all.ry * 0.44)}" fill="${TREE_COLORS.crownLight}"/>`);
  }
  out.push(`<path d="${layout.trunk.d}" fill="${TREE_COLORS.trunk}"/>`);
  if (layout.trunk.light) out.push(`<path d="${layout.trunk.light}" fill="${TREE_COLORS.trunkLight}"/>`);
  if (layout.sapling) {
    layout.sapling.leaves.forEach((leaf, i) => out.push(`<path d="${leaf}" fill="${i === 1 ? TREE_COLORS.leafDark : TREE_COLORS.leaf}"/>`));
    out.push(`<path d="${layout.sapling.veins.join('')}" fill="none" stroke="${TREE_COLORS.crownLight}" stroke-width="0.9" stroke-linecap="round"/>`);
  }
  if (layout.branches.length) out.push(`<path d="${layout.branches.map((b) => b.shape).join('')}" fill="${TREE_COLORS.trunk}"/>`);
  for (const b of layout.branches) {
    out.push(
      `<g class="fruit-branch" role="${options.interactive ? 'list' : 'presentation'}"${options.interactive ? ` aria-label="${b.year}年，${b.fruits.length}项"` : ''}>`,
    );
    if (layout.yearLabels)
      out.push(
        `<text x="${b.labelX}" y="${b.labelY}" text-anchor="${b.anchor}" font-size="15" font-weight="700" fill="${TREE_COLORS.label}" aria-hidden="true">${b.year}</text>`,
      );
    for (const f of b.fruits) {
      const st = COLUMN_STYLE[f.column];
      const d = shapePath(st.shape, f.x, f.y, f.r);
      const sub = Boolean(f.fromUnit);
      const shape = sub
        ? `<path class="fruit" d="${d}" fill="${TREE_COLORS.paper}" stroke="${st.fill}" stroke-width="${round1(Math.max(2, f.r * 0.32))}" stroke-linejoin="round"/>`
        : `<path class="fruit" d="${d}" fill="${st.fill}" stroke="${st.stroke}" stroke-width="1.2" stroke-linejoin="round"/>`;
      if (options.interactive) {
        const ring = `<circle class="fruit-ring" cx="${f.x}" cy="${f.y}" r="${round1(f.r + 4.5)}" fill="none"/>`;
        // The list item wraps the link (a link given role=listitem would stop being a link to screen readers).
        out.push(
          `<g role="listitem"><a href="${escapeXml(f.href)}" aria-label="${escapeXml(fruitLabel(f))}"><title>${escapeXml(fruitLabel(f))}</title>${ring}${shape}</a></g>`,
        );
      } else out.push(shape);
    }
    out.push('</g>');
  }
  // A glint on each solid fruit (one path for the whole tree; the forest's small fruit go without).
  const glints = layout.r >= 7 ? layout.branches.flatMap((b) => b.fruits.filter((f) => !f.fromUnit && COLUMN_STYLE[f.column].shape !== 'play')) : [];
  if (glints.length) {
    const g = glints
      .map((f) => {
        const gr = round1(f.r * 0.26);
        return `M${round1(f.x - f.r * 0.38 - gr)} ${round1(f.y - f.r * 0.3)}a${gr} ${gr} 0 1 0 ${round1(2 * gr)} 0a${gr} ${gr} 0 1 0 ${round1(-2 * gr)} 0Z`;
      })
      .join('');
    out.push(`<path d="${g}" fill="#fff" fill-opacity="0.5" pointer-events="none" aria-hidden="true"/>`);
  }
  if (options.caption) {
    out.push(
      `<text x="${round1(cx)}" y="${round1(layout.groundY + 19)}" text-anchor="middle" font-size="13" fill="${TREE_COLORS.label}">${escapeXml(options.caption)}</text>`,
    );
  }
  out.push('</svg>');
  return out.join('');
}

export interface ColumnCount {
  column: ColumnId;
  count: number;
}

/** Counts per column, in column order (zeros included). */
export function countByColumn(fruits: readonly Pick<Fruit, 'column'>[]): ColumnCount[] {
  return COLUMN_IDS.map((column) => ({ column, count: fruits.filter((f) => f.column === column).length }));
}

/** Legend items: shape path at the origin-centred 12×12 box for each column. */
export function legendShape(column: ColumnId, r = 7): { d: string; fill: string; stroke: string } {
  const st = COLUMN_STYLE[column];
  return { d: shapePath(st.shape, r + 2, r + 2, r), fill: st.fill, stroke: st.stroke };
}

/** Does any pair of fruit overlap (centres closer than the sum of radii)? For tests and checks. */
export function overlaps(layout: TreeLayout): boolean {
  const all = layout.branches.flatMap((b) => b.fruits);
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!;
      const b = all[j]!;
      if (Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r) return true;
    }
  return false;
}

/** A single tree as a poster (for the PNG): heading, the tree, legend with counts. */
export function renderTreePoster(layout: TreeLayout, options: { heading: string; sub: string; counts: ColumnCount[]; showSub?: boolean }): string {
  const scale = 2;
  const treeW = layout.width * scale;
  const treeH = layout.height * scale;
  const W = round1(Math.max(treeW + 120, 1200));
  const top = 170;
  const legendY = top + treeH + 40;
  const H = round1(legendY + (options.showSub ? 110 : 70));
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="${escapeXml(FONT_FAMILY)}">`);
  out.push(`<rect width="${W}" height="${H}" fill="${TREE_COLORS.paper}"/><rect width="${W}" height="10" fill="#a8111a"/>`);
  out.push(`<rect x="16" y="26" width="${round1(W - 32)}" height="${round1(H - 42)}" fill="none" stroke="#d9b36c" stroke-width="2"/>`);
  out.push(`<text x="${round1(W / 2)}" y="96" text-anchor="middle" font-size="48" font-weight="700" fill="#a8111a">${escapeXml(options.heading)}</text>`);
  out.push(`<text x="${round1(W / 2)}" y="142" text-anchor="middle" font-size="24" fill="${TREE_COLORS.label}">${escapeXml(options.sub)}</text>`);
  out.push(renderTreeSvg(layout, { title: options.heading, interactive: false, idPrefix: 'poster', position: { x: (W - treeW) / 2, y: top, width: treeW, height: treeH } }));
  const itemW = 270;
  let lx = W / 2 - (options.counts.length * itemW) / 2;
  for (const c of options.counts) {
    const s = legendShape(c.column, 11);
    out.push(
      `<g transform="translate(${round1(lx)} ${round1(legendY)})"><path d="${s.d}" fill="${s.fill}" stroke="${s.stroke}" stroke-width="1.5"/><text x="34" y="19" font-size="22" fill="${TREE_COLORS.label}">${escapeXml(COLUMNS[c.column].name)} ${c.count}</text></g>`,
    );
    lx += itemW;
  }
  if (options.showSub) {
    out.push(`<text x="${round1(W / 2)}" y="${round1(legendY + 68)}" text-anchor="middle" font-size="20" fill="#575757">空心果实为下级党组织的成果</text>`);
  }
  out.push('</svg>');
  return out.join('');
}
