/**
 * The publish manifest: exactly the files that leave `content/`.
 *
 * A file is published when an entry readers can see (not a draft, not scheduled: the same
 * `isPublished` every page uses) refers to it, and it passes every rule below:
 * - it exists, and its real path (links resolved) is inside the content folder, in a
 *   column folder, not in a hidden folder;
 * - its type is on the allow-list for its use (raster images; `.svg` only as a static
 *   drawing, see src/lib/svg-safety.ts; `.mp4`/`.webm`; `.vtt`; `.pdf` and office documents
 *   as downloads). Web pages, scripts and XML (`.html`, `.htm`, `.js`, `.xml`, …) never are;
 * - its name has no `#` or `?` (they end a URL's path, so no link could reach it).
 *
 * Images go through astro:assets into `_astro/` (only those of visible entries reach the
 * content layer, src/collections/loader.ts); videos, captions and downloads are copied to
 * `media/COLUMN/…` by src/integrations/media.ts from `manifest.media`, and the dev server
 * serves nothing else. `npm run check` reports every refused file (error, where an entry
 * refers to it) and every file no entry refers to (warning), located, in Chinese.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { COLUMN_IDS, isColumnId, type ColumnId } from '../lib/columns.ts';
import { readFrontMatterFile } from '../lib/front-matter.ts';
import { realPathInside, URL_BREAKING } from '../lib/local-files.ts';
import { listEntries } from '../check/entries.ts';
import { SVG_HINT, svgProblem } from '../lib/svg-safety.ts';
import { isPublished, type VisibilityOptions } from '../lib/visibility.ts';
import { parseBody } from '../markdown/body-tree.ts';
import { bodyReferences, frontMatterReferences, type FileUse, type Reference } from './references.ts';

/** Extensions allowed for each use, with the type the server sends. */
export const IMAGE_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.svg': 'image/svg+xml',
};
export const VIDEO_TYPES: Record<string, string> = { '.mp4': 'video/mp4', '.webm': 'video/webm' };
export const CAPTION_TYPES: Record<string, string> = { '.vtt': 'text/vtt; charset=utf-8' };
export const DOWNLOAD_TYPES: Record<string, string> = {
  ...IMAGE_TYPES,
  ...VIDEO_TYPES,
  ...CAPTION_TYPES,
  '.pdf': 'application/pdf',
  '.ofd': 'application/ofd',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.wps': 'application/vnd.ms-works',
  '.et': 'application/vnd.ms-excel',
  '.dps': 'application/vnd.ms-powerpoint',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.odp': 'application/vnd.oasis.opendocument.presentation',
};
const TYPES_BY_USE: Record<FileUse, Record<string, string>> = {
  image: IMAGE_TYPES,
  video: VIDEO_TYPES,
  captions: CAPTION_TYPES,
  download: DOWNLOAD_TYPES,
};

