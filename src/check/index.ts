/**
 * THE content check: one pass over a content folder that finds every problem an author
 * can make, each located (`文件:行 — 字段 — 问题 — 怎么改`, in Chinese). Shared by
 * `npm run check`, `npm run build` (first step), `npm run dev` (terminal, browser) and the
 * preview's content loader. No Astro involved: it must stay fast (500 entries well under 2 s;
 * see scripts/bench/check.ts).
 *
 * The rules, each a module that reads like its rules:
 * - rules/site.ts     site.yaml (parsed by src/config/settings.ts)
 * - rules/units.ts    units.yaml, with parent loops
 * - rules/entry.ts    one entry: front matter against the column schema, dates, units, slug,
 *                     files it names (rules/files.ts) and its body (rules/body.ts)
 * - rules/cross-entry.ts  duplicate URL names and salon issues, issue order, missing months
 * - rules/published.ts    what leaves content/: refused and unreferenced files (the publish manifest)
 * Problems in drafts are marked `draft` and block nothing (see problem.ts).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { readEnvOptions } from '../config/settings.ts';
import { COLUMN_IDS } from '../lib/columns.ts';
import { displayRootFor, Problems, type CheckContext, type UnitRef } from './context.ts';
import { listEntries, type EntryFile } from './entries.ts';
import { clearExistsCache } from './exists.ts';
import { saveImageCache } from './images.ts';
import { compareProblems, type CheckedEntry, type CheckResult } from './problem.ts';
import { checkColumn } from './rules/cross-entry.ts';
import { checkEntry } from './rules/entry.ts';
import { checkSite } from './rules/site.ts';
import { checkUnits } from './rules/units.ts';
import { checkPublishedFiles, type PublishedSource } from './rules/published.ts';

export type { CheckedEntry, CheckResult, Problem } from './problem.ts';
export { blockingErrors, formatProblem, formatReport } from './problem.ts';
export { displayRootFor } from './context.ts';

export interface CheckOptions {
  /**
   * Paths in messages are relative to this folder. Default: the current folder when the
   * content folder is inside it (`content/salon/…`), else the content folder's parent.
   */
  displayRoot?: string;
  /** The build cache folder, where image verdicts are kept (default: RED_CACHE_DIR or node_modules/.astro). */
  cacheDir?: string;
}

interface Setup {
  ctx: CheckContext;
  out: Problems;
  jobs: Promise<void>[];
}

/** Site and units rules, and the context every entry rule needs. */
function setUp(contentDir: string, options: CheckOptions): Setup {
  const displayRoot = options.displayRoot ?? displayRootFor(contentDir);
  const show = (abs: string) => path.relative(displayRoot, abs).split(path.sep).join('/') || '.';
  clearExistsCache();
  const out = new Problems();
  const jobs: Promise<void>[] = [];
  const policy = checkSite(contentDir, show, out);
  const units: UnitRef[] | null = checkUnits(contentDir, show, out);
  const cacheDir = options.cacheDir ?? readEnvOptions().cacheDir;
  return { ctx: { contentDir, show, policy, units, cacheDir, later: (job) => void jobs.push(job) }, out, jobs };
}

async function finish(ctx: CheckContext, jobs: Promise<void>[]): Promise<void> {
  await Promise.all(jobs);
  saveImageCache(ctx.cacheDir);
}

export async function checkContent(contentDirInput: string, options: CheckOptions = {}): Promise<CheckResult> {
  const contentDir = path.resolve(contentDirInput);
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    const show = path.relative(options.displayRoot ?? displayRootFor(contentDir), contentDir).split(path.sep).join('/');
    return {
      errors: [{ file: show, message: '找不到内容文件夹', hint: '在项目根目录下建 content 文件夹，或用 RED_CONTENT_DIR 指定内容文件夹' }],
      warnings: [],
      entries: 0,
      list: [],
    };
  }
  const { ctx, out, jobs } = setUp(contentDir, options);
  const list: CheckedEntry[] = [];
  const published: PublishedSource[] = [];
  /** Files the entry listing warned about (not entries): the manifest does not warn about them again. */
  const listed = new Set<string>();
  for (const column of COLUMN_IDS) {
    const files = listEntries(contentDir, column, (abs, p) => {
      listed.add(abs);
      out.warn({ file: ctx.show(abs), ...p });
    });
    const checked = files.map((file) => checkOne(file, ctx, out));
    list.push(...checked.map((c) => c.entry));
    for (const c of checked) if (c.published) published.push(c.published);
    const lines = new Map(checked.map((c) => [c.entry, c.lineOf]));
    checkColumn(column, checked.map((c) => c.entry), (e, key) => lines.get(e)?.(key), ctx.show(path.join(contentDir, column)), out);
  }
  const drafts = new Set(list.filter((e) => e.draft).map((e) => e.path));
  checkPublishedFiles(published, ctx, out, { entryFiles: list.map((e) => e.path), drafts, alreadyWarned: listed });
  await finish(ctx, jobs);
  return { errors: out.errors.sort(compareProblems), warnings: out.warnings.sort(compareProblems), entries: list.length, list };
}

/** One entry's own problems, marked as a draft's when it is one. */
function checkOne(file: EntryFile, ctx: CheckContext, to: Problems) {
  const mine = new Problems();
  // Slow checks queued by this entry report into `mine` later: move them when they are done.
  const queued: Promise<void>[] = [];
  const result = checkEntry(file, { ...ctx, later: (job) => void queued.push(job) }, mine);
  ctx.later(
    Promise.all(queued).then(() => {
      result.entry.hasErrors = mine.errors.length > 0;
      mine.moveTo(to, result.entry.draft);
    }),
  );
  return result;
}

/**
 * One entry on its own, with everything it depends on (site.yaml, units.yaml) but without
 * the rules across entries: what the preview's content loader asks before it shows a draft.
 */
export async function checkEntryFile(contentDirInput: string, file: string, options: CheckOptions = {}): Promise<CheckResult> {
  const contentDir = path.resolve(contentDirInput);
  const { ctx, jobs } = setUp(contentDir, options);
  const rel = path.relative(contentDir, path.resolve(file)).split(path.sep);
  const column = COLUMN_IDS.find((c) => c === rel[0]);
  const out = new Problems();
  const list: CheckedEntry[] = [];
  if (column) {
    const entry = { column, relativePath: rel.slice(1).join('/'), abs: path.resolve(file) };
    list.push(checkOne(entry, ctx, out).entry);
  }
  await finish(ctx, jobs);
  return { errors: out.errors.sort(compareProblems), warnings: out.warnings.sort(compareProblems), entries: list.length, list };
}
