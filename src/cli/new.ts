/**
 * `npm run new -- <栏目> "<标题>"`: creates a new entry as a folder, `COLUMN/NAME/index.md`,
 * so photos, videos and captions go right beside it. Every field is explained in Chinese
 * (src/cli/templates.ts, from the schemas' metadata). Today's date (China), the salon issue
 * that follows by date, a readable ASCII name (pinyin for Chinese titles), `draft: true` so
 * nothing is published, and nothing stops anyone, before the author is done. Then it says
 * which fields are left, as the content check sees them. Never overwrites anything.
 * Respects RED_CONTENT_DIR.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkEntryFile } from '../check/index.ts';
import { listEntries } from '../check/entries.ts';
import { fieldsOf } from '../check/fields.ts';
import { COLUMN_IDS, COLUMNS, isColumnId, type ColumnId } from '../lib/columns.ts';
import { readEnvOptions, readSettings } from '../config/settings.ts';
import { dayOfDate, readDay } from '../lib/dates.ts';
import { readFrontMatterFile } from '../lib/front-matter.ts';
import { createPaths } from '../lib/paths.ts';
import { entryName, entrySlug, isValidSlug, RESERVED_SLUGS, slugify } from '../lib/slug.ts';
import { charCount, TITLE_LIMIT } from '../schemas/fields.ts';
import { scaffold, yamlString } from './templates.ts';

const USAGE = `用法：npm run new -- <栏目> "<标题>"
栏目：
${COLUMN_IDS.map((c) => `  ${c.padEnd(12)} ${COLUMNS[c].name}`).join('\n')}
例如：npm run new -- highlights "支部书记讲党课"`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(1);
}

/** A short slug: at most 8 pinyin syllables / 48 characters, cut at a hyphen. */
function shortSlug(title: string): string {
  // A title with a subtitle (`支部书记讲党课：把党课讲到群众心坎上`): the main part names it.
  const main = title.split(/[：:——|｜，,]/)[0]?.trim() ?? '';
  const full = slugify(main.length >= 2 ? main : title);
  const parts = full.split('-').filter(Boolean);
  let out = '';
  for (const p of parts.slice(0, 8)) {
    if (out && out.length + 1 + p.length > 48) break;
    out = out ? `${out}-${p}` : p;
  }
  return out;
}

interface Existing {
  file: string;
  name: string;
  slug: string;
  day?: string | undefined;
  issue?: number | undefined;
}

/** The column's entries as the one front-matter reader sees them. */
function existingEntries(root: string, column: ColumnId): Existing[] {
  return listEntries(root, column).map((e) => {
    const front = readFrontMatterFile(e.abs);
    const data = front?.ok ? front.data : {};
    const date = data.date;
    const reading = typeof date === 'string' ? readDay(date) : undefined;
    const day = date instanceof Date ? dayOfDate(date) : reading?.ok ? reading.day : undefined;
    const issue = typeof data.issue === 'number' && Number.isInteger(data.issue) && data.issue > 0 ? data.issue : undefined;
    return { file: e.abs, name: entryName(e.relativePath), slug: entrySlug(e.relativePath, data.slug), day, issue };
  });
}

/** The issue a salon held on `day` gets: the one after the last issue held on or before that day. */
function issueFor(day: string, salons: readonly Existing[]): { issue: number; after?: Existing; clash?: Existing } {
  const numbered = salons.filter((s) => s.issue !== undefined && s.day !== undefined).sort((a, b) => a.issue! - b.issue!);
  const after = numbered.filter((s) => s.day! <= day).at(-1);
  const issue = after ? after.issue! + 1 : 1;
  const clash = salons.find((s) => s.issue === issue);
  return { issue, ...(after ? { after } : {}), ...(clash ? { clash } : {}) };
}

