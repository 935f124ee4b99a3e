/** 党建工作一图清 One-Picture Guide. */
import { z } from 'astro/zod';
import { commonFields, text, type SchemaContext } from './fields.ts';

export const outlineSection = z.object(
  {
    /** 小标题, e.g. 思路 / 重点 / 举措 */
    heading: text('小标题').meta({ title: '小标题', example: '思路' }),
    /** 要点 */
    points: z
      .array(text('要点'), { error: 'points 应写成要点列表' })
      .default([])
      .meta({ title: '要点', example: '[要点一, 要点二]' }),
  },
  { error: 'outline 的每一项应写成 { heading: 小标题, points: [要点] }' },
);

export const onePictureSchema = <I extends z.ZodType>(ctx: SchemaContext<I>) =>
  z.object({
    ...commonFields(ctx),
    /** The infographic itself (often a tall PNG/JPG). */
    image: ctx.image().meta({
      title: '一图清图片',
      description: '把长图放进这个文件夹，写成 ./文件名.png',
      example: './work-plan-2026.png',
      file: 'image',
    }),
    /** Short text alternative of the picture. */
    imageAlt: text('图片说明 imageAlt').meta({
      title: '图片说明',
      description: '一句话说明图上画了什么，给看不见图片的读者',
      example: '2026年党建工作一图清，列出总体思路和四项重点举措',
    }),
    /** 周期, e.g. 2026年第一季度 */
    period: z.string().trim().optional().meta({ title: '周期', description: '例如 2026年第一季度、2026年度', example: '2026年第一季度' }),
    /** The picture's content as text: shown beside it, indexed by search. */
    outline: z
      .array(outlineSection)
      .default([])
      .meta({
        title: '图文要点',
        description: '建议填写，把图上的内容按小标题和要点写成文字，方便阅读和搜索',
        example: '[{ heading: 思路, points: [要点一, 要点二] }]',
        scaffold: { value: '\n  - heading: 思路\n    points:\n      - 要点一  # TODO' },
      }),
  });
