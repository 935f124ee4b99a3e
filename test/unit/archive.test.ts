import { describe, expect, it } from 'vitest';
import { groupByTag, groupByYearMonth, relatedEntries, relatedScore, tagSlug } from '../../src/lib/archive.ts';
import { beforeIndexOnlyText, hanNgrams, pageTitle, snippetHtml, withTitleNgrams } from '../../src/lib/search-terms.ts';

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

describe('search index terms', () => {
  it('lists the 2- and 3-character runs of Han text', () => {
    expect(hanNgrams('网格化服务')).toEqual(['网格', '格化', '化服', '服务', '网格化', '格化服', '化服务']);
    expect(hanNgrams('林晓雯：守护5G信号')).toEqual(['林晓', '晓雯', '林晓雯', '守护', '信号']);
    expect(hanNgrams('5G')).toEqual([]);
  });
  it('adds title, unit and n-grams inside the data-pagefind-body element only', () => {
    const html =
      '<html><body><header>网格</header><article data-pagefind-body><h1 data-pagefind-meta="title">网格化服务</h1><article>x</article><p>正文</p><span data-pagefind-meta="unit:慈溪&amp;分公司"></span></article><footer>f</footer></body></html>';
    expect(pageTitle(html)).toBe('网格化服务');
    const out = withTitleNgrams(html, '网格化服务');
    expect(out).toContain(
      '<div data-red-ngrams><p data-pagefind-weight="7">网格化服务</p><p>慈溪&amp;分公司</p><p data-pagefind-weight="2">网格 格化 化服 服务 网格化 格化服 化服务</p></div></article><footer>',
    );
    expect(out.indexOf('data-red-ngrams')).toBeGreaterThan(out.indexOf('<p>正文</p>'));
    expect(withTitleNgrams('<p>no body</p>', '网格化')).toBe('<p>no body</p>');
    expect(withTitleNgrams('<article data-pagefind-body><p>x</p></article>', 'A<B', '')).toContain('<p data-pagefind-weight="7">A&lt;B</p></div></article>');
  });
  it('keeps snippets out of the index-only text', () => {
    const title = '党员突击队如何“拉得出、冲得上、打得赢”';
    // Real excerpt that ran from the tags into the index-only block.
    const ran = '#网络保障. <mark>党员</mark>突击队如何“拉得出、冲得上、打得赢” 网络运营部党委. <mark>党员</mark> 员突 突击';
    expect(beforeIndexOnlyText(ran, title)).toBe('#网络保障…');
    expect(snippetHtml(ran, title, '网络运营部党委')).toBe('');
    const body = '推广<mark>无人机</mark>巡线，在人员难以到达的山区、河道段先用无人机“看一眼”';
    expect(snippetHtml(body, title)).toBe(body);
    const longer = '每名党员包干重点光缆和基站，统一配备志愿者红马甲和旗帜。 #<mark>党员</mark>突击队. 党员<mark>突击</mark>队如何“拉得出';
    expect(snippetHtml(longer, title)).toBe('每名党员包干重点光缆和基站，统一配备志愿者红马甲和旗帜。 #<mark>党员</mark>突击队…');
    // Starts inside the block: the page's summary is shown instead.
    expect(snippetHtml('线路维护中心党支部. 周海 海峰 <mark>无人</mark>', '周海峰：台风中放飞无人机的巡线人', '线路维护中心党支部')).toBe('');
  });
  it('indexes tags with the index-only text, never as a snippet', () => {
    const html = '<article data-pagefind-body><p>正文</p><span data-pagefind-meta="tags:无人机 防汛防台"></span></article>';
    expect(withTitleNgrams(html, '巡线', '线路维护中心党支部')).toContain('<p>线路维护中心党支部</p><p>无人机 防汛防台</p>');
    expect(snippetHtml('无人机 防汛防台. 巡线', '巡线', '线路维护中心党支部', '无人机 防汛防台')).toBe('');
  });
  it('reads an escaped title', () => {
    expect(pageTitle('<h1 data-pagefind-meta="title">“三结对”&amp;共建</h1>')).toBe('“三结对”&共建');
  });
});
