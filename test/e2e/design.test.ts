/**
 * Issue 15, in Debian's Chromium behind nginx: the layout rules of the design pass and the
 * 适老化 reading modes, on every page type at 390 px and 1280 px.
 * - no horizontal overflow in any mode; cards of one grid row equally tall; tall pictures
 *   cropped from the top; titles never end on a single character; a wrapped salon title never
 *   runs under its issue number; the footer at the bottom of short pages;
 * - 大字 / 高对比 / 简洁版: applied before the first paint, kept across pages, work with the
 *   keyboard (large visible focus), under the CSP, and the page reads without JavaScript;
 * - axe (WCAG 2.2 AA, and AAA contrast 7:1 in the high-contrast mode) in every mode;
 * - 朗读全文: a clear Chinese message where the machine has no Chinese voice, and (with a
 *   stand-in speech engine, as this machine has none) the article read block by block;
 * - the showcase's captions and key hints inside the safe area, never on each other;
 * - the Nu HTML Checker finds no error in any built page.
 */
import AxeBuilder from '@axe-core/playwright';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, type WatchedPage } from '../support/browser.ts';
import { builtPages, PAGE_TYPES, READING_MODES, setReadingMode, type ReadingModeName } from '../support/pages.ts';
import { READING_STORAGE_KEY } from '../../src/lib/reading-modes.ts';

const origin = inject('siteOrigin');
const base = inject('siteBase');
const dist = inject('siteDist');
const pages = PAGE_TYPES(dist, base);
const WIDTHS = [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 900 }],
] as const;
const LAYOUT_MODES: ReadingModeName[] = ['normal', 'large', 'simple', 'elder'];
const AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(viewport: { width: number; height: number }, mode: ReadingModeName, javaScriptEnabled = true): Promise<WatchedPage> {
  const w = await openPage(browser, origin, { viewport, javaScriptEnabled });
  await setReadingMode(w.page, READING_MODES[mode]);
  return w;
}

async function go(w: WatchedPage, name: string, target: string): Promise<void> {
  const res = await w.page.goto(origin + target, { waitUntil: 'load' });
  expect(res?.status(), name).toBe(name === '404' ? 404 : 200);
  await w.page.evaluate(() => document.fonts.ready.then(() => undefined));
  if (name === 'search') await w.page.locator('.search-result').first().waitFor();
}

function clean(w: WatchedPage, label: string): void {
  // The 404 page's own status is its point.
  const errors = w.errors.filter((e) => !/status of 404 .*no-such-page/.test(e));
  const failed = w.failed.filter((f) => !/^404 .*no-such-page/.test(f));
  expect(w.outside, `${label}: requests to other origins`).toEqual([]);
  expect(errors, `${label}: console errors (CSP violations show here)`).toEqual([]);
  expect(failed, `${label}: failed requests`).toEqual([]);
}

