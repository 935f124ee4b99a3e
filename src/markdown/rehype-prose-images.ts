/**
 * Photos in an entry's text are shown at most as wide as the reading column (44rem, ~704 px).
 * Astro's default for a Markdown image is its full size (a 4032 px phone photo ships a 4032w
 * WebP and `sizes` says 4032px), so each local image gets a display width of at most 704 px,
 * srcset widths up to twice that, and `sizes` matching the column. Runs before Astro's own
 * image step, which passes these properties on to getImage().
 */
import path from 'node:path';
import type { Element, Root } from 'hast';
import sharp from 'sharp';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

/** The reading column (`--measure: 44rem`) in CSS px. */
export const PROSE_WIDTH = 704;
export const PROSE_SIZES = `(min-width: 48rem) ${PROSE_WIDTH}px, calc(100vw - 2rem)`;
/** 1×, 1.5× and 2× of the column, and a small one for phones. */
export const PROSE_WIDTHS = [480, PROSE_WIDTH, Math.round(PROSE_WIDTH * 1.5), PROSE_WIDTH * 2];

/** Width as displayed (EXIF orientation 5–8 swaps width and height), or undefined if unreadable. */
async function displayWidth(file: string): Promise<number | undefined> {
  try {
    const m = await sharp(file).metadata();
    if (!m.width || !m.height) return undefined;
    return (m.orientation ?? 1) >= 5 ? m.height : m.width;
  } catch {
    return undefined;
  }
}

export function rehypeProseImages() {
  return async function transformer(tree: Root, file: VFile) {
    const from = file.path ?? file.history?.at(-1);
    if (!from) return;
    const images: Element[] = [];
    visit(tree, 'element', (node: Element) => {
      const src = node.properties?.src;
      if (node.tagName === 'img' && typeof src === 'string' && !/^([a-z]+:|\/\/|\/|#)/i.test(src)) images.push(node);
    });
    await Promise.all(
      images.map(async (img) => {
        if (img.properties.width !== undefined || img.properties.sizes !== undefined) return;
        const natural = await displayWidth(path.resolve(path.dirname(from), decodeURI(String(img.properties.src))));
        if (!natural) return;
        const width = Math.min(natural, PROSE_WIDTH);
        img.properties.width = width;
        const widths = [...new Set([...PROSE_WIDTHS.filter((w) => w < natural && w >= width / 2), Math.min(natural, PROSE_WIDTH * 2)])];
        // Astro reads `widths` as an array from Markdown, as a space-separated string from MDX.
        (img.properties as Record<string, unknown>).widths = /\.mdx$/i.test(from) ? widths.join(' ') : widths;
        img.properties.sizes = natural < PROSE_WIDTH ? `(min-width: ${natural}px) ${natural}px, calc(100vw - 2rem)` : PROSE_SIZES;
      }),
    );
  };
}
