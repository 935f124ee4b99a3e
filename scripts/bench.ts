/**
 * `npm run bench`: runs every benchmark in scripts/bench/ in turn and prints its figures.
 * Benchmarks measure; they never fail the test suite.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { benchDist } from './bench-dist.ts';

const dir = path.join(import.meta.dirname, 'bench');
const args = process.argv.slice(2);
/** Modules the benchmarks share, not benchmarks themselves. */
const HELPERS = new Set(['corpus.ts', 'measure.ts']);
const all = readdirSync(dir).filter((f) => f.endsWith('.ts') && !HELPERS.has(f));
// Arguments that name a benchmark select it; the others (`scale 500 2000 --profile`) go to the benchmarks.
const only = args.filter((a) => all.some((f) => f.includes(a)));
const rest = args.filter((a) => !only.includes(a));
const files = all.filter((f) => only.length === 0 || only.some((o) => f.includes(o))).sort();
// The page benchmarks measure one build of content/, made once here.
if (!process.env.RED_BENCH_DIST && files.some((f) => /page-weight|lighthouse|nu-html|search-chinese/.test(f))) process.env.RED_BENCH_DIST = benchDist();
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const r = spawnSync(process.execPath, [path.join(dir, f), ...rest], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
