/**
 * The files an entry's front matter names (the fields marked `file` in the schemas:
 * cover, image, photos[].src, poster, video, captions): written as a path the site can
 * follow, present, and what they say they are: images decoded in full (images.ts), videos
 * and captions non-empty and of their type (media.ts), captions valid WebVTT.
 */
import path from 'node:path';
import type { z } from 'astro/zod';
import type { ColumnId } from '../../lib/columns.ts';
import { parseVtt } from '../../lib/vtt.ts';
import { fileReferences, type FileKind } from '../../schemas/meta.ts';
import { VIDEO_EXTENSIONS } from '../../schemas/videos.ts';
import { fieldLabel, type CheckContext, type locator, type Problems } from '../context.ts';
import type { EntryFile } from '../entries.ts';
import { exists } from '../exists.ts';
import type { FieldInfo } from '../fields.ts';
import { IMAGE_EXTENSIONS, imageProblem } from '../images.ts';
import { mediaProblem } from '../media.ts';
import { writtenPathProblem } from '../paths.ts';
import { readText } from '../text.ts';

const WHAT: Record<FileKind, string> = { image: '图片', video: '视频', captions: '字幕' };
/** Extensions the schema accepts (a path with another one is the schema's message, not a missing file). */
const ACCEPTED: Partial<Record<FileKind, readonly string[]>> = { video: VIDEO_EXTENSIONS, captions: ['.vtt'] };

function fileNameOf(url: string): string {
  try {
    return path.posix.basename(new URL(url).pathname);
  } catch {
    return '';
  }
}

interface Scope {
  entry: EntryFile;
  file: string;
  at: ReturnType<typeof locator>;
  column: ColumnId;
  columnFields: Record<string, FieldInfo>;
}

export function checkEntryFiles(schema: z.ZodType, fm: Record<string, unknown>, s: Scope, ctx: CheckContext, out: Problems): void {
  const dir = path.dirname(s.entry.abs);
  for (const ref of fileReferences(schema, fm)) {
    const what = WHAT[ref.kind];
    const where = { file: s.file, ...s.at(ref.path), field: fieldLabel(ref.path) };
    const key = String([...ref.path].reverse().find((k) => typeof k === 'string'));
    if (/^https?:\/\//i.test(ref.value)) {
      // Videos and captions may live on the intranet video server; images are published from beside the entry.
      if (ref.kind === 'image') {
        out.error({
          ...where,
          message: `${what}要放在文章旁边，不能写网址：${ref.value}`,
          hint: `把图片下载下来放在 ${ctx.show(dir)}/ 里，写成 ${key}: ./${fileNameOf(ref.value) || '图片.jpg'}`,
        });
      }
      continue;
    }
    const accepted = ACCEPTED[ref.kind];
    if (accepted && !accepted.some((e) => ref.value.toLowerCase().endsWith(e))) continue;
    const written = writtenPathProblem(ref.value, what, ctx.show(dir), (rel) => `${key}: ${rel}`);
    if (written) {
      out.error({ ...where, ...written });
      continue;
    }
    const abs = path.resolve(dir, ref.value);
    if (!exists(abs)) {
      out.error({
        ...where,
        message: `${what}文件不存在：${ctx.show(abs)}`,
        hint: `把${what}文件放在 ${ctx.show(dir)}/ 里，并检查文件名（包括扩展名和大小写）是否和这里写的一致；路径相对于这篇文章，例如 ./${path.basename(ref.value)}`,
      });
      continue;
    }
    if (ref.kind === 'image') {
      if (!IMAGE_EXTENSIONS.includes(path.extname(abs).toLowerCase())) {
        out.error({ ...where, message: `网站不能处理 ${path.extname(abs) || '没有扩展名'} 格式的图片：${ctx.show(abs)}`, hint: '把图片另存为 JPG 或 PNG 格式' });
        continue;
      }
      ctx.later(
        imageProblem(abs, ctx.cacheDir).then((bad) => {
          if (bad) out.error({ ...where, message: `${bad.message}：${ctx.show(abs)}`, hint: bad.hint });
        }),
      );
      continue;
    }
    const bad = mediaProblem(abs, what);
    if (bad) {
      out.error({ ...where, message: `${bad.message}：${ctx.show(abs)}`, hint: bad.hint });
      continue;
    }
    if (ref.kind === 'captions') {
      const vtt = readText(abs);
      if (!vtt.ok) out.error({ file: ctx.show(abs), line: vtt.line, field: '字幕文件编码', message: vtt.message, hint: vtt.hint });
      else for (const e of parseVtt(vtt.text).errors) out.error({ file: ctx.show(abs), line: e.line, field: 'captions', message: e.message, hint: e.hint });
    }
  }
  if (s.column === 'videos' && fm.captions === undefined) {
    out.warn({
      file: s.file,
      field: 'captions',
      message: '视频没有字幕，听不见声音的读者（和在办公室静音观看的同事）看不懂',
      hint: `把 .vtt 字幕文件放在视频旁边，加上一行：${s.columnFields.captions!.example}`,
    });
  }
}
