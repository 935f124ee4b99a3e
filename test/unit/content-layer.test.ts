/**
 * The content layer (src/collections/) without a build: astro:content and the config module
 * are stand-ins (test/support/astro-content.ts, virtual-config.ts; aliased in vitest.config.ts).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { calls, setCollections } from '../support/astro-content.ts';
import { config } from '../support/virtual-config.ts';
import { relatedEntries } from '../../src/lib/archive.ts';

const UNITS = [
  { id: 'nb', data: { id: 'nb', name: '宁波分公司党委', kind: 'committee' } },
  { id: 'hq', data: { id: 'hq', name: '机关党委', kind: 'committee', parent: 'nb' } },
  { id: 'hq-1', data: { id: 'hq-1', name: '机关第一党支部', kind: 'branch', parent: 'hq' } },
  { id: 'hq-2', data: { id: 'hq-2', name: '机关第二党支部', kind: 'branch', parent: 'hq' } },
  { id: 'gov', data: { id: 'gov', name: '政企党委', kind: 'committee', parent: 'nb' } },
];

const hl = (id: string, date: string, unit: string, tags: string[] = [], extra: Record<string, unknown> = {}) => ({
  id,
  data: { title: `亮点 ${id}`, date, unit, tags, draft: false, kind: 'case', author: '宣传组', ...extra },
});

function sample() {
  setCollections({
    units: UNITS,
    highlights: [
      hl('a', '2026-03-01', 'hq-1', ['党课', '支部书记']),
      hl('b', '2026-04-01', 'hq-1', ['党课']),
      hl('c', '2025-11-20', 'hq-2', ['５G']),
      hl('draft', '2026-01-01', 'hq-1', ['党课'], { draft: true }),
      hl('later', '2026-09-01', 'gov', ['党课']),
    ],
    salon: [{ id: '2026-02', data: { title: '第2期', date: '2026-02-10', host: 'hq', issue: 2, tags: ['5G'], draft: false } }],
    'one-picture': [],
    videos: [{ id: 'v', data: { title: '视频', date: '2026-05-05', unit: 'gov', tags: [], draft: false } }],
  });
}

/** A fresh copy of the content layer (its per-build index is module state). */
async function layer() {
  vi.resetModules();
  const index = await import('../../src/collections/content-index.ts');
  const archive = await import('../../src/collections/archive.ts');
  const entries = await import('../../src/collections/entries.ts');
  return { ...index, ...archive, ...entries };
}

beforeEach(() => {
  sample();
  config.mode = 'production';
  config.today = '2026-06-01';
  vi.unstubAllEnvs();
});

describe('published entries', () => {
  it('leaves drafts and scheduled entries out of a production build, newest first', async () => {
    const { getAllEntries, getEntries } = await layer();
    expect((await getAllEntries()).map((e) => e.id)).toEqual(['v', 'b', 'a', '2026-02', 'c']);
    expect((await getEntries('highlights')).map((e) => e.id)).toEqual(['b', 'a', 'c']);
  });

  it('shows drafts and scheduled entries in a preview', async () => {
    config.mode = 'preview';
    const { getEntries } = await layer();
    expect((await getEntries('highlights')).map((e) => e.id)).toEqual(['later', 'b', 'a', 'draft', 'c']);
  });

  it('builds URLs under the base', async () => {
    const { getEntries, entryUrl } = await layer();
    const [b] = await getEntries('highlights');
    expect(entryUrl(b!)).toBe('/dangjian/highlights/b/');
  });
});

