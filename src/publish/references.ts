/**
 * Which files an entry refers to: front-matter fields (cover, image, photos, poster, video,
 * captions) and the body (Markdown images, links to files beside the entry). One list for
 * the content check (located problems) and the publish manifest (what leaves content/).
 */
import type { Nodes, Root } from 'mdast';
import type { ColumnId } from '../lib/columns.ts';
import { isEntryHref } from '../lib/entry-links.ts';
import { resolveLocalPath, resolveLocalUrl } from '../lib/local-files.ts';
import { isHttpUrl } from '../lib/origins.ts';

/** What the entry uses a file as. Images go through astro:assets (`_astro/`), the rest is copied to `media/`. */
export type FileUse = 'image' | 'video' | 'captions' | 'download';

export interface Reference {
  /** Absolute path as written, resolved against the entry's folder (may be a link). */
  file: string;
  use: FileUse;
  /** Front-matter field (`cover`, `photos 第2项 src`) or `正文`. */
  field: string;
  /** Path of the field in the front matter, for locating its line (`['photos', 1, 'src']`). */
  fieldPath?: (string | number)[];
  /** 1-based line in the body (body references only). */
  bodyLine?: number;
  /** As the author wrote it. */
  written: string;
}

const FIELD_LABEL = (p: (string | number)[]) => p.map((k) => (typeof k === 'number' ? `第${k + 1}项` : k)).join(' ');

/** Files named in the front matter (values as parsed from YAML, before any schema). */
export function frontMatterReferences(column: ColumnId, data: Record<string, unknown>, entryFile: string): Reference[] {
  const out: Reference[] = [];
  const add = (p: (string | number)[], use: FileUse) => {
    let v: unknown = data;
    for (const k of p) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
    if (typeof v !== 'string' || !v.trim()) return;
    // Intranet video server addresses are URLs, not files.
    if ((use === 'video' || use === 'captions') && /^https?:\/\//i.test(v.trim())) return;
    const file = resolveLocalPath(entryFile, v);
    if (file) out.push({ file, use, field: FIELD_LABEL(p), fieldPath: p, written: v.trim() });
  };
  add(['cover'], 'image');
  if (column === 'one-picture') add(['image'], 'image');
  if (column === 'salon' && Array.isArray(data.photos)) data.photos.forEach((_, i) => add(['photos', i, 'src'], 'image'));
  if (column === 'videos') {
    add(['poster'], 'image');
    add(['video'], 'video');
    add(['captions'], 'captions');
  }
  return out;
}

/** Files the body refers to: Markdown images and links to files that are not entries. */
export function bodyReferences(tree: Root, entryFile: string, lineOffset = 0): Reference[] {
  const out: Reference[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'image' || node.type === 'link' || (node.type === 'definition' && !node.label?.startsWith('^'))) {
      const url = node.url;
      const isImage = node.type === 'image';
      if (url && (isImage || !isEntryHref(url))) {
        const local = resolveLocalUrl(entryFile, url);
        if (local) {
          out.push({
            file: local.file,
            use: isImage ? 'image' : 'download',
            field: '正文',
            bodyLine: lineOffset + (node.position?.start.line ?? 1),
            written: url,
          });
        }
      }
    }
    if ('children' in node) for (const c of node.children) walk(c as Nodes);
  };
  walk(tree);
  return out;
}

/** Absolute http(s) media URLs of a video entry (`video:`, `captions:`), validated. */
export function remoteMediaUrls(column: ColumnId, data: Record<string, unknown>): { field: string; url: string; valid: boolean }[] {
  if (column !== 'videos') return [];
  const out: { field: string; url: string; valid: boolean }[] = [];
  for (const field of ['video', 'captions']) {
    const v = data[field];
    if (typeof v === 'string' && /^https?:\/\//i.test(v.trim())) out.push({ field, url: v.trim(), valid: isHttpUrl(v.trim()) });
  }
  return out;
}

/** What the Content-Security-Policy needs from the content: every absolute `video:` URL as written. */
export function videoUrlsIn(entries: { column: ColumnId; data: Record<string, unknown> }[]): string[] {
  return entries.flatMap((e) => remoteMediaUrls(e.column, e.data).map((m) => m.url));
}
