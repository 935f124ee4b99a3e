/**
 * Files an entry refers to beside itself: Markdown link and image URLs (`./会议%20纪要.pdf`,
 * `./完成率100%.jpg`) and front-matter paths (`cover: ./封面.jpg`). One reading for the check,
 * the publish manifest, the Markdown plugins and every output, so a file name with `%` or a
 * space means the same file everywhere.
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** True for a URL written relative to the entry (not `scheme:`, `/…`, `//…` or `#…`). */
export function isRelativeUrl(url: string): boolean {
  const u = url.trim();
  return u !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(u) && !u.startsWith('/') && !u.startsWith('\\') && !u.startsWith('#');
}

function decodeSafe(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

export interface LocalUrl {
  /** Absolute path of the file (not yet checked to exist). */
  file: string;
  /** `#fragment` or `?query` written after the path, if any (`#page=2`). */
  suffix: string;
}

/**
 * The file a relative Markdown URL names. A URL's `%20` means a space, so the decoded name is
 * tried first; a name that only exists as written (`完成率100%.jpg`, where `%.j` is no escape)
 * is found too. `fileExists` defaults to the file system.
 */
export function resolveLocalUrl(fromFile: string, url: string, fileExists: (abs: string) => boolean = existsSync): LocalUrl | null {
  if (!isRelativeUrl(url)) return null;
  const u = url.trim();
  const cut = u.search(/[?#]/);
  const written = cut < 0 ? u : u.slice(0, cut);
  const suffix = cut < 0 ? '' : u.slice(cut);
  if (!written) return null;
  const dir = path.dirname(fromFile);
  const decoded = decodeSafe(written);
  const candidates = decoded !== undefined && decoded !== written ? [decoded, written] : [written];
  const files = candidates.map((c) => path.resolve(dir, c));
  const file = files.find((f) => fileExists(f));
  if (file) return { file, suffix };
  // `./会议#1.pdf`: in a URL `#` starts a fragment, but the author meant the file of that name
  // (the publish rules then explain that such a name cannot be reached).
  if (suffix) {
    const whole = [decodeSafe(u), u].filter((c): c is string => c !== undefined).map((c) => path.resolve(dir, c));
    const named = whole.find((f) => fileExists(f));
    if (named) return { file: named, suffix: '' };
  }
  return { file: files[0]!, suffix };
}

/** A front-matter path (`cover: ./封面.jpg`): a file path as written, never URL-decoded. */
export function resolveLocalPath(fromFile: string, value: string): string | null {
  const v = value.trim();
  if (!v || /^[a-z][a-z0-9+.-]*:/i.test(v)) return null;
  return path.resolve(path.dirname(fromFile), v);
}

/**
 * The URL to write in Markdown for a file beside `fromFile` so that any URL decoder
 * (Astro's `decodeURI`, browsers) gets the exact file name back: every `%` is escaped.
 */
export function encodeRelativeUrl(fromFile: string, file: string): string {
  const rel = path.relative(path.dirname(fromFile), file).split(path.sep).join('/');
  return encodeURI(rel.startsWith('.') ? rel : `./${rel}`);
}

/** Characters a published file name may not contain: they end a URL's path (`#`, `?`). */
export const URL_BREAKING = /[#?]/;

/** The real path of `file` (links resolved) when it is inside `realRoot` (a real path too), else null; null when missing. */
export function realPathInside(file: string, realRoot: string): string | null {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return null;
  }
  const rel = path.relative(realRoot, real);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? real : null;
}
