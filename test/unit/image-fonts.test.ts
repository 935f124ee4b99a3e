/**
 * Generated images never show tofu (issue 14): they are drawn with the font shipped in an npm
 * package, through a fontconfig configuration that lists no system folder, so a machine without
 * any CJK font draws the same Chinese as this one.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { FONT_PACKAGE, findImageFonts, fontconfigXml, IMAGE_FONT_FAMILY, MissingImageFontError, useImageFonts } from '../../src/lib/image-fonts.ts';
import { svgToPng } from '../../src/lib/svg-png.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const text = (t: string, family: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120"><text x="10" y="80" font-size="64" font-family="${family}">${t}</text></svg>`;
const pixels = async (png: Uint8Array) => sharp(png).raw().toBuffer();

/** Renders two texts in a fresh Node process with the given fontconfig file and nothing else set up. */
function renderElsewhere(fontconfigFile: string, useShippedFont: boolean): boolean {
  const script = `
    ${useShippedFont ? "const { useImageFonts } = await import('./src/lib/image-fonts.ts'); useImageFonts();" : ''}
    const sharp = (await import('sharp')).default;
    const svg = (t) => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120"><text x="10" y="80" font-size="64">' + t + '</text></svg>');
    const a = await sharp(svg('党建引领')).raw().toBuffer();
    const b = await sharp(svg('红色专栏')).raw().toBuffer();
    process.stdout.write(a.equals(b) ? 'same' : 'different');`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: os.tmpdir(), FONTCONFIG_FILE: fontconfigFile },
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout === 'different';
}

describe('image fonts', () => {
  it('finds the shipped font and keys it by its bytes', () => {
    const fonts = findImageFonts();
    expect(fonts.files.map((f) => path.basename(f))).toEqual(['NotoSansHans-Regular.otf', 'NotoSansHans-Bold.otf']);
    expect(fonts.key).toMatch(/^[0-9a-f]{16}$/);
    expect(useImageFonts()).toBe(fonts.key);
    const xml = fontconfigXml(fonts, '/tmp/cache');
    expect(xml).toContain(`<dir>${fonts.dir}</dir>`);
    expect(xml).not.toMatch(/\/usr\/share\/fonts|<include/);
  });

  it('without the package: a Chinese message that names the package to install', () => {
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'red-no-font-'));
    writeFileSync(path.join(elsewhere, 'x.js'), '');
    expect(() => findImageFonts(path.join(elsewhere, 'x.js'))).toThrow(MissingImageFontError);
    expect(() => findImageFonts(path.join(elsewhere, 'x.js'))).toThrow(`npm install ${FONT_PACKAGE}`);
  });

  it('with no system font at all, plain sharp draws tofu, the shipped font draws Chinese', () => {
    const empty = path.join(mkdtempSync(path.join(os.tmpdir(), 'red-fc-')), 'empty.conf');
    writeFileSync(empty, '<?xml version="1.0"?><fontconfig></fontconfig>\n');
    // The check can fail: without fonts every character is the same box.
    expect(renderElsewhere(empty, false)).toBe(false);
    expect(renderElsewhere(empty, true)).toBe(true);
  });

  it('every family the drawings name is drawn with the shipped font, never a system font', async () => {
    const sans = await pixels(await svgToPng(text('红果树', "'Noto Sans CJK SC', sans-serif")));
    const serif = await pixels(await svgToPng(text('红果树', "'Noto Serif CJK SC', serif")));
    const shipped = await pixels(await svgToPng(text('红果树', `'${IMAGE_FONT_FAMILY}'`)));
    expect(sans.equals(shipped)).toBe(true);
    expect(serif.equals(shipped)).toBe(true);
    expect(sans.equals(await pixels(await svgToPng(text('红树林', "'Noto Sans CJK SC'"))))).toBe(false);
  });
});
