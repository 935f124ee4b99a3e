/** units.yaml: the party organisations (党组织). */
import { z } from 'astro/zod';
import { UNIT_KINDS } from '../lib/columns.ts';
import { text, unitId } from './fields.ts';

const kindList = Object.entries(UNIT_KINDS)
  .map(([k, v]) => `${k}（${v}）`)
  .join('、');

export const unitSchema = z.object({
  /** lowercase ASCII id, referenced by entries. */
  id: unitId.meta({ title: '编号', example: 'hq-branch-1' }),
  /** 名称 */
  name: text('名称 name').meta({ title: '名称', example: '机关第一党支部' }),
  /** committee 党委 | general-branch 党总支 | branch 党支部 */
  kind: z.enum(['committee', 'general-branch', 'branch'], { error: `类型 kind 只能是 ${kindList}` }).meta({ title: '类型', example: 'branch' }),
  /** id of the parent organisation */
  parent: unitId.optional().meta({ title: '上级党组织', example: 'hq-committee' }),
  /** optional short name for tight places (trees, badges) */
  short: z.string().trim().optional().meta({ title: '简称', example: '机关一支部' }),
});
export type UnitData = z.infer<typeof unitSchema>;
