/**
 * YAML as authors write it (front matter, units.yaml, site.yaml): parse with located,
 * Chinese errors, catch the typical slips first (full-width colon after a key, no space
 * after the colon), and find the line of a key path such as `photos[1].alt`.
 */
import { parseYaml as readYaml } from '../lib/front-matter.ts';

export interface LocatedProblem {
  /** 0-based line index in the YAML text. */
  index: number;
  field?: string;
  message: string;
  hint: string;
}

const KEY_LINE = /^(\s*)(-\s+)?([A-Za-z][A-Za-z0-9_-]*)(\s*)([：:])(.?)/;

/**
 * Slips a YAML parser would report confusingly: `title：标题` (full-width colon after a key)
 * and `title:标题` (no space after the colon). Only lines starting with a known key count:
 * full-width colons inside values (`summary: 思路：…`) are normal Chinese text.
 * Returns the problems and the text repaired for parsing, so later problems are still found.
 */
export function scanKeySlips(text: string, knownKeys: ReadonlySet<string>): { problems: LocatedProblem[]; repaired: string } {
  const lines = text.split('\n');
  const problems: LocatedProblem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = KEY_LINE.exec(line);
    if (!m || !knownKeys.has(m[3]!)) continue;
    const [, indent = '', dash = '', key = '', space = '', colon, next = ''] = m;
    const head = `${indent}${dash}${key}`;
    const rest = line.slice(head.length + space.length + 1);
    if (colon === '：') {
      problems.push({
        index: i,
        field: key,
        message: `字段名 ${key} 后面用了中文全角冒号“：”`,
        hint: `改成英文半角冒号加一个空格：${key}: ${rest.trim()}`.trimEnd(),
      });
      lines[i] = `${head}: ${rest.replace(/^\s+/, '')}`;
    } else if (next !== '' && !/\s/.test(next)) {
      problems.push({
        index: i,
        field: key,
        message: `字段名 ${key} 的冒号后面缺少空格`,
        hint: `在冒号后面加一个空格：${key}: ${rest}`,
      });
      lines[i] = `${head}: ${rest}`;
    }
  }
  return { problems, repaired: lines.join('\n') };
}

/** js-yaml's English reason → Chinese problem and fix. */
function explainYamlError(reason: string): { message: string; hint: string } {
  const quoteHint = '如果内容里有英文冒号加空格、# 号，或以 [ { * & ! | > 开头，请把整段内容用英文引号括起来，例如 title: "标题：副标题"';
  if (/tab characters/i.test(reason)) {
    return { message: 'YAML 格式错误：缩进里用了 Tab 键', hint: '把行首的 Tab 换成空格（每层缩进两个空格）' };
  }
  if (/duplicated mapping key/i.test(reason)) {
    return { message: 'YAML 格式错误：同一个字段写了两次', hint: '删除重复的那一行，每个字段只写一次' };
  }
  if (/bad indentation/i.test(reason)) {
    return { message: 'YAML 格式错误：缩进没有对齐', hint: '同一层的字段要左边对齐；列表项“- ”下面的字段要比“-”多缩进两个空格' };
  }
  if (/(double|single) quoted scalar|missed comma|flow collection|flow mapping|flow sequence/i.test(reason)) {
    return { message: 'YAML 格式错误：引号或括号没有配对', hint: '检查这一行的英文引号 " "、方括号 [ ] 和花括号 { } 是否成对；内容里的引号请用中文引号“”' };
  }
  if (/end of the stream or a document separator|multiline key|implicit key|incomplete explicit mapping/i.test(reason)) {
    return { message: 'YAML 格式错误：这一行（或上一行）的写法不对', hint: `每一行写成“字段名: 内容”（英文冒号，冒号后一个空格）。${quoteHint}` };
  }
  if (/unknown escape|escape/i.test(reason)) {
    return { message: 'YAML 格式错误：双引号里的反斜杠 \\ 用法不对', hint: '把双引号换成单引号，或删除反斜杠' };
  }
  return { message: `YAML 格式错误（${reason}）`, hint: `检查这一行的写法：字段名: 内容。${quoteHint}` };
}

export type YamlResult = { ok: true; data: unknown } | { ok: false; problem: LocatedProblem };

/** Parse YAML (with the one reader, src/lib/front-matter.ts); a syntax error comes back explained, with its line. */
export function parseYaml(text: string, fileName: string): YamlResult {
  const read = readYaml(text, fileName);
  return read.ok ? read : { ok: false, problem: explainYamlFailure(text, read) };
}

