/** Images in the 转载包: the original bytes, plus a web-size copy made with sharp. */
import path from 'node:path';
import sharp from 'sharp';
import { slugify } from '../slug.ts';

/** Widest side of the web-size copy (the width WeChat articles display well). */
export const WEB_WIDTH = 1080;

export interface KitImage {
  /** `images/xunxian.jpg`: the original file, byte for byte. */
  original: string;
  /** `images/xunxian-web.jpg`: at most WEB_WIDTH wide, orientation applied (the original itself when it already is). */
  web: string;
  alt: string;
  width: number;
  height: number;
  originalBytes: Uint8Array;
  webBytes: Uint8Array;
}

/**
 * A file name inside `images/` not used yet, in ASCII (Chinese names become pinyin): old
 * Windows unzippers ignore the zip's UTF-8 flag, and article.html must still find its images.
 * Adds -2, -3… on a clash.
 */
export function uniqueImageName(used: Set<string>, file: string): { stem: string; ext: string } {
  const ext = path.extname(file).toLowerCase() || '.img';
  const raw = slugify(path.basename(file, path.extname(file))) || 'image';
  let stem = raw;
  for (let i = 2; used.has(stem.toLowerCase()); i++) stem = `${raw}-${i}`;
  used.add(stem.toLowerCase());
  return { stem, ext };
}

/** The web-size copy, in the original's format (JPEG for anything sharp cannot write back). */
export async function webImage(bytes: Uint8Array, ext: string): Promise<{ bytes: Uint8Array; ext: string; width: number; height: number }> {
  const meta = await sharp(bytes, { failOn: 'none' }).metadata();
  // Already web-sized and upright: the web copy is the original (re-encoding would only grow it).
  if (meta.width && meta.height && meta.width <= WEB_WIDTH && (meta.orientation ?? 1) === 1 && ['.jpg', '.jpeg', '.png', '.webp'].includes(ext)) {
    return { bytes, ext, width: meta.width, height: meta.height };
  }
  let img = sharp(bytes, { failOn: 'none' }).rotate().resize({ width: WEB_WIDTH, withoutEnlargement: true });
  let outExt = ext;
  // A static SVG drawing (src/lib/svg-safety.ts) becomes a PNG: editors and feed readers show pictures, not SVG.
  if (ext === '.png' || ext === '.svg') {
    img = img.png({ compressionLevel: 9 });
    outExt = '.png';
  } else if (ext === '.webp') img = img.webp({ quality: 82 });
  else {
    img = img.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true });
    outExt = '.jpg';
  }
  const { data, info } = await img.toBuffer({ resolveWithObject: true });
  return { bytes: new Uint8Array(data), ext: outExt, width: info.width, height: info.height };
}

export async function kitImage(used: Set<string>, file: string, bytes: Uint8Array, alt: string): Promise<KitImage> {
  const { stem, ext } = uniqueImageName(used, file);
  const web = await webImage(bytes, ext);
  // Already web-sized: the original is the web copy, in the kit once.
  const same = web.bytes === bytes;
  return {
    original: `images/${stem}${ext}`,
    web: same ? `images/${stem}${ext}` : `images/${stem}-web${web.ext}`,
    alt,
    width: web.width,
    height: web.height,
    originalBytes: bytes,
    webBytes: web.bytes,
  };
}
