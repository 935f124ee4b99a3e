/** The 转载包 assembled from its parts: pure, so the same inputs give the same zip bytes. */
import { articleDocument, instructionsText, type ArticleMeta } from './article.ts';
import { escapeHtml, replaceImgTags } from './html.ts';
import type { KitImage } from './images.ts';
import { deterministicZip } from './zip.ts';


export interface KitInput {
  meta: ArticleMeta;
  /** Rendered body; local images are matched to `bodyImages` in order. */
  bodyHtml: string;
  /** For each `<img>` of bodyHtml in order: its kit image, or undefined for images that stay as they are. */
  bodyImages: (KitImage | undefined)[];
  cover?: KitImage | undefined;
  /** article.md, already rewritten. */
  markdown: string;
}

export function kitFigure(img: KitImage): string {
  return `<a href="${escapeHtml(img.original)}" title="查看原图"><img src="${escapeHtml(img.web)}" alt="${escapeHtml(img.alt)}" width="${img.width}" height="${img.height}"></a>`;
}

/** article.html's body: every matched image points at images/ (the web copy, linking to the original). */
export function kitBodyHtml(input: KitInput): string {
  return replaceImgTags(input.bodyHtml, (_img, i) => {
    const k = input.bodyImages[i];
    return k ? kitFigure(k) : undefined;
  });
}

export function allKitImages(input: KitInput): KitImage[] {
  const seen = new Set<string>();
  const out: KitImage[] = [];
  for (const img of [input.cover, ...input.bodyImages]) {
    if (img && !seen.has(img.original)) {
      seen.add(img.original);
      out.push(img);
    }
  }
  return out;
}

export function kitFiles(input: KitInput): Record<string, Uint8Array | string> {
  const images = allKitImages(input);
  const cover = input.cover ? `<figure class="cover">${kitFigure(input.cover)}</figure>\n` : '';
  const files: Record<string, Uint8Array | string> = {
    'article.html': articleDocument(input.meta, kitBodyHtml(input), cover),
    'article.md': input.markdown,
    '转载说明.txt': instructionsText(
      input.meta,
      images.flatMap((i) => [i.original, i.web]),
    ),
  };
  for (const img of images) {
    files[img.original] = img.originalBytes;
    files[img.web] = img.webBytes;
  }
  return files;
}

export function buildKitZip(input: KitInput): Uint8Array {
  return deterministicZip(kitFiles(input), input.meta.date);
}
