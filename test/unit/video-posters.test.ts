/**
 * Generated posters (src/lib/video-posters.ts): named before they are drawn, drawn once into
 * the cache folder, and the same bytes as the 1920×1080 PNG master the pipeline used to encode.
 */
import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { drawPoster, posterCacheDir, posterFile, posterFileNames, posterJob, renderPosterPng } from '../../src/lib/video-posters.ts';

const card = { title: '网格党员进社区：党员服务站里的红马甲', column: '视频展播', category: '基层党建', unit: '慈溪分公司党委' };
const options = () => ({ cacheDir: mkdtempSync(path.join(os.tmpdir(), 'red-posters-test-')), frames: false });

describe('generated posters', () => {
  it('are named by a key of what they show, before anything is drawn', () => {
    const o = options();
    const a = posterJob(card, o);
    expect(a.key).toMatch(/^[0-9a-f]{16}$/);
    expect(posterJob(card, options()).key).toBe(a.key);
    expect(posterJob({ ...card, title: '另一个标题' }, o).key).not.toBe(a.key);
    expect(posterFileNames(a.key).all).toEqual([320, 640, 1280, 1920].map((w) => `${a.key}-${w}.webp`).concat(`${a.key}-1280.jpg`));
  });

  it('are drawn once into the cache, with the bytes of the PNG-master pipeline', async () => {
    const o = options();
    const job = posterJob(card, o);
    const names = posterFileNames(job.key);
    const webp = await posterFile(job, names.webp[640], o);
    const master = await renderPosterPng(card);
    expect(webp.equals(await sharp(master).resize(640).webp({ quality: 78 }).toBuffer())).toBe(true);
    const jpg = await posterFile(job, names.og, o);
    expect(jpg.equals(await sharp(master).resize(1280).jpeg({ quality: 82, mozjpeg: true }).toBuffer())).toBe(true);
    const file = path.join(posterCacheDir(o.cacheDir), names.webp[1920]);
    const before = statSync(file).mtimeMs;
    await drawPoster(job, o);
    expect(statSync(file).mtimeMs).toBe(before);
    expect((await sharp(file).metadata()).width).toBe(1920);
  });
});
