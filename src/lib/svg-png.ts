/** SVG → PNG with sharp (librsvg; CJK text through fontconfig, e.g. Noto CJK). */
import sharp from 'sharp';

export async function svgToPng(svg: string): Promise<Buffer> {
  // Fixed options and no metadata: the same SVG gives the same PNG bytes.
  return sharp(Buffer.from(svg, 'utf8')).flatten({ background: '#faf7f2' }).png({ compressionLevel: 9, adaptiveFiltering: false }).toBuffer();
}
