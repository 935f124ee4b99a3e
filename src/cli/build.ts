/**
 * `npm run build`: check the content first, then build the site so that a mistake never
 * takes the published site down.
 *
 * 1. The content check (src/check): any error → print the Chinese messages, exit 1,
 *    the output folder is not touched.
 * 2. `astro build` into a temporary sibling of the output folder (RED_OUT_DIR, default dist/),
 *    so integrations that run inside the build (search index, feeds…) write there too.
 * 3. Success → the new folder replaces the old one by rename (same file system: instant).
 *    Failure → the temporary folder is removed and the previous output stays exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { checkContent, formatReport } from '../check/index.ts';
import { readEnvOptions } from '../config/settings.ts';

const options = readEnvOptions();
const outDir = options.outDir;
const tag = `${process.pid}-${Date.now()}`;
const tempDir = path.join(path.dirname(outDir), `.${path.basename(outDir)}-building-${tag}`);
const oldDir = path.join(path.dirname(outDir), `.${path.basename(outDir)}-old-${tag}`);

// Folders left by a build that was killed (Ctrl+C, power loss): remove them once their process is gone.
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
try {
  const prefix = `.${path.basename(outDir)}-`;
  for (const name of readdirSync(path.dirname(outDir))) {
    const m = name.startsWith(prefix) ? /-(?:building|old)-(\d+)-\d+$/.exec(name) : null;
    if (m && !alive(Number(m[1]))) rmSync(path.join(path.dirname(outDir), name), { recursive: true, force: true });
  }
} catch {
  /* the parent folder does not exist yet */
}

const result = checkContent(options.contentDir);
if (result.errors.length || result.warnings.length) console.log(formatReport(result));
if (result.errors.length) {
  console.error(`\n内容检查没有通过，网站没有重新生成${existsSync(outDir) ? `；原来的 ${path.relative(process.cwd(), outDir) || outDir} 保持不变` : ''}。`);
  process.exit(1);
}

const require = createRequire(import.meta.url);
const astroBin = path.join(path.dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
const build = spawnSync(process.execPath, [astroBin, 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, RED_OUT_DIR: tempDir, RED_CHECKED: '1' },
});

if (build.status !== 0) {
  rmSync(tempDir, { recursive: true, force: true });
  console.error(`\n生成网站失败（见上面的信息）${existsSync(outDir) ? `；原来的 ${path.relative(process.cwd(), outDir) || outDir} 保持不变` : ''}。`);
  process.exit(build.status ?? 1);
}

// Swap: old → aside, new → in place, old removed. Put the old one back if the second step fails.
const hadOld = existsSync(outDir);
if (hadOld) renameSync(outDir, oldDir);
try {
  renameSync(tempDir, outDir);
} catch (err) {
  if (hadOld) renameSync(oldDir, outDir);
  rmSync(tempDir, { recursive: true, force: true });
  throw err;
}
if (hadOld) rmSync(oldDir, { recursive: true, force: true });
console.log(`网站已生成：${path.relative(process.cwd(), outDir) || outDir}`);
