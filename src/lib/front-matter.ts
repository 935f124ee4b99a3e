/**
 * The one front-matter reader for tools that read content outside Astro: the content check,
 * `npm run new`, entry links, the content loader's draft filter. Astro's own loader parses the
 * same YAML with the same js-yaml default schema, so dates and types come out alike.
 *
 * It only reads: the author-facing explanations of what went wrong (Chinese, located) are the
 * check's (src/check/yaml.ts).
 */
import { readFileSync } from 'node:fs';
import { load, YAMLException } from 'js-yaml';

/** The front-matter block of a Markdown text, split from its body. */
export type FrontMatterBlock =
  | {
      ok: true;
      /** The lines between the two `---` lines (file line = index + 2). */
      lines: string[];
      /** 1-based line of the first body line. */
      bodyLine: number;
      body: string;
    }
  | { ok: false; reason: 'no-start' | 'no-end' };

/** Text with the BOM removed and CRLF/CR turned into LF (line numbers unchanged). */
export function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export function splitFrontMatter(text: string): FrontMatterBlock {
  const all = normalizeText(text).split('\n');
  if ((all[0] ?? '').trim() !== '---') return { ok: false, reason: 'no-start' };
  const close = all.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
  if (close < 0) return { ok: false, reason: 'no-end' };
  return { ok: true, lines: all.slice(1, close), bodyLine: close + 2, body: all.slice(close + 1).join('\n') };
}

export type YamlResult =
  | { ok: true; data: unknown }
  /** `index`: 0-based line of the text where js-yaml stopped; `reason`: its English reason. */
  | { ok: false; index: number; reason: string };

/** Parse YAML text as Astro does (js-yaml, default schema: unquoted dates become Dates). */
export function parseYaml(text: string, fileName?: string): YamlResult {
  try {
    return { ok: true, data: load(text, fileName ? { filename: fileName } : {}) };
  } catch (err) {
    if (!(err instanceof YAMLException)) throw err;
    const last = Math.max(text.split('\n').length - 1, 0);
    return { ok: false, index: Math.min(Math.max(err.mark?.line ?? 0, 0), last), reason: err.reason ?? err.message };
  }
}

export type FrontMatter =
  | { ok: true; data: Record<string, unknown>; lines: string[]; bodyLine: number; body: string }
  | { ok: false; reason: 'no-start' | 'no-end' | 'yaml' | 'not-a-mapping'; lines: string[] };

/** Front matter of a Markdown text as an object (no repairs; see src/check for the author-facing layer). */
export function readFrontMatter(text: string): FrontMatter {
  const block = splitFrontMatter(text);
  if (!block.ok) return { ok: false, reason: block.reason, lines: [] };
  const yaml = parseYaml(block.lines.join('\n'));
  if (!yaml.ok) return { ok: false, reason: 'yaml', lines: block.lines };
  const data = yaml.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) return { ok: false, reason: 'not-a-mapping', lines: block.lines };
  return { ok: true, data: data as Record<string, unknown>, lines: block.lines, bodyLine: block.bodyLine, body: block.body };
}

/** Front matter of a file read as UTF-8 (lenient: for tools, not for the check); null when unreadable. */
export function readFrontMatterFile(file: string): FrontMatter | null {
  try {
    return readFrontMatter(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const DRAFT_LINE = /^draft\s*[:：]\s*(?:true|True|TRUE)\s*(?:#.*)?$/;

/**
 * Is this entry a draft? `draft: true` in its front matter; when the front matter cannot be
 * read (a half-written draft with a YAML mistake), a `draft: true` line still says so.
 */
export function isDraft(front: FrontMatter): boolean {
  if (front.ok) return front.data.draft === true;
  return front.lines.some((l) => DRAFT_LINE.test(l.trim()));
}
