/**
 * `npm run new -- <栏目> "<标题>"`: creates a new entry with every field explained in
 * Chinese. Today's date (China), the next free salon issue, a readable ASCII file name
 * (pinyin for Chinese titles), `draft: true` so nothing is published before the author is
 * done. Required fields the tool cannot know are marked `# TODO`, and `npm run check`
 * points at them. Never overwrites anything. Respects RED_CONTENT_DIR.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { COLUMN_IDS, COLUMNS, HIGHLIGHT_KINDS, isColumnId, VIDEO_CATEGORIES, type ColumnId } from '../lib/columns.ts';
import { createPaths } from '../lib/paths.ts';
import { readEnvOptions, readSettings } from '../config/settings.ts';
import { isValidSlug, RESERVED_SLUGS, slugify } from '../lib/slug.ts';

const USAGE = `用法：npm run new -- <栏目> "<标题>"
栏目：
${COLUMN_IDS.map((c) => `  ${c.padEnd(12)} ${COLUMNS[c].name}`).join('\n')}
例如：npm run new -- highlights "支部书记讲党课"`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(1);
}

/** YAML scalar for a title: quoted only when YAML would misread it. */
function yamlString(value: string): string {
  if (/^[\s\-?:,[\]{}#&*!|>'"%@`]|:\s|\s#|\s$/.test(value) || /^(true|false|null|yes|no|~|\d[\d.:-]*)$/i.test(value)) {
    return JSON.stringify(value);
  }
  return value;
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

/** Slugs and names already used in a column (file names, folder names, `slug:` fields). */
function usedNames(dir: string): Set<string> {
  const used = new Set<string>();
  let items: import('node:fs').Dirent[] = [];
  try {
    items = readdirSync(dir, { withFileTypes: true });
  } catch {
    return used;
  }
  for (const item of items) {
    const stem = item.name.replace(/\.(md|mdx)$/i, '');
    used.add(stem);
    used.add(slugify(stem));
    const file = item.isDirectory() ? ['index.md', 'index.mdx'].map((n) => path.join(dir, item.name, n)).find((f) => existsSync(f)) : /\.mdx?$/i.test(item.name) ? path.join(dir, item.name) : undefined;
    if (!file) continue;
    const m = /^slug:\s*["']?([a-z0-9-]+)/m.exec(readFileSync(file, 'utf8').split(/\n---/)[0] ?? '');
    if (m?.[1]) used.add(m[1]);
  }
  return used;
}

function nextIssue(dir: string): number {
  let max = 0;
  let items: string[] = [];
  try {
    items = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return 1;
  }
  for (const rel of items) {
    if (!/\.mdx?$/i.test(rel)) continue;
    let text = '';
    try {
      text = readFileSync(path.join(dir, rel), 'utf8');
    } catch {
      continue;
    }
    const m = /^issue:\s*["']?(\d+)/m.exec(text.split(/\n---/)[0] ?? '');
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

function template(column: ColumnId, title: string, date: string, issue: number): string {
  const common = [
    '# 标题（必填，80 字以内）',
    `title: ${yamlString(title)}`,
    column === 'salon' ? '# 沙龙举办日期（必填，写成 YYYY-MM-DD）' : '# 发布日期（必填，写成 YYYY-MM-DD）；写将来的日期就是定时发布，到那天才出现在网站上',
    `date: ${date}`,
  ];
  const unit = [
    '# 所属党组织（必填）：填 content/units.yaml 里的 id，例如 hq-branch-1',
    'unit:  # TODO 填写党组织的 id',
  ];
  const tail = [
    '# 摘要（可选，200 字以内）：列表、搜索结果和转载时显示；不写就自动取正文开头',
    '# summary: 用一两句话概括全文',
    '# 标签（可选）',
    'tags: []',
    '# 封面图（可选）：把图片放在本文件旁边，写 ./文件名',
    '# cover: ./cover.jpg',
    '# 草稿：true 表示还没写完，网站不发布（本地预览能看到）；写完后删除这一行',
    'draft: true',
  ];
  let fields: string[];
  let body: string;
  switch (column) {
    case 'one-picture':
      fields = [
        ...common,
        ...unit,
        '# 一图清图片（必填）：把长图放进这个文件夹，写成 ./文件名.png',
        'image:  # TODO 例如 ./work-plan.png',
        '# 图片说明（必填）：一句话说明图上画了什么，给看不见图片的读者',
        'imageAlt:  # TODO 例如 2026年党建工作一图清，列出总体思路和四项重点举措',
        '# 周期（可选），例如 2026年第一季度、2026年度',
        '# period: 2026年度',
        '# 图文要点（可选，建议填写）：把图上的内容按小标题和要点写成文字，方便阅读和搜索',
        'outline:',
        '  - heading: 思路',
        '    points:',
        '      - 要点一  # TODO',
      ];
      body = '这里写这张图的说明（可选）。';
      break;
    case 'salon':
      fields = [
        ...common,
        '# 期数（必填）：自动填了下一期，请核对',
        `issue: ${issue}`,
        '# 承办单位（必填）：填 content/units.yaml 里承办党委的 id',
        'host:  # TODO 例如 gov-committee',
        '# 参会人员（必填），例如 各支部书记',
        'participants:  # TODO 例如 各支部书记',
        '# 主讲/嘉宾（可选）',
        'speakers:',
        '  - name: 姓名  # TODO',
        '    role: 职务',
        '# 活动照片（可选）：照片放在本文件旁边；alt 写照片内容，caption 写图注',
        '# photos:',
        '#   - src: ./hezhao.jpg',
        '#     alt: 与会人员在背景板前合影',
        '#     caption: 与会人员合影',
      ];
      body = '## 本期要点\n\n这里写本期沙龙的主要内容。';
      break;
    case 'highlights':
      fields = [
        ...common,
        ...unit,
        `# 类型（必填）：${Object.entries(HIGHLIGHT_KINDS).map(([k, v]) => `${k}（${v}）`).join(' 或 ')}`,
        'kind: case',
        '# 先锋人物（kind 为 model 时必填）',
        '# person: { name: 张三, role: 线路维护班班长 }',
        '# 作者/供稿（必填）：转载时要署名',
        'author:  # TODO 例如 机关党委宣传组',
        '# 可复制推广要点（可选）：别的单位照着做的步骤',
        'replicable:',
        '  - 第一步  # TODO',
        '# 是否允许转载（可选，默认 true）；写 false 则不提供转载',
        '# republish: false',
      ];
      body = '## 背景\n\n## 主要做法\n\n## 成效';
      break;
    case 'videos':
      fields = [
        ...common,
        ...unit,
        `# 分类（必填）：${Object.entries(VIDEO_CATEGORIES).map(([k, v]) => `${k}（${v}）`).join('、')}`,
        'category: activity',
        '# 视频（必填）：把 .mp4 文件放进这个文件夹，写成 ./文件名.mp4；也可以写内网视频服务器的 http(s) 地址',
        'video:  # TODO 例如 ./video.mp4',
        '# 字幕（建议填写）：.vtt 字幕文件放在视频旁边',
        '# captions: ./captions.vtt',
        '# 视频封面（可选）：不写会自动生成',
        '# poster: ./poster.jpg',
        '# 时长（可选），写成 分:秒，要加引号',
        '# duration: "3:45"',
      ];
      body = '这里写视频简介。';
      break;
  }
  return `---\n${[...fields, ...tail].join('\n')}\n---\n\n${body}\n`;
}

const [columnArg, ...titleParts] = process.argv.slice(2);
const title = titleParts.join(' ').trim();
if (!columnArg) fail('请写出栏目和标题。');
if (!isColumnId(columnArg)) fail(`没有“${columnArg}”这个栏目。`);
if (!title) fail('请写出标题（用英文引号括起来）。');
if ([...title].length > 80) fail(`标题有 ${[...title].length} 个字，不能超过 80 个字。`);
const column: ColumnId = columnArg;

const options = readEnvOptions();
const root = options.contentDir;
const columnDir = path.join(root, column);
const date = options.today;
const issue = column === 'salon' ? nextIssue(columnDir) : 0;

let base = column === 'salon' ? date.slice(0, 7) : shortSlug(title);
if (!base || !isValidSlug(base)) base = `${column === 'videos' ? 'video' : 'entry'}-${date}`;
if ((RESERVED_SLUGS as readonly string[]).includes(base)) base = `${base}-1`;
const used = usedNames(columnDir);
let slug = base;
for (let n = 2; used.has(slug) || existsSync(path.join(columnDir, slug)) || existsSync(path.join(columnDir, `${slug}.md`)) || existsSync(path.join(columnDir, `${slug}.mdx`)); n++) {
  if (n > 99) fail(`${COLUMNS[column].name}里已经有很多叫 ${base} 的文章，请换一个标题。`);
  slug = `${base}-${n}`;
}

const inFolder = column === 'videos' || column === 'one-picture';
const file = inFolder ? path.join(columnDir, slug, 'index.md') : path.join(columnDir, `${slug}.md`);
if (existsSync(file)) fail(`${file} 已经存在，没有覆盖。`);
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, template(column, title, date, issue), { flag: 'wx' });

let siteBase = '/';
try {
  siteBase = readSettings(root).base;
} catch {
  /* site.yaml has a mistake: `npm run check` explains it; the preview URL falls back to the root */
}
const url = `http://localhost:4321${createPaths(siteBase).entry(column, slug)}`;
const shown = path.relative(process.cwd(), file) || file;
console.log(`已新建：${shown.startsWith('..') ? file : shown}`);
if (column === 'salon') console.log(`期数：第${issue}期（请核对）`);
console.log(`预览地址：${url}（先运行 npm run dev）`);
console.log('请把标着 # TODO 的地方填好，写完后删除 draft: true 这一行，再运行 npm run check 检查。');
