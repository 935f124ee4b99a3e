/**
 * One entry on its own: the file can be read, its front matter is valid YAML that the
 * column's schema accepts, the units it names exist, the files it names are there and are
 * what they say (files.ts), its URL name works, and its body is safe (body.ts).
 * Rules owned elsewhere are called: slugs (lib/slug.ts), dates (lib/dates.ts), the summary
 * limit (lib/summary.ts), the schemas and their metadata (src/schemas).
 */
import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { COLUMNS } from '../../lib/columns.ts';
import { readDay } from '../../lib/dates.ts';
import { isDraft, splitFrontMatter } from '../../lib/front-matter.ts';
import { entryName, entrySlug, isValidSlug, RESERVED_SLUGS } from '../../lib/slug.ts';
import { SUMMARY_LIMIT } from '../../lib/summary.ts';
import { charCount, TAG_SEPARATORS, TITLE_LIMIT } from '../../schemas/fields.ts';
import { shapeOf } from '../../schemas/meta.ts';
import { describeValue, fieldLabel, getAt, locator, Problems, type CheckContext, type UnitRef } from '../context.ts';
import type { EntryFile } from '../entries.ts';
import { ALL_KEYS, cliSchemas, fieldsOf, NESTED_FIELDS, nearest, type FieldInfo } from '../fields.ts';
import type { CheckedEntry } from '../problem.ts';
import { readText } from '../text.ts';
import { parseYaml, rawValue, scanKeySlips } from '../yaml.ts';
import { checkBody } from './body.ts';
import { checkEntryFiles } from './files.ts';
import type { PublishedSource } from './published.ts';

function infoFor(p: readonly PropertyKey[], top: Record<string, FieldInfo>): FieldInfo | undefined {
  const last = [...p].reverse().find((k) => typeof k === 'string') as string | undefined;
  if (last === undefined) return undefined;
  return p.length > 1 ? (NESTED_FIELDS[last] ?? top[last]) : top[last];
}

/** Is `value` a unit an entry can name? null when fine (or not checkable), else the problem. */
export function unitProblem(value: unknown, field: 'unit' | 'host', units: UnitRef[] | null): { message: string; hint: string } | null {
  if (typeof value !== 'string' || !units) return null;
  const v = value.trim();
  if (units.some((u) => u.id === v)) return null;
  const byName = units.find((u) => u.name === v);
  if (byName) return { message: `${field} 要填党组织的 id，不是名称：${v}`, hint: `改成 ${field}: ${byName.id}` };
  const near = nearest(v, units.map((u) => u.id)).map((id) => `${id}（${units.find((u) => u.id === id)?.name}）`);
  return {
    message: `党组织 ${v} 不在 units.yaml 里`,
    hint: near.length ? `改成 units.yaml 里已有的 id，最接近的是：${near.join('、')}；新的党组织请先加到 units.yaml` : '先在 units.yaml 里添加这个党组织',
  };
}

export interface EntryCheck {
  entry: CheckedEntry;
  /** File line of a front-matter key (for rules across entries). */
  lineOf(key: string): number | undefined;
  /** What the publish-manifest rule reads (rules/published.ts): the parsed entry and its body tree. */
  published?: PublishedSource;
}

