/**
 * Builds a site the way `npm run build` does, for a given content folder and output folder.
 * Tests use their own cache folder so they never fight a running dev server.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface BuildResult {
  status: number | null;
  stdout: string;
  stderr: string;
  outDir: string;
}

/**
 * process.env without what Vitest adds: it copies import.meta.env into process.env
 * (NODE_ENV=test, BASE_URL=/, DEV=1, …), which would make a child Astro build a dev-mode
 * site at the root.
 */
export function childEnv(): Record<string, string> {
  const VITE_ENV = new Set(['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST']);
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] => e[1] !== undefined && !VITE_ENV.has(e[0]) && !e[0].startsWith('VITEST'),
    ),
  );
}

export function buildSite(options: { contentDir: string; outDir: string; env?: Record<string, string>; args?: string[] }): BuildResult {
  const outDir = path.resolve(options.outDir);
  const cacheDir = path.join(path.dirname(outDir), `.cache-${path.basename(outDir)}`);
  mkdirSync(cacheDir, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const env = childEnv();
  const result = spawnSync(npm, ['run', '--silent', 'build', ...(options.args?.length ? ['--', ...options.args] : [])], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...env,
      ASTRO_TELEMETRY_DISABLED: '1',
      RED_CONTENT_DIR: path.resolve(options.contentDir),
      RED_OUT_DIR: outDir,
      RED_CACHE_DIR: cacheDir,
      ...options.env,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outDir };
}

/**
 * The file in a built site that serves `url` (a path under `base`, or an absolute URL whose
 * path starts with `base` when `prefix` is the origin + base), as nginx would find it; null when none.
 */
export function servedFile(outDir: string, prefix: string, url: string): string | null {
  if (!url.startsWith(prefix)) return null;
  const rel = decodeURIComponent(url.slice(prefix.length).split(/[?#]/)[0] ?? '');
  const p = path.join(outDir, rel);
  if (existsSync(p) && statSync(p).isFile()) return p;
  if (existsSync(path.join(p, 'index.html'))) return path.join(p, 'index.html');
  return null;
}
