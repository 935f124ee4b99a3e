/**
 * THE content check: one pass over a content folder that finds every problem an author
 * can make, each located (`文件:行 — 字段 — 问题 — 怎么改`, in Chinese). Shared by
 * `npm run check`, `npm run build` (first step) and `npm run dev` (terminal + browser overlay).
 * No Astro involved: it must stay fast (500 entries well under 2 s; see scripts/bench/check.ts).
 *
 * Schemas are the site's own (src/schemas), with images checked here as plain paths.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { COLUMN_IDS, COLUMNS, type ColumnId } from '../lib/columns.ts';
import { isValidDay } from '../lib/dates.ts';
import { entryName, isValidSlug, RESERVED_SLUGS, slugify } from '../lib/slug.ts';
import { parseVtt } from '../lib/vtt.ts';
import type { PolicyOptions } from '../markdown/html-policy.ts';
import { columnSchemas } from '../schemas/index.ts';
import { siteSchema } from '../schemas/site.ts';
import { unitSchema } from '../schemas/units.ts';
import { VIDEO_EXTENSIONS } from '../schemas/videos.ts';
import { checkBody, IMAGE_EXTENSIONS } from './body.ts';
import { ALL_KEYS, fieldsOf, NESTED_FIELDS, nearest, SITE_FIELDS, UNIT_FIELDS, type FieldInfo } from './fields.ts';
import { compareProblems, type CheckResult, type Problem } from './problem.ts';
import { clearExistsCache, exists } from './exists.ts';
import { imageFormatProblem } from './image-format.ts';
import { readText } from './text.ts';
import { locatePath, parseYaml, rawValue, scanKeySlips } from './yaml.ts';

export type { CheckResult, Problem } from './problem.ts';
export { formatProblem, formatReport } from './problem.ts';

export interface CheckOptions {
  /**
   * Paths in messages are relative to this folder. Default: the current folder when the
   * content folder is inside it (`content/salon/…`), else the content folder's parent.
   */
  displayRoot?: string;
}

export const SUMMARY_LIMIT = 200;

const cliImage = () => z.string({ error: '图片应写成文章旁边图片文件的路径，例如 ./cover.jpg' }).trim().min(1, { error: '图片路径不能为空' });

const schemas = {
  'one-picture': columnSchemas['one-picture']({ image: cliImage }),
  salon: columnSchemas.salon({ image: cliImage }),
  highlights: columnSchemas.highlights({ image: cliImage }),
  videos: columnSchemas.videos({ image: cliImage }),
} as const;

interface Unit {
  id: string;
  name: string;
}

interface EntryFile {
  column: ColumnId;
  /** Path inside the column folder, with `/`. */
  relativePath: string;
  abs: string;
}

/** Entries of one column, the way the site glob finds them: NAME.md(x) and NAME/index.md(x). */
function listEntries(contentDir: string, column: ColumnId, warn: (abs: string, message: string, hint: string) => void): EntryFile[] {
  const dir = path.join(contentDir, column);
  let items: import('node:fs').Dirent[];
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
        warn(abs, '扩展名是大写的，这篇文章不会出现在网站上', `把文件改名为 ${item.name.replace(/\.(mdx?)$/i, (_, e: string) => `.${e.toLowerCase()}`)}`);
      }
      else if (/\.(markdown|txt|docx?|wps)$/i.test(item.name)) {
        warn(abs, '这个文件不是 .md 文件，不会出现在网站上', '把内容复制到一个 .md 文件里（记事本“另存为”时文件名写成 名字.md，编码选 UTF-8）');
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
          warn(
            path.join(abs, inner[0]!),
            `文件夹 ${item.name} 里没有 index.md，这篇文章不会出现在网站上`,
            `把 ${inner[0]} 改名为 index.md（文章放在文件夹里时，正文文件必须叫 index.md）`,
          );
        }
      }
    }
  }
  return out;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '空';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '无效日期' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') return Array.isArray(value) ? '列表' : '对象';
  const s = String(value);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function getAt(data: unknown, p: readonly PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const k of p) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