/** Check one entry; its problems go to `out` (not yet marked as a draft's: the caller does that). */
export function checkEntry(entry: EntryFile, ctx: CheckContext, out: Problems): EntryCheck {
  const { column } = entry;
  const file = ctx.show(entry.abs);
  const columnFields = fieldsOf(column);
  const info: CheckedEntry = { column, path: entry.abs, file, draft: false, hasErrors: false };
  let fmLines: string[] = [];
  const done = (): EntryCheck => ({
    entry: info,
    lineOf: (key) => locator(fmLines, 2)([key]).line,
  });

  const read = readText(entry.abs);
  if (!read.ok) {
    out.error({ file, line: read.line, field: '文件编码', message: read.message, hint: read.hint });
    // Even a GBK file says `draft: true` in ASCII.
    info.draft = isDraft({ ok: false, reason: 'yaml', lines: readFileSync(entry.abs, 'latin1').split(/\r?\n/) });
    return done();
  }
  const block = splitFrontMatter(read.text);
  if (!block.ok) {
    out.error(
      block.reason === 'no-start'
        ? {
            file,
            line: 1,
            field: '文件信息',
            message: '文件第一行应为 ---，文件信息（标题、日期等）写在两行 --- 之间',
            hint: `照这样开头：\n---\n${columnFields.title!.example}\n${columnFields.date!.example}\n---`,
          }
        : { file, line: 1, field: '文件信息', message: '文件信息没有结束的 --- 行', hint: '在文件信息（标题、日期等）的下一行单独写 ---，再往下写正文' },
    );
    return done();
  }
  fmLines = block.lines;
  const at = locator(fmLines, 2);
  const slips = scanKeySlips(fmLines.join('\n'), ALL_KEYS);
  for (const s of slips.problems) out.error({ file, line: s.index + 2, field: s.field, message: s.message, hint: s.hint });
  const yaml = parseYaml(slips.repaired, file);
  if (!yaml.ok) {
    const keyOnLine = /^\s*(?:-\s+)?([A-Za-z][A-Za-z0-9_-]*)\s*:/.exec(fmLines[yaml.problem.index] ?? '')?.[1];
    out.error({ file, line: yaml.problem.index + 2, field: keyOnLine ?? '文件信息', message: yaml.problem.message, hint: yaml.problem.hint });
    info.draft = isDraft({ ok: false, reason: 'yaml', lines: fmLines });
    return done();
  }
  const data = yaml.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    out.error({ file, line: 2, field: '文件信息', message: '两行 --- 之间应写成“字段名: 内容”，每个字段一行', hint: `照这样写：${columnFields.title!.example}` });
    return done();
  }
  const fm = data as Record<string, unknown>;
  info.draft = fm.draft === true;
  if (typeof fm.title === 'string') info.title = fm.title.trim();

  const dateHandled = checkDate(fmLines, file, out, info);
  const schema = cliSchemas[column] as z.ZodType;
  checkSchema(schema, fm, { file, at, columnFields, dateHandled, units: ctx.units }, out);
  if (column === 'salon' && typeof fm.issue === 'number' && Number.isInteger(fm.issue) && fm.issue > 0) info.issue = fm.issue;
  checkPlaceholders(fmLines, file, out);
  checkUnknownKeys(fm, Object.keys(shapeOf(schema)), { file, at, columnFields, column }, out);
  for (const field of ['unit', 'host'] as const) {
    const problem = unitProblem(fm[field], field, ctx.units);
    if (problem) out.error({ file, ...at([field]), field, ...problem });
  }
  checkTags(fm.tags, fmLines, at, file, out);
  checkEntryFiles(schema, fm, { entry, file, at, column, columnFields }, ctx, out);
  info.slug = checkSlug(entry, fm.slug, { file, at }, out);
  if (typeof fm.summary === 'string' && charCount(fm.summary.trim()) > SUMMARY_LIMIT) {
    out.warn({
      file,
      ...at(['summary']),
      field: 'summary',
      message: `摘要有 ${charCount(fm.summary.trim())} 个字，超过 ${SUMMARY_LIMIT} 字，列表和搜索结果里会被截断`,
      hint: `把摘要缩短到 ${SUMMARY_LIMIT} 字以内，只写最重要的一两句话`,
    });
  }
  // Relative addresses in the body resolve against the entry's page, as on the site.
  const page = `${(ctx.policy.base ?? '/').replace(/^\/?/, '/')}${column}/${info.slug ?? 'entry'}/`;
  const tree = checkBody(block.body, {
    file: entry.abs,
    display: file,
    bodyStartLine: block.bodyLine,
    mdx: /\.mdx$/i.test(entry.abs),
    ctx: { ...ctx, policy: { ...ctx.policy, pageUrl: new URL(page, ctx.policy.siteUrl).href } },
    out,
  });
  return {
    ...done(),
    published: { source: { column, file: entry.abs, data: fm, body: block.body, bodyStartLine: block.bodyLine }, tree, locate: (p) => at(p).line },
  };
}

/**
 * The date as written: YAML silently rolls `2025-13-45` into another day and turns a time
 * into a UTC instant, so read the raw text (src/lib/dates.ts says what it means).
 * Returns true when a problem was reported (the schema's message would only repeat it).
 */
