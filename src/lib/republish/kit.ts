/**
 * The 转载包 assembled from its parts: pure, so the same inputs give the same zip bytes.
 * Every image is in it once (the same photo used as cover and in the body is one file), as
 * the original and a web-size copy; article.html shows the web copy and links the original.
 */
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { articleDocument, articleElement, instructionsText, type ArticleMeta } from './article.ts';
import type { KitImage } from './images.ts';
import { articleMarkdown } from './markdown.ts';
import { isRelativeUrl } from '../local-files.ts';
import { swapImages } from './portable.ts';
import { deterministicZip } from './zip.ts';
import { cloneTree } from '../clone-tree.ts';


export interface KitInput {
  meta: ArticleMeta;
  /** The body with addresses absolute; local images still carry their source path. */
  body: Root;
  /** The kit image of a body `<img>` (matched by its file), or undefined for images that stay as they are. */
  imageOf: (img: Element) => KitImage | undefined;
  cover?: KitImage | undefined;
  /** Every image of the kit, each once. */
  images: KitImage[];
  /** The final sanitiser (the page's policy), applied to everything that came from the author. */
  sanitize: (tree: Root) => Root;
}

/** The picture in article.html: the web copy, linking to the original. */
export function kitFigure(img: KitImage, alt = img.alt): Element {
  return h('a', { href: img.original, title: '查看原图' }, [h('img', { src: img.web, alt, width: img.width, height: img.height })]);
}

/** The body with every matched image pointing into images/ (`link`: wrapped in a link to the original). */
export function kitBody(input: KitInput, link: boolean): Root {
  return swapImages(cloneTree(input.body), (img) => {
    const k = input.imageOf(img);
    // A local image with no published copy (it is not on the page either) is left out.
    if (!k) return typeof img.properties.src === 'string' && isRelativeUrl(img.properties.src) ? null : undefined;
    const alt = typeof img.properties.alt === 'string' ? img.properties.alt : k.alt;
    return link ? kitFigure(k, alt) : h('img', { src: k.web, alt });
  });
}

export function kitFiles(input: KitInput): Record<string, Uint8Array | string> {
  const article = articleElement(input.meta, kitBody(input, true), input.cover ? kitFigure(input.cover) : undefined);
  const files: Record<string, Uint8Array | string> = {
    'article.html': articleDocument(input.meta, input.sanitize({ type: 'root', children: [article] })),
    'article.md': articleMarkdown(input.meta, input.sanitize(kitBody(input, false)), input.cover?.web),
    '转载说明.txt': instructionsText(
      input.meta,
      input.images.flatMap((i) => (i.web === i.original ? [i.original] : [i.original, i.web])),
    ),
  };
  for (const img of input.images) {
    files[img.original] = img.originalBytes;
    files[img.web] = img.webBytes;
  }
  return files;
}

export function buildKitZip(input: KitInput): Uint8Array {
  return deterministicZip(kitFiles(input), input.meta.date);
}
