/**
 * Videos in Chromium behind nginx: builds test/fixtures/videos (three 2-second clips under
 * /dangjian/) into its own folder. Playback, transcript seeking, and the lobby-screen
 * showcase looping for several rounds with a flat DOM and JS heap.
 */
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT } from '../support/build.ts';
import { DESKTOP, launchBrowser, openPage, PHONE, screenshot, type WatchedPage } from '../support/browser.ts';
import { startNginx, type NginxServer } from '../support/nginx.ts';

const outDir = path.join(ROOT, 'test-results', 'videos-e2e-dist');
let server: NginxServer;
let browser: Browser;
const open: WatchedPage[] = [];

beforeAll(async () => {
  const r = buildSite({ contentDir: path.join(ROOT, 'test/fixtures/videos'), outDir, env: { RED_TODAY: '2026-06-01' } });
  if (r.status !== 0) throw new Error(`build failed\n${r.stdout}\n${r.stderr}`);
  server = await startNginx({ root: outDir, base: '/dangjian/' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function visit(p: string, viewport = DESKTOP): Promise<WatchedPage> {
  const w = await openPage(browser, server.origin, { viewport });
  open.push(w);
  await w.page.goto(server.url(p));
  return w;
}

function clean(w: WatchedPage): void {
  expect(w.outside).toEqual([]);
  expect(w.errors).toEqual([]);
  expect(w.failed).toEqual([]);
}

const state = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector<HTMLElement>('[data-showcase]')!;
    const on = root.querySelector<HTMLVideoElement>('video.on')!;
    const off = root.querySelector<HTMLVideoElement>('video:not(.on)')!;
    return {
      index: Number(root.dataset.index),
      plays: Number(root.dataset.plays),
      title: root.querySelector('[data-title]')!.textContent,
      unit: root.querySelector('[data-unit]')!.textContent,
      count: root.querySelector('[data-count]')!.textContent,
      src: on.currentSrc,
      next: off.currentSrc,
      paused: on.paused,
      time: on.currentTime,
      captions: on.textTracks[0]?.mode,
    };
  });

describe('video page', () => {
  it('plays, and a transcript timestamp seeks the video and marks the cue', async () => {
    const w = await visit('videos/party-day/');
    const { page } = w;
    await page.evaluate(() => {
      const v = document.querySelector('video')!;
      v.muted = true;
      void v.play();
    });
    await page.waitForFunction(() => document.querySelector('video')!.currentTime > 0.3, null, { timeout: 10_000 });
    await page.evaluate(() => document.querySelector('video')!.pause());
    expect(await page.evaluate(() => document.querySelector('video')!.textTracks[0]!.mode)).toBe('showing');

    const before = page.url();
    await page.getByRole('link', { name: '0:01' }).click();
    await page.waitForFunction(() => document.querySelector('video')!.currentTime >= 1.4, null, { timeout: 5000 });
    expect(page.url()).toBe(before);
    await page.waitForFunction(() => document.querySelector('.transcript li[aria-current]')?.textContent?.includes('誓言铿锵'), null, {
      timeout: 5000,
    });
    clean(w);
  });

  it('screenshots: index, a video page, the showcase', async () => {
    for (const [label, viewport] of [
      ['390', PHONE],
      ['1280', DESKTOP],
      ['1920', { width: 1920, height: 1080 }],
    ] as const) {
      for (const [name, p] of [
        ['videos-index', 'videos/'],
        ['video-page', 'videos/grid-service/'],
      ] as const) {
        const w = await visit(p, viewport);
        await w.page.waitForLoadState('load');
        await screenshot(w.page, `${name}-${label}`);
        clean(w);
        await w.close();
      }
      const w = await visit('videos/showcase/', viewport);
      await w.page.waitForFunction(() => document.querySelector<HTMLVideoElement>('video.on')!.currentTime > 0.5);
      await w.page.evaluate(() => document.querySelector<HTMLVideoElement>('video.on')!.pause());
      await w.page.screenshot({ path: path.join(ROOT, 'test-results', 'screenshots', `showcase-${label}.png`) });
      await w.close();
    }
  });
});

describe('accessibility', () => {
  it.each([['videos/'], ['videos/party-day/'], ['videos/grid-service/'], ['videos/showcase/']])('%s has no WCAG 2.2 AA violations', async (p) => {
    const w = await visit(p);
    await w.page.waitForLoadState('load');
    const axe = await new AxeBuilder({ page: w.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await w.close();
  });
});

describe('search', () => {
  it('a word said in a video (captions) finds that video', async () => {
    const w = await visit(`search/?q=${encodeURIComponent('光猫调试')}`);
    // Search indexes the transcript (inside data-search-body) with the video page.
    const hit = w.page.locator('[data-search] li a', { hasText: '网格党员进社区' }).first();
    await hit.waitFor({ timeout: 10_000 });
    expect(await hit.getAttribute('href')).toBe('/dangjian/videos/grid-service/');
    await hit.click();
    await w.page.waitForURL(/\/dangjian\/videos\/grid-service\/$/);
    expect(await w.page.locator('.transcript').textContent()).toContain('光猫调试');
    clean(w);
  });
});

describe('showcase (展播模式)', () => {
  it('plays in sequence, loops, preloads the next item, and keeps DOM and heap flat', async () => {
    const w = await visit('videos/showcase/', { width: 1920, height: 1080 });
    const { page } = w;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics: m } = await cdp.send('Performance.getMetrics');
      const get = (n: string) => m.find((x) => x.name === n)!.value;
      const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
      return { heap: get('JSHeapUsedSize'), listeners: get('JSEventListeners'), domNodes: get('Nodes'), elements: nodes };
    };

    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-showcase]')!.dataset.plays === '1');
    const first = await state(page);
    expect(first).toMatchObject({ index: 0, title: '重温入党誓词：测试公司“七一”主题党日', unit: '测试公司党委', count: '1 / 3', paused: false });
    expect(first.src).toMatch(/party-day\.mp4$/);
    expect(first.next).toMatch(/grid\.mp4$/); // the next item is already loading in the other element

    const order: number[] = [];
    const samples: Awaited<ReturnType<typeof metrics>>[] = [];
    // Four rounds of three 2-second clips: watch every change of item.
    let last = 0;
    let lastSrc = first.src;
    for (let plays = 2; plays <= 13; plays++) {
      await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>('[data-showcase]')!.dataset.plays) >= n, plays, {
        timeout: 15_000,
      });
      const s = await state(page);
      expect(s.plays).toBe(plays);
      order.push(s.index);
      if (s.index === 1) expect(s.captions).toBe('showing');
      if (s.index === 0 && plays > 2) samples.push(await metrics());
      expect(s.index).not.toBe(last);
      expect(s.src).not.toBe(lastSrc);
      last = s.index;
      lastSrc = s.src;
    }
    expect(order).toEqual([1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0]);
    const s = await state(page);
    expect(s.title).toBe('重温入党誓词：测试公司“七一”主题党日');

    // Flat across loops: same element and node count, no new listeners, heap within noise.
    expect(samples.length).toBeGreaterThanOrEqual(3);
    console.log('showcase loops', samples.map((m) => ({ ...m, heap: Math.round(m.heap / 1024) + ' KiB' })));
    for (const m of samples) {
      expect(m.elements).toBe(samples[0]!.elements);
      expect(m.listeners).toBe(samples[0]!.listeners);
      expect(m.domNodes).toBeLessThanOrEqual(samples[0]!.domNodes + 5);
      expect(m.heap).toBeLessThan(samples[0]!.heap * 1.25 + 512 * 1024);
    }
    clean(w);
  });

  it('keyboard: space pauses and resumes, arrows change item', async () => {
    const w = await visit('videos/showcase/');
    const { page } = w;
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-showcase]')!.dataset.plays === '1');
    await page.keyboard.press('Space');
    expect((await state(page)).paused).toBe(true);
    expect(await page.locator('[data-paused]').isVisible()).toBe(true);
    await page.keyboard.press('Space');
    expect((await state(page)).paused).toBe(false);
    await page.keyboard.press('ArrowRight');
    expect((await state(page)).title).toBe('网格党员进社区：党员服务站里的红马甲');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect((await state(page)).title).toBe('风雨巡线人');
    await page.waitForFunction(() => !document.querySelector<HTMLVideoElement>('video.on')!.paused);
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement?.matches('[data-showcase]'), null, { timeout: 5000 });
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement === null, null, { timeout: 5000 });
    clean(w);
  });

  it('skips a video that cannot be loaded and carries on', async () => {
    const w = await openPage(browser, server.origin, { viewport: DESKTOP });
    open.push(w);
    await w.page.route('**/grid.mp4', (route) => route.abort('failed'));
    await w.page.goto(server.url('videos/showcase/'));
    const seen: string[] = [];
    for (let n = 1; n <= 4; n++) {
      await w.page.waitForFunction((k) => Number(document.querySelector<HTMLElement>('[data-showcase]')!.dataset.plays) >= k, n, {
        timeout: 15_000,
      });
      seen.push((await state(w.page)).title ?? '');
    }
    // The broken item is shown briefly, then skipped; the loop goes on.
    expect(seen).toEqual(['重温入党誓词：测试公司“七一”主题党日', '网格党员进社区：党员服务站里的红马甲', '风雨巡线人', '重温入党誓词：测试公司“七一”主题党日']);
    expect(w.errors.filter((e) => !/grid\.mp4|Failed to load resource/.test(e))).toEqual([]);
  });

  it('?unit= includes sub-units, ?category= limits to one category, and a single item loops', async () => {
    const w = await visit('videos/showcase/?unit=grid-general');
    await w.page.waitForFunction(() => document.querySelector<HTMLElement>('[data-showcase]')!.dataset.plays === '1');
    expect(await state(w.page)).toMatchObject({ count: '1 / 1', title: '网格党员进社区：党员服务站里的红马甲' });
    await w.page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-showcase]')!.dataset.plays) >= 3, null, {
      timeout: 15_000,
    });
    expect((await state(w.page)).paused).toBe(false);
    clean(w);

    const c = await visit('videos/showcase/?category=activity');
    await c.page.waitForFunction(() => document.querySelector<HTMLElement>('[data-showcase]')!.dataset.plays === '1');
    expect(await state(c.page)).toMatchObject({ count: '1 / 1', title: '重温入党誓词：测试公司“七一”主题党日' });

    const none = await visit('videos/showcase/?unit=nobody');
    expect(await none.page.locator('[data-empty]').isVisible()).toBe(true);
  });
});
