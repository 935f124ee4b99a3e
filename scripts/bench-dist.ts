/**
 * The built sample site the page benchmarks measure: RED_BENCH_DIST if set, else content/
 * built into test-results/bench-dist (npm run bench builds it once and passes it on).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

export function benchDist(): string {
  if (process.env.RED_BENCH_DIST) return path.resolve(process.env.RED_BENCH_DIST);
  const dist = path.join(ROOT, 'test-results', 'bench-dist');
  const r = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: ROOT,
    env: { ...process.env, RED_OUT_DIR: dist, RED_CACHE_DIR: path.join(ROOT, 'test-results', '.cache-bench-dist') },
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    process.exit(1);
  }
  return dist;
}
