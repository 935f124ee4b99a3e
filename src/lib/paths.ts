/**
 * Every URL the site prints is built here, and every one goes through `base`
 * (the sub-path the intranet serves the site under, e.g. `/dangjian/`).
 */
import type { ColumnId } from './columns.ts';

export interface Paths {
  base: string;
  /** `/dangjian/` + path; keeps a trailing slash on page paths. */
  url(path?: string): string;
  home(): string;
  column(column: ColumnId, page?: number): string;
  entry(column: ColumnId, slug: string): string;
  unit(id: string): string;
  units(): string;
  /** A file copied from content/ (videos, captions, originals): `media/COLUMN/relative/path`. */
  media(column: ColumnId, relativePath: string): string;
  /** Absolute URL with the site origin, for feeds and republished copies. */
  absolute(path: string): string;
}

export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Encode each path segment (Chinese file names) but keep the slashes. */
export function encodePath(p: string): string {
  return p
    .split('/')
    .map((seg) => encodeURIComponent(decodeURIComponentSafe(seg)))
    .join('/');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function createPaths(base: string, origin = 'http://localhost'): Paths {
  const b = normalizeBase(base);
  const url = (p = '') => b + p.replace(/^\/+/, '');
  return {
    base: b,
    url,
    home: () => b,
    column: (column, page = 1) => (page > 1 ? url(`${column}/page/${page}/`) : url(`${column}/`)),
    entry: (column, slug) => url(`${column}/${slug}/`),
    unit: (id) => url(`units/${id}/`),
    units: () => url('units/'),
    media: (column, relativePath) => url(`media/${column}/${encodePath(relativePath.replace(/^\.\//, ''))}`),
    absolute: (p) => new URL(p.startsWith('/') ? p : url(p), origin.replace(/\/+$/, '') + '/').href,
  };
}

/** True for a root-relative URL that is not yet under `base` (Markdown links ignore base). */
export function needsBase(href: string, base: string): boolean {
  const b = normalizeBase(base);
  if (!href.startsWith('/') || href.startsWith('//')) return false;
  if (b === '/') return false;
  return !(href === b.slice(0, -1) || href.startsWith(b));
}

/**
 * For dev-server middlewares: the part of a request path below `BASE/dir/`, or undefined.
 * Vite strips the base from some requests before middlewares see them, so `/dir/` counts too.
 */
export function pathBelow(requestUrl: string, base: string, dir: string): string | undefined {
  const url = requestUrl.split('?')[0] ?? '';
  const prefix = [`${normalizeBase(base)}${dir}/`, `/${dir}/`].find((p) => url.startsWith(p));
  return prefix === undefined ? undefined : url.slice(prefix.length);
}