/** Everything the layout rules measure, in one pass over the page. */
function measure(page: Page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const isHan = (c: string) => /[\p{Script=Han}\p{L}\p{N}]/u.test(c);
    /** Lines of an element's text (by character boxes), and the characters on its last line. */
    const lines = (el: Element) => {
      const range = document.createRange();
      const chars: { c: string; top: number; left: number; h: number }[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const t = walker.currentNode as Text;
        for (let i = 0; i < t.data.length; i++) {
          if (/\s/.test(t.data[i]!)) continue;
          range.setStart(t, i);
          range.setEnd(t, i + 1);
          const r = range.getClientRects()[0];
          if (r && r.width > 0) chars.push({ c: t.data[i]!, top: r.top, left: r.left, h: r.height });
        }
      }
      const rows: (typeof chars)[] = [];
      for (const ch of chars) {
        const row = rows.at(-1);
        if (row && Math.abs(row[0]!.top - ch.top) < ch.h / 2) row.push(ch);
        else rows.push([ch]);
      }
      return rows;
    };
    const visible = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';

    const titles = [...document.querySelectorAll('main h1, .card h2 a, .card h3 a, .headline-list a, .related a, .prev-next a')]
      .filter(visible)
      .map((el) => {
        const rows = lines(el);
        const last = rows.at(-1) ?? [];
        return { text: el.textContent?.trim() ?? '', rows: rows.length, lastLetters: last.filter((c) => isHan(c.c)).length };
      })
      .filter((t) => t.rows > 1 && t.lastLetters < 2);

    const underIssue = [...document.querySelectorAll('.headline-issue')].filter(visible).flatMap((li) => {
      const no = li.querySelector('.issue-no')!.getBoundingClientRect();
      const a = li.querySelector('a')!;
      return lines(a).flat().some((c) => c.left < no.right - 0.5) ? [a.textContent ?? ''] : [];
    });

    const unequalRows = [...document.querySelectorAll('.card-list')].filter(visible).flatMap((list) => {
      const rows = new Map<number, number[]>();
      for (const card of list.querySelectorAll(':scope > .card')) {
        const r = card.getBoundingClientRect();
        const key = Math.round(r.top);
        rows.set(key, [...(rows.get(key) ?? []), r.height]);
      }
      return [...rows.values()].filter((hs) => Math.max(...hs) - Math.min(...hs) > 1).map((hs) => hs.map(Math.round).join('/'));
    });

    const crops = [...document.querySelectorAll<HTMLImageElement>('.card-media img')].filter(visible).map((img) => ({
      onePicture: Boolean(img.closest('.card')?.querySelector('a[href*="/one-picture/"]')),
      tall: img.naturalHeight > img.naturalWidth * 1.2,
      position: getComputedStyle(img).objectPosition,
    }));

    const footer = document.querySelector('.site-footer')?.getBoundingClientRect();
    return {
      overflow: doc.scrollWidth - doc.clientWidth,
      // Anything sticking out to the right of the viewport, unless a box that fits clips or scrolls it.
      wide: [...document.querySelectorAll('body *')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.right <= doc.clientWidth + 1 || el.closest('[data-showcase]')) return false;
          for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            if (getComputedStyle(p).overflowX !== 'visible' && p.getBoundingClientRect().right <= doc.clientWidth + 1) return false;
          }
          return true;
        })
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
      titles,
      underIssue,
      unequalRows,
      crops,
      footerGap: footer ? innerHeight - footer.bottom : 0,
      scrollable: doc.scrollHeight > innerHeight + 1,
    };
  });
}

describe('layout rules on every page type, in every reading mode, at 390 px and 1280 px', () => {
  for (const mode of LAYOUT_MODES) {
    it.each(WIDTHS)(`${mode}, %s: no horizontal overflow, even cards, top crops, no lone character`, async (label, viewport) => {
      const w = await open(viewport, mode);
      for (const [name, target] of pages) {
        const where = `${name} (${mode}, ${label})`;
        await go(w, name, target());
        const m = await measure(w.page);
        expect(m.overflow, `${where}: horizontal overflow`).toBeLessThanOrEqual(0);
        expect(m.wide, `${where}: elements wider than the viewport`).toEqual([]);
        expect(m.unequalRows, `${where}: cards of one row with different heights`).toEqual([]);
        expect(m.titles, `${where}: a title with one character on its last line`).toEqual([]);
        expect(m.underIssue, `${where}: a salon title running under its issue number`).toEqual([]);
        for (const c of m.crops) if (c.onePicture || c.tall) expect(c.position, `${where}: tall picture crop`).toMatch(/^50% 0(%|px)$/);
        if (!m.scrollable && name !== 'videos-showcase') expect(Math.abs(m.footerGap), `${where}: footer at the bottom`).toBeLessThanOrEqual(1);
        clean(w, where);
      }
      await w.close();
    });
  }
});

