/**
 * The route table: every URL the site prints is built here, and every one goes through
 * `base` (the sub-path the intranet serves the site under, e.g. `/dangjian/`). A build test
 * (test/build/routes.test.ts) asserts that each of these URLs exists in the built site.
 */
import type { ColumnId } from './columns.ts';

export interface Paths {
  base: string;
  /** `/dangjian/` + path; keeps a trailing slash on page paths. */
  url(path?: string): string;
  home(): string;
  /** A column's index, page 1 at `/COLUMN/`, later pages at `/COLUMN/page/N/`. */
  column(column: ColumnId, page?: number): string;
  entry(column: ColumnId, slug: string): string;
  units(): string;
  unit(id: string): string;
  /** The unit's archive: its entries and its sub-units', by year and month. */
  unitArchive(id: string): string;
  /** The unit's 红果树 as a PNG. */
  unitTreePng(id: string): string;
  /** 红色档案柜: all years, or one year. */
  archive(year?: number | string): string;
  tags(): string;
  tag(slug: string): string;
  /** 红树林: all years, or one year. */
  forest(year?: number | string): string;
  forestPng(year?: number | string): string;
  search(): string;
  /** The search index folder (`file` empty) or one of its files (src/lib/search/model.ts names them). */
  searchIndex(file?: string): string;
  /** RSS 2.0 of the whole site, or of one column. */
  rss(column?: ColumnId): string;
  /** JSON Feed 1.1 of the highlights. */
  jsonFeed(): string;
  /** The lobby-screen player of the videos column. */
  showcase(): string;
  /** 转载包 of a highlight. */
  kit(slug: string): string;
  /** A kit image published beside a highlight (`file` as in the kit: `images/NAME-web.jpg`). */
  kitImage(slug: string, file: string): string;
  /**
   * The published JPEG/PNG copy of an image of an entry whose body leaves the site (feeds,
   * 复制正文, kits): `COLUMN/SLUG/images/NAME-web.jpg` (`file` as in the kit).
   */
  entryImage(column: ColumnId, slug: string, file: string): string;
  /** A highlight's 复制正文 (HTML and text/plain), fetched by the button. */
  copy(slug: string): string;
  /** A generated video poster (file name under `_posters/`). */
  poster(file: string): string;
  /** A file copied from content/ (videos, captions, attachments): `media/COLUMN/relative/path` (a file path, not a URL: every character is the file's). */
  media(column: ColumnId, relativePath: string): string;
  /** A file of public/ (favicon.svg). */
  asset(file: string): string;
  /** Absolute URL with the site origin, for feeds and republished copies. */
  absolute(path: string): string;
}

/** `dangjian`, `/dangjian`, `/dangjian//` → `/dangjian/`; '' and '/' → '/'. The one normaliser of `base`. */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
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

/** Folder of the generated video posters in the output. */
export const POSTERS_DIR = '_posters';
/** Folder of the search index in the built site (written by src/integrations/search.ts). */
export const SEARCH_INDEX_DIR = 'search-index';
/** File name of a highlight's 转载包. */
export const KIT_FILE = 'republish-kit.zip';

export function createPaths(base: string, origin = 'http://localhost'): Paths {
  const b = normalizeBase(base);
  const url = (p = '') => b + p.replace(/^\/+/, '');
  const yearPart = (year?: number | string) => (year === undefined || year === '' ? '' : `${year}/`);
  return {
    base: b,
    url,
    home: () => b,
    column: (column, page = 1) => (page > 1 ? url(`${column}/page/${page}/`) : url(`${column}/`)),
    entry: (column, slug) => url(`${column}/${slug}/`),
    units: () => url('units/'),
    unit: (id) => url(`units/${id}/`),
    unitArchive: (id) => url(`units/${id}/archive/`),
    unitTreePng: (id) => url(`units/${id}/tree.png`),
    archive: (year) => url(`archive/${yearPart(year)}`),
    tags: () => url('tags/'),
    tag: (slug) => url(`tags/${slug}/`),
    forest: (year) => url(`forest/${yearPart(year)}`),
    forestPng: (year) => url(`forest/${yearPart(year)}forest.png`),
    search: () => url('search/'),
    searchIndex: (file = '') => url(`${SEARCH_INDEX_DIR}/${file}`),
    rss: (column) => url(column ? `${column}/rss.xml` : 'rss.xml'),
    jsonFeed: () => url('highlights/feed.json'),
    showcase: () => url('videos/showcase/'),
    kit: (slug) => url(`highlights/${slug}/${KIT_FILE}`),
    kitImage: (slug, file) => url(`highlights/${slug}/${encodePath(file)}`),
    entryImage: (column, slug, file) => url(`${column}/${slug}/${encodePath(file)}`),
    copy: (slug) => url(`highlights/${slug}/copy.json`),
    poster: (file) => url(`${POSTERS_DIR}/${encodePath(file)}`),
    media: (column, relativePath) => url(`media/${column}/${relativePath.replace(/^\.\//, '').split('/').map(encodeURIComponent).join('/')}`),
    asset: (file) => url(encodePath(file)),
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