/** `['photos', 1, 'alt']` → `photos 第2项 alt` */
function fieldLabel(p: readonly PropertyKey[]): string {
  return p.map((k) => (typeof k === 'number' ? `第${k + 1}项` : String(k))).join(' ');
}

function infoFor(p: readonly PropertyKey[], top: Record<string, FieldInfo>): FieldInfo | undefined {
  const last = [...p].reverse().find((k) => typeof k === 'string') as string | undefined;
  if (last === undefined) return undefined;
  return p.length > 1 ? (NESTED_FIELDS[last] ?? top[last]) : top[last];
}

/** The folder message paths are relative to (see CheckOptions.displayRoot). */
export function displayRootFor(contentDirInput: string): string {
  const contentDir = path.resolve(contentDirInput);
  const cwd = process.cwd();
  return contentDir === cwd || contentDir.startsWith(cwd + path.sep) ? cwd : path.dirname(contentDir);
}

export function checkContent(contentDirInput: string, options: CheckOptions = {}): CheckResult {
  const contentDir = path.resolve(contentDirInput);
  const displayRoot = options.displayRoot ?? displayRootFor(contentDir);
  clearExistsCache();
  const show = (abs: string) => path.relative(displayRoot, abs).split(path.sep).join('/') || '.';
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const error = (p: Problem) => errors.push(p);
  const warn = (p: Problem) => warnings.push(p);

  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    error({ file: show(contentDir), message: '找不到内容文件夹', hint: '在项目根目录下建 content 文件夹，或用 RED_CONTENT_DIR 指定内容文件夹' });
    return { errors, warnings, entries: 0 };
  }

  // ---- site.yaml --------------------------------------------------------------------
  let policy: PolicyOptions = { siteUrl: 'http://localhost', mediaOrigins: [] };
  const siteFile = path.join(contentDir, 'site.yaml');
  if (existsSync(siteFile)) {
    const data = loadYamlFile(siteFile, show(siteFile), error);
    if (data.ok) {
      const { value, lines } = data;
      if (value !== undefined && value !== null && (typeof value !== 'object' || Array.isArray(value))) {
        error({ file: show(siteFile), line: 1, message: 'site.yaml 应该是“字段名: 内容”的设置列表', hint: SITE_FIELDS.url!.example });
      } else {
        const parsed = siteSchema.safeParse(value ?? {});
        if (parsed.success) policy = { siteUrl: parsed.data.url, mediaOrigins: parsed.data.mediaOrigins };
        else {
          for (const issue of parsed.error.issues) {
            const idx = locatePath(lines, issue.path as (string | number)[]);
            const info = infoFor(issue.path, SITE_FIELDS);
            error({
              file: show(siteFile),
              ...(idx !== undefined ? { line: idx + 1 } : {}),
              field: fieldLabel(issue.path),
              message: `${info ? `${info.name}：` : ''}${issue.message}（现在是：${describeValue(getAt(value, issue.path))}）`,
              hint: info ? `照这样写：${info.example}` : '按 docs/authoring.md 中 site.yaml 的说明填写',
            });
          }
        }
        for (const key of Object.keys((value ?? {}) as object)) {
          if (!(key in SITE_FIELDS) && !(key in siteSchema.shape)) {
            const idx = locatePath(lines, [key]);
            warn({
              file: show(siteFile),
              ...(idx !== undefined ? { line: idx + 1 } : {}),
              field: key,
              message: `site.yaml 里没有 ${key} 这个设置，会被忽略`,
              hint: `是不是 ${nearest(key, Object.keys(SITE_FIELDS), 1)[0]}？`,
            });
          }
        }
      }
    }
  }

  // ---- units.yaml -------------------------------------------------------------------
  const units: Unit[] = [];
  const unitsFile = path.join(contentDir, 'units.yaml');
  let unitsReadable = false;
  if (!existsSync(unitsFile)) {
    error({
      file: show(unitsFile),
      message: '找不到党组织名单 units.yaml',
      hint: '在内容文件夹里新建 units.yaml，每个党组织写成：- id: hq-branch-1 / name: 机关第一党支部 / kind: branch',
    });
  } else {
    const data = loadYamlFile(unitsFile, show(unitsFile), error);
    if (data.ok) {
      unitsReadable = true;
      const { value, lines } = data;
      const list = value ?? [];
      if (!Array.isArray(list)) {
        error({
          file: show(unitsFile),
          line: 1,
          message: 'units.yaml 应该是党组织列表，每个党组织以“- id:”开头',
          hint: '照这样写：\n- id: hq-branch-1\n  name: 机关第一党支部\n  kind: branch',
        });
      } else {
        const firstLine = new Map<string, number>();
        const parsedUnits: { index: number; id: string; parent?: string | undefined }[] = [];
        list.forEach((item: unknown, index: number) => {
          const parsed = unitSchema.safeParse(item);
          const itemLine = (locatePath(lines, [index]) ?? 0) + 1;
          if (!parsed.success) {
            for (const issue of parsed.error.issues) {
              const p = [index, ...issue.path] as (string | number)[];
              const idx = locatePath(lines, p);
              const key = issue.path[0];
              const info = typeof key === 'string' ? UNIT_FIELDS[key] : undefined;
              const missing = getAt(item, issue.path) === undefined;
              error({
                file: show(unitsFile),
                line: (idx ?? itemLine - 1) + 1,
                field: fieldLabel(issue.path) || `第${index + 1}个党组织`,
                message: missing
                  ? `第${index + 1}个党组织缺少 ${String(key)}（${info?.name ?? ''}）`
                  : `${issue.message}（现在是：${describeValue(getAt(item, issue.path))}）`,
                hint: info ? `照这样写：${info.example}` : '每个党组织写 id、name、kind，可选 parent',
              });
            }
          }
          const id = typeof (item as { id?: unknown })?.id === 'string' ? ((item as { id: string }).id).trim() : undefined;
          if (!id) return;
          const idLine = (locatePath(lines, [index, 'id']) ?? itemLine - 1) + 1;
          const prev = firstLine.get(id);
          if (prev !== undefined) {
            error({
              file: show(unitsFile),
              line: idLine,
              field: 'id',
              message: `党组织 id ${id} 重复，第 ${prev} 行已经有同样的 id`,
              hint: `给其中一个换一个不重复的 id，例如 ${id}-2（已经被文章引用的那个不要改）`,
            });
            return;
          }
          firstLine.set(id, idLine);
          const name = typeof (item as { name?: unknown }).name === 'string' ? (item as { name: string }).name : id;
          units.push({ id, name });
          const parent = (item as { parent?: unknown }).parent;
          parsedUnits.push({ index, id, parent: typeof parent === 'string' ? parent.trim() : undefined });
        });
        for (const u of parsedUnits) {
          if (u.parent && !firstLine.has(u.parent)) {
            const idx = locatePath(lines, [u.index, 'parent']);
            error({
              file: show(unitsFile),
              ...(idx !== undefined ? { line: idx + 1 } : {}),
              field: 'parent',
              message: `上级党组织 ${u.parent} 不在 units.yaml 里`,
              hint: `改成已有的 id，最接近的是：${nearest(u.parent, [...firstLine.keys()]).join('、')}`,
            });
          } else if (u.parent === u.id) {
            const idx = locatePath(lines, [u.index, 'parent']);
            error({
              file: show(unitsFile),
              ...(idx !== undefined ? { line: idx + 1 } : {}),
              field: 'parent',
              message: `党组织 ${u.id} 的上级写成了它自己`,
              hint: '改成它的上级党组织的 id，最上级的党委不写 parent',
            });
          }
        }
      }
    }
  }
  const unitIds = new Set(units.map((u) => u.id));

  const unitProblem = (value: unknown, field: 'unit' | 'host'): { message: string; hint: string } | null => {
    if (typeof value !== 'string' || !unitsReadable) return null;
    const v = value.trim();
    if (unitIds.has(v)) return null;
    const byName = units.find((u) => u.name === v);
    if (byName) {
      return { message: `${field} 要填党组织的 id，不是名称：${v}`, hint: `改成 ${field}: ${byName.id}` };
    }
    const near = nearest(v, units.map((u) => u.id)).map((id) => `${id}（${units.find((u) => u.id === id)?.name}）`);
    return {
      message: `党组织 ${v} 不在 units.yaml 里`,
      hint: near.length ? `改成 units.yaml 里已有的 id，最接近的是：${near.join('、')}；新的党组织请先加到 units.yaml` : '先在 units.yaml 里添加这个党组织',
    };
  };

  // ---- entries ----------------------------------------------------------------------
  let entries = 0;
  for (const column of COLUMN_IDS) {
    const columnFields = fieldsOf(column);
    const schema = schemas[column] as z.ZodType;
    const schemaKeys = new Set(Object.keys((schema as unknown as { shape?: object }).shape ?? {}));
    const slugs = new Map<string, string>();
    const issues = new Map<number, string>();
    const salonMonths: string[] = [];
    const list = listEntries(contentDir, column, (abs, message, hint) => warn({ file: show(abs), message, hint }));
    for (const entry of list) {
      entries++;
      const display = show(entry.abs);
      const read = readText(entry.abs);
      if (!read.ok) {
        error({ file: display, line: read.line, field: '文件编码', message: read.message, hint: read.hint });
        continue;
      }
      const allLines = read.text.split('\n');
      if ((allLines[0] ?? '').trim() !== '---') {
        error({
          file: display,
          line: 1,
          field: '文件信息',
          message: '文件第一行应为 ---，文件信息（标题、日期等）写在两行 --- 之间',
          hint: `照这样开头：\n---\n${columnFields.title!.example}\n${columnFields.date!.example}\n---`,
        });
        continue;
      }
      const close = allLines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
      if (close < 0) {
        error({
          file: display,
          line: 1,
          field: '文件信息',
          message: '文件信息没有结束的 --- 行',
          hint: '在文件信息（标题、日期等）的下一行单独写 ---，再往下写正文',
        });
        continue;
      }
      const fmLines = allLines.slice(1, close);
      const lineOf = (idx: number | undefined) => (idx === undefined ? {} : { line: idx + 2 });
      const slips = scanKeySlips(fmLines.join('\n'), ALL_KEYS);
      for (const s of slips.problems) error({ file: display, line: s.index + 2, field: s.field, message: s.message, hint: s.hint });
      const yaml = parseYaml(slips.repaired, display);
      if (!yaml.ok) {
        const keyOnLine = /^\s*(?:-\s+)?([A-Za-z][A-Za-z0-9_-]*)\s*:/.exec(fmLines[yaml.problem.index] ?? '')?.[1];
        error({ file: display, line: yaml.problem.index + 2, field: keyOnLine ?? '文件信息', message: yaml.problem.message, hint: yaml.problem.hint });
        continue;
      }
      const data = yaml.data ?? {};
      if (typeof data !== 'object' || Array.isArray(data)) {
        error({
          file: display,
          line: 2,
          field: '文件信息',
          message: '两行 --- 之间应写成“字段名: 内容”，每个字段一行',
          hint: `照这样写：${columnFields.title!.example}`,
        });
        continue;
      }
      const fm = data as Record<string, unknown>;

      // Dates: js-yaml silently rolls 2025-13-45 into another day, so read the raw text.
      let dateHandled = false;
      const dateIdx = locatePath(fmLines, ['date']);
      if (dateIdx !== undefined) {
        const raw = rawValue(fmLines[dateIdx]!);
        const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw);
        if (m && !isValidDay(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`)) {
          dateHandled = true;
          error({
            file: display,
            line: dateIdx + 2,
            field: 'date',
            message: `日期 ${raw} 不存在（月份只有 01–12，日子不能超过当月天数）`,
            hint: '改成真实存在的日期，写成 YYYY-MM-DD，例如 date: 2026-03-18',
          });
        } else if (m && (m[2]!.length < 2 || m[3]!.length < 2)) {
          dateHandled = true;
          error({
            file: display,
            line: dateIdx + 2,
            field: 'date',
            message: `日期 ${raw} 的月份和日子要写成两位数`,
            hint: `改成 date: ${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`,
          });
        }
      }

      const parsed = schema.safeParse(fm);
      const seen = new Set<string>();
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const p = issue.path as (string | number)[];
          const top = String(p[0] ?? '');
          if (top === 'date' && dateHandled) continue;
          if ((top === 'unit' || top === 'host') && typeof fm[top] === 'string' && unitProblem(fm[top], top)) continue;
          const key = `${p.join('.')}|${issue.message}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const value = getAt(fm, p);
          const missing = value === undefined;
          const info = infoFor(p, columnFields);
          // `kind: model` without person: point at the kind line.
          const idx = locatePath(fmLines, p) ?? (top === 'person' ? locatePath(fmLines, ['kind']) : undefined);
          const label = fieldLabel(p);
          if (value === null && info) {
            // `unit:` with nothing after it (e.g. a `# TODO` left by `npm run new`).
            error({
              file: display,
              ...lineOf(idx),
              field: label,
              message: `${label}（${info.name}）还没有填写`,
              hint: `在冒号后面填上内容，照这样写：${info.example}`,
            });
          } else if (missing && p.length === 1) {
            error({
              file: display,
              ...lineOf(idx),
              field: label,
              message:
                top === 'person'
                  ? issue.message
                  : `缺少必填项 ${top}（${info?.name ?? top}）`,
              hint: `在两行 --- 之间加上一行：${info?.example ?? `${top}: …`}`,
            });
          } else {
            error({
              file: display,
              ...lineOf(idx),
              field: label,
              message: missing ? issue.message : `${issue.message}（现在写的是：${describeValue(value)}）`,
              hint: info ? `照这样写：${info.example}` : '按 docs/authoring.md 的说明填写',
            });
          }
        }
      }

      // Placeholders left by `npm run new` (`- 第一步  # TODO`): shown until replaced.
      fmLines.forEach((l, i) => {
        const at = l.search(/\s#\s*TODO\b/);
        if (at < 0 || l.trimStart().startsWith('#')) return;
        const before = l.slice(0, at);
        const km = /^\s*(?:-\s+)?([A-Za-z][\w-]*):\s*(.*)$/.exec(before);
        const value = (km ? km[2]! : before.replace(/^\s*-\s+/, '')).trim();
        if (!value) return; // an empty value is already an error
        warn({
          file: display,
          line: i + 2,
          ...(km ? { field: km[1]! } : {}),
          message: `“${value}”还是新建时的示例内容（标着 # TODO）`,
          hint: '换成真实内容，并删除 # TODO；用不到的可选项整行删除',
        });
      });

      // Unknown keys: harmless, but usually a typo (`titel:`).
      for (const key of Object.keys(fm)) {
        // Fields the schema knows (other features may add optional ones) are fine.
        if (key in columnFields || schemaKeys.has(key)) continue;
        const idx = locatePath(fmLines, [key]);
        const guess = nearest(key, Object.keys(columnFields), 1)[0];
        warn({
          file: display,
          ...lineOf(idx),
          field: key,
          message: `${COLUMNS[column].name}栏目没有 ${key} 这个字段，它会被忽略`,
          hint: guess ? `是不是 ${guess}（${columnFields[guess]!.name}）？字段名请照 docs/authoring.md 填写` : '删除这一行',
        });
      }

      // Units.
      for (const field of ['unit', 'host'] as const) {
        const problem = unitProblem(fm[field], field);
        if (problem) error({ file: display, ...lineOf(locatePath(fmLines, [field])), field, ...problem });
      }

      // Files next to the entry.
      const dir = path.dirname(entry.abs);
      const checkFile = (p: (string | number)[], kind: 'image' | 'video' | 'captions'): string | null => {
        const value = getAt(fm, p);
        if (typeof value !== 'string' || !value.trim()) return null;
        const v = value.trim();
        if (/^https?:\/\//i.test(v)) return null;
        const abs = path.resolve(dir, v);
        const at = lineOf(locatePath(fmLines, p));
        const label = fieldLabel(p);
        if (!exists(abs)) {
          const what = kind === 'image' ? '图片' : kind === 'video' ? '视频' : '字幕';
          error({
            file: display,
            ...at,
            field: label,
            message: `${what}文件不存在：${show(abs)}`,
            hint: `把${what}文件放在 ${show(dir)}/ 里，并检查文件名（包括扩展名和大小写）是否和这里写的一致；路径相对于这篇文章，例如 ./${path.basename(v)}`,
          });
          return null;
        }
        if (kind === 'image' && !IMAGE_EXTENSIONS.includes(path.extname(abs).toLowerCase())) {
          error({
            file: display,
            ...at,
            field: label,
            message: `网站不能处理 ${path.extname(abs) || '没有扩展名'} 格式的图片：${show(abs)}`,
            hint: '把图片另存为 JPG 或 PNG 格式',
          });
        } else if (kind === 'image') {
          const bad = imageFormatProblem(abs);
          if (bad) error({ file: display, ...at, field: label, message: `${bad.message}：${show(abs)}`, hint: bad.hint });
        }
        return abs;
      };
      checkFile(['cover'], 'image');
      if (column === 'one-picture') checkFile(['image'], 'image');
      if (column === 'salon' && Array.isArray(fm.photos)) fm.photos.forEach((_, i) => checkFile(['photos', i, 'src'], 'image'));
      if (column === 'videos') {
        checkFile(['poster'], 'image');
        const video = fm.video;
        if (typeof video === 'string' && VIDEO_EXTENSIONS.some((e) => video.toLowerCase().endsWith(e))) checkFile(['video'], 'video');
        const captions = checkFile(['captions'], 'captions');
        if (captions) {
          const vtt = readText(captions);
          if (!vtt.ok) error({ file: show(captions), line: vtt.line, field: '字幕文件编码', message: vtt.message, hint: vtt.hint });
          else for (const e of parseVtt(vtt.text).errors) error({ file: show(captions), line: e.line, field: 'captions', message: e.message, hint: e.hint });
        } else if (fm.captions === undefined) {
          warn({
            file: display,
            field: 'captions',
            message: '视频没有字幕，听不见声音的读者（和在办公室静音观看的同事）看不懂',
            hint: `把 .vtt 字幕文件放在视频旁边，加上一行：${columnFields.captions!.example}`,
          });
        }
      }

      // Slugs.
      const slugField = typeof fm.slug === 'string' && fm.slug.trim() ? fm.slug.trim() : undefined;
      const name = entryName(entry.relativePath);
      const slugIdx = locatePath(fmLines, ['slug']);
      let slug: string | undefined = slugField;
      if (!slug) {
        if (isValidSlug(name)) slug = name;
        else {
          const derived = slugify(name);
          if (!derived) {
            error({
              file: display,
              field: 'slug',
              message: `文件名“${name}”转不出网址（只能用英文字母、数字、连字符和汉字）`,
              hint: '在文件信息里加一行 slug，写这篇文章的网址名（小写英文、数字、连字符），例如 slug: dang-yuan-fu-wu',
            });
          } else slug = derived;
        }
      }
      if (slug && isValidSlug(slug)) {
        if ((RESERVED_SLUGS as readonly string[]).includes(slug)) {
          error({
            file: display,
            ...lineOf(slugIdx),
            field: 'slug',
            message: `网址名 ${slug} 是网站保留的名字，会和栏目页面冲突`,
            hint: `${slugField ? '把 slug 改成' : '在文件信息里加一行'} slug: ${slug}-1（或别的名字）`,
          });
        }
        const other = slugs.get(slug);
        if (other) {
          error({
            file: display,
            ...lineOf(slugIdx),
            field: 'slug',
            message: `网址名 ${slug} 和 ${other} 重复，两篇文章会抢同一个网址`,
            hint: `给其中一篇加上不同的网址名，例如 slug: ${slug}-2`,
          });
        } else slugs.set(slug, display);
      }

      // Salon issues.
      if (column === 'salon') {
        const issue = fm.issue;
        if (typeof issue === 'number' && Number.isInteger(issue) && issue > 0) {
          const other = issues.get(issue);
          if (other) {
            error({
              file: display,
              ...lineOf(locatePath(fmLines, ['issue'])),
              field: 'issue',
              message: `第${issue}期和 ${other} 重复`,
              hint: `改成这一期真正的期数；还没用过的下一期是第${Math.max(...issues.keys()) + 1}期`,
            });
          } else issues.set(issue, display);
        }
        const day = fm.date instanceof Date ? fm.date.toISOString().slice(0, 10) : typeof fm.date === 'string' ? fm.date.trim() : '';
        if (!dateHandled && isValidDay(day)) salonMonths.push(day.slice(0, 7));
      }

      // Summary length.
      if (typeof fm.summary === 'string' && [...fm.summary.trim()].length > SUMMARY_LIMIT) {
        warn({
          file: display,
          ...lineOf(locatePath(fmLines, ['summary'])),
          field: 'summary',
          message: `摘要有 ${[...fm.summary.trim()].length} 个字，超过 ${SUMMARY_LIMIT} 字，列表和搜索结果里会被截断`,
          hint: `把摘要缩短到 ${SUMMARY_LIMIT} 字以内，只写最重要的一两句话`,
        });
      }

      // Body.
      checkBody(allLines.slice(close + 1).join('\n'), {
        file: entry.abs,
        display,
        bodyStartLine: close + 2,
        mdx: /\.mdx$/i.test(entry.abs),
        contentDir,
        policy,
        show,
        error,
        warn,
      });
    }

    // A salon month with no issue between the first and the last.
    if (column === 'salon' && salonMonths.length > 1) {
      const months = new Set(salonMonths);
      const sorted = [...months].sort();
      let [y, m] = sorted[0]!.split('-').map(Number) as [number, number];
      const last = sorted.at(-1)!;
      for (;;) {
        const key = `${y}-${String(m).padStart(2, '0')}`;
        if (key >= last) break;
        if (!months.has(key)) {
          warn({
            file: show(path.join(contentDir, 'salon')),
            field: 'date',
            message: `${y}年${m}月没有先锋沙龙（前后月份都有）`,
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
  }

  errors.sort(compareProblems);
  warnings.sort(compareProblems);
  return { errors, warnings, entries };
}

/** Read and parse a whole YAML file (units.yaml, site.yaml), reporting located problems. */
function loadYamlFile(
  file: string,
  display: string,
  error: (p: Problem) => void,
): { ok: true; value: unknown; lines: string[] } | { ok: false } {
  const read = readText(file);
  if (!read.ok) {
    error({ file: display, line: read.line, field: '文件编码', message: read.message, hint: read.hint });
    return { ok: false };
  }
  const slips = scanKeySlips(read.text, ALL_KEYS);
  for (const s of slips.problems) error({ file: display, line: s.index + 1, field: s.field, message: s.message, hint: s.hint });
  const yaml = parseYaml(slips.repaired, display);
  if (!yaml.ok) {
    error({ file: display, line: yaml.problem.index + 1, message: yaml.problem.message, hint: yaml.problem.hint });
    return { ok: false };
  }
  return { ok: true, value: yaml.data, lines: slips.repaired.split('\n') };
}