describe('indexes', () => {
  it('credits entries to their unit (salons to the host) and gathers a unit with everything below it', async () => {
    const { entriesByUnit, unitEntries, unitName } = await layer();
    const byUnit = await entriesByUnit();
    expect(byUnit.get('hq-1')?.map((e) => e.id)).toEqual(['b', 'a']);
    expect(byUnit.get('hq')?.map((e) => e.id)).toEqual(['2026-02']);
    expect((await unitEntries('hq')).map((e) => e.id)).toEqual(['b', 'a', '2026-02', 'c']);
    expect((await unitEntries('nb')).map((e) => e.id)).toEqual(['v', 'b', 'a', '2026-02', 'c']);
    expect(await unitName('hq-2')).toBe('机关第二党支部');
  });

  it('groups the archive by year and tags by their NFKC form, most used first', async () => {
    const { archiveYears, yearEntries, getTagGroups, tagUrl } = await layer();
    expect(await archiveYears()).toEqual([
      { year: 2026, count: 4 },
      { year: 2025, count: 1 },
    ]);
    expect((await yearEntries(2025)).map((e) => e.id)).toEqual(['c']);
    const tags = await getTagGroups();
    expect(tags.map((t) => [t.tag, t.items.length])).toEqual([
      ['5G', 2],
      ['党课', 2],
      ['支部书记', 1],
    ]);
    expect(await tagUrl('５G')).toBe('/dangjian/tags/5g/');
    expect(await tagUrl('没有的标签')).toBeUndefined();
  });

  it('finds related reading by shared tags, then unit, then family', async () => {
    const { getEntries, relatedTo } = await layer();
    const [, a] = await getEntries('highlights');
    expect(a!.id).toBe('a');
    // b: shared tag (3) + same unit (2); c: sibling branch (1); the salon's host is the parent (1).
    expect((await relatedTo(a!)).map((e) => e.id)).toEqual(['b', '2026-02', 'c']);
  });

  it('reads the store once per production build, however many pages ask', async () => {
    vi.stubEnv('DEV', false);
    const { getAllEntries, getEntries, entriesByUnit, getContentIndex } = await layer();
    calls.getCollection = 0;
    const first = await getContentIndex();
    await Promise.all([getAllEntries(), getEntries('salon'), entriesByUnit(), getContentIndex()]);
    expect(await getContentIndex()).toBe(first);
    expect(calls.getCollection).toBe(5); // units + four columns, once
  });

  it('in dev, rebuilds the index only when an entry changed', async () => {
    vi.stubEnv('DEV', true);
    const { getContentIndex, getEntries } = await layer();
    const first = await getContentIndex();
    expect(await getContentIndex()).toBe(first);
    setCollections({ units: UNITS, highlights: [hl('a', '2026-03-01', 'hq-1', ['新标签'])], salon: [], 'one-picture': [], videos: [] });
    // Looks at the store within 100 ms share one (a page asks many times while it renders).
    await new Promise((resolve) => setTimeout(resolve, 120));
    const second = await getContentIndex();
    expect(second).not.toBe(first);
    expect((await getEntries('highlights'))[0]!.data.tags).toEqual(['新标签']);
  });
});

describe('relatedIndex', () => {
  it('gives exactly what scoring every pair gives (random sites)', async () => {
    const { relatedIndex } = await import('../../src/lib/archive.ts');
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const units = ['u0', 'u1', 'u2', 'u3', 'u4', 'u5'];
    const family = (u: string) => (u === 'u0' ? ['u1', 'u2'] : u === 'u1' || u === 'u2' ? ['u0', 'u1', 'u2', 'u3'] : ['u1', 'u4']);
    const TAGS = ['党课', '党建', '５G', '5G', '服务', '巡线'];
    for (let round = 0; round < 20; round++) {
      const items = Array.from({ length: 60 }, (_, i) => ({
        key: `k${i}`,
        date: `2026-0${1 + rnd(9)}-1${rnd(9)}`,
        unit: rnd(5) ? units[rnd(units.length)] : undefined,
        tags: Array.from({ length: rnd(3) }, () => TAGS[rnd(TAGS.length)]!),
      }));
      const related = relatedIndex(items, family);
      // A window as long as the longest list changes nothing either.
      const windowed = relatedIndex(items, family, Math.max(...[...TAGS, ...units].map((k) => items.filter((i) => i.tags.includes(k) || i.unit === k).length)));
      for (const item of items) {
        const all = relatedEntries(item, items, 4, family).map((r) => r.key);
        expect(related(item.key, 4).map((r) => r.key)).toEqual(all);
        expect(windowed(item.key, 4).map((r) => r.key)).toEqual(all);
      }
    }
  });

  it('is bounded on a large site: a popular tag contributes the entries nearest in date, not the whole list', async () => {
    const { relatedIndex, RELATED_WINDOW } = await import('../../src/lib/archive.ts');
    expect(RELATED_WINDOW).toBe(100);
    const day = (i: number) => new Date(Date.UTC(2016, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    // 1,000 entries a day apart sharing one tag; every tenth also shares the rarer 巡线.
    const items = Array.from({ length: 1000 }, (_, i) => ({ key: `k${String(i).padStart(4, '0')}`, date: day(i), unit: undefined, tags: i % 10 ? ['党建'] : ['党建', '巡线'] }));
    const related = relatedIndex(items, undefined, 20);
    // k0500 (both tags): 巡线's window holds k0400…k0600, 党建's k0490…k0510; k0490 and k0510 are in both
    // (6 points), then the newest of the rest (3 points).
    expect(related('k0500', 4).map((r) => r.key)).toEqual(['k0510', 'k0490', 'k0600', 'k0590']);
    // A one-tag entry: the newest of the 20 around it in 党建's list, not the newest of the site.
    expect(related('k0503', 4).map((r) => r.key)).toEqual(['k0513', 'k0512', 'k0511', 'k0510']);
    // Entries far from it in date do not change it (its cost does not grow with the site).
    const more = [...items, ...Array.from({ length: 5000 }, (_, i) => ({ key: `old${i}`, date: '2001-01-01', unit: undefined, tags: ['党建'] }))];
    expect(relatedIndex(more, undefined, 20)('k0503', 4).map((r) => r.key)).toEqual(['k0513', 'k0512', 'k0511', 'k0510']);
    // Without the window (scoring the whole list): the newest of the site.
    expect(relatedIndex(items, undefined, Infinity)('k0503', 4).map((r) => r.key)).toEqual(['k0999', 'k0998', 'k0997', 'k0996']);
  });
});
