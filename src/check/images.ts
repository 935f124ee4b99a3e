/**
 * Is an image file one the site can publish? Checked the way the image pipeline will read it:
 * - the first bytes: a phone's HEIC photo renamed to .jpg, a PNG named .jpg, an empty file;
 * - the size in pixels from the header: a 30000×30000 PNG (a “bomb”) is refused before decoding;
 * - every pixel decoded (sharp, the library astro:assets uses): a half-copied JPEG whose header
 *   is fine would otherwise be published as a grey block.
 * Decoding is the slow part (≈100 ms for a phone photo), so verdicts are cached by path, size
 * and modification time in the build cache folder: a second run decodes nothing.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readHead } from './exists.ts';

export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.gif', '.avif', '.svg', '.tif', '.tiff'];

/**
 * Largest width or height the site publishes. WebP (what the pages use) cannot be wider or
 * taller, and 16383 × 16383 is also the most pixels sharp decodes by default.
 */
export const MAX_IMAGE_SIDE = 16383;

export interface ImageProblem {
  message: string;
  hint: string;
}

function kindOf(head: Buffer): string | null {
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.subarray(0, 4).toString('latin1') === 'GIF8') return 'gif';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  if (head.subarray(4, 8).toString('latin1') === 'ftyp') {
    const brand = head.subarray(8, 12).toString('latin1');
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (/^(heic|heix|hevc|mif1|msf1)$/.test(brand)) return 'heic';
  }
  if (head.subarray(0, 4).toString('latin1') === 'II*\0' || head.subarray(0, 4).toString('latin1') === 'MM\0*') return 'tiff';
  if (/^\s*(<\?xml|<svg|<!--)/i.test(head.toString('utf8'))) return 'svg';
  return null;
}

const EXPECTED: Record<string, string> = {
  '.png': 'png',
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.gif': 'gif',
  '.webp': 'webp',
  '.avif': 'avif',
  '.tif': 'tiff',
  '.tiff': 'tiff',
  '.svg': 'svg',
};

const REEXPORT = '重新从原处复制或导出这张图片（JPG 或 PNG），覆盖这个文件';

/** The quick look: the first 16 bytes against the extension. null when they match. */
export function imageFormatProblem(file: string): ImageProblem | null {
  const expected = EXPECTED[path.extname(file).toLowerCase()];
  if (!expected) return null;
  const head = readHead(file, 16);
  if (!head) return null;
  const n = head.length;
  const kind = kindOf(head);
  if (kind === expected || (expected === 'svg' && kind === null)) return null;
  if (kind === 'heic') {
    return {
      message: `图片其实是手机的 HEIC 格式，只是扩展名写成了 ${path.extname(file)}，网站处理不了`,
      hint: '用手机或电脑把照片导出/另存为 JPG（例如用“照片”或“画图”打开后另存为 JPG），再放回这里',
    };
  }
  if (kind) {
    return {
      message: `图片的扩展名是 ${path.extname(file)}，但文件其实是 ${kind.toUpperCase()} 格式`,
      hint: `把文件扩展名改成 .${kind === 'jpeg' ? 'jpg' : kind}，并同时改这里写的文件名`,
    };
  }
  return { message: n === 0 ? '图片文件是空的（0 字节）' : '图片文件已损坏或不是图片，网站生成时会出错', hint: REEXPORT };
}

type Verdict = { ok: true } | { ok: false; message: string; hint: string };