/** Content type of a published file (the dev server and the tests use it). */
export function contentType(file: string): string {
  return DOWNLOAD_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const ACTIVE = /\.(?:html?|xhtml|shtml|mht|mhtml|svgz|js|mjs|cjs|xml|xsl|xslt|swf|jar|exe|bat|cmd|ps1|vbs|hta|sh)$/i;

/** Why a reference is refused (the content check words `missing` and image `type` with its own rules). */
export type RefusalCode = 'missing' | 'name' | 'outside' | 'folder' | 'column' | 'active' | 'type' | 'svg';

export interface FileProblem {
  code?: RefusalCode;
  severity: 'error' | 'warning';
  /** The entry that refers to the file (errors), or the stray file itself (warnings). */
  file: string;
  /** Where the reference is (errors): a front-matter path or a 1-based body line. */
  reference?: Reference;
  message: string;
  hint: string;
}

export interface MediaFile {
  column: ColumnId;
  /** Path inside the column folder, with `/` (the URL `media/COLUMN/…` is built from it). */
  relativePath: string;
  /** Real path of the file to copy. */
  source: string;
}

export interface EntrySource {
  column: ColumnId;
  /** Absolute path of the Markdown file. */
  file: string;
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the first body line in the file. */
  bodyStartLine: number;
}

export interface Manifest {
  /** Files copied to `media/`, sorted. */
  media: MediaFile[];
  /** Real paths of the images visible entries use (they reach `_astro/` through astro:assets). */
  images: Set<string>;
  /** Refused references and stray files. */
  problems: FileProblem[];
}


function describe(use: FileUse): string {
  return use === 'image' ? '图片' : use === 'video' ? '视频' : use === 'captions' ? '字幕' : '附件';
}

function allowedList(use: FileUse): string {
  if (use === 'download') return 'PDF、OFD、Word、Excel、PowerPoint、WPS 文档，图片，MP4/WebM 视频，VTT 字幕';
  return Object.keys(TYPES_BY_USE[use]).join(' ');
}

/**
 * The verdict on one reference: where it is published from, or why it is refused.
 * `realRoot` is the real path of the content folder.
 */
export function judgeReference(
  ref: Reference,
  realRoot: string,
): { ok: true; real: string; column: ColumnId; relativePath: string } | { ok: false; code: RefusalCode; message: string; hint: string } {
  const what = describe(ref.use);
  const base = path.basename(ref.file);
  if (URL_BREAKING.test(base) || URL_BREAKING.test(path.basename(path.dirname(ref.file)))) {
    return {
      ok: false,
      code: 'name',
      message: `${what}的文件名“${base}”里有 # 或 ?，网址到这里就断了，读者打不开`,
      hint: `把文件改名，去掉 # 和 ?（例如 ${base.replace(/[#?]/g, '-')}），再改这里的引用`,
    };
  }
  let stat;
  try {
    stat = lstatSync(ref.file);
  } catch {
    return { ok: false, code: 'missing', message: `${what}文件不存在：${ref.written}`, hint: `把${what}文件放在文章旁边，检查文件名（包括扩展名和大小写）是否和这里写的一致` };
  }
  const real = realPathInside(ref.file, realRoot);
  if (!real) {
    return {
      ok: false,
      code: 'outside',
      message: `${what} ${ref.written} 在内容文件夹之外（或是指向外面的快捷方式/符号链接），不能发布`,
      hint: `把${what}文件本身复制到文章旁边，再写成 ./${base}`,
    };
  }
  if (stat.isDirectory() || !statSync(real).isFile()) {
    return { ok: false, code: 'folder', message: `${ref.written} 是文件夹，不是${what}文件`, hint: `写出文件夹里的具体文件，例如 ./${base}/文件名` };
  }
  const [column, ...rest] = path.relative(realRoot, real).split(path.sep);
  // Images go through astro:assets and may be shared from any folder of content/ (`../shared/合影.jpg`);
  // videos, captions and downloads are published at media/COLUMN/…, so they live in a column folder.
  const hidden = [column ?? '', ...rest].some((p) => p.startsWith('.'));
  if (hidden || (ref.use !== 'image' && (!column || !isColumnId(column) || rest.length === 0))) {
    return {
      ok: false,
      code: 'column',
      message: `${what} ${ref.written} 不在栏目文件夹里（或在隐藏文件夹里），不能发布`,
      hint: `把${what}文件放在文章旁边，再写成 ./${base}`,
    };
  }
  const ext = path.extname(real).toLowerCase();
  if (ACTIVE.test(real)) {
    return {
      ok: false,
      code: 'active',
      message: `${base} 是网页或脚本文件，网站不发布这类文件（它们会在网站上运行）`,
      hint: '把内容导出为 PDF 再链接，例如 [下载附件](./附件.pdf)；网页内容请直接写进文章正文',
    };
  }
  if (!(ext in TYPES_BY_USE[ref.use])) {
    return {
      ok: false,
      code: 'type',
      message: `网站不能发布 ${ext || '没有扩展名'} 格式的${what}：${ref.written}`,
      hint:
        ref.use === 'image'
          ? '把图片另存为 JPG 或 PNG 格式（手机 HEIC 照片可用“画图”打开后另存为 JPG）'
          : `可以发布的格式：${allowedList(ref.use)}；其他文件请先转成 PDF`,
    };
  }
  if (ext === '.svg') {
    const bad = svgProblem(readFileSync(real));
    if (bad) return { ok: false, code: 'svg', message: `SVG 图形 ${base} ${bad.reason}，打开时会在网站上运行或加载外部内容`, hint: SVG_HINT };
  }
  return { ok: true, real, column: column as ColumnId, relativePath: rest.join('/') };
}

/** Every file under the column folders (not following links to folders), with its link state. */
export function listColumnFiles(contentDir: string): { file: string; link: boolean; dir: boolean }[] {
  const out: { file: string; link: boolean; dir: boolean }[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const file = path.join(dir, name);
      let st;
      try {
        st = lstatSync(file);
      } catch {
        continue;
      }
      if (st.isSymbolicLink()) {
        let isDir = false;
        try {
          isDir = statSync(file).isDirectory();
        } catch {
          /* dangling */
        }
        out.push({ file, link: true, dir: isDir });
      } else if (st.isDirectory()) walk(file);
      else if (st.isFile()) out.push({ file, link: false, dir: false });
    }
  };
  for (const column of COLUMN_IDS) walk(path.join(contentDir, column));
  return out;
}

/** Front matter and body of an entry file, read with the one front-matter reader (problems are the content check's to report). */
export function readEntrySource(column: ColumnId, file: string): EntrySource | null {
  const front = readFrontMatterFile(file);
  if (!front) return null;
  if (front.ok) return { column, file, data: front.data, body: front.body, bodyStartLine: front.bodyLine };
  // No front matter, or YAML the check explains: the body is still read for the files it names.
  return front.reason === 'no-start' ? { column, file, data: {}, body: readFileSync(file, 'utf8'), bodyStartLine: 1 } : null;
}

/** Entry files of every column, the way the site's loader finds them (src/check/entries.ts lists them for the check too). */
export function listEntryFiles(contentDir: string): { column: ColumnId; file: string }[] {
  return COLUMN_IDS.flatMap((column) => listEntries(contentDir, column).map((e) => ({ column, file: e.abs })));
}

