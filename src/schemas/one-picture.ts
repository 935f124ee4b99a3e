/** 党建工作一图清 One-Picture Guide. */
import { z } from 'astro/zod';
import { commonFields, text, type SchemaContext } from './fields.ts';

export const outlineSection = z.object(
  {
    /** 小标题, e.g. 思路 / 重点 / 举措 */
    heading: text('小标题'),
    /** 要点 */
    points: z.array(text('要点'), { error: 'points 应写成要点列表' }).default([]),
  },
  { error: 'outline 的每一项应写成 { heading: 小标题, points: [要点] }' },
);

export const onePictureSchema = <I extends z.ZodType>(ctx: SchemaContext<I>) =>
  z.object({
    ...commonFields(ctx),
    /** The infographic itself (often a tall PNG/JPG). */
    image: ctx.image(),
    /** Short text alternative of the picture. */
    imageAlt: text('图片说明 imageAlt'),
    /** 周期, e.g. 2026年第一季度 */
    period: z.string().trim().optional(),
    /** The picture's content as text: shown beside it, indexed by search. */
    outline: z.array(outlineSection).default([]),
  });
