import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { columnSchemas, siteSchema, unitSchema } from '../../src/schemas/index.ts';

/** The CLI's image helper: a plain path. */
const ctx = { image: () => z.string() };
const base = { title: '标题', date: new Date(Date.UTC(2026, 2, 18)), unit: 'hq-branch-1' };
const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('column schemas', () => {
  it('accepts a full highlight and fills defaults', () => {
    const r = columnSchemas.highlights(ctx).safeParse({ ...base, kind: 'case', author: '宣传组', tags: '党建，服务' });
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ date: '2026-03-18', tags: ['党建', '服务'], republish: true, draft: false, replicable: [] });
  });
  it('requires person for a model member, in Chinese', () => {
    const r = columnSchemas.highlights(ctx).safeParse({ ...base, kind: 'model', author: '宣传组' });
    expect(messages(r)).toEqual(['person: 先锋人物（kind: model）必须填写 person，例如 person: { name: 张三, role: 线路维护班班长 }']);
  });
  it('lists allowed enum values with Chinese names', () => {
    const r = columnSchemas.highlights(ctx).safeParse({ ...base, kind: 'story', author: 'x' });
    expect(messages(r)).toEqual(['kind: 类型 kind 只能是 case（工作亮点）、model（先锋人物）']);
  });
  it('rejects impossible dates given as text', () => {
    const r = columnSchemas.highlights(ctx).safeParse({ ...base, date: '2025-13-45', kind: 'case', author: 'x' });
    expect(messages(r)).toEqual(['date: 日期应写成 YYYY-MM-DD，并且是真实存在的日期，例如 2026-03-18']);
  });
  it('salon needs issue, host and participants but no unit', () => {
    const s = columnSchemas.salon(ctx);
    expect(s.safeParse({ title: '沙龙', date: '2026-03-18', issue: 3, host: 'hq-committee', participants: '各支部书记' }).success).toBe(true);
    const r = s.safeParse({ title: '沙龙', date: '2026-03-18', issue: 0, host: 'hq-committee' });
    expect(messages(r)).toEqual(['issue: 期数 issue 应为正整数，例如 12', 'participants: 缺少必填项：参会人员 participants']);
  });
  it('videos accept a file beside the entry or an intranet URL', () => {
    const s = columnSchemas.videos(ctx);
    const v = { ...base, category: 'activity' };
    expect(s.safeParse({ ...v, video: './a.mp4', duration: '3:45' }).success).toBe(true);
    expect(s.safeParse({ ...v, video: 'http://video.intranet/x/123' }).success).toBe(true);
    expect(messages(s.safeParse({ ...v, video: './a.avi' }))).toEqual([
      'video: 视频 video应为 .mp4 / .webm 文件，或 http(s):// 开头的内网视频地址',
    ]);
    expect(messages(s.safeParse({ ...v, video: './a.mp4', duration: '3分45秒' }))).toEqual([
      'duration: 时长 duration 应写成 分:秒 或 时:分:秒，例如 3:45、1:02:30',
    ]);
  });
  it('one-picture needs image and imageAlt', () => {
    const r = columnSchemas['one-picture'](ctx).safeParse({ ...base, image: './a.png' });
    expect(r.success).toBe(false);
    expect(messages(r)[0]).toMatch(/^imageAlt: /);
  });
  it('slug must be lowercase ASCII', () => {
    const r = columnSchemas.highlights(ctx).safeParse({ ...base, kind: 'case', author: 'x', slug: 'San Xun' });
    expect(messages(r)).toEqual(['slug: slug 只能包含小写英文字母、数字和连字符，例如 san-xun-ti-xi']);
  });
});

describe('settings and units', () => {
  it('normalizes base and fills defaults', () => {
    expect(siteSchema.parse({ base: 'dangjian' })).toMatchObject({ base: '/dangjian/', pageSize: 20, title: '红色专栏' });
    expect(siteSchema.parse({}).base).toBe('/');
  });
  it('unit kinds are listed in Chinese', () => {
    const r = unitSchema.safeParse({ id: 'x', name: 'X', kind: 'team' });
    expect(messages(r)).toEqual(['kind: 类型 kind 只能是 committee（党委）、general-branch（党总支）、branch（党支部）']);
  });
});

describe('what the site reads from values authors type', () => {
  const highlight = columnSchemas.highlights(ctx);
  const parse = (extra: Record<string, unknown>) => highlight.parse({ ...base, kind: 'case', author: '宣传组', ...extra });
  it('a date with a time means its day in China (YAML gives an instant)', () => {
    expect(parse({ date: new Date('2026-01-05T07:00:00+08:00') }).date).toBe('2026-01-05');
    expect(parse({ date: new Date('2026-01-05T23:30:00+08:00') }).date).toBe('2026-01-05');
    expect(parse({ date: '2026-01-05T07:00:00+08:00' }).date).toBe('2026-01-05');
    expect(parse({ date: new Date(Date.UTC(2026, 0, 5)) }).date).toBe('2026-01-05');
  });
  it('tags in Chinese brackets or with Chinese commas are the tags meant', () => {
    expect(parse({ tags: '【党课，支部书记】' }).tags).toEqual(['党课', '支部书记']);
    expect(parse({ tags: ['党课，支部书记', '【网格】'] }).tags).toEqual(['党课', '支部书记', '网格']);
  });
  it('title length is counted in characters', () => {
    expect(highlight.safeParse({ ...base, kind: 'case', author: 'x', title: '𠮷'.repeat(80) }).success).toBe(true);
    expect(messages(highlight.safeParse({ ...base, kind: 'case', author: 'x', title: '𠮷'.repeat(81) }))).toEqual(['title: 标题有 81 个字，不能超过 80 个字']);
  });
});

describe('field metadata', () => {
  it('every field of every schema has a Chinese name and an example', async () => {
    const { fieldsOfSchema, shapeOf } = await import('../../src/schemas/meta.ts');
    for (const schema of [...Object.values(columnSchemas).map((f) => f(ctx)), siteSchema, unitSchema]) {
      expect(Object.keys(fieldsOfSchema(schema))).toEqual(Object.keys(shapeOf(schema)));
    }
  });
  it('names the files an entry refers to, wherever they are', async () => {
    const { fileReferences } = await import('../../src/schemas/meta.ts');
    const salon = columnSchemas.salon(ctx);
    expect(fileReferences(salon, { cover: './c.jpg', photos: [{ src: './a.jpg', alt: 'a' }, { src: ' ./b.jpg ' }] })).toEqual([
      { path: ['cover'], kind: 'image', value: './c.jpg' },
      { path: ['photos', 0, 'src'], kind: 'image', value: './a.jpg' },
      { path: ['photos', 1, 'src'], kind: 'image', value: './b.jpg' },
    ]);
    expect(fileReferences(columnSchemas.videos(ctx), { video: 'https://v.intranet/a.mp4', captions: './c.vtt' }).map((r) => r.kind)).toEqual(['video', 'captions']);
  });
});
