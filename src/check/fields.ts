/**
 * Every front-matter field with its Chinese name and a one-line example, per column.
 * Used for hints in check messages and for the comments `npm run new` writes.
 */
import type { ColumnId } from '../lib/columns.ts';

export interface FieldInfo {
  /** Chinese name. */
  name: string;
  /** An example line as the author would write it. */
  example: string;
}

export const COMMON_FIELDS: Record<string, FieldInfo> = {
  title: { name: '标题', example: 'title: 支部书记讲党课：把党课讲到群众心坎上' },
  date: { name: '日期', example: 'date: 2026-03-18' },
  unit: { name: '所属党组织', example: 'unit: hq-branch-1' },
  summary: { name: '摘要', example: 'summary: 用一两句话概括全文，200 字以内' },
  tags: { name: '标签', example: 'tags: [党建, 服务]' },
  cover: { name: '封面图', example: 'cover: ./cover.jpg' },
  draft: { name: '草稿', example: 'draft: true' },
  slug: { name: '网址名', example: 'slug: san-xun-ti-xi' },
};

export const COLUMN_FIELDS: Record<ColumnId, Record<string, FieldInfo>> = {
  'one-picture': {
    image: { name: '一图清图片', example: 'image: ./work-plan-2026.png' },
    imageAlt: { name: '图片说明', example: 'imageAlt: 2026年党建工作一图清，列出总体思路和四项重点举措' },
    period: { name: '周期', example: 'period: 2026年第一季度' },
    outline: { name: '图文要点', example: 'outline: [{ heading: 思路, points: [要点一, 要点二] }]' },
  },
  salon: {
    issue: { name: '期数', example: 'issue: 12' },
    host: { name: '承办单位', example: 'host: gov-committee' },
    participants: { name: '参会人员', example: 'participants: 各支部书记' },
    speakers: { name: '主讲/嘉宾', example: 'speakers: [{ name: 张三, role: 支部书记 }]' },
    photos: { name: '活动照片', example: 'photos: [{ src: ./hezhao.jpg, alt: 与会人员合影 }]' },
  },
  highlights: {
    kind: { name: '类型', example: 'kind: case' },
    person: { name: '先锋人物', example: 'person: { name: 张三, role: 线路维护班班长 }' },
    author: { name: '作者/供稿', example: 'author: 机关党委宣传组' },
    replicable: { name: '可复制推广要点', example: 'replicable: [第一步做什么, 第二步做什么]' },
    republish: { name: '允许转载', example: 'republish: false' },
  },
  videos: {
    video: { name: '视频', example: 'video: ./video.mp4' },
    poster: { name: '视频封面', example: 'poster: ./poster.jpg' },
    captions: { name: '字幕', example: 'captions: ./captions.vtt' },
    duration: { name: '时长', example: 'duration: "3:45"' },
    category: { name: '分类', example: 'category: activity' },
  },
};

/** Keys inside lists/objects (outline, speakers, photos, person). */
export const NESTED_FIELDS: Record<string, FieldInfo> = {
  heading: { name: '小标题', example: 'heading: 思路' },
  points: { name: '要点', example: 'points: [要点一, 要点二]' },
  name: { name: '姓名', example: 'name: 张三' },
  role: { name: '职务', example: 'role: 支部书记' },
  src: { name: '照片文件', example: 'src: ./hezhao.jpg' },
  alt: { name: '照片说明', example: 'alt: 与会党员在背景板前合影' },
  caption: { name: '图注', example: 'caption: 与会人员合影' },
};

export const UNIT_FIELDS: Record<string, FieldInfo> = {
  id: { name: '编号', example: 'id: hq-branch-1' },
  name: { name: '名称', example: 'name: 机关第一党支部' },
  kind: { name: '类型', example: 'kind: branch' },
  parent: { name: '上级党组织', example: 'parent: hq-committee' },
  short: { name: '简称', example: 'short: 机关一支部' },
};

export const SITE_FIELDS: Record<string, FieldInfo> = {
  title: { name: '站点名称', example: 'title: 红色专栏' },
  organization: { name: '主办单位', example: 'organization: 中国电信宁波分公司党委' },
  description: { name: '站点简介', example: 'description: 党建宣传内网专栏' },
  url: { name: '站点地址', example: 'url: https://intranet.example.cn' },
  base: { name: '子路径', example: 'base: /dangjian/' },
  pageSize: { name: '每页条数', example: 'pageSize: 20' },
  mediaOrigins: { name: '内网视频服务器', example: 'mediaOrigins: [http://video.intranet.example.cn]' },
};

export function fieldsOf(column: ColumnId): Record<string, FieldInfo> {
  return { ...COMMON_FIELDS, ...COLUMN_FIELDS[column] };
}

/** Every key an author may write anywhere (for the full-width-colon scan). */
export const ALL_KEYS: ReadonlySet<string> = new Set([
  ...Object.keys(COMMON_FIELDS),
  ...Object.values(COLUMN_FIELDS).flatMap((f) => Object.keys(f)),
  ...Object.keys(NESTED_FIELDS),
  ...Object.keys(UNIT_FIELDS),
  ...Object.keys(SITE_FIELDS),
]);

/** Edit distance, for “did you mean …” suggestions. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** Up to `n` candidates nearest to `value`, nearest first (ties keep list order). */
export function nearest(value: string, candidates: readonly string[], n = 3): string[] {
  return candidates
    .map((c, i) => ({ c, i, d: levenshtein(value.toLowerCase(), c.toLowerCase()) }))
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .slice(0, n)
    .map((x) => x.c);
}
