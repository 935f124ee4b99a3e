import { describe, expect, it } from 'vitest';
import { formatDay, isValidDay, parseDuration, isoDuration, today, dayFromUtcDate, readDay } from '../../src/lib/dates.ts';
import { isPublished, visibilityStatus } from '../../src/lib/visibility.ts';
import { byNewest, paginate, sortNewest } from '../../src/lib/sorting.ts';
import { createPaths, needsBase, normalizeBase } from '../../src/lib/paths.ts';
import { entryName, entrySlug, slugify } from '../../src/lib/slug.ts';
import { buildUnitTree } from '../../src/lib/units.ts';
import { truncate } from '../../src/lib/summary.ts';

describe('dates', () => {
  it('accepts real days only', () => {
    expect(isValidDay('2026-03-18')).toBe(true);
    expect(isValidDay('2024-02-29')).toBe(true);
    expect(isValidDay('2026-02-29')).toBe(false);
    expect(isValidDay('2025-13-45')).toBe(false);
    expect(isValidDay('2026-3-18')).toBe(false);
  });
  it('formats in Chinese', () => {
    expect(formatDay('2026-03-18')).toBe('2026年3月18日');
    expect(formatDay('2026-11-05')).toBe('2026年11月5日');
  });
  it('reads today in China, not UTC', () => {
    // 2026-03-18 17:30 UTC is already 2026-03-19 in Beijing.
    expect(today(new Date('2026-03-18T17:30:00Z'))).toBe('2026-03-19');
    expect(today(new Date('2026-03-18T15:59:00Z'))).toBe('2026-03-18');
    expect(dayFromUtcDate(new Date(Date.UTC(2026, 2, 18)))).toBe('2026-03-18');
  });
  it('reads what an author wrote as a date', () => {
    expect(readDay('2026-03-18')).toEqual({ ok: true, day: '2026-03-18' });
    expect(readDay('2025-13-45')).toEqual({ ok: false, reason: 'impossible' });
    expect(readDay('2026-02-29')).toEqual({ ok: false, reason: 'impossible' });
    expect(readDay('2026-3-8')).toEqual({ ok: false, reason: 'format', day: '2026-03-08' });
    expect(readDay('2026年3月8日')).toEqual({ ok: false, reason: 'format', day: '2026-03-08' });
    expect(readDay('2026/03/08')).toEqual({ ok: false, reason: 'format', day: '2026-03-08' });
    expect(readDay('2026-01-05T07:00:00+08:00')).toEqual({ ok: true, day: '2026-01-05', time: '2026-01-05T07:00:00+08:00' });
    // A time without a zone is UTC for YAML: 20:00 UTC is the next morning in China.
    expect(readDay('2026-01-05 20:00')).toEqual({ ok: true, day: '2026-01-06', time: '2026-01-05 20:00' });
    expect(readDay('下周一')).toEqual({ ok: false, reason: 'unreadable' });
  });
  it('parses durations', () => {
    expect(parseDuration('3:45')).toBe(225);
    expect(parseDuration('1:02:30')).toBe(3750);
    expect(parseDuration('0:07')).toBe(7);
    expect(parseDuration('3:75')).toBeUndefined();
    expect(parseDuration('abc')).toBeUndefined();
    expect(isoDuration(225)).toBe('PT3M45S');
    expect(isoDuration(3600)).toBe('PT1H');
  });
});

describe('visibility', () => {
  const prod = { mode: 'production' as const, today: '2026-03-18' };
  const preview = { mode: 'preview' as const, today: '2026-03-18' };
  it('hides drafts and future entries in production', () => {
    expect(isPublished({ date: '2026-03-18' }, prod)).toBe(true);
    expect(isPublished({ date: '2026-03-17', draft: false }, prod)).toBe(true);
    expect(isPublished({ date: '2026-03-19' }, prod)).toBe(false);
    expect(isPublished({ date: '2026-01-01', draft: true }, prod)).toBe(false);
  });
  it('shows everything in preview', () => {
    expect(isPublished({ date: '2099-01-01', draft: true }, preview)).toBe(true);
  });
  it('labels status', () => {
    expect(visibilityStatus({ date: '2026-03-19' }, '2026-03-18')).toBe('scheduled');
    expect(visibilityStatus({ date: '2026-03-01', draft: true }, '2026-03-18')).toBe('draft');
    expect(visibilityStatus({ date: '2026-03-18' }, '2026-03-18')).toBe('published');
  });
});

