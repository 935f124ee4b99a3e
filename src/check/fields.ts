/**
 * Every front-matter field with its Chinese name and a one-line example, per column, as the
 * check's hints use them (`照这样写：unit: hq-branch-1`). Generated from the schemas'
 * metadata (src/schemas/meta.ts): nothing about a field is written here.
 */
import { z } from 'astro/zod';
import { COLUMN_IDS, type ColumnId } from '../lib/columns.ts';
import { columnSchemas } from '../schemas/index.ts';
import { fieldsOfSchema, nestedFieldsOfSchema, type FieldMeta } from '../schemas/meta.ts';
import { siteSchema } from '../schemas/site.ts';
import { unitSchema } from '../schemas/units.ts';

export interface FieldInfo {
  /** Chinese name. */
  name: string;
  /** An example line as the author would write it. */
  example: string;
}

/** The CLI's image field: a plain path (the check looks at the file itself). */
export const cliImage = () =>
  z.string({ error: '图片应写成文章旁边图片文件的路径，例如 ./cover.jpg' }).trim().min(1, { error: '图片路径不能为空' });

/** Each column's schema as the CLI validates it. */
export const cliSchemas = {
  'one-picture': columnSchemas['one-picture']({ image: cliImage }),
  salon: columnSchemas.salon({ image: cliImage }),
  highlights: columnSchemas.highlights({ image: cliImage }),
  videos: columnSchemas.videos({ image: cliImage }),
} as const;

const infos = (fields: Record<string, FieldMeta>): Record<string, FieldInfo> =>
  Object.fromEntries(Object.entries(fields).map(([key, m]) => [key, { name: m.title, example: `${key}: ${m.example}` }]));

const COLUMN_FIELDS = Object.fromEntries(COLUMN_IDS.map((c) => [c, infos(fieldsOfSchema(cliSchemas[c]))])) as Record<
  ColumnId,
  Record<string, FieldInfo>
>;

/** Keys inside lists/objects (outline, speakers, photos, person). */
export const NESTED_FIELDS: Record<string, FieldInfo> = Object.assign(
  {},
  ...COLUMN_IDS.map((c) => infos(nestedFieldsOfSchema(cliSchemas[c]))),
);

export const UNIT_FIELDS: Record<string, FieldInfo> = infos(fieldsOfSchema(unitSchema));
export const SITE_FIELDS: Record<string, FieldInfo> = infos(fieldsOfSchema(siteSchema));

/** The fields of one column (common fields included). */
export function fieldsOf(column: ColumnId): Record<string, FieldInfo> {
  return COLUMN_FIELDS[column];
}

/** Every key an author may write anywhere (for the full-width-colon scan). */
export const ALL_KEYS: ReadonlySet<string> = new Set([
  ...Object.values(COLUMN_FIELDS).flatMap((f) => Object.keys(f)),
  ...Object.keys(NESTED_FIELDS),
  ...Object.keys(UNIT_FIELDS),
  ...Object.keys(SITE_FIELDS),
]);

/** Edit distance, for “did you mean …” suggestions. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** Up to `n` candidates nearest to `value`, nearest first (ties keep list order). */
export function nearest(value: string, candidates: readonly string[], n = 3): string[] {
  return candidates
    .map((c, i) => ({ c, i, d: levenshtein(value.toLowerCase(), c.toLowerCase()) }))
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .slice(0, n)
    .map((x) => x.c);
}
