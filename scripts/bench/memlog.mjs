// Preloaded into the build's Node processes by `npm run bench -- scale --memlog` (NODE_OPTIONS=--import):
// the astro process appends its memory use (RSS, V8 heap, external buffers) to RED_BENCH_MEMLOG every 250 ms.
import { appendFileSync } from 'node:fs';

const file = process.env.RED_BENCH_MEMLOG;
if (file && process.argv.some((a) => a.endsWith('astro.mjs'))) {
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    appendFileSync(file, `${Date.now()} ${m.rss} ${m.heapUsed} ${m.heapTotal} ${m.external} ${m.arrayBuffers}\n`);
  }, 250);
  timer.unref();
}
