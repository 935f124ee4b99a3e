/**
 * Rule module: what leaves the content folder (the publish manifest, src/publish/manifest.ts).
 * Every file an entry refers to that the site refuses to publish is an error at the line of
 * the reference: a file outside the content folder or reached through a link leaving it, a
 * web page or script, a type not on the allow-list, an SVG with scripts or outside
 * references, a name with `#` or `?`. Every file no entry refers to is a warning (it is not
 * published), and a link leaving the content folder is an error wherever it is.
 */
import type { Root } from 'mdast';
import { buildManifest, type EntrySource } from '../../publish/manifest.ts';
import { bodyReferences, frontMatterReferences, type Reference } from '../../publish/references.ts';
import type { CheckContext, Problems } from '../context.ts';
import type { Problem } from '../problem.ts';

export interface PublishedSource {
  source: EntrySource;
  /** The body's Markdown tree, when the body check parsed one. */
  tree: Root | undefined;
  /** File line of a front-matter key path. */
  locate: (fieldPath: (string | number)[]) => number | undefined;
}

export function referencesOf(entry: PublishedSource): Reference[] {
  const { column, data, file, bodyStartLine } = entry.source;
  return [...frontMatterReferences(column, data, file), ...(entry.tree ? bodyReferences(entry.tree, file, bodyStartLine - 1) : [])];
}

/**
 * `drafts`: entry files that are drafts (their problems block nothing, as every draft's);
 * `alreadyWarned`: files the entry listing warned about already (not warned twice).
 */
export function checkPublishedFiles(
  entries: PublishedSource[],
  ctx: CheckContext,
  out: Problems,
  options: { entryFiles: readonly string[]; drafts: ReadonlySet<string>; alreadyWarned: ReadonlySet<string> },
): void {
  const located = new Map(entries.map((e) => [e.source.file, e]));
  const manifest = buildManifest({
    contentDir: ctx.contentDir,
    entryFiles: options.entryFiles,
    entries: entries.map((e) => ({ source: e.source, references: referencesOf(e) })),
    // Every entry counts: a draft's files are checked now, not on the day it goes out.
    visibility: { mode: 'preview', today: '9999-12-31' },
  });
  for (const p of manifest.problems) {
    // Missing files and image formats are worded by the field and body rules.
    if (p.code === 'missing' || (p.code === 'type' && p.reference?.use === 'image')) continue;
    if (p.severity === 'warning' && options.alreadyWarned.has(p.file)) continue;
    const ref = p.reference;
    let line: number | undefined;
    if (ref?.bodyLine !== undefined) line = ref.bodyLine;
    else if (ref?.fieldPath) line = located.get(p.file)?.locate(ref.fieldPath);
    const problem: Problem = {
      file: ctx.show(p.file),
      ...(line !== undefined ? { line } : {}),
      ...(ref ? { field: ref.field } : {}),
      message: p.message,
      hint: p.hint,
      ...(options.drafts.has(p.file) ? { draft: true } : {}),
    };
    if (p.severity === 'error') out.error(problem);
    else out.warn(problem);
  }
}
