/**
 * `npm run build`: check the content first, then build the site so that a mistake never
 * takes the published site down.
 *
 * 1. The content check (src/check): an error in a published entry → print the Chinese
 *    messages, exit 1, the output folder is not touched. Drafts never stop the build: they
 *    are left out, their problems printed among the warnings.
 * 2. `astro build` into a temporary sibling of the output folder (RED_OUT_DIR, default dist/),
 *    so integrations that run inside the build (search index, feeds…) write there too. Its name
 *    is the same on every build (`.dist-building`): Astro writes the output folder into the code
 *    it hashes for incremental builds, so a new name each time would make every build cold.
 *    A lock file beside it (`.dist-building.pid`) stops a second build into the same folder.
 *    Astro's own output (≈150 English lines) is kept back and shown only when the build fails
 *    or with `npm run build -- --verbose`.
 * 3. Success → the new folder replaces the old one by rename (same file system: instant), and
 *    a short Chinese summary: pages, entries per column, what was left out, warnings, time.
 *    Failure → the temporary folder is removed and the previous output stays exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { blockingErrors, formatReport, type CheckResult } from '../check/index.ts';
import { searchIndexLine, writeSearchIndex } from '../integrations/search.ts';
import { readEnvOptions } from '../config/settings.ts';
import { pidAlive, recoverInterruptedSwaps, swapFolders, swapIn } from './swap.ts';
import { COLUMN_IDS, COLUMNS } from '../lib/columns.ts';
import { isPublished } from '../lib/visibility.ts';

const started = performance.now();
const verbose = process.argv.includes('--verbose');

const options = readEnvOptions();
const outDir = options.outDir;
const tag = `${process.pid}-${Date.now()}`;
const { oldDir } = swapFolders(outDir, tag);
const tempDir = path.join(path.dirname(outDir), `.${path.basename(outDir)}-building`);
const lockFile = `${tempDir}.pid`;

// Folders left by a build that was killed (Ctrl+C, power loss): the old site is put back if the
// swap was interrupted, the rest removed once their process is gone.
const restored = recoverInterruptedSwaps(outDir);
if (restored) console.log(`上次生成在替换网站时被中断：已恢复原来的 ${path.relative(process.cwd(), outDir) || outDir}。`);

const result = checkInChild();
if (result.errors.length || result.warnings.length) console.log(`${formatReport(result)}\n`);
if (blockingErrors(result).length) {
  console.error(`\n内容检查没有通过，网站没有重新生成${existsSync(outDir) ? `；原来的 ${path.relative(process.cwd(), outDir) || outDir} 保持不变` : ''}。`);
  process.exit(1);
}

// One build at a time into an output folder; a lock left by a build that was killed is taken over.
const owner = Number(existsSync(lockFile) ? readFileSync(lockFile, 'utf8').trim() : NaN);
if (owner && owner !== process.pid && pidAlive(owner)) {
  console.error(`\n另一个生成任务（进程 ${owner}）正在生成 ${path.relative(process.cwd(), outDir) || outDir}，请等它结束后再运行。`);
  process.exit(1);
}
mkdirSync(path.dirname(tempDir), { recursive: true });
writeFileSync(lockFile, String(process.pid));
process.on('exit', () => rmSync(lockFile, { force: true }));
rmSync(tempDir, { recursive: true, force: true });

const require = createRequire(import.meta.url);
const astroBin = path.join(path.dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
const astroArgs = process.argv.slice(2).filter((a) => a !== '--verbose');
const build = spawnSync(process.execPath, [astroBin, 'build', ...astroArgs], {
  stdio: verbose ? 'inherit' : ['ignore', 'pipe', 'pipe'],
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
  // Two malloc arenas (as sharp's documentation advises on glibc): the drawing threads otherwise
  // keep freed memory in arenas of their own; measured: 1.15 → 0.92 GB peak on 500 entries.
  env: { MALLOC_ARENA_MAX: '2', ...process.env, RED_OUT_DIR: tempDir, RED_CHECKED: '1', RED_SEARCH_LATER: '1' },
});

/** A failed step: the temporary folder goes, Astro's output is shown, the old site stays. */
function fail(what: string, code: number): never {
  rmSync(tempDir, { recursive: true, force: true });
  if (!verbose) {
    process.stdout.write(build.stdout ?? '');
    process.stderr.write(build.stderr ?? '');
  }
  console.error(`\n${what}${existsSync(outDir) ? `；原来的 ${path.relative(process.cwd(), outDir) || outDir} 保持不变` : ''}。`);
  process.exit(code);
}

if (build.status !== 0) fail('生成网站失败（见上面的信息）', build.status ?? 1);

// The search index, from the built pages, once Astro has exited: its memory never adds to Astro's peak.
let searchLine: string;
try {
  searchLine = searchIndexLine(await writeSearchIndex(tempDir, options.cacheDir));
} catch (err) {
  fail(`建立站内搜索索引失败：${(err as Error).message}`, 1);
}
if (verbose) console.log(searchLine);

swapIn(outDir, { tempDir, oldDir });
console.log(summary(result, countPages(outDir), (performance.now() - started) / 1000));

/**
 * The content check as a process of its own (`check.ts --json`) that ends before Astro starts:
 * what the check read (every entry, parsed) goes back to the system with the process. (On a
 * worker thread, 0.47 GB of 10,000 entries' check stayed in this process for the whole build.)
 */
function checkInChild(): CheckResult {
  const r = spawnSync(process.execPath, [fileURLToPath(new URL('./check.ts', import.meta.url)), '--json'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.error || !r.stdout) {
    console.error(`内容检查没能运行（${r.error?.message ?? `退出码 ${r.status}`}），网站没有重新生成。`);
    process.exit(1);
  }
  return JSON.parse(r.stdout) as CheckResult;
}

function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
}

/** The Chinese closing lines: what was published, what was left out, and how long it took. */
function summary(check: CheckResult, pages: number, seconds: number): string {
  const day = options.today;
  const list = check.list ?? [];
  const published = list.filter((e) => e.day && isPublished({ date: e.day, draft: e.draft }, { mode: 'production', today: day }));
  const perColumn = COLUMN_IDS.map((c) => `${COLUMNS[c].name} ${published.filter((e) => e.column === c).length} 篇`).join('，');
  const drafts = list.filter((e) => e.draft).length;
  const scheduled = list.filter((e) => !e.draft && e.day && e.day > day).length;
  const rel = path.relative(process.cwd(), outDir);
  const where = !rel || rel.startsWith('..') ? outDir : rel;
  const lines = [`网站已生成：${where}（${pages} 个页面，${published.length} 篇内容，用时 ${seconds.toFixed(1)} 秒）`, `  ${perColumn}`];
  if (drafts || scheduled) {
    lines.push(`  没有发布：${[drafts ? `草稿 ${drafts} 篇` : '', scheduled ? `定时发布 ${scheduled} 篇（到日期后重新生成才出现）` : ''].filter(Boolean).join('，')}`);
  }
  const draftErrors = check.errors.length - blockingErrors(check).length;
  const notes = check.warnings.length + draftErrors;
  if (notes) lines.push(`  提醒 ${notes} 个${draftErrors ? `（其中草稿里的错误 ${draftErrors} 个）` : ''}，见上面的检查结果`);
  if (!verbose) lines.push('  （要看 Astro 的详细输出：npm run build -- --verbose）');
  return lines.join('\n');
}
