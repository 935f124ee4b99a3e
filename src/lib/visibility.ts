/**
 * Which entries readers see. Every page goes through `isPublished` (via src/collections/entries.ts),
 * so a draft or a scheduled entry can never leak through one forgotten list.
 */
export interface VisibilityData {
  /** `YYYY-MM-DD` */
  date: string;
  draft?: boolean | undefined;
}

export type BuildMode = 'production' | 'preview';

export interface VisibilityOptions {
  mode: BuildMode;
  /** Today as `YYYY-MM-DD` in China. */
  today: string;
}

/** Drafts and future-dated (scheduled) entries are hidden in production and shown in preview. */
export function isPublished(data: VisibilityData, options: VisibilityOptions): boolean {
  if (options.mode === 'preview') return true;
  if (data.draft) return false;
  return data.date <= options.today;
}

/** Labels a preview shows on entries readers will not see yet. */
export function visibilityStatus(data: VisibilityData, todayDay: string): 'draft' | 'scheduled' | 'published' {
  if (data.draft) return 'draft';
  if (data.date > todayDay) return 'scheduled';
  return 'published';
}
