/**
 * A problem found in the content, told to a publicity author in Chinese:
 * `文件:行 — 字段 — 问题 — 怎么改`.
 */
import type { ColumnId } from '../lib/columns.ts';

export interface Problem {
  /** Path as the author sees it, e.g. `content/salon/2026-05/index.md`. */
  file: string;
  /** 1-based line in that file, when there is one. */
  line?: number;
  /** Field (front-matter key, `正文`, `文件编码`…), when there is one. */
  field?: string;
  /** What is wrong. */
  message: string;
  /** What to write instead. */
  hint: string;
  /**
   * The problem belongs to a draft (`draft: true`, as `npm run new` starts every entry). A
   * draft never stops anyone: a production build leaves it out and prints its errors as
   * warnings; the preview shows it with its problems on the page.
   */
  draft?: boolean;
}

/** One entry as the check found it: what the build summary, the preview and `npm run new` need. */
export interface CheckedEntry {
  column: ColumnId;
  /** Absolute path of the Markdown file. */
  path: string;
  /** Display path (as in problems). */
  file: string;
  draft: boolean;
  /** The URL name, when one can be derived. */
  slug?: string;
  title?: string;
  /** `YYYY-MM-DD`, when the date is readable. */
  day?: string;
  /** Salon issue number, when readable. */
  issue?: number;
  /** The entry has errors of its own (not counting rules across entries). Set once the check is done. */
  hasErrors: boolean;
}

export interface CheckResult {
  /** Every error; those with `draft: true` do not stop a build (see `blockingErrors`). */
  errors: Problem[];
  warnings: Problem[];
  /** Number of entries (Markdown files) checked. */
  entries: number;
  /** The entries themselves, in the order found. */
  list?: CheckedEntry[];
}

/** Errors that stop `npm run build` and pause every page of the preview: those outside drafts. */
export function blockingErrors(result: CheckResult): Problem[] {
  return result.errors.filter((p) => !p.draft);
}

/** `content/salon/2026-05.md:3 — date — 日期不存在 — 改成…` */
export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return [where, p.field, p.message, p.hint].filter((s) => s !== undefined && s !== '').join(' — ');
}

export function compareProblems(a: Problem, b: Problem): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0);
}

/** Problems grouped by file, in order (for terminal output). */
export function groupByFile(problems: readonly Problem[]): Map<string, Problem[]> {
  const out = new Map<string, Problem[]>();
  for (const p of [...problems].sort(compareProblems)) {
    const list = out.get(p.file) ?? [];
    list.push(p);
    out.set(p.file, list);
  }
  return out;
}

/** The whole report as text: errors, problems of drafts, then warnings, grouped by file, with counts at the end. */
export function formatReport(result: CheckResult): string {
  const lines: string[] = [];
  const section = (title: string, problems: Problem[]) => {
    if (!problems.length) return;
    lines.push(title);
    for (const [file, list] of groupByFile(problems)) {
      lines.push(`  ${file}`);
      for (const p of list) lines.push(`    ${formatProblem(p)}`);
    }
    lines.push('');
  };
  const blocking = blockingErrors(result);
  const drafts = result.errors.filter((p) => p.draft);
  section('错误（必须改正，网站才能发布）：', blocking);
  section('草稿里的错误（草稿不发布，不影响生成网站；发布前要改好）：', drafts);
  section('提醒（建议改正，不影响发布）：', result.warnings);
  const e = blocking.length;
  const d = drafts.length;
  const w = result.warnings.length;
  const draftNote = d ? `，草稿里 ${d} 个错误` : '';
  lines.push(
    e
      ? `检查了 ${result.entries} 篇内容：${e} 个错误${draftNote}，${w} 个提醒。请按上面的提示修改后再试。`
      : `检查了 ${result.entries} 篇内容：没有错误${draftNote}${w ? `，${w} 个提醒` : ''}。`,
  );
  return lines.join('\n');
}
