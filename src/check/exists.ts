/** `existsSync` with a cache for one check run (many entries link the same files). */
import { existsSync } from 'node:fs';

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
