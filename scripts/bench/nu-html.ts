/**
 * The Nu HTML Checker (vnu.jar from the `vnu-jar` package, run with the machine's Java) on
 * every built page: errors and warnings per page type, and the most frequent messages.
 * Target (issue 15): 0 errors. The e2e suite fails on any error; this reports the figures.
 *
 * Reads RED_BENCH_DIST (a built site) or builds content/ into test-results/bench-dist.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { benchDist } from '../bench-dist.ts';
import { builtPages } from '../../test/support/pages.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dist = benchDist();

const files = builtPages(dist);

const jar = String(createRequire(import.meta.url)('vnu-jar'));
const started = Date.now();
const r = spawnSync('java', ['-jar', jar, '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (r.error) {
  console.log(`java not found (${r.error.message}): install Debian's default-jre-headless`);
  process.exit(1);
}
const messages = (JSON.parse(r.stderr || '{"messages":[]}') as { messages: { type: string; subType?: string; url: string; message: string }[] }).messages;
const kind = (m: { type: string; subType?: string }) => (m.type === 'error' ? 'error' : m.subType === 'warning' ? 'warning' : 'info');
/** Page type of a file: its first folder (entry pages of a column together). */
const typeOf = (url: string) => {
  const rel = path.relative(dist!, decodeURIComponent(new URL(url).pathname));
  const parts = rel.split(path.sep);
  return parts.length === 1 ? rel : parts.length === 2 ? `${parts[0]}/` : `${parts[0]}/*`;
};
const byType = new Map<string, { pages: Set<string>; error: number; warning: number }>();
for (const f of files) {
  const t = typeOf(`file:${f}`);
  const row = byType.get(t) ?? { pages: new Set(), error: 0, warning: 0 };
  row.pages.add(f);
  byType.set(t, row);
}
for (const m of messages) {
  const k = kind(m);
  if (k === 'info') continue;
  const row = byType.get(typeOf(m.url));
  if (row) row[k]++;
}
console.log(`Nu HTML Checker ${spawnSync('java', ['-jar', jar, '--version'], { encoding: 'utf8' }).stdout.trim()} on ${files.length} pages of ${path.relative(ROOT, dist) || dist} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log('page type                 pages  errors  warnings');
for (const [t, row] of [...byType].sort()) console.log(`${t.padEnd(25)} ${String(row.pages.size).padStart(5)} ${String(row.error).padStart(7)} ${String(row.warning).padStart(9)}`);
const total = (k: string) => messages.filter((m) => kind(m) === k).length;
const csp = messages.filter((m) => kind(m) === 'warning' && /Content Security Policy/.test(m.message)).length;
console.log(`total: ${total('error')} errors (target 0), ${total('warning')} warnings`);
// The checker applies the pages' CSP to files read from disk (a file: origin, where 'self' and
// hash matching differ from a served page); Chromium behind nginx reports no CSP violation (e2e).
console.log(`  of the warnings, ${csp} are the checker's own CSP evaluation on files from disk; ${total('warning') - csp} others`);
const common = new Map<string, number>();
for (const m of messages.filter((x) => kind(x) !== 'info' && !/Content Security Policy/.test(x.message))) common.set(`${kind(m)}: ${m.message}`, (common.get(`${kind(m)}: ${m.message}`) ?? 0) + 1);
for (const [msg, n] of [...common].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${String(n).padStart(4)} × ${msg.slice(0, 140)}`);