/** What sharp says about the whole file. */
async function decode(file: string): Promise<Verdict> {
  const { default: sharp } = await import('sharp');
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = await sharp(file, { limitInputPixels: false }).metadata());
  } catch {
    return { ok: false, message: '图片文件已损坏或不是图片，网站生成时会出错', hint: REEXPORT };
  }
  if ((width ?? 0) > MAX_IMAGE_SIDE || (height ?? 0) > MAX_IMAGE_SIDE) {
    return {
      ok: false,
      message: `图片太大（${width}×${height} 像素），网站最多处理宽、高各 ${MAX_IMAGE_SIDE} 像素的图片`,
      hint: '用“画图”或 WPS 图片打开，把图片缩小到宽、高都不超过 4000 像素（一图清长图宽 1080 像素即可），另存为 JPG 或 PNG 后覆盖这个文件',
    };
  }
  try {
    // Every row is read (failOn: 'error' stops at a truncated or corrupt stream); the output is tiny.
    await sharp(file, { failOn: 'error', sequentialRead: true }).resize(64, 64, { fit: 'inside' }).raw().toBuffer();
  } catch {
    return {
      ok: false,
      message: '图片文件不完整或已损坏（常见于没有复制完的手机照片），发布后会显示成灰块或裂图',
      hint: '从手机或原文件夹重新复制这张图片（等复制完成再打开），覆盖这个文件',
    };
  }
  return { ok: true };
}

// ---- verdict cache ------------------------------------------------------------------------

interface CacheEntry {
  size: number;
  mtimeMs: number;
  verdict: Verdict;
  seen: number;
}

const CACHE_LIMIT = 5000;
const memory = new Map<string, CacheEntry>();
const pending = new Map<string, Promise<Verdict>>();
const loadedFrom = new Set<string>();
let dirty = false;

/** The verdicts' file in the build cache folder (RED_CACHE_DIR, shared with Astro and the posters). */
function cacheFile(cacheDir: string): string {
  return path.join(cacheDir, 'red-check-images.json');
}

function loadCache(cacheDir: string): void {
  const file = cacheFile(cacheDir);
  if (loadedFrom.has(file)) return;
  loadedFrom.add(file);
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, CacheEntry>;
    for (const [k, v] of Object.entries(data)) if (!memory.has(k)) memory.set(k, v);
  } catch {
    /* no cache yet */
  }
}

/** Write the verdicts to the cache folder (after a check run). Never fails the check. */
export function saveImageCache(cacheDir: string): void {
  if (!dirty) return;
  dirty = false;
  const file = cacheFile(cacheDir);
  try {
    const kept = [...memory].filter(([p]) => existsSync(p)).sort((a, b) => b[1].seen - a[1].seen).slice(0, CACHE_LIMIT);
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(Object.fromEntries(kept)));
    renameSync(tmp, file);
  } catch {
    /* a read-only cache folder only costs speed */
  }
}

/** Limit concurrent decodes: sharp uses threads of its own, the machine may have two cores. */
const MAX_DECODES = 2;
let running = 0;
const queue: (() => void)[] = [];
async function limited<T>(job: () => Promise<T>): Promise<T> {
  if (running >= MAX_DECODES) await new Promise<void>((resolve) => queue.push(resolve));
  running++;
  try {
    return await job();
  } finally {
    running--;
    queue.shift()?.();
  }
}

/**
 * Everything wrong with an image file the site would publish, or null. The file exists and
 * its extension is one of IMAGE_EXTENSIONS (the caller says so otherwise).
 */
export async function imageProblem(file: string, cacheDir: string): Promise<ImageProblem | null> {
  const quick = imageFormatProblem(file);
  if (quick) return quick;
  if (path.extname(file).toLowerCase() === '.svg') return null;
  let st: { size: number; mtimeMs: number };
  try {
    st = statSync(file);
  } catch {
    return null;
  }
  loadCache(cacheDir);
  const hit = memory.get(file);
  if (hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs) {
    hit.seen = Date.now();
    return hit.verdict.ok ? null : hit.verdict;
  }
  const key = `${file}\0${st.size}\0${st.mtimeMs}`;
  let job = pending.get(key);
  if (!job) {
    job = limited(() => decode(file)).then((verdict) => {
      memory.set(file, { size: st.size, mtimeMs: st.mtimeMs, verdict, seen: Date.now() });
      dirty = true;
      pending.delete(key);
      return verdict;
    });
    pending.set(key, job);
  }
  const verdict = await job;
  return verdict.ok ? null : verdict;
}
