/**
 * Reading kits in tests. The kit stores a Chinese name in GBK with the Info-ZIP Unicode Path
 * field (src/lib/republish/zip.ts); fflate reads such a name as Latin-1, so names are decoded
 * here the way Windows Explorer on a Chinese system reads them (code page 936).
 */
import { unzipSync } from 'fflate';

export function readZip(bytes: Uint8Array): Record<string, Uint8Array> {
  const gbk = new TextDecoder('gbk');
  const out: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    const raw = /^[\u0000-\u00ff]*$/.test(name) ? Uint8Array.from(name, (c) => c.charCodeAt(0)) : undefined;
    out[raw && /[^\x00-\x7f]/.test(name) ? gbk.decode(raw) : name] = data;
  }
  return out;
}
