/**
 * `npm run check`: checks the content folder (RED_CONTENT_DIR, default content/) and
 * prints every problem in Chinese, grouped by file. Exit code 1 when there is any error.
 */
import { checkContent, formatReport } from '../check/index.ts';
import { readEnvOptions } from '../config/settings.ts';

const started = performance.now();
const result = checkContent(readEnvOptions().contentDir);
const ms = Math.round(performance.now() - started);
console.log(formatReport(result));
console.log(`（用时 ${ms} 毫秒）`);
process.exit(result.errors.length ? 1 : 0);
