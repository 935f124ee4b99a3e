/**
 * Rules across the entries of a column: no two entries share a URL name, no two salons an
 * issue number, salon issue numbers follow the order of their dates, and no month between the
 * first and the last salon is missing one. When a draft is involved, the problem is told on
 * the draft (a production build leaves it out, so it blocks nothing).
 */
import type { ColumnId } from '../../lib/columns.ts';
import { formatMonth } from '../../lib/dates.ts';
import type { Problems } from '../context.ts';
import type { CheckedEntry, Problem } from '../problem.ts';

/**
 * Entries that share a key with an earlier one: `clash` hears each (with the first holder).
 * Published entries come first, so a clash with a draft is reported on the draft. Returns the
 * first holder of each key.
 */
function eachClash<K>(
  entries: readonly CheckedEntry[],
  keyOf: (e: CheckedEntry) => K | undefined,
  clash: (e: CheckedEntry, first: CheckedEntry, seen: Map<K, CheckedEntry>) => void,
): Map<K, CheckedEntry> {
  const seen = new Map<K, CheckedEntry>();
  for (const e of [...entries.filter((x) => !x.draft), ...entries.filter((x) => x.draft)]) {
    const key = keyOf(e);
    if (key === undefined) continue;
    const first = seen.get(key);
    if (first) clash(e, first, seen);
    else seen.set(key, e);
  }
  return seen;
}

function report(out: Problems, entry: CheckedEntry, p: Omit<Problem, 'file'>, kind: 'error' | 'warn' = 'error'): void {
  const problem = { file: entry.file, ...p, ...(entry.draft ? { draft: true } : {}) };
  if (kind === 'error') out.error(problem);
  else out.warn(problem);
}

export function checkColumn(
  column: ColumnId,
  entries: readonly CheckedEntry[],
  lineOf: (entry: CheckedEntry, key: string) => number | undefined,
  columnDisplay: string,
  out: Problems,
): void {
  const at = (e: CheckedEntry, key: string) => {
    const line = lineOf(e, key);
    return line === undefined ? {} : { line };
  };

  eachClash(entries, (e) => e.slug, (e, other) =>
    report(out, e, {
      ...at(e, 'slug'),
      field: 'slug',
      message: `网址名 ${e.slug} 和 ${other.file} 重复，两篇文章会抢同一个网址`,
      hint: `给其中一篇加上不同的网址名，例如 slug: ${e.slug}-2`,
    }),
  );

  if (column !== 'salon') return;

  const issues = eachClash(entries, (e) => e.issue, (e, other, seen) =>
    report(out, e, {
      ...at(e, 'issue'),
      field: 'issue',
      message: `第${e.issue}期和 ${other.file} 重复`,
      hint: `改成这一期真正的期数；还没用过的下一期是第${Math.max(...seen.keys()) + 1}期`,
    }),
  );

  // Issue numbers follow the dates: issue 14 held before issue 13 is almost always a typo (or a
  // scaffold numbered before an earlier issue was added).
  const dated = [...issues.values()].filter((e) => e.day).sort((a, b) => a.issue! - b.issue!);
  for (let i = 1; i < dated.length; i++) {
    const before = dated[i - 1]!;
    const e = dated[i]!;
    if (e.day! >= before.day!) continue;
    const byDate = [...dated].sort((a, b) => (a.day! < b.day! ? -1 : a.day! > b.day! ? 1 : a.issue! - b.issue!));
    const rank = byDate.indexOf(e);
    report(
      out,
      e,
      {
        ...at(e, 'issue'),
        field: 'issue',
        message: `第${e.issue}期的日期 ${e.day} 比第${before.issue}期（${before.day}，${before.file}）还早，期数和举办日期的先后对不上`,
        hint: `核对这两期的 issue 和 date；按举办日期，这一期应是第${dated[rank]!.issue}期`,
      },
      'warn',
    );
  }

  // A month with no salon between the first and the last (salons are monthly).
  const months = new Set(entries.filter((e) => e.day).map((e) => e.day!.slice(0, 7)));
  if (months.size < 2) return;
  const sorted = [...months].sort();
  let [y, m] = sorted[0]!.split('-').map(Number) as [number, number];
  const last = sorted.at(-1)!;
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key >= last) break;
    if (!months.has(key)) {
      out.warn({
        file: columnDisplay,
        field: 'date',
        message: `${formatMonth(`${key}-01`)}没有先锋沙龙（前后月份都有）`,
        hint: '如果这个月举办了沙龙，请补上这一期；如果确实没有举办，可以忽略这条提醒',
      });
    }
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
}
