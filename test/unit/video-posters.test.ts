/**
 * Generated posters (src/lib/video-posters.ts): named before they are drawn, drawn once into the
 * cache folder. Without a video frame the poster is one SVG whose text is glyph outlines of the
 * shipped font (src/lib/svg-text.ts): it looks like the text the font draws, needs no font to be
 * shown, and a JPEG for og:image is rasterised from it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useImageFonts } from '../../src/lib/image-fonts.ts';
import { posterSvg } from '../../src/lib/poster-card.ts';
import { outlineSvgText } from '../../src/lib/svg-text.ts';
import { drawPoster, posterCacheDir, posterDrawing, posterFile, posterFileNames, posterJob, videoFrame } from '../../src/lib/video-posters.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const card = { title: '网格党员进社区：党员服务站里的红马甲', column: '视频展播', category: '基层党建', unit: '慈溪分公司党委' };
const hasFfmpeg = spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0;
const options = () => ({ cacheDir: mkdtempSync(path.join(os.tmpdir(), 'red-posters-test-')), frames: false });

/** Mean absolute difference of two images' RGB values (0–255), at the given width. */
async function difference(a: Buffer, b: Buffer, width = 1280): Promise<number> {
  const px = (x: Buffer) => sharp(x).resize(width).removeAlpha().raw().toBuffer();
  const [pa, pb] = await Promise.all([px(a), px(b)]);
  expect(pa.length).toBe(pb.length);
  let sum = 0;
  for (let i = 0; i < pa.length; i++) sum += Math.abs(pa[i]! - pb[i]!);
  return sum / pa.length;
}

describe('generated posters', () => {
  it('are named by a key of what they show, before anything is drawn', () => {
    const o = options();
    const a = posterJob(card, o);
    expect(a.key).toMatch(/^[0-9a-f]{16}$/);
    expect(posterJob(card, options()).key).toBe(a.key);
    expect(posterJob({ ...card, title: '另一个标题' }, o).key).not.toBe(a.key);
    expect(posterFileNames(a.key)).toEqual({ svg: `${a.key}.svg`, og: `${a.key}-1280.jpg`, all: [`${a.key}.svg`, `${a.key}-1280.jpg`] });
  });

  it('are drawn once into the cache: the SVG, and a 1280×720 JPEG of it for og:image', async () => {
    const o = options();
    const job = posterJob(card, o);
    const names = posterFileNames(job.key);
    const svg = await posterFile(job, names.svg, o);
    expect(svg.toString()).toBe(await posterDrawing(card));
    const jpg = await posterFile(job, names.og, o);
    expect(await sharp(jpg).metadata()).toMatchObject({ format: 'jpeg', width: 1280, height: 720 });
    expect(await difference(jpg, svg)).toBeLessThan(2);
    const file = path.join(posterCacheDir(o.cacheDir), names.og);
    const before = statSync(file).mtimeMs;
    await drawPoster(job, o);
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('the SVG has no text and no font: glyph outlines that look like the shipped font drawing the text', async () => {
    const svg = await posterDrawing(card);
    expect(svg).not.toMatch(/<text|font-family|@font-face|href=/);
    expect(svg.length).toBeLessThan(40_000);
    // librsvg drawing the card's <text> in the shipped font (through our fontconfig)…
    useImageFonts();
    const text = await sharp(Buffer.from(posterSvg(card))).png().toBuffer();
    const outlined = await sharp(Buffer.from(svg)).png().toBuffer();
    // …and the outlines: the same picture (measured 0.006; a wrong glyph, weight or position is > 1).
    expect(await difference(outlined, text)).toBeLessThan(0.2);
    const other = await sharp(Buffer.from(await posterDrawing({ ...card, title: '网格党员进社区：党员服务站里的红马夹' }))).png().toBuffer();
    expect(await difference(other, text)).toBeGreaterThan(0.2);
  });

  it.skipIf(!hasFfmpeg)('over a video frame: a small blurred JPEG inside the SVG looks like the full-size blurred frame', async () => {
    const video = path.join(ROOT, 'test/fixtures/videos/videos/grid-service/grid.mp4');
    const svg = await posterDrawing(card, videoFrame(video, 1));
    expect(svg).toMatch(/<image href="data:image\/jpeg;base64,[^"]{1000,20000}"/);
    // The drawing before: the frame at 1280 px, blurred there, as a PNG.
    useImageFonts();
    const bg = await sharp(videoFrame(video, 1, 1280)).blur(10).png().toBuffer();
    const before = posterSvg({ ...card, background: `data:image/png;base64,${bg.toString('base64')}` });
    const [a, b] = await Promise.all([svg, before].map((x) => sharp(Buffer.from(x)).png().toBuffer()));
    expect(await difference(a!, b!)).toBeLessThan(1);
    expect(await difference(a!, await sharp(Buffer.from(await posterDrawing(card))).png().toBuffer())).toBeGreaterThan(2);
  });

  it('outlines bold and regular weights, anchors and letter-spacing as librsvg places text', async () => {
    useImageFonts();
    const doc = (t: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200"><rect width="600" height="200" fill="#fff"/>${t}</svg>`;
    for (const t of [
      '<text x="300" y="80" font-size="48" font-weight="700" fill="#c00" text-anchor="middle" font-family="serif">党建引领 2026</text>',
      '<text x="580" y="160" font-size="32" fill="#333" text-anchor="end" letter-spacing="4">红色专栏，Ningbo</text>',
    ]) {
      const a = await sharp(Buffer.from(doc(t))).png().toBuffer();
      const b = await sharp(Buffer.from(outlineSvgText(doc(t)))).png().toBuffer();
      expect(await difference(a, b, 600), t).toBeLessThan(0.5);
    }
    expect(() => outlineSvgText(doc('<text x="0" y="10"><tspan>党</tspan></text>'))).toThrow(/tspan/);
  });

  it('shows Chinese with no font installed at all (no tofu)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'red-fc-'));
    const empty = path.join(dir, 'empty.conf');
    writeFileSync(empty, '<?xml version="1.0"?><fontconfig></fontconfig>\n');
    const files = ['党建引领', '红色专栏'].map((t, i) => {
      const f = path.join(dir, `${i}.svg`);
      writeFileSync(f, outlineSvgText(`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120"><text x="10" y="80" font-size="64">${t}</text></svg>`));
      return f;
    });
    // A fresh process whose fontconfig knows no font: text would be boxes, the outlines are not.
    const script = `
      const sharp = (await import('sharp')).default;
      const [a, b] = await Promise.all(${JSON.stringify(files)}.map((f) => sharp(f).raw().toBuffer()));
      process.stdout.write(a.equals(b) ? 'same' : 'different');`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: os.tmpdir(), FONTCONFIG_FILE: empty } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('different');
    expect(readFileSync(files[0]!, 'utf8')).not.toContain('党');
  });
});
