/**
 * Republish kits: how long the image work and zipping take for the sample highlights
 * with images, and how big the kits are. (The body tree is not included: it is shared
 * with summaries and feeds.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { kitImage, type KitImage } from '../../src/lib/republish/images.ts';
import { buildKitZip } from '../../src/lib/republish/kit.ts';
import type { ArticleMeta } from '../../src/lib/republish/article.ts';
import type { Root } from 'hast';
import { h } from 'hastscript';

const root = path.resolve(import.meta.dirname, '../../content/highlights');
const meta: ArticleMeta = {
  title: '基准', date: '2026-01-01', author: '作者', unit: '单位', sourceUrl: 'http://x.example/a/', summary: '摘要',
  summaryWritten: true, tags: [], kindLabel: '工作亮点', replicable: [], siteTitle: '红色专栏', organization: '',
};

for (const dir of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  const files = readdirSync(path.join(root, dir)).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort();
  const t0 = performance.now();
  const used = new Set<string>();
  const images: KitImage[] = [];
  for (const f of files) images.push(await kitImage(used, f, new Uint8Array(readFileSync(path.join(root, dir, f))), f));
  const t1 = performance.now();
  const body: Root = { type: 'root', children: images.map((_, i) => h('p', [h('img', { src: `./${i}.jpg`, alt: 'x' })])) };
  const zip = buildKitZip({ meta, body, imageOf: (img) => images[Number(/\d+/.exec(String(img.properties.src))?.[0])], images, sanitize: (t) => t });
  const t2 = performance.now();
  const orig = images.reduce((s, i) => s + i.originalBytes.byteLength, 0);
  const web = images.reduce((s, i) => s + i.webBytes.byteLength, 0);
  console.log(
    `${dir}: ${images.length} images, originals ${(orig / 1024).toFixed(0)} KB, web copies ${(web / 1024).toFixed(0)} KB, ` +
      `zip ${(zip.byteLength / 1024).toFixed(0)} KB; images ${(t1 - t0).toFixed(0)} ms, zip ${(t2 - t1).toFixed(1)} ms`,
  );
}
