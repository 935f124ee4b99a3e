/** Newest first; ties broken by a stable key so builds are deterministic. */
export interface Sortable {
  id: string;
  data: { date: string; issue?: number };
}

export function byNewest<T extends Sortable>(a: T, b: T): number {
  if (a.data.date !== b.data.date) return a.data.date < b.data.date ? 1 : -1;
  const ai = a.data.issue ?? 0;
  const bi = b.data.issue ?? 0;
  if (ai !== bi) return bi - ai;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortNewest<T extends Sortable>(entries: readonly T[]): T[] {
  return [...entries].sort(byNewest);
}

/** Split a list into pages of `size` (at least one page, possibly empty). */
export function paginate<T>(items: readonly T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length ? pages : [[]];
}
