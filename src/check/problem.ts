/**
 * A problem found in the content, told to a publicity author in Chinese:
 * `文件:行 — 字段 — 问题 — 怎么改`.
 */
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
}

export interface CheckResult {
  errors: Problem[];
  warnings: Problem[];
  /** Number of entries (Markdown files) checked. */
  entries: number;
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

/** The whole report as text: errors then warnings, grouped by file, with counts at the end. */
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
  section('错误（必须改正，网站才能发布）：', result.errors);
  section('提醒（建议改正，不影响发布）：', result.warnings);
  const e = result.errors.length;
  const w = result.warnings.length;
  lines.push(
    e
      ? `检查了 ${result.entries} 篇内容：${e} 个错误，${w} 个提醒。请按上面的提示修改后再试。`
      : `检查了 ${result.entries} 篇内容：没有错误${w ? `，${w} 个提醒` : ''}。`,
  );
  return lines.join('\n');
}
