/**
 * SVG → PNG with sharp (librsvg; Chinese text in the shipped font, src/lib/image-fonts.ts), for
 * the 红果树 and 红树林 downloads. Cached by the hash of the SVG, the font and the encoder options,
 * so an unchanged tree is never drawn twice across builds.
 */
import path from 'node:path';
import sharp from 'sharp';
import { cachedBytes, hashKey } from './file-cache.ts';
import { useImageFonts } from './image-fonts.ts';

/** Bump when the options below change (the SVG and the font are in the key already). */
const PNG_VERSION = 'png-1';

async function render(svg: string): Promise<Uint8Array> {
  // Fixed options and no metadata: the same SVG gives the same PNG bytes.
  return sharp(Buffer.from(svg, 'utf8')).flatten({ background: '#faf7f2' }).png({ compressionLevel: 9, adaptiveFiltering: false }).toBuffer();
}

/** The PNG of an SVG drawing; with `cacheDir`, reused from `red-images/` there when drawn before. */
export async function svgToPng(svg: string, cacheDir?: string): Promise<Uint8Array> {
  const font = useImageFonts();
  if (!cacheDir) return render(svg);
  const file = path.join(cacheDir, 'red-images', `${hashKey([PNG_VERSION, font, svg], 24)}.png`);
  return cachedBytes(file, () => render(svg));
}