describe('search result titles', () => {
  it('break between words only, as entry titles do, and read exactly as the entry title', async () => {
    const w = await open(WIDTHS[0][1], 'normal');
    await go(w, 'search', pages.find(([n]) => n === 'search')![1]());
    const results = await w.page.$$eval('.search-result h2 a', (as) =>
      as.map((a) => ({ href: (a as HTMLAnchorElement).href, text: a.textContent ?? '', keepAll: getComputedStyle(a).wordBreak, wbr: a.querySelectorAll('wbr').length })),
    );
    expect(results.length).toBeGreaterThan(2);
    for (const r of results) {
      expect(r.keepAll, r.text).toBe('keep-all');
      if ([...r.text].length > 8) expect(r.wbr, r.text).toBeGreaterThan(0);
      await w.page.goto(r.href, { waitUntil: 'load' });
      expect(await w.page.locator('main h1').textContent()).toBe(r.text);
    }
    clean(w, 'search result titles');
    await w.close();
  });
});

describe('axe in every reading mode', () => {
  // The normal mode is covered by reading.test.ts; `elder` combines 大字, 高对比 and 简洁版.
  const runs: [ReadingModeName, (typeof WIDTHS)[number]][] = [
    ['contrast', WIDTHS[0]],
    ['elder', WIDTHS[0]],
    ['elder', WIDTHS[1]],
  ];
  it.each(runs.map(([m, [label, viewport]]) => [m, label, viewport] as const))('%s at %s: no violations (AAA contrast in the high-contrast modes)', async (mode, label, viewport) => {
    const w = await open(viewport, mode);
    const tags = 'contrast' in READING_MODES[mode] ? [...AA, 'wcag2aaa'] : AA;
    for (const [name, target] of pages) {
      await go(w, name, target());
      const axe = await new AxeBuilder({ page: w.page }).withTags(tags).analyze();
      const violations = axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(violations, `${name} (${mode}, ${label})`).toEqual([]);
    }
    await w.close();
  });
});

