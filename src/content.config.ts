/**
 * Collections only: every column is a glob over the top-level content/ folder (wrapped so that
 * drafts never stop anyone, and nothing unpublished or outside content/ reaches the build:
 * src/collections/loaders.ts); schemas live in src/schemas/ (one file
 * a column), shared with the CLI.
 */
import { defineCollection } from 'astro:content';
import { columnLoader, unitsLoader } from './collections/loaders.ts';
import { config } from './config/site.ts';
import { highlightSchema } from './schemas/highlights.ts';
import { onePictureSchema } from './schemas/one-picture.ts';
import { salonSchema } from './schemas/salon.ts';
import { videoSchema } from './schemas/videos.ts';
import { unitSchema } from './schemas/units.ts';

/** The preview (`npm run dev`, RED_PREVIEW=1) shows drafts; a production build leaves them out. */
const options = { mode: config.mode, today: config.today, contentDir: config.contentDir, cacheDir: config.cacheDir };

export const collections = {
  'one-picture': defineCollection({ loader: columnLoader('one-picture', options), schema: onePictureSchema }),
  salon: defineCollection({ loader: columnLoader('salon', options), schema: salonSchema }),
  highlights: defineCollection({ loader: columnLoader('highlights', options), schema: highlightSchema }),
  videos: defineCollection({ loader: columnLoader('videos', options), schema: videoSchema }),
  units: defineCollection({ loader: unitsLoader(options), schema: unitSchema }),
};
