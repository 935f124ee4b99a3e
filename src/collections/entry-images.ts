/**
 * The published copies of an entry's images for everything that leaves the site (kit,
 * 复制正文, feeds): the original bytes and a web-size JPEG/PNG, published at
 * `COLUMN/SLUG/images/NAME-web.jpg`. Each image is matched to the body's `<img>` by its file
 * (the source path the tree keeps), never by position, and each file is in once even when the
 * same photo is the cover and a body picture.
 */
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { treeImages } from '../markdown/body-tree.ts';
import { resolveLocalUrl } from '../lib/local-files.ts';
import { memoByKey, versionKey } from '../lib/memo.ts';
import { kitImage, type KitImage } from '../lib/republish/images.ts';
import { paths } from '../config/site.ts';
import { entryTree, type TreeEntry } from './entry-tree.ts';

export interface EntryImages {
  cover: KitImage | undefined;
  /** Every image once, cover first. */
  all: KitImage[];
  /** The published copy of a body `<img>` (by its source file), or undefined. */
  imageOf(img: Element): KitImage | undefined;
}

interface ImageEntry extends TreeEntry {
  data: { title: string; cover?: unknown };
}

function realFile(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/** The source file of an astro:assets image field (the content layer keeps its path). */
function fieldFile(image: unknown): string | undefined {
  const fsPath = (image as { fsPath?: unknown } | undefined)?.fsPath;
  return typeof fsPath === 'string' ? fsPath : undefined;
}

async function gather(entry: ImageEntry, withCover: boolean): Promise<EntryImages> {
  const entryFile = path.resolve(entry.filePath ?? '');
  const used = new Set<string>();
  const byHash = new Map<string, KitImage>();
  const byFile = new Map<string, KitImage>();
  const all: KitImage[] = [];
  const add = async (file: string, alt: string): Promise<KitImage | undefined> => {
    const real = realFile(file);
    if (!real) return undefined;
    const known = byFile.get(real);
    if (known) return known;
    const bytes = new Uint8Array(readFileSync(real));
    const hash = createHash('sha256').update(bytes).digest('hex');
    let img = byHash.get(hash);
    if (!img) {
      img = await kitImage(used, real, bytes, alt);
      byHash.set(hash, img);
      all.push(img);
    }
    byFile.set(real, img);
    return img;
  };
  let cover: KitImage | undefined;
  const coverFile = withCover ? fieldFile(entry.data.cover) : undefined;
  if (coverFile) cover = await add(coverFile, `${entry.data.title}（封面）`);
  for (const img of treeImages(entryTree(entry))) {
    const local = resolveLocalUrl(entryFile, String(img.properties.src));
    if (local) await add(local.file, typeof img.properties.alt === 'string' ? img.properties.alt : '');
  }
  return {
    cover,
    all,
    imageOf(img) {
      const local = typeof img.properties.src === 'string' ? resolveLocalUrl(entryFile, img.properties.src) : null;
      const real = local && realFile(local.file);
      return real ? byFile.get(real) : undefined;
    },
  };
}

/** The entry's published images (`withCover`: the kit of a highlight also carries its cover). */
export const entryImages: (entry: ImageEntry, withCover: boolean) => Promise<EntryImages> = memoByKey(
  (entry: ImageEntry, withCover: boolean) => `${versionKey(entry)}/${withCover}`,
  gather,
);

/** Base-relative URL of a published image copy (`highlights/SLUG/images/NAME-web.jpg`). */
export function entryImageUrl(entry: TreeEntry, file: string): string {
  return paths.entryImage(entry.collection, entry.id, file);
}
