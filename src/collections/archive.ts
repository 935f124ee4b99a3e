/**
 * 红色档案柜 over the published entries: tag pages, unit archives, related entries.
 * (Uses src/collections/entries.ts; the grouping and scoring themselves are pure, in src/lib/archive.ts.)
 */
import { groupByTag, normalizeTag, relatedEntries, type TagGroup } from '../lib/archive.ts';
import { entryUnitId, getAllEntries, getUnitTree, paths, type AnyEntry } from './entries.ts';

export const archiveUrl = (year?: number): string => paths.url(year ? `archive/${year}/` : 'archive/');
export const tagsUrl = (): string => paths.url('tags/');
export const unitArchiveUrl = (id: string): string => paths.url(`units/${id}/archive/`);

let tagGroups: Promise<TagGroup<AnyEntry>[]> | undefined;
/** Every tag of the published entries, most used first. */
export function getTagGroups(): Promise<TagGroup<AnyEntry>[]> {
  tagGroups ??= getAllEntries().then((all) => groupByTag(all, (e) => e.data.tags));
  return tagGroups;
}

/** URL of a tag's page, or undefined for a tag no published entry carries. */
export async function tagUrl(tag: string): Promise<string | undefined> {
  const key = normalizeTag(tag);
  const g = (await getTagGroups()).find((x) => x.tag === key);
  return g ? paths.url(`tags/${g.slug}/`) : undefined;
}

/** Published entries of the unit and every unit below it, newest first. */
export async function unitEntries(id: string): Promise<AnyEntry[]> {
  const tree = await getUnitTree();
  const ids = new Set(tree.descendants(id).map((u) => u.id));
  return (await getAllEntries()).filter((e) => {
    const u = entryUnitId(e);
    return u !== undefined && ids.has(u);
  });
}

const key = (e: AnyEntry) => `${e.collection}/${e.id}`;

/** Up to `limit` published entries sharing tags or unit with this one. */
export async function relatedTo(entry: AnyEntry, limit = 4): Promise<AnyEntry[]> {
  const [all, tree] = await Promise.all([getAllEntries(), getUnitTree()]);
  const family = (unit: string) => {
    const parent = tree.byId.get(unit)?.parent;
    return [...(parent ? [parent, ...tree.children(parent).map((u) => u.id)] : []), ...tree.children(unit).map((u) => u.id)];
  };
  const asRel = (e: AnyEntry) => ({ key: key(e), date: e.data.date, unit: entryUnitId(e), tags: e.data.tags, entry: e });
  return relatedEntries(asRel(entry), all.map(asRel), limit, family).map((r) => r.entry);
}