describe('sorting', () => {
  const e = (id: string, date: string, issue?: number) => ({ id, data: { date, ...(issue ? { issue } : {}) } });
  it('sorts newest first, deterministically', () => {
    const list = [e('b', '2026-01-01'), e('a', '2026-01-01'), e('c', '2026-02-01'), e('d', '2025-12-31')];
    expect(sortNewest(list).map((x) => x.id)).toEqual(['c', 'a', 'b', 'd']);
    expect(byNewest(e('x', '2026-01-01', 2), e('y', '2026-01-01', 3))).toBeGreaterThan(0);
  });
  it('paginates by 20', () => {
    const items = Array.from({ length: 41 }, (_, i) => i);
    expect(paginate(items, 20).map((p) => p.length)).toEqual([20, 20, 1]);
    expect(paginate([], 20)).toEqual([[]]);
  });
});

describe('paths always apply base', () => {
  const p = createPaths('/dangjian', 'https://intranet.example.cn');
  it('builds every kind of URL under base', () => {
    expect(p.home()).toBe('/dangjian/');
    expect(p.column('salon')).toBe('/dangjian/salon/');
    expect(p.column('salon', 2)).toBe('/dangjian/salon/page/2/');
    expect(p.entry('highlights', 'san-xun-ti-xi')).toBe('/dangjian/highlights/san-xun-ti-xi/');
    expect(p.unit('hq-branch-1')).toBe('/dangjian/units/hq-branch-1/');
    expect(p.media('videos', 'clip/视频.mp4')).toBe('/dangjian/media/videos/clip/%E8%A7%86%E9%A2%91.mp4');
    expect(p.absolute(p.entry('salon', '2026-05'))).toBe('https://intranet.example.cn/dangjian/salon/2026-05/');
  });
  it('works at the root too', () => {
    const r = createPaths('/');
    expect(r.entry('salon', 'x')).toBe('/salon/x/');
    expect(normalizeBase('')).toBe('/');
    expect(normalizeBase('a/b')).toBe('/a/b/');
  });
  it('knows which root-relative links still need base', () => {
    expect(needsBase('/salon/', '/dangjian/')).toBe(true);
    expect(needsBase('/dangjian/salon/', '/dangjian/')).toBe(false);
    expect(needsBase('//cdn.example/x', '/dangjian/')).toBe(false);
    expect(needsBase('https://a.b/', '/dangjian/')).toBe(false);
    expect(needsBase('/salon/', '/')).toBe(false);
  });
});

describe('slugs', () => {
  it('keeps ASCII names and the slug field', () => {
    expect(entrySlug('2025-12.md')).toBe('2025-12');
    expect(entrySlug('2026-05/index.md')).toBe('2026-05');
    expect(entrySlug('三训体系.md', 'three-trainings')).toBe('three-trainings');
  });
  it('turns Chinese names into readable pinyin', () => {
    expect(entrySlug('三训体系.md')).toBe('san-xun-ti-xi');
    expect(entrySlug('四个关键/index.md')).toBe('si-ge-guan-jian');
    expect(slugify('5G网格化 服务')).toBe('5g-wang-ge-hua-fu-wu');
    expect(slugify('★☆')).toBe('');
    expect(entryName('folder/index.mdx')).toBe('folder');
  });
});

describe('unit tree', () => {
  const tree = buildUnitTree([
    { id: 'root', name: '党委', kind: 'committee' },
    { id: 'a', name: 'A', kind: 'general-branch', parent: 'root' },
    { id: 'a1', name: 'A1', kind: 'branch', parent: 'a' },
    { id: 'b', name: 'B', kind: 'branch', parent: 'root' },
  ]);
  it('walks down and up', () => {
    expect(tree.roots.map((u) => u.id)).toEqual(['root']);
    expect(tree.descendants('a').map((u) => u.id)).toEqual(['a', 'a1']);
    expect(tree.ancestors('a1').map((u) => u.id)).toEqual(['root', 'a', 'a1']);
    expect(tree.depth('a1')).toBe(2);
    expect(tree.children('root').map((u) => u.id)).toEqual(['a', 'b']);
  });
});

