/**
 * Pure parts of the design pass: Chinese word breaks for titles, the stored reading
 * preferences and the boot script, the read-aloud voice choice and sentence chunks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { phrasePieces, phrases } from '../../src/lib/phrases.ts';
import { cleanPrefs, READING_BOOT_SCRIPT, READING_STORAGE_KEY } from '../../src/lib/reading-modes.ts';
import { pickChineseVoice, speechChunks } from '../../src/scripts/read-aloud.ts';

describe('phrases (title line breaks between words)', () => {
  const titles = [
    '网格党员进社区：慈溪网格化服务纪实',
    '风雨巡线人：周海峰和他的无人机巡线班组',
    '林晓雯：守护5G信号的“90后”党员',
    '重温入党誓词 庆祝建党105周年：公司党委“七一”主题党日活动',
    '“三结对”活动：支部连支局 党员帮员工 共建连客户',
  ];

  it('gives the text back unchanged when joined', () => {
    for (const t of titles) expect(phrases(t).join('')).toBe(t);
  });

  it('keeps words, numbers with their measure words and punctuation together', () => {
    const all = titles.flatMap(phrases);
    for (const word of ['服务', '无人机', '“90后”', '105周年：', '“三结对”']) expect(all).toContain(word);
    // No piece starts with closing punctuation or ends with an opening mark.
    for (const p of all) {
      expect(p).not.toMatch(/^[，。、：；！？”’）》]/);
      expect(p).not.toMatch(/[“‘（《]$/);
    }
  });

  it('keeps Latin text and markup-like text in one piece', () => {
    expect(phrases("</title><script>__xss('title')</script>标题")).toEqual(["</title><script>__xss('title')</script>", '标题']);
    expect(phrases('Drone patrol 无人机巡线')).toEqual(['Drone ', 'patrol ', '无人机', '巡线']);
  });

  it('breaks long titles between words only', () => {
    expect(phrasePieces('网格化服务进社区活动')).toEqual(['网格化', '服务', '进', '社区', '活动']);
    // Short titles fit one line everywhere: no hints.
    expect(phrasePieces('网格化服务')).toEqual(['网格化服务']);
  });
});

describe('reading preferences', () => {
  it('keeps only known modes with their one value (storage is user-editable)', () => {
    expect(cleanPrefs({ size: 'large', contrast: 'high', layout: 'simple' })).toEqual({ size: 'large', contrast: 'high', layout: 'simple' });
    expect(cleanPrefs({ size: 'huge', contrast: 'high', evil: '<script>' })).toEqual({ contrast: 'high' });
    expect(cleanPrefs(null)).toEqual({});
    expect(cleanPrefs('size')).toEqual({});
  });

  it('the boot script reads the same key, and astro.config.mjs allows it by the hash of its exact text', () => {
    expect(READING_BOOT_SCRIPT).toContain(`"${READING_STORAGE_KEY}"`);
    const config = readFileSync(new URL('../../astro.config.mjs', import.meta.url), 'utf8');
    expect(config).toContain("hashes: [`sha256-${createHash('sha256').update(READING_BOOT_SCRIPT).digest('base64')}`]");
    // Runs against a stand-in <html> and storage: applies known values, ignores the rest, never throws.
    const attrs: Record<string, string> = {};
    const html = { className: '', setAttribute: (k: string, v: string) => (attrs[k] = v) };
    const run = (stored: string | null) => new Function('document', 'localStorage', READING_BOOT_SCRIPT)({ documentElement: html }, { getItem: () => stored });
    run('{"size":"large","layout":"wide","contrast":"high"}');
    expect(attrs).toEqual({ 'data-reading-size': 'large', 'data-reading-contrast': 'high' });
    expect(html.className).toBe(' js');
    expect(() => run('{not json')).not.toThrow();
  });
});

describe('read-aloud', () => {
  it('picks a Mandarin voice before Cantonese or Taiwanese ones, and none when there is no Chinese voice', () => {
    const v = (lang: string, name = lang, localService = true) => ({ lang, name, localService });
    expect(pickChineseVoice([v('en-US'), v('zh-HK'), v('zh-CN', 'Xiaoxiao')])?.name).toBe('Xiaoxiao');
    expect(pickChineseVoice([v('zh-TW'), v('zh_CN', 'Android')])?.name).toBe('Android');
    expect(pickChineseVoice([v('en-US'), v('zh-TW', 'Mei-Jia')])?.name).toBe('Mei-Jia');
    expect(pickChineseVoice([v('en-US'), v('fr-FR')])).toBeUndefined();
  });

  it('reads in sentence-sized pieces (Chromium cuts long utterances off)', () => {
    const text = '公司党委建立“三训”体系。一是经常性集训；二是针对性轮训；三是聚焦性特训！'.repeat(6);
    const chunks = speechChunks(text, 60);
    expect(chunks.join('')).toBe(text);
    expect(chunks.every((c) => c.length <= 90)).toBe(true);
    expect(chunks.length).toBeGreaterThan(3);
    expect(speechChunks('   ')).toEqual([]);
    expect(speechChunks('没有标点'.repeat(50), 40).every((c) => c.length <= 60)).toBe(true);
  });
});
