/**
 * Photos in an entry's text, through the Markdown steps before Astro's image step: a phone
 * photo is given the reading column's width, srcset widths up to twice that and a `sizes`
 * matching the column; a small picture keeps its own width; MDX gets `widths` as a string.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Element, Root } from 'hast';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import sharp from 'sharp';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { PROSE_SIZES, rehypeProseImages } from '../../src/markdown/rehype-prose-images.ts';

async function entryWithPhotos(): Promise<string> {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'red-prose-')), 'highlights', '巡线');
  mkdirSync(dir, { recursive: true });
  // A 4032 × 3024 phone photo taken upright (EXIF orientation 6: shown 3024 wide).
  await sharp({ create: { width: 4032, height: 3024, channels: 3, background: '#a8111a' } }).jpeg().withMetadata({ orientation: 6 }).toFile(path.join(dir, '现场.jpg'));
  await sharp({ create: { width: 300, height: 200, channels: 3, background: '#d9b36c' } }).png().toFile(path.join(dir, 'qr.png'));
  const file = path.join(dir, 'index.md');
  writeFileSync(file, '');
  return file;
}

async function images(markdown: string, from: string): Promise<Element['properties'][]> {
  const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeProseImages);
  const tree = (await processor.run(processor.parse(markdown), new VFile({ path: from, value: markdown }))) as Root;
  const out: Element['properties'][] = [];
  visit(tree, 'element', (n: Element) => {
    if (n.tagName === 'img') out.push(n.properties);
  });
  return out;
}

describe('rehypeProseImages', () => {
  it('sizes local photos for the 704 px column; leaves remote and root-relative images alone', async () => {
    const md = await entryWithPhotos();
    const [photo, qr, remote] = await images('![现场](./现场.jpg)\n\n![二维码](./qr.png)\n\n![远程](https://video.example.cn/a.jpg)', md);
    expect(photo).toMatchObject({ width: 704, widths: [480, 704, 1056, 1408], sizes: PROSE_SIZES });
    expect(PROSE_SIZES).toBe('(min-width: 48rem) 704px, calc(100vw - 2rem)');
    expect(qr).toMatchObject({ width: 300, widths: [300], sizes: '(min-width: 300px) 300px, calc(100vw - 2rem)' });
    expect(remote).not.toHaveProperty('width');
    expect(remote).not.toHaveProperty('sizes');
  });

  it('MDX: widths as the space-separated string Astro reads there', async () => {
    const md = (await entryWithPhotos()).replace(/index\.md$/, 'index.mdx');
    const [photo] = await images('![现场](./现场.jpg)', md);
    expect(photo).toMatchObject({ width: 704, widths: '480 704 1056 1408' });
  });

  it('an unreadable file is left for the content check to report', async () => {
    const md = await entryWithPhotos();
    const [missing] = await images('![缺](./没有.jpg)', md);
    expect(missing).not.toHaveProperty('width');
  });
});
