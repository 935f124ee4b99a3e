/**
 * Collections only: every column is a glob over the top-level content/ folder;
 * schemas live in src/schemas/ (one file a column), shared with the CLI.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import type { ColumnId } from './lib/columns.ts';
import { contentDir } from './lib/settings.ts';
import { entrySlug } from './lib/slug.ts';
import { columnSchemas } from './schemas/index.ts';
import { unitSchema } from './schemas/units.ts';

const root = contentDir();

function column<C extends ColumnId>(id: C) {
  return defineCollection({
    loader: glob({
      base: `${root}/${id}`,
      // COLUMN/NAME.md or COLUMN/NAME/index.md
      pattern: ['*.{md,mdx}', '*/index.{md,mdx}'],
      generateId: ({ entry, data }) => entrySlug(entry, data.slug),
    }),
    schema: columnSchemas[id] as (typeof columnSchemas)[C],
  });
}

export const collections = {
  'one-picture': column('one-picture'),
  salon: column('salon'),
  highlights: column('highlights'),
  videos: column('videos'),
  units: defineCollection({ loader: file(`${root}/units.yaml`), schema: unitSchema }),
};
