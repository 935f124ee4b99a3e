/**
 * units.yaml: every unit valid, ids unique, parents that exist, and no parent loop
 * (the loop itself is found by src/lib/units.ts, which also keeps the site's tree finite).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findParentCycles } from '../../lib/units.ts';
import { unitSchema } from '../../schemas/units.ts';
import { describeValue, fieldLabel, getAt, locator, readYamlText, type Problems, type UnitRef } from '../context.ts';
import { nearest, UNIT_FIELDS } from '../fields.ts';
import { locatePath, parseYaml } from '../yaml.ts';

const EXAMPLE = '- id: hq-branch-1\n  name: 机关第一党支部\n  kind: branch';

/** Check units.yaml; returns the units entries may refer to, or null when the file cannot be read. */
export function checkUnits(contentDir: string, show: (abs: string) => string, out: Problems): UnitRef[] | null {
  const abs = path.join(contentDir, 'units.yaml');
  const file = show(abs);
  if (!existsSync(abs)) {
    out.error({ file, message: '找不到党组织名单 units.yaml', hint: `在内容文件夹里新建 units.yaml，每个党组织写成：${EXAMPLE.replace(/\n\s*/g, ' / ')}` });
    return null;
  }
  const text = readYamlText(abs, file, out);
  if (text === null) return null;
  const yaml = parseYaml(text, file);
  if (!yaml.ok) {
    out.error({ file, line: yaml.problem.index + 1, message: yaml.problem.message, hint: yaml.problem.hint });
    return null;
  }
  const list = yaml.data ?? [];
  if (!Array.isArray(list)) {
    out.error({ file, line: 1, message: 'units.yaml 应该是党组织列表，每个党组织以“- id:”开头', hint: `照这样写：\n${EXAMPLE}` });
    return [];
  }
  const lines = text.split('\n');
  const at = locator(lines, 1);
  const units: UnitRef[] = [];
  const idLine = new Map<string, number>();
  const linked: { index: number; id: string; parent?: string | undefined }[] = [];
  list.forEach((item: unknown, index: number) => {
    const itemLine = (locatePath(lines, [index]) ?? 0) + 1;
    const parsed = unitSchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        const info = typeof key === 'string' ? UNIT_FIELDS[key] : undefined;
        const value = getAt(item, issue.path);
        out.error({
          file,
          line: at([index, ...(issue.path as (string | number)[])]).line ?? itemLine,
          field: fieldLabel(issue.path) || `第${index + 1}个党组织`,
          message: value === undefined ? `第${index + 1}个党组织缺少 ${String(key)}（${info?.name ?? ''}）` : `${issue.message}（现在是：${describeValue(value)}）`,
          hint: info ? `照这样写：${info.example}` : '每个党组织写 id、name、kind，可选 parent',
        });
      }
    }
    const raw = (item ?? {}) as { id?: unknown; name?: unknown; parent?: unknown };
    const id = typeof raw.id === 'string' ? raw.id.trim() : undefined;
    if (!id) return;
    const line = at([index, 'id']).line ?? itemLine;
    const prev = idLine.get(id);
    if (prev !== undefined) {
      out.error({
        file,
        line,
        field: 'id',
        message: `党组织 id ${id} 重复，第 ${prev} 行已经有同样的 id`,
        hint: `给其中一个换一个不重复的 id，例如 ${id}-2（已经被文章引用的那个不要改）`,
      });
      return;
    }
    idLine.set(id, line);
    units.push({ id, name: typeof raw.name === 'string' ? raw.name : id });
    linked.push({ index, id, parent: typeof raw.parent === 'string' ? raw.parent.trim() : undefined });
  });
  for (const u of linked) {
    if (!u.parent || idLine.has(u.parent)) continue;
    out.error({
      file,
      ...at([u.index, 'parent']),
      field: 'parent',
      message: `上级党组织 ${u.parent} 不在 units.yaml 里`,
      hint: `改成已有的 id，最接近的是：${nearest(u.parent, [...idLine.keys()]).join('、')}`,
    });
  }
  const indexOf = new Map(linked.map((u) => [u.id, u.index]));
  for (const cycle of findParentCycles(linked.filter((u) => !u.parent || idLine.has(u.parent)))) {
    const first = cycle[0]!;
    const where = at([indexOf.get(first)!, 'parent']);
    if (cycle.length === 1) {
      out.error({ file, ...where, field: 'parent', message: `党组织 ${first} 的上级写成了它自己`, hint: '改成它的上级党组织的 id，最上级的党委不写 parent' });
      continue;
    }
    out.error({
      file,
      ...where,
      field: 'parent',
      message: `上级党组织绕成了一个圈：${[...cycle, first].join(' → ')}（每个的上级都在圈里，找不到最上级）`,
      hint: `把其中一个的 parent 改成真正的上级，例如删除 ${first} 的 parent（最上级的党委不写 parent）`,
    });
  }
  return units;
}
