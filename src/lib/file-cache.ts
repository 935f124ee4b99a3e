/**
 * A folder of files named by the hash of what made them, kept across builds in the cache
 * folder (RED_CACHE_DIR): generated posters, tree and forest PNGs, kit zips and kit images.
 * A key is the hash of every input that changes the bytes (the drawing's SVG, the font, the
 * encoder options, a version for code changes); a file is written atomically, so concurrent
 * builds and a build killed half-way never leave a truncated file behind.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Hex SHA-256 of the inputs (strings or bytes), `length` digits. */
export function hashKey(parts: (string | Uint8Array)[], length = 16): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(typeof p === 'string' ? `${p.length}:${p}` : p);
  return h.digest('hex').slice(0, length);
}

export function writeAtomic(file: string, data: Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/** The cached file's bytes, or undefined. */
export function readCached(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Bytes from the cache file, or made by `make` and stored there. */
export async function cachedBytes(file: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const hit = readCached(file);
  if (hit) return hit;
  const bytes = await make();
  writeAtomic(file, bytes);
  return bytes;
}

/** Runs at most `n` tasks at a time (sharp's heavy work runs on libuv threads, beside page rendering). */
export function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    if (running >= n) return;
    const start = queue.shift();
    if (start) {
      running++;
      start();
    }
  };
  return <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push(() => {
        task()
          .then(resolve, reject)
          .finally(() => {
            running--;
            next();
          });
      });
      next();
    });
}

/**
 * The drawings of a build (posters, tree and forest PNGs) share this: as many at a time as the
 * machine has cores. Each sharp pipeline is single-threaded and runs off the main thread, so
 * pages go on rendering beside them.
 */
export const drawing = limiter(Math.max(1, os.availableParallelism()));