describe('适老化 reading controls', () => {
  const article = () => pages.find(([n]) => n === 'entry-highlights')![1]();

  it('work with the keyboard, show a large focus ring, and the choice holds on the next page before its first paint', async () => {
    const w = await open(WIDTHS[0][1], 'normal');
    const page = w.page;
    await go(w, 'home', base);
    // Skip link, then the first control: 大字.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const s = getComputedStyle(el);
      return { text: el.textContent?.trim(), outline: parseFloat(s.outlineWidth), style: s.outlineStyle };
    });
    expect(focused.text).toBe('大字');
    expect(focused.style).toBe('solid');
    expect(focused.outline).toBeGreaterThanOrEqual(4);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => [document.documentElement.dataset.readingSize, document.documentElement.dataset.readingContrast])).toEqual(['large', 'high']);
    expect(await page.locator('[data-reading-toggle="size"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate((k) => localStorage.getItem(k), READING_STORAGE_KEY)).toBe('{"size":"large","contrast":"high"}');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('24px');

    // The next page: the attributes are on <html> when <body> starts (no flash of the normal page).
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (!document.body) return;
        (window as unknown as { atBody: string }).atBody = `${document.documentElement.dataset.readingSize}/${document.documentElement.dataset.readingContrast}`;
        obs.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await go(w, 'entry', article());
    expect(await page.evaluate(() => (window as unknown as { atBody: string }).atBody)).toBe('large/high');
    // 恢复默认 clears it.
    await page.locator('[data-reading-reset]').click();
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-reading-size'))).toBe(false);
    expect(await page.evaluate((k) => localStorage.getItem(k), READING_STORAGE_KEY)).toBeNull();
    clean(w, 'reading controls');
    await w.close();
  });

  it('without JavaScript: the controls stay out, the page reads normally and fits the phone', async () => {
    const w = await open(WIDTHS[0][1], 'normal', false);
    for (const [name, target] of pages.filter(([n]) => ['home', 'entry-highlights', 'forest'].includes(n))) {
      await go(w, name, target());
      expect(await w.page.locator('[data-reading-tools]').isVisible(), name).toBe(false);
      expect(await w.page.locator('.read-aloud').count() === 0 || !(await w.page.locator('.read-aloud').isVisible()), name).toBe(true);
      expect((await measure(w.page)).overflow, name).toBeLessThanOrEqual(0);
      expect(await w.page.locator('main h1').first().isVisible(), name).toBe(true);
    }
    await w.close();
  });

  it('朗读全文 without a Chinese voice (this machine): a clear Chinese message', async () => {
    const w = await open(WIDTHS[1][1], 'normal');
    await go(w, 'entry', article());
    await w.page.locator('[data-read-play]').click();
    await expect.poll(() => w.page.locator('[data-read-status]').textContent(), { timeout: 5000 }).toContain('没有可用的中文语音');
    expect(await w.page.locator('[data-read-play]').getAttribute('aria-pressed')).toBe('false');
    clean(w, 'read-aloud');
    await w.close();
  });

  it('朗读全文 with a Chinese voice: reads title, lead and text in order with the zh-CN voice, marks the block, pauses and resumes', async () => {
    const w = await open(WIDTHS[1][1], 'normal');
    // A stand-in speech engine: two voices, utterances recorded and "spoken" in 120 ms.
    await w.page.addInitScript(() => {
      const spoken: { text: string; lang: string; voice: string }[] = [];
      const voices = [
        { lang: 'en-US', name: 'English', localService: true, voiceURI: 'en', default: true },
        { lang: 'zh-CN', name: '普通话（中国大陆）', localService: true, voiceURI: 'zh', default: false },
      ];
      class Utterance {
        text: string;
        lang = '';
        voice: { name: string } | null = null;
        rate = 1;
        onend: (() => void) | null = null;
        onerror: ((e: { error: string }) => void) | null = null;
        constructor(text: string) {
          this.text = text;
        }
      }
      let current: Utterance | undefined;
      let timer: number | undefined;
      const synth = {
        getVoices: () => voices,
        addEventListener: () => {},
        speak(u: Utterance) {
          current = u;
          spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? '' });
          timer = window.setTimeout(() => u.onend?.(), 120);
        },
        cancel() {
          window.clearTimeout(timer);
          current?.onerror?.({ error: 'interrupted' });
          current = undefined;
        },
      };
      Object.defineProperty(window, 'speechSynthesis', { value: synth });
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance });
      (window as unknown as { spoken: typeof spoken }).spoken = spoken;
    });
    await go(w, 'entry', article());
    const page = w.page;
    const spoken = () => page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string; voice: string }[] }).spoken);
    await page.locator('[data-read-play]').click();
    expect(await page.locator('[data-read-status]').textContent()).toBe('正在朗读全文。');
    await expect.poll(async () => (await spoken()).length).toBeGreaterThan(3);
    await page.locator('[data-read-play]').click(); // pause
    expect(await page.locator('[data-read-label]').textContent()).toBe('继续朗读');
    const paused = (await spoken()).length;
    const marked = await page.locator('.is-reading').count();
    expect(marked).toBe(1);
    await page.waitForTimeout(100);
    expect((await spoken()).length).toBe(paused);
    await page.locator('[data-read-play]').click(); // resume
    await expect.poll(() => page.locator('[data-read-status]').textContent(), { timeout: 20_000 }).toBe('朗读完毕。');
    const all = await spoken();
    const h1 = (await page.locator('main h1').textContent())!.trim();
    expect(all[0]!.text).toBe(h1);
    expect(all.every((u) => u.lang === 'zh-CN' && u.voice === '普通话（中国大陆）')).toBe(true);
    expect(all.every((u) => u.text.length <= 135)).toBe(true);
    const body = all.map((u) => u.text).join('');
    const firstParagraph = (await page.locator('.prose p').first().innerText()).replace(/\s+/g, '');
    expect(body.replace(/\s+/g, '')).toContain(firstParagraph.slice(0, 30));
    expect(await page.locator('.is-reading').count()).toBe(0);
    clean(w, 'read-aloud');
    await w.close();
  });
});

