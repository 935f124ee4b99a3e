/**
 * Collections only: every column is a glob over the top-level content/ folder;
 * schemas live in src/schemas/ (one file a column), shared with the CLI.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import type { ColumnId } from './lib/columns.ts';
import { config } from './config/site.ts';
import { entrySlug } from './lib/slug.ts';
import { highlightSchema } from './schemas/highlights.ts';
import { onePictureSchema } from './schemas/one-picture.ts';
import { salonSchema } from './schemas/salon.ts';
import { videoSchema } from './schemas/videos.ts';
import { unitSchema } from './schemas/units.ts';

const root = config.contentDir;

function columnLoader(id: ColumnId) {
  return glob({
    base: `${root}/${id}`,
    // COLUMN/NAME.md or COLUMN/NAME/index.md
    pattern: ['*.{md,mdx}', '*/index.{md,mdx}'],
    generateId: ({ entry, data }) => entrySlug(entry, data.slug),
  });
}

export const collections = {
  'one-picture': defineCollection({ loader: columnLoader('one-picture'), schema: onePictureSchema }),
  salon: defineCollection({ loader: columnLoader('salon'), schema: salonSchema }),
  highlights: defineCollection({ loader: columnLoader('highlights'), schema: highlightSchema }),
  videos: defineCollection({ loader: columnLoader('videos'), schema: videoSchema }),
  units: defineCollection({ loader: file(`${root}/units.yaml`), schema: unitSchema }),
};
