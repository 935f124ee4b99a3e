/**
 * Is an image file really what its extension says? A phone's HEIC photo renamed to .jpg, or a
 * half-copied file, passes every path check and then stops the site build with an English
 * error: look at the first bytes instead (16 bytes a file, so the check stays fast).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';

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

/** null when fine, else the Chinese problem and fix. */
export function imageFormatProblem(file: string): { message: string; hint: string } | null {
  const expected = EXPECTED[path.extname(file).toLowerCase()];
  if (!expected) return null;
  const head = Buffer.alloc(16);
  let n = 0;
  try {
    const fd = openSync(file, 'r');
    try {
      n = readSync(fd, head, 0, 16, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
  const kind = kindOf(head.subarray(0, n));
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
  return {
    message: n === 0 ? '图片文件是空的（0 字节）' : '图片文件已损坏或不是图片，网站生成时会出错',
    hint: '重新从原处复制或导出这张图片（JPG 或 PNG），覆盖这个文件',
  };
}
