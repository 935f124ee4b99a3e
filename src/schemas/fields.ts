/**
 * Field types shared by every column. Schemas are plain Zod so that the CLI
 * (`npm run check`, `npm run new`) validates exactly what the site builds.
 * Messages are Chinese: authors read them.
 */
import { z } from 'astro/zod';
import { dayFromUtcDate, isValidDay } from '../lib/dates.ts';
import { SLUG_RE } from '../lib/slug.ts';

/**
 * How a schema asks for an image. Inside Astro this is the `image()` helper from the
 * collection schema context (the file is then optimized); the CLI passes a plain path check.
 */
export type ImageField<I extends z.ZodType = z.ZodType> = () => I;
export interface SchemaContext<I extends z.ZodType = z.ZodType> {
  image: ImageField<I>;
}

/** Non-empty trimmed text. */
export const text = (what: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `缺少必填项：${what}` : `${what}应为文字`) })
    .trim()
    .min(1, { error: `${what}不能为空` });

/** `YYYY-MM-DD`. YAML already turns an unquoted date into a Date: we accept both and keep the day string. */
export const day = z
  .union([z.date(), z.string()], {
    error: (iss) => (iss.input === undefined ? '缺少必填项：日期 date（YYYY-MM-DD）' : '日期应写成 YYYY-MM-DD，例如 2026-03-18'),
  })
  .transform((value, ctx) => {
    const s = value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : dayFromUtcDate(value)) : value.trim();
    if (!isValidDay(s)) {
      ctx.addIssue({ code: 'custom', message: '日期应写成 YYYY-MM-DD，并且是真实存在的日期，例如 2026-03-18' });
      return z.NEVER;
    }
    return s;
  });

/** An id from units.yaml (checked against the list by the content check). */
export const unitId = z
  .string({
    error: (iss) => (iss.input === undefined ? '缺少必填项：应填写 units.yaml 中某个党组织的 id' : '应填写 units.yaml 中某个党组织的 id'),
  })
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: '党组织 id 只能包含小写字母、数字和连字符，例如 hq-branch-1' });

/** Tags: a list; a single string (`tags: 党建`) or a comma-separated one (`党建，服务`) is accepted too. */
export const tags = z
  .union([z.array(z.union([z.string(), z.number()])), z.string()], { error: '标签应写成列表，例如 [党建, 服务]' })
  .transform((value) =>
    (Array.isArray(value) ? value.map(String) : value.split(/[,，、;；]/))
      .map((t) => t.trim())
      .filter(Boolean),
  );

/** Fields every column has. `unit` is required except for salon (which has `host`). */
export function commonFields<I extends z.ZodType>({ image }: SchemaContext<I>) {
  return {
    /** 标题, 1–80 characters. */
    title: text('标题').max(80, { error: '标题不能超过 80 个字' }),
    /** Publication day (salon: the day it was held). Future = scheduled. */
    date: day,
    /** The organisation the entry belongs to. */
    unit: unitId,
    /** 摘要; derived from the body when absent. Over 200 characters is a warning, not an error. */
    summary: z.string({ error: '摘要应为文字' }).trim().optional(),
    /** 标签 */
    tags: tags.default([]),
    /** 封面图, relative to the Markdown file. */
    cover: image().optional(),
    /** 草稿: never in a production build. */
    draft: z.boolean({ error: 'draft 只能写 true 或 false' }).default(false),
    /** URL name; lowercase ASCII letters, digits, hyphens. */
    slug: z
      .string()
      .trim()
      .regex(SLUG_RE, { error: 'slug 只能包含小写英文字母、数字和连字符，例如 san-xun-ti-xi' })
      .optional(),
  };
}

/** A person named in an entry (speaker, model member). */
export const person = z.object(
  {
    /** 姓名 */
    name: text('姓名'),
    /** 职务/岗位 */
    role: z.string().trim().optional(),
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
    );
}
