/**
 * What every rule module gets: where the content is, how to show a path, the site's HTML
 * policy, the units, a place to put problems, and a queue for the slow checks (image
 * decoding) that run side by side at the end.
 */
import path from 'node:path';
import type { PolicyOptions } from '../markdown/html-policy.ts';
import { ALL_KEYS } from './fields.ts';
import type { Problem } from './problem.ts';
import { readText } from './text.ts';
import { locatePath, scanKeySlips } from './yaml.ts';

export class Problems {
  readonly errors: Problem[] = [];
  readonly warnings: Problem[] = [];
  error(p: Problem): void {
    this.errors.push(p);
  }
  warn(p: Problem): void {
    this.warnings.push(p);
  }
  /** Move everything into `to`, marked as belonging to a draft when `draft`. */
  moveTo(to: Problems, draft: boolean): void {
    for (const p of this.errors) to.error(draft ? { ...p, draft } : p);
    for (const p of this.warnings) to.warn(draft ? { ...p, draft } : p);
    this.errors.length = 0;
    this.warnings.length = 0;
  }
}

/** A unit as entries refer to it. */
export interface UnitRef {
  id: string;
  name: string;
}

export interface CheckContext {
  contentDir: string;
  /** Display path of any absolute path (relative to the display root, with `/`). */
  show(abs: string): string;
  /** The site's HTML policy (site.yaml `url` and `mediaOrigins`). */
  policy: PolicyOptions;
  /** The units of units.yaml; null when the file cannot be read (then unit ids are not checked). */
  units: UnitRef[] | null;
  /** Queue a slow check; checkContent waits for all of them. */
  later(job: Promise<void>): void;
  /** The build cache folder (image verdicts are kept there). */
  cacheDir: string;
}

/** The folder message paths are relative to: the current folder when the content is inside it, else the content folder's parent. */
export function displayRootFor(contentDirInput: string): string {
  const contentDir = path.resolve(contentDirInput);
  const cwd = process.cwd();
  return contentDir === cwd || contentDir.startsWith(cwd + path.sep) ? cwd : path.dirname(contentDir);
}

/** `['photos', 1, 'alt']` → `photos 第2项 alt` */
export function fieldLabel(p: readonly PropertyKey[]): string {
  return p.map((k) => (typeof k === 'number' ? `第${k + 1}项` : String(k))).join(' ');
}

/** The value at a key path of parsed YAML. */
export function getAt(data: unknown, p: readonly PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const k of p) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

/** A value as the author wrote it, short, for “（现在写的是：…）”. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '空';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '无效日期' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') return Array.isArray(value) ? '列表' : '对象';
  const chars = [...String(value)];
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : chars.join('');
}

/**
 * Locating problems inside one YAML text (front matter, units.yaml, site.yaml): `{ line }` of
 * a key path, with `offset` the file line of the text's first line.
 */
export function locator(lines: readonly string[], offset: number) {
  return (p: readonly (string | number)[] | undefined): { line?: number } => {
    const idx = p === undefined ? undefined : locatePath(lines, p);
    return idx === undefined ? {} : { line: idx + offset };
  };
}

/**
 * A settings file as the author wrote it (units.yaml, site.yaml): decoded (UTF-8 only) and with
 * the typical slips (full-width colon after a key…) reported and repaired for parsing.
 * null when it cannot be decoded (reported).
 */
export function readYamlText(abs: string, file: string, out: Problems): string | null {
  const read = readText(abs);
  if (!read.ok) {
    out.error({ file, line: read.line, field: '文件编码', message: read.message, hint: read.hint });
    return null;
  }
  const slips = scanKeySlips(read.text, ALL_KEYS);
  for (const s of slips.problems) out.error({ file, line: s.index + 1, field: s.field, message: s.message, hint: s.hint });
  return slips.repaired;
}
