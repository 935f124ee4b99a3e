/** Zips with the same bytes for the same files: sorted names, fixed time, fixed compression. */
import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * The time stored for every file: noon of `day` as read by the local clock, because
 * zip (DOS) times have no zone and fflate reads the local fields: the bytes do not
 * depend on the build machine's time zone.
 */
export function zipTime(day: string): Date {
  const [y = 2000, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 12, 0, 0);
}

/** Files (name → bytes or text) to a zip; text is UTF-8. */
export function deterministicZip(files: Record<string, Uint8Array | string>, day: string): Uint8Array {
  const mtime = zipTime(day);
  const names = Object.keys(files).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const zippable: Zippable = {};
  for (const name of names) {
    const value = files[name]!;
    const bytes = typeof value === 'string' ? strToU8(value) : value;
    // Already-compressed images are stored; text is deflated at a fixed level.
    const level = /\.(jpe?g|png|webp|gif|avif)$/i.test(name) ? 0 : 9;
    zippable[name] = [bytes, { level, mtime }];
  }
  return zipSync(zippable, { mtime });
}
