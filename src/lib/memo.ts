/**
 * Work done once per key and shared: later calls with the same key get the first call's promise
 * (a failed one is forgotten, so the next call tries again). The content layer keys by an
 * entry's version (`versionKey`), so the preview, which keeps modules between edits, recomputes
 * an entry only after it changed.
 */
export function memoByKey<A extends unknown[], T>(keyOf: (...args: A) => string, make: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  const done = new Map<string, Promise<T>>();
  return (...args: A) => {
    const key = keyOf(...args);
    let hit = done.get(key);
    if (!hit) {
      hit = make(...args);
      done.set(key, hit);
      hit.catch(() => done.delete(key));
    }
    return hit;
  };
}

/** An entry's version: collection, id and the content digest Astro keeps for it. */
export function versionKey(entry: { collection: string; id: string; digest?: string | number | undefined }): string {
  return `${entry.collection}/${entry.id}/${String(entry.digest)}`;
}
