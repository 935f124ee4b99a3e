/**
 * The body tree made portable for copies that leave the site (kit, 复制正文, feeds): every
 * address absolute, each local image swapped for its published copy (matched by its file,
 * never by position), frames and players turned into links. Pure hast transforms; callers
 * pass a clone of the shared tree.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';
import { isRelativeUrl } from '../local-files.ts';

const URL_PROPS = ['href', 'src', 'poster', 'cite'] as const;

/** An address made absolute against `pageUrl`; fragments, `mailto:`, `data:` and absolute URLs stay. */
export function absoluteUrl(value: string, pageUrl: string): string {
  const v = value.trim();
  if (v === '' || v.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(v)) return v;
  try {
    return new URL(v, pageUrl).href;
  } catch {
    return v;
  }
}

/**
 * Every link, image, poster and srcset address made absolute (with origin and base).
 * `keepLocalImages`: images written relative to the entry keep their source path (their
 * identity), for a later `swapImages`.
 */
export function absolutize(tree: Root, pageUrl: string, keepLocalImages = false): Root {
  visit(tree, 'element', (node: Element) => {
    if (keepLocalImages && node.tagName === 'img' && typeof node.properties.src === 'string' && isRelativeUrl(node.properties.src)) return;
    for (const prop of URL_PROPS) {
      const v = node.properties[prop];
      if (typeof v === 'string') node.properties[prop] = absoluteUrl(v, pageUrl);
    }
    const srcset = node.properties.srcSet;
    if (Array.isArray(srcset) || typeof srcset === 'string') {
      const parts = (Array.isArray(srcset) ? srcset.map(String) : srcset.split(',')).map((part) => {
        const [u = '', ...descriptor] = part.trim().split(/\s+/);
        return [absoluteUrl(u, pageUrl), ...descriptor].join(' ');
      });
      node.properties.srcSet = parts.join(', ');
    }
  });
  return tree;
}

/**
 * Replace every `<img>` by what `swap` returns for it (an element, or null to remove it);
 * undefined keeps it.
 */
export function swapImages(tree: Root, swap: (img: Element) => Element | null | undefined): Root {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'img' || !parent || index === undefined) return;
    const next = swap(node);
    if (next === undefined) return;
    if (next === null) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    parent.children[index] = next;
    return [SKIP, index + 1];
  });
  return tree;
}

const PLAYER_LABEL: Record<string, string> = { iframe: '打开嵌入的页面', video: '观看视频', audio: '收听音频' };

/** `<iframe>`, `<video>` and `<audio>` become a link to what they played (copies cannot embed). */
export function playersToLinks(tree: Root): Root {
  visit(tree, 'element', (node: Element, index, parent) => {
    const label = PLAYER_LABEL[node.tagName];
    if (!label || !parent || index === undefined) return;
    let src = typeof node.properties.src === 'string' ? node.properties.src : undefined;
    if (!src) {
      const source = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'source');
      if (source && typeof source.properties.src === 'string') src = source.properties.src;
    }
    const title = typeof node.properties.title === 'string' ? node.properties.title : '';
    const link: ElementContent = src ? h('a', { href: src }, title ? `${label}：${title}` : label) : h('span', title || label);
    parent.children[index] = h('p', [link]);
    return [SKIP, index + 1];
  });
  return tree;
}

/**
 * Styles for pasted copies (WeChat editor, OA systems keep only inline styles) and for the
 * kit's article.html (the same rules as a stylesheet). Plain CSS every editor keeps: no
 * position, box-shadow or background-image (the WeChat editor strips them on 保存).
 */
export const ARTICLE_STYLES: Record<string, string> = {
  h2: 'font-size:18px;font-weight:bold;color:#a8111a;margin:24px 0 12px;padding:0 0 0 10px;border-left:4px solid #a8111a;line-height:1.4',
  h3: 'font-size:16px;font-weight:bold;color:#222222;margin:20px 0 10px;line-height:1.4',
  h4: 'font-size:15px;font-weight:bold;color:#222222;margin:16px 0 8px',
  p: 'margin:0 0 14px;font-size:15px;line-height:1.8;color:#222222;text-align:justify',
  ul: 'margin:0 0 14px;padding:0 0 0 2em;font-size:15px;line-height:1.8;color:#222222',
  ol: 'margin:0 0 14px;padding:0 0 0 2em;font-size:15px;line-height:1.8;color:#222222',
  li: 'margin:0 0 6px',
  table: 'border-collapse:collapse;width:100%;margin:0 0 14px;font-size:14px;line-height:1.6',
  th: 'border:1px solid #d9b8b8;background-color:#fbeaea;padding:6px 8px;text-align:left;font-weight:bold;color:#222222',
  td: 'border:1px solid #d9b8b8;padding:6px 8px;vertical-align:top;color:#222222',
  strong: 'font-weight:bold;color:#8a0e15',
  b: 'font-weight:bold',
  em: 'font-style:italic',
  blockquote: 'margin:0 0 14px;padding:8px 12px;border-left:4px solid #c8962d;background-color:#fdf6e3;color:#444444',
  img: 'display:block;max-width:100%;height:auto;margin:0 auto 8px',
  figure: 'margin:0 0 14px',
  figcaption: 'font-size:13px;color:#666666;text-align:center',
  a: 'color:#a8111a;text-decoration:underline',
  hr: 'border:0;border-top:1px solid #e2d6d6;margin:20px 0',
  code: 'font-family:monospace;background-color:#f5f0f0;padding:0 3px',
};

/** The same rules as a stylesheet scoped under `scope`. */
export function articleCss(scope: string): string {
  return Object.entries(ARTICLE_STYLES)
    .map(([tag, style]) => `${scope} ${tag}{${style}}`)
    .join('\n');
}
