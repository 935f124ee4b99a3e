/**
 * `npm run check`: checks the content folder (RED_CONTENT_DIR, default content/) and
 * prints every problem in Chinese, grouped by file. Exit code 1 when there is an error
 * that would stop `npm run build` (errors in drafts are listed but do not count).
 *
 * `--json`: the whole result as JSON on standard output instead (what `npm run build` reads:
 * it runs the check as a process of its own, so the memory the check used is given back
 * before Astro starts).
 */
import { blockingErrors, checkContent, formatReport } from '../check/index.ts';
import { readEnvOptions } from '../config/settings.ts';

const started = performance.now();
const options = readEnvOptions();
const result = await checkContent(options.contentDir, { cacheDir: options.cacheDir });
const ms = Math.round(performance.now() - started);
const code = blockingErrors(result).length ? 1 : 0;
if (process.argv.includes('--json')) {
  // Exit once the whole text is handed to the pipe (a pipe takes it asynchronously).
  process.stdout.write(JSON.stringify(result), () => process.exit(code));
} else {
  console.log(formatReport(result));
  console.log(`（用时 ${ms} 毫秒）`);
  process.exit(code);
}
