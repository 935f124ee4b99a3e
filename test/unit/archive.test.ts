import { describe, expect, it } from 'vitest';
import { groupByTag, groupByYearMonth, relatedEntries, relatedScore, tagSlug } from '../../src/lib/archive.ts';

describe('archive grouping', () => {
  const items = [
    { id: 'a', date: '2026-05-21' },
    { id: 'b', date: '2026-05-03' },
    { id: 'c', date: '2026-01-22' },
    { id: 'd', date: '2025-12-18' },
    { id: 'e', date: '2026-11-05' },
  ];
  it('groups by year then month, newest first, keeping order inside a month', () => {
    const g = groupByYearMonth(items, (x) => x.date);
    expect(g.map((y) => [y.year, y.count])).toEqual([
      [2026, 4],
      [2025, 1],
    ]);
    expect(g[0]!.months.map((m) => [m.month, m.monthNumber, m.items.map((i) => i.id).join('')])).toEqual([
      ['2026-11', 11, 'e'],
      ['2026-05', 5, 'ab'],
      ['2026-01', 1, 'c'],
    ]);
    expect(g[1]!.months[0]!.month).toBe('2025-12');
  });
  it('returns nothing for nothing', () => {
    expect(groupByYearMonth([], (x: { date: string }) => x.date)).toEqual([]);
  });
});

describe('tags', () => {
  it('slugs tags in pinyin and ASCII', () => {
    expect(tagSlug('网格化')).toBe('wang-ge-hua');
    expect(tagSlug('5G')).toBe('5g');
    expect(tagSlug('先锋沙龙')).toBe('xian-feng-sha-long');
    expect(tagSlug('！！')).toMatch(/^[0-9a-f-]+$/);
  });
  it('groups entries by tag, most used first, one page per distinct tag', () => {
    const g = groupByTag(
      [
        { id: 1, tags: ['网格化', '5G'] },
        { id: 2, tags: ['5G ', '５G'] },
        { id: 3, tags: ['党建', '当荐'] },
      ],
      (x) => x.tags,
    );
    expect(g[0]).toMatchObject({ tag: '5G', slug: '5g' });
    expect(g[0]!.items.map((x) => x.id)).toEqual([1, 2]);
    // Homophones keep separate pages with distinct slugs.
    const slugs = g.map((x) => x.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs).toContain('dang-jian');
    expect(slugs).toContain('dang-jian-2');
  });
});

describe('related entries', () => {
  const base = { key: 'me', date: '2026-05-01', unit: 'u1', tags: ['网格化', '5G'] };
  const others = [
    { key: 'same-unit', date: '2026-01-01', unit: 'u1', tags: [] },
    { key: 'two-tags', date: '2025-01-01', unit: 'u9', tags: ['5G', '网格化'] },
    { key: 'one-tag-new', date: '2026-09-01', unit: 'u9', tags: ['5G'] },
    { key: 'one-tag-old', date: '2024-09-01', unit: 'u9', tags: ['5G'] },
    { key: 'sibling', date: '2026-02-01', unit: 'u2', tags: [] },
    { key: 'nothing', date: '2026-06-01', unit: 'u9', tags: ['党课'] },
    { key: 'me', date: '2026-05-01', unit: 'u1', tags: ['网格化', '5G'] },
  ];
  const family = (u: string) => (u === 'u1' ? ['u2'] : []);
  it('scores shared tags above the same unit, and never the entry itself', () => {
    expect(relatedScore(base, others[1]!)).toBe(6);
    expect(relatedScore(base, others[0]!)).toBe(2);
    expect(relatedScore(base, others[4]!, family)).toBe(1);
    expect(relatedScore(base, base)).toBe(0);
  });
  it('picks the best, newest first among ties, and leaves out unrelated ones', () => {
    expect(relatedEntries(base, others, 4, family).map((o) => o.key)).toEqual(['two-tags', 'one-tag-new', 'one-tag-old', 'same-unit']);
    expect(relatedEntries(base, others, 10, family).map((o) => o.key)).not.toContain('nothing');
    expect(relatedEntries(base, others, 10, family).map((o) => o.key)).not.toContain('me');
  });
});
