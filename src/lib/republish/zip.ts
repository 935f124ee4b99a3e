/**
 * Zips with the same bytes for the same files (sorted names, fixed time, fixed compression),
 * whose names every unzipper our readers use shows correctly:
 * - ASCII names are plain.
 * - A Chinese name (`转载说明.txt`) is stored in GBK (code page 936, what Windows Explorer on a
 *   Chinese system reads when the UTF-8 flag is not set, old Windows included), with the
 *   Info-ZIP Unicode Path extra field (0x7075) holding the UTF-8 name: 7-Zip and Info-ZIP
 *   `unzip` read that field. (fflate's UTF-8 flag alone came out garbled under Info-ZIP 6.0,
 *   which reads names of a zip "made by MS-DOS" as OEM text, and under Windows 7 Explorer.)
 * - A name GBK cannot hold is stored in UTF-8 with the UTF-8 flag, made by Unix.
 * Times are DOS times, which hold 1980-01-01 to 2107-12-31: other days are clamped.
 */
import { crc32 } from 'node:zlib';
import { deflateSync, strToU8 } from 'fflate';

let gbkTable: Map<string, number> | undefined;

/** GBK bytes of `text`, or null when a character has no GBK code. */
export function encodeGbk(text: string): Uint8Array | null {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbkTable.has(ch)) gbkTable.set(ch, (a << 8) | b);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    const code = gbkTable.get(ch);
    if (code === undefined) return null;
    out.push(code >> 8, code & 0xff);
  }
  return new Uint8Array(out);
}

/** The day stored for every file, clamped to what a DOS date holds. */
export function zipDay(day: string): { y: number; m: number; d: number } {
  const [y = 2000, m = 1, d = 1] = day.split('-').map(Number);
  if (!(y >= 1980)) return { y: 1980, m: 1, d: 1 };
  if (y > 2107) return { y: 2107, m: 12, d: 31 };
  return { y, m, d };
}

/** A name as stored: bytes, flags, "version made by", extra field. */
function encodeName(name: string): { bytes: Uint8Array; flags: number; madeBy: number; extra: Uint8Array } {
  const utf8 = strToU8(name);
  if (/^[\x20-\x7e]*$/.test(name)) return { bytes: utf8, flags: 0, madeBy: 20, extra: new Uint8Array(0) };
  const gbk = encodeGbk(name);
  if (!gbk) return { bytes: utf8, flags: 0x800, madeBy: (3 << 8) | 20, extra: new Uint8Array(0) };
  const extra = new Uint8Array(9 + utf8.length);
  const v = new DataView(extra.buffer);
  v.setUint16(0, 0x7075, true);
  v.setUint16(2, 5 + utf8.length, true);
  v.setUint8(4, 1);
  v.setUint32(5, crc32(gbk) >>> 0, true);
  extra.set(utf8, 9);
  return { bytes: gbk, flags: 0, madeBy: 20, extra };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Files (name → bytes or text) to a zip; text is UTF-8. Images are stored, text deflated at level 9. */
export function deterministicZip(files: Record<string, Uint8Array | string>, day: string): Uint8Array {
  const { y, m, d } = zipDay(day);
  const dosDate = ((y - 1980) << 9) | (m << 5) | d;
  const dosTime = 12 << 11; // noon
  const names = Object.keys(files).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const name of names) {
    const value = files[name]!;
    const data = typeof value === 'string' ? strToU8(value) : value;
    const store = /\.(jpe?g|png|webp|gif|avif)$/i.test(name);
    const body = store ? data : deflateSync(data, { level: 9 });
    const method = store ? 0 : 8;
    const crc = crc32(data) >>> 0;
    const n = encodeName(name);
    const local = new Uint8Array(30);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, n.flags, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, dosTime, true);
    lv.setUint16(12, dosDate, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, n.bytes.length, true);
    lv.setUint16(28, n.extra.length, true);
    locals.push(local, n.bytes, n.extra, body);
    const central = new Uint8Array(46);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, n.madeBy, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, n.flags, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, dosTime, true);
    cv.setUint16(14, dosDate, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, n.bytes.length, true);
    cv.setUint16(30, n.extra.length, true);
    // Unix permission bits (rw-r--r--) for files made by Unix; DOS attributes 0 otherwise.
    cv.setUint32(38, n.madeBy >> 8 === 3 ? (0o100644 << 16) >>> 0 : 0, true);
    cv.setUint32(42, offset, true);
    centrals.push(central, n.bytes, n.extra);
    offset += 30 + n.bytes.length + n.extra.length + body.length;
  }
  const cd = concat(centrals);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, names.length, true);
  ev.setUint16(10, names.length, true);
  ev.setUint32(12, cd.length, true);
  ev.setUint32(16, offset, true);
  return concat([...locals, cd, end]);
}