const [columnArg, ...titleParts] = process.argv.slice(2);
const title = titleParts.join(' ').trim();
if (!columnArg) fail('请写出栏目和标题。');
if (!isColumnId(columnArg)) fail(`没有“${columnArg}”这个栏目。`);
if (!title) fail('请写出标题（用英文引号括起来）。');
if (charCount(title) > TITLE_LIMIT) fail(`标题有 ${charCount(title)} 个字，不能超过 ${TITLE_LIMIT} 个字。`);
const column: ColumnId = columnArg;

const options = readEnvOptions();
const root = options.contentDir;
const columnDir = path.join(root, column);
const date = options.today;
const existing = existingEntries(root, column);
const numbering = column === 'salon' ? issueFor(date, existing) : undefined;

let base = column === 'salon' ? date.slice(0, 7) : shortSlug(title);
if (!base || !isValidSlug(base)) base = `${column === 'videos' ? 'video' : 'entry'}-${date}`;
if ((RESERVED_SLUGS as readonly string[]).includes(base)) base = `${base}-1`;
const used = new Set(existing.flatMap((e) => [e.name, e.slug]));
const taken = (name: string) =>
  used.has(name) || existsSync(path.join(columnDir, name)) || existsSync(path.join(columnDir, `${name}.md`)) || existsSync(path.join(columnDir, `${name}.mdx`));
let slug = base;
for (let n = 2; taken(slug); n++) {
  if (n > 99) fail(`${COLUMNS[column].name}里已经有很多叫 ${base} 的文章，请换一个标题。`);
  slug = `${base}-${n}`;
}

const file = path.join(columnDir, slug, 'index.md');
if (existsSync(file)) fail(`${file} 已经存在，没有覆盖。`);
mkdirSync(path.dirname(file), { recursive: true });
const known: Record<string, string> = { title: yamlString(title), date };
if (numbering) known.issue = String(numbering.issue);
writeFileSync(file, scaffold(column, known), { flag: 'wx' });

let siteBase = '/';
try {
  siteBase = readSettings(root).base;
} catch {
  /* site.yaml has a mistake: `npm run check` explains it; the preview URL falls back to the root */
}
const shown = (abs: string) => {
  const rel = path.relative(process.cwd(), abs);
  return rel.startsWith('..') ? abs : rel || abs;
};
console.log(`已新建：${shown(file)}`);
console.log(`图片、视频、字幕等文件请放在同一个文件夹里：${shown(path.dirname(file))}${path.sep}`);
if (numbering) {
  const { issue, after, clash } = numbering;
  console.log(
    `期数：第${issue}期（请核对）：${after ? `按举办日期 ${date} 排在第${after.issue}期（${after.day}）之后` : `按举办日期 ${date} 是最早的一期`}；改了日期的话期数也要跟着改`,
  );
  if (clash) {
    console.log(
      `注意：第${issue}期已经用在 ${shown(clash.file)}（${clash.day ?? '日期不详'}）上，它的日期更晚：请把它和以后各期的期数依次加一，或者改正这一期的日期。`,
    );
  }
}
console.log(`预览地址：http://localhost:4321${createPaths(siteBase).entry(column, slug)}（先运行 npm run dev；草稿只在预览里能看到）`);

// What is left, exactly as the check sees it.
const left = await checkEntryFile(root, file, { cacheDir: options.cacheDir });
const names = fieldsOf(column);
const describe = (p: { line?: number; field?: string }) => {
  const key = p.field?.split(' ')[0] ?? '';
  return `${p.line ? `第 ${p.line} 行 ` : ''}${p.field ?? ''}${names[key] && p.field === key ? `（${names[key]!.name}）` : ''}`;
};
if (left.errors.length) console.log(`还要填写：${left.errors.map(describe).join('、')}`);
const examples = left.warnings.filter((w) => w.message.includes('# TODO'));
if (examples.length) console.log(`还要换成真实内容的示例：${examples.map(describe).join('、')}`);
console.log('标着 # TODO 的地方填好后删除 # TODO；写完后删除 draft: true 这一行，再运行 npm run check 检查。');
