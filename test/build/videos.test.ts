/**
 * Builds test/fixtures/videos (three 2-second videos under /dangjian/: one with an authored
 * poster and captions, one without poster with captions, one webm with neither) and checks
 * the video pages, generated posters, transcripts, the grouped index and the showcase page.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, servedFile } from '../support/build.ts';

const outDir = path.join(ROOT, 'test-results', 'videos-dist');
const BASE = '/dangjian/';

const fileFor = (u: string): string | null => servedFile(outDir, BASE, u);
const page = (p: string): HTMLElement => parse(readFileSync(path.join(outDir, p, 'index.html'), 'utf8'));

beforeAll(() => {
  const r = buildSite({ contentDir: path.join(ROOT, 'test/fixtures/videos'), outDir, env: { RED_TODAY: '2026-06-01' } });
  if (r.status !== 0) throw new Error(`build failed\n${r.stdout}\n${r.stderr}`);
});

describe('video entry pages', () => {
  it.each(['party-day', 'grid-service', 'model-worker'])('%s: video and poster resolve to files', async (slug) => {
    const video = page(`videos/${slug}`).querySelector('article[data-search-body] video')!;
    expect(video).toBeTruthy();
    const poster = video.getAttribute('poster')!;
    // An authored poster through astro:assets (WebP); a generated one is an SVG.
    const authored = slug === 'party-day';
    expect(poster).toMatch(authored ? /\.webp$/ : /\.svg$/);
    const posterFile = fileFor(poster);
    expect(posterFile, poster).not.toBeNull();
    const meta = await sharp(posterFile!).metadata();
    expect(meta.format).toBe(authored ? 'webp' : 'svg');
    expect(meta.width).toBeLessThanOrEqual(1280);
    const source = video.querySelector('source')!;
    expect(fileFor(source.getAttribute('src')!), source.getAttribute('src')).not.toBeNull();
    expect(source.getAttribute('type')).toBe(slug === 'model-worker' ? 'video/webm' : 'video/mp4');
  });

  it('captions: the track is on by default and resolves; no track without captions', () => {
    for (const slug of ['party-day', 'grid-service']) {
      const track = page(`videos/${slug}`).querySelector('video track')!;
      expect(track.getAttribute('kind')).toBe('captions');
      expect(track.hasAttribute('default')).toBe(true);
      const file = fileFor(track.getAttribute('src')!);
      expect(file).not.toBeNull();
      expect(readFileSync(file!, 'utf8')).toMatch(/^WEBVTT/);
    }
    expect(page('videos/model-worker').querySelector('video track')).toBeNull();
    expect(page('videos/model-worker').querySelector('.transcript')).toBeNull();
  });

  it('the transcript lists every cue with its time, inside the searchable article', () => {
    const article = page('videos/party-day').querySelector('article[data-search-body]')!;
    const items = article.querySelectorAll('.transcript li');
    expect(items.map((li) => li.text.replace(/\s+/g, ' ').trim())).toEqual([
      '0:00 全体党员面向党旗',
      '0:00 重温入党誓词',
      '0:01 誓言铿锵 初心如磐',
    ]);
    const links = items.map((li) => li.querySelector('a')!);
    expect(links.map((a) => a.getAttribute('data-start'))).toEqual(['0', '0.8', '1.4']);
    // Without script a timestamp opens the video file at that time (media fragment).
    expect(links[1]!.getAttribute('href')).toBe('/dangjian/media/videos/party-day/party-day.mp4#t=0.8');
    expect(fileFor(links[1]!.getAttribute('href')!)).not.toBeNull();
  });

  it('an entry without poster gets a generated card: one SVG for every size (text as outlines, over a frame), jpg for og:image', async () => {
    const doc = page('videos/grid-service');
    const poster = doc.querySelector('video')!.getAttribute('poster')!;
    expect(poster).toMatch(/^\/dangjian\/_posters\/[0-9a-f]{16}\.svg$/);
    const key = /([0-9a-f]{16})\.svg/.exec(poster)![1];
    const svg = readFileSync(path.join(outDir, '_posters', `${key}.svg`), 'utf8');
    // No text, no font, nothing outside: glyph outlines over the video frame (ffmpeg) as a small JPEG.
    expect(svg).not.toMatch(/<text|font-family|<script|href="(?!data:image\/jpeg;base64,)/);
    expect(svg).toContain('href="data:image/jpeg;base64,');
    expect((await sharp(path.join(outDir, '_posters', `${key}-1280.jpg`)).metadata()).height).toBe(720);
    const og = doc.querySelector('meta[property="og:image"]')!.getAttribute('content')!;
    expect(og).toBe(`https://intranet.test.example/dangjian/_posters/${key}-1280.jpg`);
    expect(existsSync(path.join(outDir, '_posters', `${key}-1280.jpg`))).toBe(true);
    // The authored poster goes through astro:assets instead.
    expect(page('videos/party-day').querySelector('video')!.getAttribute('poster')).toMatch(/^\/dangjian\/_astro\/.+\.webp$/);
  });
});

describe('videos index', () => {
  it('groups entries by category with poster, duration and unit, and links the showcase', () => {
    const doc = page('videos');
    const groups = doc.querySelectorAll('section.video-group');
    expect(groups.map((g) => g.querySelector('h2')!.text)).toEqual(['重点活动', '基层党建', '先锋模范']);
    const rows = groups.map((g) =>
      g.querySelectorAll('.card').map((c) => [
        c.querySelector('h3')!.text,
        c.querySelector('.duration')!.text,
        c.querySelector('.meta li:last-child')!.text,
      ]),
    );
    expect(rows).toEqual([
      [['重温入党誓词：测试公司“七一”主题党日', '时长0:02', '测试公司党委']],
      [['网格党员进社区：党员服务站里的红马甲', '时长0:02', '网格第一党支部']],
      [['风雨巡线人', '时长0:02', '线路维护党支部']],
    ]);
    for (const img of doc.querySelectorAll('.video-group img')) {
      // astro:assets sizes of an authored poster, or the one SVG of a generated one.
      expect(img.getAttribute('srcset')).toMatch(/320w, .+ 640w$|^\S+\.svg 1280w$/);
      for (const part of img.getAttribute('srcset')!.split(',')) {
        const url = part.trim().split(/\s+/)[0]!;
        expect(fileFor(url), url).not.toBeNull();
      }
    }
    const links = doc.querySelectorAll('a').map((a) => a.getAttribute('href'));
    expect(links).toContain('/dangjian/videos/showcase/');
    expect(links).toContain('/dangjian/videos/showcase/?category=model');
  });
});

describe('showcase page', () => {
  it('lists every published video, newest first, with files that resolve', () => {
    const doc = page('videos/showcase');
    const list = JSON.parse(doc.querySelector('#showcase-playlist')!.text) as {
      title: string;
      units: string[];
      src: string;
      captions: string;
      poster: string;
    }[];
    expect(list.map((i) => i.title)).toEqual(['重温入党誓词：测试公司“七一”主题党日', '网格党员进社区：党员服务站里的红马甲', '风雨巡线人']);
    expect(list[1]!.units).toEqual(['hq-committee', 'grid-general', 'grid-branch']);
    for (const i of list) {
      for (const url of [i.src, i.poster, i.captions].filter(Boolean)) expect(fileFor(url), url).not.toBeNull();
    }
    expect(doc.querySelectorAll('video')).toHaveLength(2);
    // Not a search result, no site chrome.
    expect(doc.querySelector('[data-search-body]')).toBeNull();
    expect(doc.querySelector('meta[name="description"]')!.getAttribute('content')).toContain('展播模式');
  });
});