describe('unit tree with a parent loop', () => {
  const tree = buildUnitTree([
    { id: 'root', name: '党委', kind: 'committee' },
    { id: 'a', name: 'A', kind: 'branch', parent: 'b' },
    { id: 'b', name: 'B', kind: 'branch', parent: 'a' },
    { id: 'self', name: '自己', kind: 'branch', parent: 'self' },
    { id: 'c', name: 'C', kind: 'branch', parent: 'a' },
  ]);
  it('reports each loop once, from the unit written first', () => {
    expect(tree.cycles).toEqual([['a', 'b'], ['self']]);
  });
  it('cuts each loop there, so every walk ends', () => {
    expect(tree.roots.map((u) => u.id)).toEqual(['root']);
    expect(tree.descendants('a').map((u) => u.id)).toEqual(['a', 'b', 'c']);
    expect(tree.ancestors('c').map((u) => u.id)).toEqual(['a', 'c']);
    expect(tree.children('self')).toEqual([]);
    expect(tree.depth('b')).toBe(1);
  });
});

describe('summaries', () => {
  // The body text itself comes from the sanitised tree: test/markdown/body-tree.test.ts.
  it('truncates to the limit with an ellipsis', () => {
    expect(truncate('一二三四五', 4)).toBe('一二三…');
  });
});

describe('settings', () => {
  it('explains a broken site.yaml in Chinese, pointing at npm run check', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { readSettings } = await import('../../src/config/settings.ts');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'red-site-'));
    writeFileSync(path.join(dir, 'site.yaml'), 'title: 红色专栏\nbase： /dangjian/\n');
    expect(() => readSettings(dir)).toThrow(/site\.yaml 有错误，网站无法生成或预览。请运行 npm run check 查看出错的行和改法。/);
    writeFileSync(path.join(dir, 'site.yaml'), 'base: dangjian\n');
    expect(readSettings(dir)).toMatchObject({ base: '/dangjian/', title: '红色专栏', pageSize: 20 });
  });
});

describe('dev-server paths', () => {
  it('finds the part below BASE/dir/ with or without the base', async () => {
    const { pathBelow } = await import('../../src/lib/paths.ts');
    expect(pathBelow('/dangjian/media/videos/a.mp4?t=1', '/dangjian/', 'media')).toBe('videos/a.mp4');
    expect(pathBelow('/media/videos/a.mp4', '/dangjian/', 'media')).toBe('videos/a.mp4');
    expect(pathBelow('/dangjian/mediax/a', '/dangjian/', 'media')).toBeUndefined();
  });
});

describe('cloneTree', () => {
  it('copies a hast tree exactly and independently (properties, positions, data)', async () => {
    const { cloneTree } = await import('../../src/lib/clone-tree.ts');
    const { fromHtml } = await import('hast-util-from-html');
    const tree = fromHtml('<p class="a b">党建 <a href="/x" data-n="1">链接</a><img src="a.jpg" alt="图" width="3"></p>', { fragment: true });
    (tree.children[0] as { data?: unknown }).data = { note: ['x'] };
    const copy = cloneTree(tree);
    expect(copy).toEqual(tree);
    expect(copy).toStrictEqual(structuredClone(tree));
    const p = copy.children[0] as import('hast').Element;
    (p.properties.className as string[]).push('c');
    p.children.pop();
    (p.data as unknown as { note: string[] }).note.push('y');
    expect((tree.children[0] as import('hast').Element).properties.className).toEqual(['a', 'b']);
    expect((tree.children[0] as import('hast').Element).children).toHaveLength(3);
    expect((tree.children[0] as unknown as { data: { note: string[] } }).data.note).toEqual(['x']);
  });
});
