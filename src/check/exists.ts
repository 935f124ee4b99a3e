/** Looking at files for one check run: `existsSync` with a cache (many entries link the same files), and a file's first bytes. */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';

const cache = new Map<string, boolean>();

export function exists(file: string): boolean {
  let hit = cache.get(file);
  if (hit === undefined) {
    hit = existsSync(file);
    cache.set(file, hit);
  }
  return hit;
}

/** Forget everything: called at the start of every check run (files change between runs in dev). */
export function clearExistsCache(): void {
  cache.clear();
}

/** The first `n` bytes of a file (fewer when it is shorter); null when it cannot be read. */
export function readHead(file: string, n: number): Buffer | null {
  const head = Buffer.alloc(n);
  try {
    const fd = openSync(file, 'r');
    try {
      return head.subarray(0, readSync(fd, head, 0, n, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}
