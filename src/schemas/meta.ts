/**
 * What each field tells authors lives on the schema itself, as Zod 4 metadata (`.meta()`):
 * its Chinese name, an example, a line of help, whether it names a file beside the entry, and
 * what `npm run new` writes for it. The check's messages (src/check/fields.ts), the scaffolds
 * of `npm run new` and the JSON Schema Astro generates for editors all read it from here.
 */
import type { z } from 'astro/zod';

/** A file beside the entry that the site publishes. */
export type FileKind = 'image' | 'video' | 'captions';

export interface FieldMeta {
  /** Chinese name, e.g. `作者/供稿`. */
  title: string;
  /** A value as an author writes it after `key: ` (YAML), e.g. `机关党委宣传组` or `[党建, 服务]`. */
  example: string;
  /** One line of help (shown above the field in `npm run new`'s scaffold). */
  description?: string;
  /** The field is the path of a file beside the entry (or, for video, an http(s) URL). */
  file?: FileKind;
  /**
   * What `npm run new` writes: `todo` (the author must fill it: `key:  # TODO 例如 …`),
   * `example` (commented out: `# key: …`), `omit` (not written), or a YAML value to write as is
   * (lines after the first are indented under the key; `# TODO` marks what to replace).
   * Default: `todo` for required fields, `example` for optional ones.
   */
  scaffold?: 'todo' | 'example' | 'omit' | { value: string };
  /** What the `# TODO` comment of a field left to fill says (default: `例如 <example>`). */
  todo?: string;
}

type AnySchema = z.ZodType;

interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  element?: AnySchema;
  shape?: Record<string, AnySchema>;
  options?: AnySchema[];
}

const defOf = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The metadata of a field, looking through `.optional()`, `.default()`, `.transform()`. */
export function fieldMeta(schema: AnySchema): FieldMeta | undefined {
  for (let s: AnySchema | undefined = schema; s; ) {
    const meta = s.meta() as FieldMeta | undefined;
    if (meta?.title) return meta;
    const def = defOf(s);
    s = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  }
  return undefined;
}

/** An author must write this field: not optional and without a default. */
export function isRequired(schema: AnySchema): boolean {
  for (let s: AnySchema | undefined = schema; s; ) {
    const def = defOf(s);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') return false;
    s = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  }
  return true;
}

/** The object inside (through optional/default/pipe), or the element object of a list. */
function objectShape(schema: AnySchema): Record<string, AnySchema> | undefined {
  for (let s: AnySchema | undefined = schema; s; ) {
    const def = defOf(s);
    if (def.type === 'object') return def.shape;
    if (def.type === 'array') return objectShape(def.element!);
    s = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  }
  return undefined;
}

/** The top-level fields of an object schema (also through `.superRefine()`), in order. */
export function shapeOf(schema: AnySchema): Record<string, AnySchema> {
  return objectShape(schema) ?? {};
}

/** Every field's metadata, by key, in schema order. */
export function fieldsOfSchema(schema: AnySchema): Record<string, FieldMeta> {
  const out: Record<string, FieldMeta> = {};
  for (const [key, field] of Object.entries(shapeOf(schema))) {
    const meta = fieldMeta(field);
    if (meta) out[key] = meta;
  }
  return out;
}

/** Fields of the objects inside fields (`photos[].alt`, `person.name`…), by key; the first one named wins. */
export function nestedFieldsOfSchema(schema: AnySchema): Record<string, FieldMeta> {
  const out: Record<string, FieldMeta> = {};
  const walk = (shape: Record<string, AnySchema>) => {
    for (const field of Object.values(shape)) {
      const inner = objectShape(field);
      if (!inner) continue;
      for (const [key, f] of Object.entries(inner)) {
        const meta = fieldMeta(f);
        if (meta && !(key in out)) out[key] = meta;
      }
      walk(inner);
    }
  };
  walk(shapeOf(schema));
  return out;
}

/** One file an entry names: where in the data, which kind, and the path as written. */
export interface FileReference {
  path: (string | number)[];
  kind: FileKind;
  value: string;
}

/** Every file path the data names in fields marked `file` (the rule “which fields are files”). */
export function fileReferences(schema: AnySchema, data: unknown): FileReference[] {
  const out: FileReference[] = [];
  const visit = (s: AnySchema, value: unknown, at: (string | number)[]) => {
    if (value === undefined || value === null) return;
    const meta = fieldMeta(s);
    if (meta?.file) {
      if (typeof value === 'string' && value.trim()) out.push({ path: at, kind: meta.file, value: value.trim() });
      return;
    }
    for (let cur: AnySchema | undefined = s; cur; ) {
      const def = defOf(cur);
      if (def.type === 'object' && typeof value === 'object' && !Array.isArray(value)) {
        for (const [key, f] of Object.entries(def.shape!)) visit(f, (value as Record<string, unknown>)[key], [...at, key]);
        return;
      }
      if (def.type === 'array' && Array.isArray(value)) {
        value.forEach((v, i) => visit(def.element!, v, [...at, i]));
        return;
      }
      cur = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    }
  };
  visit(schema, data, []);
  return out;
}