function checkDate(fmLines: readonly string[], file: string, out: Problems, info: CheckedEntry): boolean {
  const at = locator(fmLines, 2);
  const line = at(['date']).line;
  if (line === undefined) return false;
  const raw = rawValue(fmLines[line - 2]!);
  if (!raw) return false;
  const reading = readDay(raw);
  if (reading.ok) {
    info.day = reading.day;
    if (reading.time) {
      out.warn({
        file,
        line,
        field: 'date',
        message: `日期只写年月日，不写时间：${raw} 按北京时间是 ${reading.day}，网站显示的就是这一天`,
        hint: `改成 date: ${reading.day}`,
      });
    }
    return false;
  }
  if (reading.reason === 'impossible') {
    out.error({
      file,
      line,
      field: 'date',
      message: `日期 ${raw} 不存在（月份只有 01–12，日子不能超过当月天数）`,
      hint: '改成真实存在的日期，写成 YYYY-MM-DD，例如 date: 2026-03-18',
    });
    return true;
  }
  if (reading.reason === 'format') {
    out.error({
      file,
      line,
      field: 'date',
      message: /^\d{4}-\d{1,2}-\d{1,2}$/.test(raw) ? `日期 ${raw} 的月份和日子要写成两位数` : `日期 ${raw} 要写成 YYYY-MM-DD`,
      hint: `改成 date: ${reading.day}`,
    });
    info.day = reading.day;
    return true;
  }
  return false;
}

interface SchemaScope {
  file: string;
  at: ReturnType<typeof locator>;
  columnFields: Record<string, FieldInfo>;
  dateHandled: boolean;
  units: UnitRef[] | null;
}

/** The column's schema, each issue located and explained with the field's name and example. */
function checkSchema(schema: z.ZodType, fm: Record<string, unknown>, s: SchemaScope, out: Problems): void {
  const parsed = schema.safeParse(fm);
  if (parsed.success) return;
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    const p = issue.path as (string | number)[];
    const top = String(p[0] ?? '');
    if (top === 'date' && s.dateHandled) continue;
    // A unit id that is well-formed but unknown is explained by unitProblem (with the nearest ids).
    if ((top === 'unit' || top === 'host') && typeof fm[top] === 'string' && unitProblem(fm[top], top, s.units)) continue;
    const key = `${p.join('.')}|${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const value = getAt(fm, p);
    const info = infoFor(p, s.columnFields);
    // `kind: model` without person: point at the kind line.
    const where = s.at(p).line !== undefined ? s.at(p) : top === 'person' ? s.at(['kind']) : {};
    const label = fieldLabel(p);
    if (top === 'title' && p.length === 1 && typeof value === 'string' && charCount(value.trim()) > TITLE_LIMIT) {
      const n = charCount(value.trim());
      out.error({
        file: s.file,
        ...where,
        field: label,
        message: `标题有 ${n} 个字，超过 ${TITLE_LIMIT} 个字`,
        hint: `删掉 ${n - TITLE_LIMIT} 个字以上；副标题或补充说明可以写进摘要 summary`,
      });
    } else if (value === null && info) {
      // `unit:` with nothing after it (e.g. a `# TODO` left by `npm run new`).
      out.error({ file: s.file, ...where, field: label, message: `${label}（${info.name}）还没有填写`, hint: `在冒号后面填上内容，照这样写：${info.example}` });
    } else if (value === undefined && p.length === 1) {
      out.error({
        file: s.file,
        ...where,
        field: label,
        message: top === 'person' ? issue.message : `缺少必填项 ${top}（${info?.name ?? top}）`,
        hint: `在两行 --- 之间加上一行：${info?.example ?? `${top}: …`}`,
      });
    } else {
      out.error({
        file: s.file,
        ...where,
        field: label,
        message: value === undefined ? issue.message : `${issue.message}（现在写的是：${describeValue(value)}）`,
        hint: info ? `照这样写：${info.example}` : '按 docs/authoring.md 的说明填写',
      });
    }
  }
}

