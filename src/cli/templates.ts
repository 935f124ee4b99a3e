/**
 * The scaffold `npm run new` writes, generated from the schemas' metadata (src/schemas/meta.ts):
 * every field with a Chinese comment above it, required fields the tool cannot know marked
 * `# TODO`, optional ones commented out with an example, `draft: true` so nothing is published
 * before the author is done.
 */
import type { ColumnId } from '../lib/columns.ts';
import { cliSchemas } from '../check/fields.ts';
import { fieldMeta, isRequired, shapeOf, type FieldMeta } from '../schemas/meta.ts';

/** YAML scalar for a title: quoted only when YAML would misread it. */
export function yamlString(value: string): string {
  if (/^[\s\-?:,[\]{}#&*!|>'"%@`]|:\s|\s#|\s$/.test(value) || /^(true|false|null|yes|no|~|\d[\d.:-]*)$/i.test(value)) {
    return JSON.stringify(value);
  }
  return value;
}

/** Fields written first (in this order) and last; the column's own fields go between. */
const HEAD = ['title', 'date', 'unit'];
const TAIL = ['summary', 'tags', 'cover', 'draft'];

/** Body text each column starts with. */
const BODY: Record<ColumnId, string> = {
  'one-picture': '这里写这张图的说明（可选）。',
  salon: '## 本期要点\n\n这里写本期沙龙的主要内容。',
  highlights: '## 背景\n\n## 主要做法\n\n## 成效',
  videos: '这里写视频简介。',
};

function fieldLines(key: string, meta: FieldMeta, required: boolean, known: Record<string, string>): string[] {
  const mode = key in known ? 'known' : typeof meta.scaffold === 'object' ? 'value' : (meta.scaffold ?? (required ? 'todo' : 'example'));
  if (mode === 'omit') return [];
  const comment = `# ${meta.title}（${required ? '必填' : '可选'}）${meta.description ? `：${meta.description}` : ''}`;
  switch (mode) {
    case 'known':
      return [comment, `${key}: ${known[key]}`];
    case 'value': {
      const value = (meta.scaffold as { value: string }).value;
      return [comment, value.startsWith('\n') ? `${key}:${value}` : `${key}: ${value}`];
    }
    case 'todo':
      return [comment, `${key}:  # TODO ${meta.todo ?? `例如 ${meta.example}`}`];
    default:
      return [comment, `# ${key}: ${meta.example}`];
  }
}

/** The whole new file. `known` holds values the tool filled in (title, date, issue) as YAML. */
export function scaffold(column: ColumnId, known: Record<string, string>): string {
  const shape = shapeOf(cliSchemas[column]);
  const keys = Object.keys(shape);
  const order = [...HEAD, ...keys.filter((k) => !HEAD.includes(k) && !TAIL.includes(k)), ...TAIL].filter((k) => k in shape);
  const lines = order.flatMap((key) => {
    const field = shape[key]!;
    const meta = fieldMeta(field);
    return meta ? fieldLines(key, meta, isRequired(field), known) : [];
  });
  return `---\n${lines.join('\n')}\n---\n\n${BODY[column]}\n`;
}