/** The references of one entry (front matter and body). */
export function entryReferences(entry: EntrySource): Reference[] {
  let bodyRefs: Reference[] = [];
  if (/[[!]/.test(entry.body)) {
    try {
      bodyRefs = bodyReferences(parseBody(entry.body, /\.mdx$/i.test(entry.file)), entry.file, entry.bodyStartLine - 1);
    } catch {
      bodyRefs = []; // an MDX syntax error: the check reports it, the build stops on it
    }
  }
  return [...frontMatterReferences(entry.column, entry.data, entry.file), ...bodyRefs];
}

export interface ManifestInput {
  contentDir: string;
  /** Every entry file, readable or not (a file that is an entry is never called a stray). Default: those of `entries`. */
  entryFiles?: readonly string[];
  /** Entries with their references (the check passes what it parsed; see `readManifestInput`). */
  entries: { source: EntrySource; references: Reference[] }[];
  visibility: VisibilityOptions;
}

/** Front matter and body of every entry of a content folder. */
export function readEntrySources(contentDir: string): EntrySource[] {
  return listEntryFiles(contentDir)
    .map(({ column, file }) => readEntrySource(column, file))
    .filter((s): s is EntrySource => s !== null);
}

/** Read every entry of a content folder for the manifest (the build and the dev server). */
export function readManifestInput(contentDir: string, visibility: VisibilityOptions): ManifestInput {
  const entries = readEntrySources(contentDir).map((source) => ({ source, references: entryReferences(source) }));
  return { contentDir, entries, visibility };
}

function visible(data: Record<string, unknown>, visibility: VisibilityOptions): boolean {
  const date = data.date instanceof Date ? data.date.toISOString().slice(0, 10) : String(data.date ?? '');
  return isPublished({ date, draft: data.draft === true }, visibility);
}

/** The manifest of a content folder for one build mode. */
export function buildManifest(input: ManifestInput): Manifest {
  const root = path.resolve(input.contentDir);
  let realRoot = root;
  try {
    realRoot = realpathSync(root);
  } catch {
    /* no content folder: nothing to publish */
  }
  const problems: FileProblem[] = [];
  const media = new Map<string, MediaFile>();
  const images = new Set<string>();
  const referenced = new Set<string>();
  for (const { source, references } of input.entries) {
    const shown = visible(source.data, input.visibility);
    for (const ref of references) {
      referenced.add(ref.file);
      // Not published now (a draft, or not yet due): nothing of it leaves, nothing of it is judged
      // (the check, which judges every entry, marks a draft's problems as the draft's).
      if (!shown) continue;
      const verdict = judgeReference(ref, realRoot);
      if (!verdict.ok) {
        problems.push({ severity: 'error', code: verdict.code, file: source.file, reference: ref, message: verdict.message, hint: verdict.hint });
        continue;
      }
      referenced.add(verdict.real);
      if (ref.use === 'image') images.add(verdict.real);
      else media.set(`${verdict.column}/${verdict.relativePath}`, { column: verdict.column, relativePath: verdict.relativePath, source: verdict.real });
    }
  }
  const entryFiles = new Set(input.entryFiles ?? input.entries.map((e) => e.source.file));
  for (const f of listColumnFiles(root)) {
    if (f.link) {
      const inside = realPathInside(f.file, realRoot);
      // A link an entry refers to is reported at the reference.
      if (!inside && referenced.has(f.file)) continue;
      if (!inside) {
        problems.push({
          severity: 'error',
          file: f.file,
          message: `${path.basename(f.file)} 是指向内容文件夹之外的${f.dir ? '文件夹' : '文件'}链接（符号链接），外面的文件不能经它发布`,
          hint: '删除这个链接；需要发布的文件请把文件本身复制到文章旁边',
        });
        continue;
      }
      if (f.dir || referenced.has(f.file) || referenced.has(inside) || entryFiles.has(f.file)) continue;
    } else if (referenced.has(f.file) || entryFiles.has(f.file)) continue;
    const base = path.basename(f.file);
    const kind = /\.mdx?$/i.test(base) ? 'markdown' : ACTIVE.test(base) ? 'active' : 'other';
    problems.push({
      severity: 'warning',
      file: f.file,
      message:
        kind === 'markdown'
          ? `${base} 不是一篇文章（文章是 栏目/名称.md 或 栏目/名称/index.md），不会发布`
          : kind === 'active'
            ? `${base} 是网页或脚本文件，不会发布（网站从不发布这类文件）`
            : `${base} 没有被任何文章引用，不会发布到网站上`,
      hint:
        kind === 'markdown'
          ? '要作为文章发布，请移到栏目文件夹里或改名为 index.md；是备注的话请移出 content 文件夹'
          : kind === 'active'
            ? '不需要的话删除它；内容请写进文章正文，或导出为 PDF 再用 [下载附件](./文件.pdf) 链接'
            : '需要发布就在文章里引用它：图片写 ![说明](./文件名.jpg)，附件写 [下载附件](./文件名.pdf)；不需要的话删除它或移出 content 文件夹',
    });
  }
  return { media: [...media.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)), images, problems };
}
