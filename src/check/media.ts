/**
 * Is a video, captions file or attachment what its name says, and not empty? A 0-byte `.mp4`
 * (a failed copy) or a QuickTime/AVI/WMV file renamed to `.mp4` would be published as a video
 * no browser plays; a `.pdf` that is really a Word file opens as garbage. The first bytes tell.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { readHead } from './exists.ts';

export interface MediaProblem {
  message: string;
  hint: string;
}

/** What the first bytes of a file are, in words an author knows; null when unknown. */
function sniff(head: Buffer): { kind: string; name: string } | null {
  const ascii = (a: number, b: number) => head.subarray(a, b).toString('latin1');
  if (ascii(4, 8) === 'ftyp') {
    const brand = ascii(8, 12);
    if (brand === 'qt  ') return { kind: 'mov', name: 'QuickTime（.mov）视频' };
    if (/^3g/.test(brand)) return { kind: '3gp', name: '3GP 手机视频' };
    if (/^(heic|heix|mif1|msf1|avif)$/.test(brand)) return { kind: 'heic', name: '手机照片（HEIC/AVIF）' };
    return { kind: 'mp4', name: 'MP4 视频' };
  }
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) {
    return head.includes('webm') ? { kind: 'webm', name: 'WebM 视频' } : { kind: 'mkv', name: 'MKV 视频' };
  }
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'AVI ') return { kind: 'avi', name: 'AVI 视频' };
  if (head.subarray(0, 8).equals(Buffer.from([0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11]))) return { kind: 'wmv', name: 'WMV（Windows 媒体）视频' };
  if (ascii(0, 3) === 'FLV') return { kind: 'flv', name: 'FLV 视频' };
  if (head[0] === 0x47 && head.length > 188 && head[188] === 0x47) return { kind: 'ts', name: 'TS 视频' };
  if (head[0] === 0 && head[1] === 0 && head[2] === 1 && head[3] === 0xba) return { kind: 'mpg', name: 'MPEG 视频' };
  if (ascii(0, 5) === '%PDF-') return { kind: 'pdf', name: 'PDF 文件' };
  if (ascii(0, 4) === 'PK\u0003\u0004') return { kind: 'zip', name: 'Word/Excel/PPT（.docx/.xlsx/.pptx）或 ZIP 压缩包' };
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) return { kind: 'ole', name: '旧版 Word/Excel/PPT/WPS（.doc/.xls/.ppt/.wps）文件' };
  if (ascii(0, 4) === 'Rar!') return { kind: 'rar', name: 'RAR 压缩包' };
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { kind: 'jpeg', name: 'JPG 图片' };
  if (ascii(1, 4) === 'PNG') return { kind: 'png', name: 'PNG 图片' };
  if (/^\s*<(!doctype|html)/i.test(head.toString('utf8'))) return { kind: 'html', name: '网页（可能是下载失败时保存的错误页）' };
  return null;
}

/** What each extension must be (files of other extensions are only checked for being empty). */
const DECLARED: Record<string, string[]> = {
  '.mp4': ['mp4'],
  '.m4v': ['mp4'],
  '.webm': ['webm'],
  '.pdf': ['pdf'],
  '.docx': ['zip'],
  '.xlsx': ['zip'],
  '.pptx': ['zip'],
  '.zip': ['zip'],
  '.doc': ['ole'],
  '.xls': ['ole'],
  '.ppt': ['ole'],
  '.wps': ['ole', 'zip'],
  '.et': ['ole', 'zip'],
  '.dps': ['ole', 'zip'],
};

const VIDEO_FIX = '用剪映、格式工厂等软件把视频导出为 MP4（H.264 编码），放在这里并改好文件名';

/**
 * Everything wrong with a file the site publishes as it is (video, captions, attachment), or null.
 * `what` names it in the message: 视频, 字幕, 附件.
 */
export function mediaProblem(file: string, what: string): MediaProblem | null {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return null;
  }
  const ext = path.extname(file).toLowerCase();
  if (size === 0) {
    return {
      message: `${what}文件是空的（0 字节），发布后打不开`,
      hint: `从原处重新复制这个${what}文件（等复制完成），覆盖它`,
    };
  }
  const expected = DECLARED[ext];
  if (!expected) return null;
  const head = readHead(file, 512);
  if (!head) return null;
  const found = sniff(head);
  if (found && expected.includes(found.kind)) return null;
  const isVideo = ext === '.mp4' || ext === '.m4v' || ext === '.webm';
  if (!found) {
    return {
      message: `${what}文件已损坏，或不是 ${ext} 文件，发布后打不开`,
      hint: isVideo ? VIDEO_FIX : `从原处重新复制或另存这个文件（扩展名 ${ext}），覆盖它`,
    };
  }
  return {
    message: `${what}文件的扩展名是 ${ext}，但它其实是${/^[A-Za-z]/.test(found.name) ? ' ' : ''}${found.name}${isVideo ? '，网页里的播放器放不了' : ''}`,
    hint: isVideo ? VIDEO_FIX : `把文件另存为真正的 ${ext} 文件，或把扩展名改成实际的格式，并同时改文章里写的文件名`,
  };
}