/** Placeholders left by `npm run new` (`- 第一步  # TODO`): shown until replaced. */
function checkPlaceholders(fmLines: readonly string[], file: string, out: Problems): void {
  fmLines.forEach((l, i) => {
    const at = l.search(/\s#\s*TODO\b/);
    if (at < 0 || l.trimStart().startsWith('#')) return;
    const before = l.slice(0, at);
    const km = /^\s*(?:-\s+)?([A-Za-z][\w-]*):\s*(.*)$/.exec(before);
    const value = (km ? km[2]! : before.replace(/^\s*-\s+/, '')).trim();
    if (!value) return; // an empty value is already an error
    // A list item (`  - 第一步  # TODO`) belongs to the key above it with less indent.
    const indent = l.length - l.trimStart().length;
    const owner = km
      ? undefined
      : fmLines
          .slice(0, i)
          .reverse()
          .map((o) => /^(\s*)(?:-\s+)?([A-Za-z][\w-]*):/.exec(o))
          .find((m) => m && m[1]!.length < indent)?.[2];
    const field = km?.[1] ?? owner;
    out.warn({
      file,
      line: i + 2,
      ...(field ? { field } : {}),
      message: `“${value}”还是新建时的示例内容（标着 # TODO）`,
      hint: '换成真实内容，并删除 # TODO；用不到的可选项整行删除',
    });
  });
}

/** Unknown keys: harmless, but usually a typo (`titel:`). */
function checkUnknownKeys(
  fm: Record<string, unknown>,
  schemaKeys: string[],
  s: { file: string; at: ReturnType<typeof locator>; columnFields: Record<string, FieldInfo>; column: EntryFile['column'] },
  out: Problems,
): void {
  for (const key of Object.keys(fm)) {
    // Fields the schema knows (other features may add optional ones) are fine.
    if (key in s.columnFields || schemaKeys.includes(key)) continue;
    const guess = nearest(key, Object.keys(s.columnFields), 1)[0];
    out.warn({
      file: s.file,
      ...s.at([key]),
      field: key,
      message: `${COLUMNS[s.column].name}栏目没有 ${key} 这个字段，它会被忽略`,
      hint: guess ? `是不是 ${guess}（${s.columnFields[guess]!.name}）？字段名请照 docs/authoring.md 填写` : '删除这一行',
    });
  }
}

/** Tags typed with a Chinese keyboard: the site reads them right, the author learns the list form. */
function checkTags(value: unknown, fmLines: readonly string[], at: ReturnType<typeof locator>, file: string, out: Problems): void {
  const items = Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : typeof value === 'string' ? [value] : [];
  const bracketed = typeof value === 'string' && /^\s*[【［〔「『]/.test(value);
  const chineseComma = Array.isArray(value) && items.some((t) => TAG_SEPARATORS.test(t));
  if (!bracketed && !chineseComma) return;
  const tags = items
    .flatMap((t) => t.split(TAG_SEPARATORS))
    .map((t) => t.trim().replace(/^[【［〔「『\[]+|[】］〕」』\]]+$/g, '').trim())
    .filter(Boolean);
  const line = at(['tags']).line;
  out.warn({
    file,
    ...(line !== undefined ? { line } : {}),
    field: 'tags',
    message: bracketed
      ? `标签用了中文方括号：${rawValue(fmLines[(line ?? 2) - 2] ?? '')}`
      : '标签之间用了中文逗号或顿号，几个标签会被当成一个',
    hint: `写成英文方括号、英文逗号：tags: [${tags.join(', ')}]（网站已按 ${tags.length} 个标签处理）`,
  });
}

/** The entry's URL name (lib/slug.ts): derivable, well-formed, not reserved. Returns it when usable. */
function checkSlug(entry: EntryFile, slugField: unknown, s: { file: string; at: ReturnType<typeof locator> }, out: Problems): string | undefined {
  const written = typeof slugField === 'string' && slugField.trim() !== '';
  const slug = entrySlug(entry.relativePath, slugField);
  if (!isValidSlug(slug)) {
    // A bad `slug:` is the schema's message; a file name that gives no URL is ours.
    if (!written) {
      out.error({
        file: s.file,
        field: 'slug',
        message: `文件名“${entryName(entry.relativePath)}”转不出网址（只能用英文字母、数字、连字符和汉字）`,
        hint: '在文件信息里加一行 slug，写这篇文章的网址名（小写英文、数字、连字符），例如 slug: dang-yuan-fu-wu',
      });
    }
    return undefined;
  }
  if ((RESERVED_SLUGS as readonly string[]).includes(slug)) {
    out.error({
      file: s.file,
      ...s.at(['slug']),
      field: 'slug',
      message: `网址名 ${slug} 是网站保留的名字，会和栏目页面冲突`,
      hint: `${written ? '把 slug 改成' : '在文件信息里加一行'} slug: ${slug}-1（或别的名字）`,
    });
    return undefined;
  }
  return slug;
}