/** A YAML syntax error (0-based line where js-yaml stopped, its English reason), explained in Chinese and moved to the line to fix. */
export function explainYamlFailure(text: string, failure: { index: number; reason: string }): LocatedProblem {
  let index = failure.index;
  const explained = explainYamlError(failure.reason);
  if (explained.message.includes('引号或括号')) {
    // js-yaml notices an unclosed bracket or quote where the text ends: point at the line that opened it.
    const lines = text.split('\n');
    const unbalanced = (l: string) => {
      const count = (c: string) => l.split(c).length - 1;
      return count('[') !== count(']') || count('{') !== count('}') || count('"') % 2 === 1;
    };
    for (let i = index; i >= 0; i--) {
      if (unbalanced(lines[i] ?? '')) {
        index = i;
        break;
      }
    }
  }
  // The two slips behind most “bad indentation” reports: an English colon + space inside a
  // value (`title: 标题: 副标题`) and a value that starts with an English quote (`title: "三训"体系`).
  const line = text.split('\n')[index] ?? '';
  const kv = /^\s*(?:-\s+)?([A-Za-z][\w-]*):\s+(.*)$/.exec(line);
  if (kv) {
    const [, key, value = ''] = kv;
    const q = value[0];
    const close = q === '"' || q === "'" ? value.indexOf(q, 1) : -1;
    const after = close > 0 ? value.slice(close + 1).trim() : '';
    if (after && !after.startsWith('#')) {
      return {
        index,
        message: 'YAML 格式错误：内容以英文引号开头，引号后面还有文字',
        hint: `把英文引号换成中文引号，例如 ${key}: ${value.replace(/"([^"]*)"/g, '“$1”')}`,
      };
    }
    if (q !== '"' && q !== "'" && /:\s/.test(value.replace(/\s#.*$/, ''))) {
      return {
        index,
        message: 'YAML 格式错误：内容里有“英文冒号 + 空格”，会被当成新的字段',
        hint: `把内容里的英文冒号换成中文冒号“：”，例如 ${key}: ${value.replace(/:\s*/g, '：')}；或者把整段内容用英文引号括起来`,
      };
    }
  }
  return { index, ...explained };
}

/** The first non-blank, non-comment line at or after `from` whose indent is ≤ `indent`. */
function blockEnd(lines: readonly string[], from: number, end: number, indent: number): number {
  for (let i = from; i < end; i++) {
    const l = lines[i]!;
    if (!l.trim() || l.trimStart().startsWith('#')) continue;
    if (l.length - l.trimStart().length <= indent) return i;
  }
  return end;
}

/**
 * The 0-based line of a key path (`['photos', 1, 'alt']`) in block-style YAML; when a part is
 * written in flow style (`[a, b]`, `{ name: x }`) or missing, the deepest line found so far.
 */
export function locatePath(lines: readonly string[], path: readonly (string | number)[]): number | undefined {
  let start = 0;
  let end = lines.length;
  let best: number | undefined;
  for (const seg of path) {
    if (typeof seg === 'string') {
      const re = new RegExp(`^(\\s*)(-\\s+)?${seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`);
      let found = -1;
      let foundCol = Infinity;
      for (let i = start; i < end; i++) {
        const m = re.exec(lines[i]!);
        if (!m) continue;
        const col = m[1]!.length + (m[2]?.length ?? 0);
        if (col < foundCol) {
          found = i;
          foundCol = col;
        }
      }
      if (found < 0) return best;
      best = found;
      start = found + 1;
      end = blockEnd(lines, start, end, foundCol);
    } else {
      let dashIndent = Infinity;
      const items: number[][] = [];
      for (let i = start; i < end; i++) {
        const m = /^(\s*)-(\s|$)/.exec(lines[i]!);
        if (!m) continue;
        const ind = m[1]!.length;
        if (ind < dashIndent) {
          dashIndent = ind;
          items.length = 0;
        }
        if (ind === dashIndent) items.push([i]);
      }
      const item = items[seg]?.[0];
      if (item === undefined) return best;
      best = item;
      start = item;
      const next = items[seg + 1]?.[0];
      end = next ?? blockEnd(lines, item + 1, end, dashIndent);
    }
  }
  return best;
}

/** The raw text after `key:` on a line (comment and quotes removed). */
export function rawValue(line: string): string {
  const after = line.slice(line.indexOf(':') + 1).replace(/\s+#.*$/, '').trim();
  return after.replace(/^(['"])(.*)\1$/, '$2').trim();
}
