/**
 * Reading authors' text files: UTF-8 only (a BOM and CRLF are fine), with a located,
 * Chinese explanation for files saved as GBK by an old editor.
 */
import { readFileSync } from 'node:fs';

export type ReadResult =
  | { ok: true; text: string }
  | { ok: false; line: number; message: string; hint: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Byte index of the first invalid UTF-8 sequence (or -1). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (n === 0 || i + n > bytes.length) return i;
    for (let k = 1; k < n; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += n;
  }
  return -1;
}

export const SAVE_AS_UTF8 =
  '用记事本打开这个文件，点“文件 → 另存为”，在下方“编码”中选 UTF-8 后保存；用 WPS 的话，点“文件 → 另存为”，文件类型选“纯文本”，编码选 UTF-8';

/** Decode a text file's bytes; BOM removed, CRLF/CR turned into LF (line numbers stay the same). */
export function decodeText(bytes: Uint8Array): ReadResult {
  let text: string;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      line: 1,
      message: '文件是 UTF-16（Unicode）编码，网站只认 UTF-8',
      hint: SAVE_AS_UTF8,
    };
  }
  try {
    text = utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
    let gbk = false;
    try {
      const decoded = new TextDecoder('gbk', { fatal: true }).decode(bytes);
      gbk = /\p{Script=Han}/u.test(decoded);
    } catch {
      gbk = false;
    }
    return {
      ok: false,
      line,
      message: gbk
        ? '文件不是 UTF-8 编码，看起来是 GBK（旧版记事本、WPS 常用的“ANSI/GB2312”），网站会显示成乱码'
        : '文件不是 UTF-8 编码，网站会显示成乱码',
      hint: SAVE_AS_UTF8,
    };
  }
  return { ok: true, text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') };
}

export function readText(file: string): ReadResult {
  return decodeText(readFileSync(file));
}
