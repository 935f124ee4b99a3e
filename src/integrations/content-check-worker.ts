/**
 * The content check on a worker thread, for the dev server's re-check after each save: on
 * 2,000 entries it takes about a second of CPU, which would otherwise hold every page request.
 */
import { parentPort } from 'node:worker_threads';
import { checkContent } from '../check/index.ts';

parentPort!.on('message', async ({ contentDir, cacheDir }: { contentDir: string; cacheDir: string }) => {
  parentPort!.postMessage(await checkContent(contentDir, { cacheDir }));
});
