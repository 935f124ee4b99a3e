/**
 * A stand-in for `astro:content` (aliased in vitest.config.ts for the unit project), so the
 * content layer (src/collections/) is tested without a build, as Starlight does. Tests put
 * entries in with `setCollections` and read how often the store was asked with `calls`.
 */
export interface FakeEntry {
  id: string;
  collection: string;
  data: Record<string, unknown>;
  body?: string;
  filePath?: string;
  digest?: string;
}

// On globalThis: tests reload the content layer (vi.resetModules), which reloads this module too.
const shared = ((globalThis as { __fakeAstroContent?: { store: Record<string, FakeEntry[]>; calls: { getCollection: number } } }).__fakeAstroContent ??= {
  store: {},
  calls: { getCollection: 0 },
});
export const calls = shared.calls;

export function setCollections(collections: Record<string, Omit<FakeEntry, 'collection'>[]>): void {
  shared.store = Object.fromEntries(
    Object.entries(collections).map(([name, list]) => [name, list.map((e) => ({ digest: JSON.stringify(e.data), ...e, collection: name }))]),
  );
}

export async function getCollection(name: string): Promise<FakeEntry[]> {
  calls.getCollection++;
  // Like Astro: a new array of new entry objects on every call.
  return (shared.store[name] ?? []).map((e) => ({ ...e }));
}

export async function render(): Promise<{ Content: () => string }> {
  return { Content: () => '' };
}

export type CollectionEntry<C extends string> = FakeEntry & { collection: C };
