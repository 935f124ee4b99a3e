import type { ColumnId } from '../lib/columns.ts';
import type { SchemaContext } from './fields.ts';
import { highlightSchema } from './highlights.ts';
import { onePictureSchema } from './one-picture.ts';
import { salonSchema } from './salon.ts';
import { videoSchema } from './videos.ts';

export type { SchemaContext } from './fields.ts';
export { siteSchema, type SiteSettings } from './site.ts';
export { unitSchema, type UnitData } from './units.ts';

/** Each column's schema factory, keyed by column id. */
export const columnSchemas = {
  'one-picture': onePictureSchema,
  salon: salonSchema,
  highlights: highlightSchema,
  videos: videoSchema,
} as const satisfies Record<ColumnId, (ctx: SchemaContext) => unknown>;
