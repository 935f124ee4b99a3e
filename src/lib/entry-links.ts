/**
 * Links between entries are written as the relative path of the other Markdown file
 * (`[第12期](../salon/2025-12.md)`); this resolves them to the entry's column and slug.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { isColumnId, type ColumnId } from './columns.ts';
import { readFrontMatterFile } from './front-matter.ts';
import { entrySlug } from './slug.ts';

export interface LinkTarget {
  column: ColumnId;
  /** Path of the target inside its column folder, e.g. `2025-12.md` or `三训体系/index.md`. */
  relativePath: string;
  /** Absolute path of the target file. */
  file: string;
  /** `#fragment` part, if any. */
  hash: string;
}

/** True for an href that points at a Markdown file by a relative path. */
export function isEntryHref(href: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/') || href.startsWith('#')) return false;
  return /\.mdx?(?:#.*)?$/i.test(href);
}

/** Where a relative `.md` link from `fromFile` points, or null when it is not an entry link. */
export function resolveEntryHref(fromFile: string, href: string, contentRoot: string): LinkTarget | null {
  if (!isEntryHref(href)) return null;
  const [rawPath = '', fragment] = href.split('#', 2);
  let decoded = rawPath;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    /* keep as written */
  }
  const file = path.resolve(path.dirname(fromFile), decoded);
  const rel = path.relative(contentRoot, file).split(path.sep);
  const [column, ...rest] = rel;
  if (!column || !isColumnId(column) || rest.length === 0) return null;
  return { column, relativePath: rest.join('/'), file, hash: fragment ? `#${fragment}` : '' };
}

const slugCache = new Map<string, { mtimeMs: number; slug: string }>();

/** The slug of the entry in `file`, or null when the file does not exist. */
export function slugOfFile(target: LinkTarget): string | null {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(target.file).mtimeMs;
  } catch {
    return null;
  }
  const hit = slugCache.get(target.file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.slug;
  const front = readFrontMatterFile(target.file);
  const slug = entrySlug(target.relativePath, front?.ok ? front.data.slug : undefined);
  slugCache.set(target.file, { mtimeMs, slug });
  return slug;
}
