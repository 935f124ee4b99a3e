/**
 * Chinese search (src/lib/search/): folding and query pieces, the shown text read from entry
 * HTML, exact substring matching (sub-words, cross-word pieces, names, mixed queries, phrases
 * no page holds), ranking, filters and snippets, on an index built in memory.
 */
import { fromHtml } from 'hast-util-from-html';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/lib/search/build.ts';
import { SearchEngine, trigramCover } from '../../src/lib/search/engine.ts';
import { extractPage } from '../../src/lib/search/extract.ts';
import { indexFiles, type SearchDoc, type SearchSegment } from '../../src/lib/search/model.ts';
import { highlight, sentenceAround, snippet, type TextPart } from '../../src/lib/search/snippet.ts';
import { fold, parseQuery } from '../../src/lib/search/text.ts';

function doc(url: string, date: string, title: string, body: string[], extra: Partial<SearchDoc> = {}): SearchDoc {
  return {
    url,
    title,
    date,
    day: date,
    column: '红色亮点',
    unit: '机关党委',
    summary: `${title}的摘要。`,
    filters: { 栏目: ['红色亮点'], 年份: [`${date.slice(0, 4)}年`] },
    segments: [{ kind: 'title', text: title }, ...body.map((text): SearchSegment => ({ kind: 'prose', text }))],
    ...extra,
  };
}

/** Build in memory, store compressed as the site does, and read back through the engine. */
function engineFor(docs: SearchDoc[]): SearchEngine {
  const built = buildSearchIndex(docs);
  const files = new Map([...built.files].map(([p, b]) => [p, indexFiles.compressed(p) ? deflateRawSync(b) : Buffer.from(b)]));
  return new SearchEngine({
    manifest: async () => JSON.parse(files.get(indexFiles.manifest)!.toString('utf8')),
    file: async (p) => {
      const b = files.get(p);
      if (!b) throw new Error(`no file ${p}`);
      return indexFiles.compressed(p) ? inflateRawSync(b) : b;
    },
  });
}

async function urls(engine: SearchEngine, query: string, filters: Record<string, string> = {}): Promise<string[]> {
  const { hits } = await engine.search(query, filters);
  return Promise.all(hits.map(async (h) => (await engine.record(h.doc)).url));
}

