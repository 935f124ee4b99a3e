/** 红色亮点 Red Highlights: replicable cases and model members' stories. */
import { z } from 'astro/zod';
import { HIGHLIGHT_KINDS } from '../lib/columns.ts';
import { commonFields, person, text, type SchemaContext } from './fields.ts';

const kindList = Object.entries(HIGHLIGHT_KINDS)
  .map(([k, v]) => `${k}（${v}）`)
  .join('、');

export const highlightSchema = <I extends z.ZodType>(ctx: SchemaContext<I>) =>
  z
    .object({
      ...commonFields(ctx),
      /** case 工作亮点 | model 先锋人物 */
      kind: z
        .enum(['case', 'model'], { error: `类型 kind 只能是 ${kindList}` })
        .meta({ title: '类型', description: kindList, example: 'case', scaffold: { value: 'case' } }),
      /** The model member; required when kind is model. */
      person: person.optional().meta({
        title: '先锋人物',
        description: 'kind 为 model 时必填',
        example: '{ name: 张三, role: 线路维护班班长 }',
      }),
      /** 作者/供稿: republished copies must credit it. */
      author: text('作者 author').meta({ title: '作者/供稿', description: '转载时要署名', example: '机关党委宣传组' }),
      /** 可复制推广要点 */
      replicable: z
        .array(text('推广要点'))
        .default([])
        .meta({
          title: '可复制推广要点',
          description: '别的单位照着做的步骤',
          example: '[第一步做什么, 第二步做什么]',
          scaffold: { value: '\n  - 第一步  # TODO' },
        }),
      /** May other outlets republish it? false hides every republishing path. */
      republish: z
        .boolean({ error: 'republish 只能写 true 或 false' })
        .default(true)
        .meta({ title: '允许转载', description: '默认允许；写 false 则不提供转载', example: 'false' }),
    })
    .superRefine((data, ctx2) => {
      if (data.kind === 'model' && !data.person) {
        ctx2.addIssue({
          code: 'custom',
          path: ['person'],
          message: '先锋人物（kind: model）必须填写 person，例如 person: { name: 张三, role: 线路维护班班长 }',
        });
      }
    });