describe('showcase safe areas', () => {
  it.each([
    [1280, 900],
    [1920, 1080],
    [1280, 720],
  ])('%i×%i: title, hints and captions inside the title-safe area (5 per cent), hints never over the captions', async (width, height) => {
    const w = await openPage(browser, origin, { viewport: { width, height } });
    await w.page.goto(origin + `${base}videos/showcase/`, { waitUntil: 'load' });
    await w.page.waitForFunction(() => {
      const v = document.querySelector<HTMLVideoElement>('video.on');
      return Boolean(v && v.textTracks[0]?.cues?.length);
    });
    const m = await w.page.evaluate(() => {
      const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
      const v = document.querySelector<HTMLVideoElement>('video.on')!;
      const cues = [...(v.textTracks[0]?.cues ?? [])] as VTTCue[];
      // Chromium lays cues out in the player's box (the whole screen here): two lines of 3.2vh from 85%.
      const r = v.getBoundingClientRect();
      const line = Math.min(innerHeight * 0.032, 2.4 * 16) * 1.35;
      return {
        hint: box('.hint'),
        title: box('[data-title]'),
        brand: box('.overlay .brand'),
        cues: cues.map((c) => ({ snap: c.snapToLines, line: c.line, align: c.lineAlign })),
        captionTop: r.top + r.height * 0.85,
        captionBottom: r.top + r.height * 0.85 + 2 * line,
        vw: innerWidth,
        vh: innerHeight,
      };
    });
    const safe = { left: m.vw * 0.05 - 1, right: m.vw * 0.95 + 1, top: m.vh * 0.05 - 1, bottom: m.vh * 0.95 + 1 };
    for (const [name, b] of [['hint', m.hint], ['title', m.title], ['brand', m.brand]] as const) {
      expect(b.left, name).toBeGreaterThanOrEqual(safe.left);
      expect(b.right, name).toBeLessThanOrEqual(safe.right);
      expect(b.top, name).toBeGreaterThanOrEqual(safe.top);
      expect(b.bottom, name).toBeLessThanOrEqual(safe.bottom);
    }
    expect(m.cues.length).toBeGreaterThan(0);
    for (const c of m.cues) expect(c).toEqual({ snap: false, line: 85, align: 'start' });
    expect(m.captionBottom).toBeLessThanOrEqual(safe.bottom);
    expect(m.hint.bottom, 'hints above the captions').toBeLessThan(m.captionTop);
    clean(w, 'showcase');
    await w.close();
  });
});

describe('the republishing kit', () => {
  it('article.html fits a phone and a desktop: the 1080 px cover scales down, nothing scrolls sideways', async () => {
    const kit = path.join(dist, 'highlights', 'ci-xi-wang-ge-hua-fu-wu', 'republish-kit.zip');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'red-kit-'));
    for (const [name, data] of Object.entries(unzipSync(readFileSync(kit)))) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), data);
    }
    // Opened from a USB stick: a file: URL, offline.
    const context = await browser.newContext({ viewport: WIDTHS[0][1] });
    const page = await context.newPage();
    for (const [label, viewport] of WIDTHS) {
      await page.setViewportSize(viewport);
      await page.goto(pathToFileURL(path.join(dir, 'article.html')).href);
      await page.locator('.cover img').evaluate((img: HTMLImageElement) => img.decode());
      const m = await page.evaluate(() => ({
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        cover: document.querySelector('.cover img')!.getBoundingClientRect().width,
        article: document.querySelector('.article')!.getBoundingClientRect().width,
      }));
      expect(m.overflow, label).toBeLessThanOrEqual(0);
      expect(m.cover, label).toBeLessThanOrEqual(m.article);
    }
    await context.close();
  });
});

describe('Nu HTML Checker', () => {
  it('finds no error in any built page', { timeout: 300_000 }, async () => {
    const files = builtPages(dist);
    expect(files.length).toBeGreaterThan(50);
    // The vnu-jar package exports the path of vnu.jar (run with the machine's Java).
    const jar = String(createRequire(import.meta.url)('vnu-jar'));
    const run = promisify(execFile);
    let out = '';
    try {
      const r = await run('java', ['-jar', jar, '--errors-only', '--format', 'gnu', ...files], { maxBuffer: 32 * 1024 * 1024 });
      out = r.stderr + r.stdout;
    } catch (err) {
      out = String((err as { stderr?: string }).stderr ?? err);
    }
    const errors = out.split('\n').filter((l) => / error: /.test(l)).map((l) => l.replace(`file:${dist}/`, ''));
    expect(errors).toEqual([]);
  });
});