const show = (parts: TextPart[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

describe('folding and query pieces', () => {
  it('folds full-width and upper case without changing lengths', () => {
    expect(fold('５Ｇ网络ＡＢＣ　Party')).toBe('5g网络abc party');
    const odd = 'ﬁ𝐀𠮷Ⅻ';
    expect(fold(odd).length).toBe(odd.length);
  });

  it('cuts a query at spaces and punctuation; every piece must occur', () => {
    expect(parseQuery('  林晓雯　5G ')).toEqual(['林晓雯', '5g']);
    expect(parseQuery('“三结对”，党支部')).toEqual(['三结对', '党支部']);
    // A piece inside another adds nothing.
    expect(parseQuery('支部书记 书记 记 党')).toEqual(['支部书记', '党']);
    expect(parseQuery('５Ｇ信号')).toEqual(['5g信号']);
    expect(parseQuery('。，、')).toEqual([]);
  });

  it('covers every character of a piece with trigrams', () => {
    for (let n = 4; n <= 12; n++) {
      const cover = trigramCover(n);
      const seen = new Set(cover.flatMap((i) => [i, i + 1, i + 2]));
      expect([...seen].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
      expect(Math.max(...cover)).toBe(n - 3);
    }
  });
});

describe('shown text of an entry page', () => {
  const page = `<!doctype html><html><body><header><form role="search"><input name="q"></form><nav>红色亮点</nav></header>
<main><article data-search-body>
<header><h1 data-search="title">“三结对”&amp;共建</h1>
<ul class="meta" data-search="meta"><li><span>第4期</span></li><li><time>2026年3月19日</time></li><li><a href="/u/">网络运营部党委</a></li></ul></header>
<p class="lead">摘要一句话。</p>
<aside class="person-card"><span class="avatar" aria-hidden="true">周</span><span><strong data-search-block>周海峰</strong><span>光缆维护班班长</span></span></aside>
<dl class="facts" data-search="facts"><dt>参会人员</dt><dd>各支部书记</dd><dt>主讲嘉宾</dt><dd><strong>孙卫东</strong>（书记）；<strong>胡立群</strong></dd>
<dt data-search-ignore>原文链接</dt><dd data-search-ignore>https://intranet.example.cn/highlights/zhou-hai-feng/</dd></dl>
<video><p>您的浏览器无法播放此视频</p></video>
<p class="hint" data-search-ignore>点击时间可跳转到视频相应位置。</p>
<ol><li><a data-search-ignore><time>0:02</time></a> <span>班长放飞无人机。</span></li></ol>
<div class="prose"><h2>主要做法</h2><p>第一段<strong>加粗</strong>文字。</p><ul><li>要点一</li><li>要点二</li></ul></div>
<button>复制正文</button><dialog><p>大图浏览</p></dialog>
<ul class="tags" data-search="tags"><li><a>#无人机</a></li></ul>
<div hidden data-search-meta='{"column":"红色亮点","unit":"网络运营部党委","date":"2026-03-19","day":"2026年3月19日","summary":"摘要一句话。","filters":{"栏目":["红色亮点"]}}'></div>
</article><aside>相关阅读</aside></main></body></html>`;

  it('reads each block as a segment, with kinds, and leaves out what is not shown text', () => {
    const got = extractPage(fromHtml(page))!;
    expect(got.title).toBe('“三结对”&共建');
    expect(got.meta.summary).toBe('摘要一句话。');
    expect(got.segments).toEqual([
      { kind: 'title', text: '“三结对”&共建' },
      { kind: 'meta', text: '第4期' },
      { kind: 'meta', text: '2026年3月19日' },
      { kind: 'meta', text: '网络运营部党委' },
      { kind: 'prose', text: '摘要一句话。' },
      { kind: 'prose', text: '周海峰' },
      { kind: 'prose', text: '光缆维护班班长' },
      { kind: 'meta', text: '参会人员' },
      { kind: 'fact', label: '参会人员', text: '各支部书记' },
      { kind: 'meta', text: '主讲嘉宾' },
      { kind: 'fact', label: '主讲嘉宾', text: '孙卫东（书记）；胡立群' },
      { kind: 'prose', text: '班长放飞无人机。' },
      { kind: 'heading', text: '主要做法' },
      { kind: 'prose', text: '第一段加粗文字。' },
      { kind: 'prose', text: '要点一' },
      { kind: 'prose', text: '要点二' },
      { kind: 'tags', text: '#无人机' },
    ]);
  });

  it('skips pages without a search body and unlisted (draft, scheduled) pages', () => {
    expect(extractPage(fromHtml('<main><h1>档案柜</h1></main>'))).toBeUndefined();
    const unlisted = page.replace('<div hidden data-search-meta', '<span data-search-unlisted></span><div hidden data-search-meta');
    expect(extractPage(fromHtml(unlisted))).toBeUndefined();
  });
});

describe('exact substring search', () => {
  const docs = [
    doc('a/', '2026-03-01', '网格化服务：党员网格经理扎根城乡一线', ['慈溪分公司推行网格化党建服务，网格经理胡立群走访客户。', '受理宽带和5G业务。']),
    doc('b/', '2026-02-01', '风雨巡线人', ['班长周海峰放飞无人机巡线。', '台风过境，多条光缆受损。']),
    doc('c/', '2026-01-01', '支部开会', ['支部开会研究。部书架整理。书记讲话。', '党员干部学习，党员 干部。']),
    doc('d/', '2025-12-01', '林晓雯：守护５Ｇ信号', ['网络监控中心林晓雯优化5G网络。']),
  ];
  const engine = engineFor(docs);

  it('finds sub-words and pieces across word boundaries', async () => {
    expect(await urls(engine, '格化服')).toEqual(['a/']);
    expect(await urls(engine, '化党建服')).toEqual(['a/']);
    expect(await urls(engine, '线人')).toEqual(['b/']);
    expect(await urls(engine, '峰放飞无人机巡')).toEqual(['b/']);
  });

  it('finds names, in the title or the text', async () => {
    expect(await urls(engine, '周海峰')).toEqual(['b/']);
    expect(await urls(engine, '胡立群')).toEqual(['a/']);
    expect(await urls(engine, '林晓雯')).toEqual(['d/']);
  });

  it('finds nothing for a phrase no page holds, even when all its parts occur', async () => {
    // 支部 部书 书记 and 支部书 … all occur in c/, never as one run.
    expect(await urls(engine, '支部书记')).toEqual([]);
    expect(await urls(engine, '部书记')).toEqual([]);
    // 党员 and 干部 are adjacent only across a space in the second sentence: still one hit.
    expect(await urls(engine, '党员干部')).toEqual(['c/']);
    expect(await urls(engine, '光缆受阻')).toEqual([]);
    expect(await urls(engine, '巡线人员')).toEqual([]);
  });

  it('never matches across two blocks or across punctuation', async () => {
    // 巡线。 | 台风: the end of one sentence and the start of the next.
    expect(await urls(engine, '巡线台风')).toEqual([]);
    // 客户。 | 受理: two paragraphs.
    expect(await urls(engine, '客户受理')).toEqual([]);
  });

  it('mixed queries: Latin and digits fold, spaces mean all of them', async () => {
    expect(await urls(engine, '５ｇ')).toEqual(await urls(engine, '5G'));
    expect(new Set(await urls(engine, '5g'))).toEqual(new Set(['a/', 'd/']));
    expect(await urls(engine, '林晓雯 5G')).toEqual(['d/']);
    expect(await urls(engine, '5G信号')).toEqual(['d/']);
    expect(await urls(engine, '宽带 周海峰')).toEqual([]);
    expect(await urls(engine, '网格，胡立群')).toEqual(['a/']);
  });

  it('one character is a piece like any other', async () => {
    expect(await urls(engine, '党 巡线')).toEqual([]);
    expect(await urls(engine, '峰 巡线')).toEqual(['b/']);
    expect(new Set(await urls(engine, '党'))).toEqual(new Set(['a/', 'c/']));
    expect(await urls(engine, 'g 书')).toEqual([]);
    expect(new Set(await urls(engine, 'G'))).toEqual(new Set(['a/', 'd/']));
  });

  it('counts every occurrence, overlapping ones too, and astral characters', async () => {
    const e = engineFor([doc('x/', '2026-01-01', '测试', ['哈哈哈哈，𠮷野家𠮷野家。'])]);
    const [hit] = (await e.search('哈哈哈')).hits;
    expect(hit!.count).toBe(2);
    expect(await urls(e, '𠮷野家')).toEqual(['x/']);
    expect((await e.search('野家𠮷野')).hits[0]!.count).toBe(1);
  });
});

describe('ranking and filters', () => {
  const docs = [
    doc('old-title/', '2024-01-01', '红马甲的故事', ['正文。']),
    doc('new-title/', '2026-01-01', '走遍网格的红马甲', ['正文。']),
    doc('many/', '2025-01-01', '网格经理', ['穿红马甲。红马甲。红马甲。']),
    doc('early/', '2025-06-01', '志愿服务', ['红马甲上阵。']),
    doc('late/', '2025-07-01', '志愿服务二', ['我们在社区里开展志愿服务，穿上了红马甲。']),
    doc('same-newer/', '2025-08-01', '志愿服务三', ['红马甲上阵。'], { filters: { 栏目: ['先锋沙龙'], 年份: ['2025年'] } }),
  ];
  const engine = engineFor(docs);

  it('title first, then more occurrences, then earlier, then newer', async () => {
    // Both titles hold it once: the earlier occurrence wins. Same place in the text: the newer page.
    expect(await urls(engine, '红马甲')).toEqual(['old-title/', 'new-title/', 'many/', 'same-newer/', 'early/', 'late/']);
  });

  it('filters narrow the results; filters alone list pages newest first', async () => {
    expect(await urls(engine, '红马甲', { 栏目: '先锋沙龙' })).toEqual(['same-newer/']);
    expect(await urls(engine, '红马甲', { 年份: '2024年' })).toEqual(['old-title/']);
    expect(await urls(engine, '', { 年份: '2025年' })).toEqual(['same-newer/', 'late/', 'early/', 'many/']);
    expect(await urls(engine, '红马甲', { 年份: '1999年' })).toEqual([]);
    const m = await engine.manifest();
    expect(m.filters.find(([n]) => n === '栏目')![1]).toEqual([
      ['红色亮点', 5],
      ['先锋沙龙', 1],
    ]);
  });
});

describe('matches exactly what a plain substring test finds', () => {
  it('on random text over a tiny alphabet (many near misses)', async () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const alphabet = ['党', '员', '支', '部', '。', 'A'];
    const text = (n: number) => Array.from({ length: n }, () => alphabet[rnd(alphabet.length)]).join('');
    const docs = Array.from({ length: 60 }, (_, i) =>
      doc(`p${i}/`, `2026-01-${String((i % 28) + 1).padStart(2, '0')}`, text(6), [text(40), text(25)]),
    );
    const engine = engineFor(docs);
    const shown = (d: SearchDoc) => d.segments.map((s) => fold(s.text));
    let checked = 0;
    for (let k = 0; k < 300; k++) {
      const q = text(1 + rnd(7)).replace(/。/g, '');
      if (!q) continue;
      const want = docs.filter((d) => shown(d).some((s) => s.includes(fold(q)))).map((d) => d.url);
      expect(new Set(await urls(engine, q)), q).toEqual(new Set(want));
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });
});

describe('snippets', () => {
  const record = {
    url: 'salon/2026-03/',
    title: '党员突击队如何“拉得出、冲得上、打得赢”',
    column: '先锋沙龙',
    day: '2026年3月19日',
    unit: '网络运营部党委',
    summary: '网络运营部党委承办第4期沙龙。',
    text: [
      ['fact', '参会人员', '各支部书记、突击队员'],
      ['prose', '', '第一句没有关键词。汛期前，各支部把党员突击队的名单、装备和联系方式再核对一遍，确保拉得出。最后一句。'],
      [
        'prose',
        '',
        '抢修现场，突击队员分成几个小组，一组负责查找光缆断点，一组负责调度车辆和备品备件，一组负责和客户沟通解释，还有一组负责记录每一处隐患并且在抢修结束后逐一回访确认恢复情况，做到件件有回音。',
      ],
    ] as [SearchSegment['kind'], string, string][],
  };

  it('shows the sentence where the query first occurs, with every piece marked', () => {
    expect(show(snippet(record, ['突击队']))).toBe('汛期前，各支部把党员[突击队]的名单、装备和联系方式再核对一遍，确保拉得出。');
    expect(show(snippet(record, ['名单', '装备']))).toBe('汛期前，各支部把党员突击队的[名单]、[装备]和联系方式再核对一遍，确保拉得出。');
  });

  it('narrows a long sentence to the clause, with an ellipsis where it was cut', () => {
    const s = show(snippet(record, ['逐一回访']));
    expect(s).toMatch(/^…/);
    expect(s).toContain('[逐一回访]');
    expect(s.replace(/[[\]…]/g, '').length).toBeLessThanOrEqual(90);
    const long = '甲，乙乙乙乙乙乙乙乙乙乙，丙丙丙丙丙丙丙丙丙丙，丁丁丁丁丁丁丁丁丁丁，关键词在这里，戊戊戊戊戊戊戊戊戊戊，己己己己己己己己己己。';
    const at = long.indexOf('关键词');
    expect(sentenceAround(long, at, at + 3, 30)).toEqual({ text: '关键词在这里，戊戊戊戊戊戊戊戊戊戊，己己己己己己己己己己。', cutStart: true, cutEnd: false });
    expect(sentenceAround(long, 2, 4, 30)).toEqual({ text: '甲，乙乙乙乙乙乙乙乙乙乙，丙丙丙丙丙丙丙丙丙丙', cutStart: false, cutEnd: true });
  });

  it('a heading is found but never shown as the snippet: the summary is', async () => {
    const e = engineFor([
      doc('h/', '2026-01-01', '三结对', [], {
        segments: [
          { kind: 'title', text: '三结对' },
          { kind: 'heading', text: '主要做法' },
          { kind: 'prose', text: '党支部与支局结对。' },
        ],
      }),
    ]);
    const { hits, pieces } = await e.search('主要做法');
    expect(hits.length).toBe(1);
    expect(show(snippet(await e.record(hits[0]!.doc), pieces))).toBe('三结对的摘要。');
  });

  it('falls back to a labelled fact, then to the summary; never shows a URL or slug', () => {
    expect(show(snippet(record, ['各支部书记']))).toBe('参会人员：[各支部书记]、突击队员');
    expect(show(snippet(record, ['参会人员']))).toBe('[参会人员]：各支部书记、突击队员');
    expect(show(snippet(record, ['打得赢']))).toBe('网络运营部党委承办第4期沙龙。');
    expect(show(highlight('5G网络５Ｇ', ['5g']))).toBe('[5G]网络[５Ｇ]');
  });
});
