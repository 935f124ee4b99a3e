/** 先锋沙龙 Vanguard Salon: a numbered monthly issue, hosts rotate. */
import { z } from 'astro/zod';
import { commonFields, day, person, text, unitId, type SchemaContext } from './fields.ts';

export const salonSchema = <I extends z.ZodType>(ctx: SchemaContext<I>) =>
  z.object({
    ...commonFields(ctx),
    /** The day the salon was held. */
    date: day.meta({ title: '日期', description: '沙龙举办的日期，写成 YYYY-MM-DD', example: '2026-03-18' }),
    /** Salon entries need no unit: the host is their unit. */
    unit: unitId.optional().meta({ title: '所属党组织', example: 'hq-branch-1', scaffold: 'omit' }),
    /** 期数, unique in the column. */
    issue: z
      .number({ error: '期数 issue 应为正整数，例如 12' })
      .int({ error: '期数 issue 应为正整数，例如 12' })
      .positive({ error: '期数 issue 应为正整数，例如 12' })
      .meta({ title: '期数', description: '按举办日期排好的期数，不能和别的沙龙重复', example: '12' }),
    /** 承办单位 (an id from units.yaml). */
    host: unitId.meta({ title: '承办单位', description: '填 content/units.yaml 里承办党委的 id', example: 'gov-committee' }),
    /** 参会人员, e.g. 各支部书记 */
    participants: text('参会人员 participants').meta({ title: '参会人员', example: '各支部书记' }),
    /** 主讲/嘉宾 */
    speakers: z
      .array(person)
      .default([])
      .meta({
        title: '主讲/嘉宾',
        example: '[{ name: 张三, role: 支部书记 }]',
        scaffold: { value: '\n  - name: 姓名  # TODO\n    role: 职务' },
      }),
    /** 活动照片 */
    photos: z
      .array(
        z.object(
          {
            src: ctx.image().meta({ title: '照片文件', example: './hezhao.jpg', file: 'image' }),
            alt: text('照片说明 alt').meta({ title: '照片说明', example: '与会党员在背景板前合影' }),
            caption: z.string().trim().optional().meta({ title: '图注', example: '与会人员合影' }),
          },
          { error: '每张照片应写成 { src: ./照片.jpg, alt: 照片内容, caption: 图注 }' },
        ),
      )
      .default([])
      .meta({
        title: '活动照片',
        description: '照片放在本文件旁边；alt 写照片内容，caption 写图注',
        example: '[{ src: ./hezhao.jpg, alt: 与会人员合影 }]',
      }),
  });
