/**
 * Files beside entries (videos, captions, originals, attachments) are served as they are
 * under `media/COLUMN/…`. This lists them; the media integration copies/serves them.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { COLUMN_IDS, type ColumnId } from './columns.ts';

export interface MediaFile {
  column: ColumnId;
  /** Path inside the column folder, with `/`. */
  relativePath: string;
  absolutePath: string;
}

/** Markdown, settings and images: images are optimized by astro:assets instead. */
const SKIP = /\.(mdx?|ya?ml|jpe?g|png|webp|avif|gif|heic|tiff?)$/i;

export function listMediaFiles(contentRoot: string): MediaFile[] {
  const out: MediaFile[] = [];
  for (const column of COLUMN_IDS) {
    const dir = path.join(contentRoot, column);
    let entries: string[];
    try {
      entries = readdirSync(dir, { recursive: true, encoding: 'utf8' });
    } catch {
      continue;
    }
    for (const rel of entries.sort()) {
      const parts = rel.split(path.sep);
      if (parts.some((p) => p.startsWith('.')) || SKIP.test(rel)) continue;
      const abs = path.join(dir, rel);
      if (!/\.[a-z0-9]+$/i.test(rel)) continue; // folders
      out.push({ column, relativePath: parts.join('/'), absolutePath: abs });
    }
  }
  return out;
}

export const MIME_TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
};
