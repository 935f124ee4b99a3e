/**
 * Which files are entries, the way the site's loader finds them (src/content.config.ts):
 * `COLUMN/NAME.md(x)` and `COLUMN/NAME/index.md(x)`. Files an author probably meant as an
 * entry but the site would not publish (`A.MD`, a `.docx`, a folder without index.md) are
 * reported as warnings.
 */
import { existsSync, readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { ColumnId } from '../lib/columns.ts';
import type { Problem } from './problem.ts';

export interface EntryFile {
  column: ColumnId;
  /** Path inside the column folder, with `/`. */
  relativePath: string;
  abs: string;
}

/** Entries of one column, sorted by name. `warn` hears about files that look like entries but are not. */
export function listEntries(
  contentDir: string,
  column: ColumnId,
  warn: (abs: string, p: Pick<Problem, 'message' | 'hint'>) => void = () => {},
): EntryFile[] {
  const dir = path.join(contentDir, column);
  let items: Dirent[];
  try {
    items = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: EntryFile[] = [];
  for (const item of items.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (item.name.startsWith('.')) continue;
    const abs = path.join(dir, item.name);
    if (item.isFile()) {
      if (/\.mdx?$/.test(item.name)) out.push({ column, relativePath: item.name, abs });
      else if (/\.mdx?$/i.test(item.name)) {
        warn(abs, {
          message: '扩展名是大写的，这篇文章不会出现在网站上',
          hint: `把文件改名为 ${item.name.replace(/\.(mdx?)$/i, (_, e: string) => `.${e.toLowerCase()}`)}`,
        });
      } else if (/\.(markdown|txt|docx?|wps)$/i.test(item.name)) {
        warn(abs, {
          message: '这个文件不是 .md 文件，不会出现在网站上',
          hint: '把内容复制到一个 .md 文件里（记事本“另存为”时文件名写成 名字.md，编码选 UTF-8）',
        });
      }
    } else if (item.isDirectory()) {
      const index = ['index.md', 'index.mdx'].find((n) => existsSync(path.join(abs, n)));
      if (index) out.push({ column, relativePath: `${item.name}/${index}`, abs: path.join(abs, index) });
      else {
        let inner: string[] = [];
        try {
          inner = readdirSync(abs).filter((n) => /\.mdx?$/i.test(n));
        } catch {
          inner = [];
        }
        if (inner.length) {
          warn(path.join(abs, inner[0]!), {
            message: `文件夹 ${item.name} 里没有 index.md，这篇文章不会出现在网站上`,
            hint: `把 ${inner[0]} 改名为 index.md（文章放在文件夹里时，正文文件必须叫 index.md）`,
          });
        }
      }
    }
  }
  return out;
}
