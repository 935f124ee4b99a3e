/**
 * 红色档案柜 over the published entries: tag pages, unit archives, related entries, all read
 * from the content index built once per build (the grouping and scoring are pure, in src/lib/archive.ts).
 */
import { paths } from '../config/site.ts';
import type { TagGroup } from '../lib/archive.ts';
import { getContentIndex } from './content-index.ts';
import type { AnyEntry } from './entries.ts';

/** Every tag of the published entries, most used first. */
export async function getTagGroups(): Promise<TagGroup<AnyEntry>[]> {
  return (await getContentIndex()).tags;
}

/** URL of a tag's page, or undefined for a tag no published entry carries. */
export async function tagUrl(tag: string): Promise<string | undefined> {
  const g = (await getContentIndex()).tag(tag);
  return g ? paths.tag(g.slug) : undefined;
}

/** Published entries of the unit and every unit below it, newest first. */
export async function unitEntries(id: string): Promise<AnyEntry[]> {
  return (await getContentIndex()).unitAndBelow(id);
}

/** Up to `limit` published entries sharing tags or unit with this one. */
export async function relatedTo(entry: AnyEntry, limit = 4): Promise<AnyEntry[]> {
  return (await getContentIndex()).related(entry, limit);
}

/** Archive years with their entry counts, newest first. */
export async function archiveYears(): Promise<{ year: number; count: number }[]> {
  return (await getContentIndex()).years.map((y) => ({ year: y.year, count: y.count }));
}

/** Published entries of one year, newest first. */
export async function yearEntries(year: number): Promise<AnyEntry[]> {
  return (await getContentIndex()).years.find((y) => y.year === year)?.months.flatMap((m) => m.items) ?? [];
}
