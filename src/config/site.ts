/**
 * The build's settings as pages, endpoints and the content layer see them: the object
 * astro.config.mjs read once (src/config/settings.ts), through `virtual:red-columns/config`.
 * Importing this never touches astro:content, so layouts and components can use it freely.
 */
import { config } from 'virtual:red-columns/config';
import { createPaths } from '../lib/paths.ts';

export { config };
/** site.yaml, defaults filled. */
export const settings = config.site;
/** Every URL the site prints (src/lib/paths.ts), under `base`. */
export const paths = createPaths(settings.base, settings.url);
/** `preview` (npm run dev, RED_PREVIEW=1) shows drafts and scheduled entries; `production` hides them. */
export const mode = config.mode;
/** Today in China, or RED_TODAY: entries dated later are scheduled. */
export const buildDay = config.today;
