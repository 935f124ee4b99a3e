/**
 * Entry slugs: the last part of an entry's URL. Authors may name files in Chinese
 * (`三训体系.md`); those get a readable, stable pinyin slug (`san-xun-ti-xi`).
 */
import { pinyin } from 'pinyin-pro';

/** Lowercase ASCII letters, digits and single hyphens between them. */
export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Slugs that would collide with the site's own pages inside a column. */
export const RESERVED_SLUGS = ['page', 'rss', 'showcase', 'feed'] as const;

export function isValidSlug(value: string): boolean {
  return SLUG_RE.test(value);
}

const HAN_RE = /\p{Script=Han}/u;

/** Turn any name (Chinese, mixed, ASCII with spaces) into a slug; '' when nothing readable is left. */
export function slugify(name: string): string {
  const normalized = name.normalize('NFKC');
  const words = HAN_RE.test(normalized)
    ? pinyin(normalized, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    : [normalized];
  return words
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/-{2,}/g, '-');
}

/**
 * NAME of an entry from its path inside the column folder:
 * `三训体系.md` → `三训体系`, `2026-05/index.md` → `2026-05`.
 */
export function entryName(relativePath: string): string {
  const parts = relativePath.replace(/\\/g, '/').split('/').filter(Boolean);
  const file = parts.at(-1) ?? '';
  const stem = file.replace(/\.(md|mdx)$/i, '');
  if (stem.toLowerCase() === 'index' && parts.length >= 2) return parts.at(-2) ?? stem;
  return stem;
}

/** The entry's slug: its `slug` field if given, else derived from NAME. */
export function entrySlug(relativePath: string, slugField?: unknown): string {
  if (typeof slugField === 'string' && slugField.trim() !== '') return slugField.trim();
  const name = entryName(relativePath);
  return isValidSlug(name) ? name : slugify(name) || name;
}
