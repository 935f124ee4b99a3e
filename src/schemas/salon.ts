/** 先锋沙龙 Vanguard Salon: a numbered monthly issue, hosts rotate. */
import { z } from 'astro/zod';
import { commonFields, person, text, unitId, type SchemaContext } from './fields.ts';

export const salonSchema = <I extends z.ZodType>(ctx: SchemaContext<I>) =>
  z.object({
    ...commonFields(ctx),
    /** Salon entries need no unit: the host is their unit. */
    unit: unitId.optional(),
    /** 期数, unique in the column. */
    issue: z
      .number({ error: '期数 issue 应为正整数，例如 12' })
      .int({ error: '期数 issue 应为正整数，例如 12' })
      .positive({ error: '期数 issue 应为正整数，例如 12' }),
    /** 承办单位 (an id from units.yaml). */
    host: unitId,
    /** 参会人员, e.g. 各支部书记 */
    participants: text('参会人员 participants'),
    /** 主讲/嘉宾 */
    speakers: z.array(person).default([]),
    /** 活动照片 */
    photos: z
      .array(
        z.object(
          {
            src: ctx.image(),
            alt: text('照片说明 alt'),
            caption: z.string().trim().optional(),
          },
          { error: '每张照片应写成 { src: ./照片.jpg, alt: 照片内容, caption: 图注 }' },
        ),
      )
      .default([]),
  });
