/**
 * `npm run check`: checks the content folder (RED_CONTENT_DIR, default content/) and
 * prints every problem in Chinese, grouped by file. Exit code 1 when there is an error
 * that would stop `npm run build` (errors in drafts are listed but do not count).
 */
import { blockingErrors, checkContent, formatReport } from '../check/index.ts';
import { readEnvOptions } from '../config/settings.ts';

const started = performance.now();
const options = readEnvOptions();
const result = await checkContent(options.contentDir, { cacheDir: options.cacheDir });
const ms = Math.round(performance.now() - started);
console.log(formatReport(result));
console.log(`（用时 ${ms} 毫秒）`);
process.exit(blockingErrors(result).length ? 1 : 0);
