/**
 * The four columns (栏目) of the site: the single source of their ids, names and order.
 */
export const COLUMN_IDS = ['one-picture', 'salon', 'highlights', 'videos'] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export interface ColumnInfo {
  id: ColumnId;
  /** Chinese name as shown in navigation. */
  name: string;
  /** One-line description shown on the column index. */
  description: string;
  /** Short English gloss, for README / metadata. */
  english: string;
}

export const COLUMNS: Record<ColumnId, ColumnInfo> = {
  'one-picture': {
    id: 'one-picture',
    name: '党建工作一图清',
    english: 'One-Picture Guide',
    description: '把党建工作的思路、重点、举措浓缩成一张图，作为党建工作的风向标。',
  },
  salon: {
    id: 'salon',
    name: '先锋沙龙',
    english: 'Vanguard Salon',
    description: '每月一期，各经营单元党委轮流承办，宣传每期沙龙的关键内容。',
  },
  highlights: {
    id: 'highlights',
    name: '红色亮点',
    english: 'Red Highlights',
    description: '提炼有特色、可推广的党建工作亮点与模范党员事迹，复制推广。',
  },
  videos: {
    id: 'videos',
    name: '视频展播',
    english: 'Video Showcase',
    description: '重点党建活动、基层党建工作、先锋模范形象的党建主题视频。',
  },
};

export function isColumnId(value: string): value is ColumnId {
  return (COLUMN_IDS as readonly string[]).includes(value);
}

/** Highlight kinds with their Chinese names. */
export const HIGHLIGHT_KINDS = { case: '工作亮点', model: '先锋人物' } as const;
export type HighlightKind = keyof typeof HIGHLIGHT_KINDS;

/** Video categories with their Chinese names, in display order. */
export const VIDEO_CATEGORIES = { activity: '重点活动', grassroots: '基层党建', model: '先锋模范' } as const;
export type VideoCategory = keyof typeof VIDEO_CATEGORIES;

/** Unit kinds with their Chinese names. */
export const UNIT_KINDS = { committee: '党委', 'general-branch': '党总支', branch: '党支部' } as const;
export type UnitKind = keyof typeof UNIT_KINDS;
