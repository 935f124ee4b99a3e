/**
 * Field types shared by every column. Schemas are plain Zod so that the CLI
 * (`npm run check`, `npm run new`) validates exactly what the site builds.
 * Messages are Chinese: authors read them. Each field's Chinese name, example and help
 * are its `.meta()` (see meta.ts).
 */
import { z } from 'astro/zod';
import { dayOfDate, readDay } from '../lib/dates.ts';
import { isHttpUrl } from '../lib/origins.ts';
import { SLUG_RE } from '../lib/slug.ts';
import { SUMMARY_LIMIT } from '../lib/summary.ts';

/**
 * How a schema asks for an image. Inside Astro this is the `image()` helper from the
 * collection schema context (the file is then optimized); the CLI passes a plain path check.
 */
export type ImageField<I extends z.ZodType = z.ZodType> = () => I;
export interface SchemaContext<I extends z.ZodType = z.ZodType> {
  image: ImageField<I>;
}

/** Characters as readers count them (code points: `𠮷` is one, not two UTF-16 units). */
export function charCount(text: string): number {
  return [...text].length;
}

/** Longest title, in characters. */
export const TITLE_LIMIT = 80;

/** Non-empty trimmed text. */
export const text = (what: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `缺少必填项：${what}` : `${what}应为文字`) })
    .trim()
    .min(1, { error: `${what}不能为空` });

/**
 * `YYYY-MM-DD`. YAML already turns an unquoted date into a Date (a timestamp such as
 * `2026-01-05T07:00:00+08:00` too): we accept both and keep the day in China (src/lib/dates.ts).
 */
export const day = z
  .union([z.date(), z.string()], {
    error: (iss) => (iss.input === undefined ? '缺少必填项：日期 date（YYYY-MM-DD）' : '日期应写成 YYYY-MM-DD，例如 2026-03-18'),
  })
  .transform((value, ctx) => {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return dayOfDate(value);
    const reading = typeof value === 'string' ? readDay(value) : undefined;
    if (!reading?.ok) {
      ctx.addIssue({ code: 'custom', message: '日期应写成 YYYY-MM-DD，并且是真实存在的日期，例如 2026-03-18' });
      return z.NEVER;
    }
    return reading.day;
  });

/** An id from units.yaml (checked against the list by the content check). */
export const unitId = z
  .string({
    error: (iss) => (iss.input === undefined ? '缺少必填项：应填写 units.yaml 中某个党组织的 id' : '应填写 units.yaml 中某个党组织的 id'),
  })
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: '党组织 id 只能包含小写字母、数字和连字符，例如 hq-branch-1' });

/** Separators authors type between tags: Chinese and English commas, 、 and semicolons. */
export const TAG_SEPARATORS = /[,，、;；]/;
/** Brackets typed with a Chinese keyboard around a list (`【党课，支部书记】`): never part of a tag. */
export const TAG_BRACKETS = /^[【［〔「『\[]+|[】］〕」』\]]+$/g;

/**
 * Tags: a list; a single string (`tags: 党建`) or a comma-separated one (`党建，服务`) is
 * accepted too, and so is a list typed with Chinese brackets and commas (`【党课，支部书记】`):
 * the check warns about those and shows the list form.
 */
export const tags = z
  .union([z.array(z.union([z.string(), z.number()])), z.string()], { error: '标签应写成列表，例如 [党建, 服务]' })
  .transform((value) =>
    (Array.isArray(value) ? value.map(String) : [value])
      .flatMap((t) => t.split(TAG_SEPARATORS))
      .map((t) => t.trim().replace(TAG_BRACKETS, '').trim())
      .filter(Boolean),
  );

/** Fields every column has. `unit` is required except for salon (which has `host`). */
export function commonFields<I extends z.ZodType>({ image }: SchemaContext<I>) {
  return {
    /** 标题, 1–80 characters (code points). */
    title: text('标题')
      .refine((t) => charCount(t) <= TITLE_LIMIT, {
        error: (iss) => `标题有 ${charCount(String(iss.input).trim())} 个字，不能超过 ${TITLE_LIMIT} 个字`,
      })
      .meta({ title: '标题', description: `${TITLE_LIMIT} 字以内`, example: '支部书记讲党课：把党课讲到群众心坎上' }),
    /** Publication day (salon: the day it was held). Future = scheduled. */
    date: day.meta({
      title: '日期',
      description: '写成 YYYY-MM-DD；写将来的日期就是定时发布，到那天才出现在网站上',
      example: '2026-03-18',
    }),
    /** The organisation the entry belongs to. */
    unit: unitId.meta({ title: '所属党组织', description: '填 content/units.yaml 里的 id，例如 hq-branch-1', example: 'hq-branch-1', todo: '填写党组织的 id' }),
    /** 摘要; derived from the body when absent. Over 200 characters is a warning, not an error. */
    summary: z
      .string({ error: '摘要应为文字' })
      .trim()
      .optional()
      .meta({
        title: '摘要',
        description: `${SUMMARY_LIMIT} 字以内；列表、搜索结果和转载时显示；不写就自动取正文开头`,
        example: `用一两句话概括全文，${SUMMARY_LIMIT} 字以内`,
      }),
    /** 标签 */
    tags: tags.default([]).meta({ title: '标签', example: '[党建, 服务]', scaffold: { value: '[]' } }),
    /** 封面图, relative to the Markdown file. */
    cover: image()
      .optional()
      .meta({ title: '封面图', description: '把图片放在本文件旁边，写 ./文件名', example: './cover.jpg', file: 'image' }),
    /** 草稿: never in a production build. */
    draft: z
      .boolean({ error: 'draft 只能写 true 或 false' })
      .default(false)
      .meta({
        title: '草稿',
        description: 'true 表示还没写完，正式网站不发布，本地预览能看到；写完后删除这一行',
        example: 'true',
        scaffold: { value: 'true' },
      }),
    /** URL name; lowercase ASCII letters, digits, hyphens. */
    slug: z
      .string()
      .trim()
      .regex(SLUG_RE, { error: 'slug 只能包含小写英文字母、数字和连字符，例如 san-xun-ti-xi' })
      .optional()
      .meta({ title: '网址名', example: 'san-xun-ti-xi', scaffold: 'omit' }),
  };
}

/** A person named in an entry (speaker, model member). */
export const person = z.object(
  {
    /** 姓名 */
    name: text('姓名').meta({ title: '姓名', example: '张三' }),
    /** 职务/岗位 */
    role: z.string().trim().optional().meta({ title: '职务', example: '支部书记' }),
  },
  { error: '应写成 { name: 姓名, role: 职务 }' },
);

/** A path to a file next to the entry, or an http(s) URL when `allowUrl`. */
export function filePath(what: string, extensions: readonly string[], allowUrl = false) {
  const list = extensions.join(' / ');
  return z
    .string({ error: `${what}应写成文件路径，例如 ./${extensions[0]?.replace('.', 'file.')}` })
    .trim()
    .refine(
      (v) =>
        (allowUrl && /^https?:\/\//i.test(v)) || extensions.some((ext) => v.toLowerCase().endsWith(ext)),
      { error: allowUrl ? `${what}应为 ${list} 文件，或 http(s):// 开头的内网视频地址` : `${what}应为 ${list} 文件` },
    )
    .refine((v) => !/^https?:\/\//i.test(v) || isHttpUrl(v), {
      error: `${what}的网址写得不对：主机名只能有字母、数字、点和连字符，不能有空格、分号等符号，例如 http://video.intranet.example.cn/2026/party-day.mp4`,
    });
}
