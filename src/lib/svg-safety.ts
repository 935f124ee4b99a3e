/**
 * SVG policy. An SVG file is a document, not a picture: opened by itself (查看原图, a link,
 * a frame) it runs its scripts on the site's origin. We decided against rasterising every SVG
 * (the sharp/librsvg step would silently change what authors drew and what 查看原图 shows) and
 * publish an SVG only when it is a static drawing:
 * - UTF-8 (or ASCII) text, no NUL bytes (a UTF-16 file would hide words from this scan);
 * - no script or script-like elements in any namespace (`script`, `foreignObject`, `iframe`,
 *   `embed`, `object`, `handler`, `listener`, and SMIL `set`/`animate*`, which can rewrite an
 *   `href` to `javascript:` after load);
 * - no event-handler attributes (`onload=`…);
 * - no reference to anything outside the file: every `href`/`xlink:href`/`src` is a local
 *   `#fragment` or an embedded raster `data:image/png|jpeg|gif|webp`, every CSS `url()` is `#…`,
 *   no `@import`, no `javascript:`/`vbscript:`;
 * - no DOCTYPE with entity declarations (billion laughs, external entities) and no
 *   `<?xml-stylesheet?>`.
 * The scan is textual and fails closed: anything it cannot prove static is refused, with the
 * fix to export a PNG. Used by `npm run check` and, as a safety net, by the build on every
 * `.svg` it writes.
 */

export interface SvgProblem {
  /** What was found, in Chinese. */
  reason: string;
}

const RULES: [RegExp, string][] = [
  [/<\s*(?:[\w.-]+:)?(?:script|foreignobject|iframe|embed|object|handler|listener|set|animate\w*|discard)\b/i, '含有脚本或动画元素（script、foreignObject、set/animate 等）'],
  [/\son[a-z]+\s*=/i, '含有事件属性（onload、onclick 等）'],
  [/(?:java|vb)script\s*:/i, '含有 javascript: 地址'],
  [/<!ENTITY|<!DOCTYPE[^>]*\[/i, '含有 DOCTYPE 实体声明'],
  [/<\?xml-stylesheet/i, '引用了外部样式表'],
  [/@import/i, '样式里用 @import 引用了外部文件'],
  [/url\((?!\s*(?:&quot;|["'])?\s*#)/i, '样式里用 url() 引用了外部文件'],
  [/image-set\s*\(/i, '样式里用 image-set() 引用了外部文件'],
  [
    /\s(?:[\w.-]+:)?(?:href|src)\s*=\s*["'](?!\s*(?:#|data:image\/(?:png|jpe?g|gif|webp);base64,))/i,
    '用 href/src 引用了文件外部的内容（只允许 #开头的内部引用和嵌入的 PNG/JPEG 图片）',
  ],
  [/\s(?:[\w.-]+:)?(?:href|src)\s*=\s*[^\s"']/i, '含有不带引号的 href/src 属性'],
];

/** Why an SVG file is not a static drawing, or null when it may be published. */
export function svgProblem(bytes: Uint8Array): SvgProblem | null {
  if (bytes.includes(0)) return { reason: '不是 UTF-8 文本（含有 NUL 字节，可能是 UTF-16 编码）' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { reason: '不是 UTF-8 编码的文本' };
  }
  if (!/<svg[\s>]/i.test(text)) return { reason: '不是 SVG 图形（没有 <svg> 元素）' };
  for (const [re, reason] of RULES) if (re.test(text)) return { reason };
  return null;
}

export const SVG_HINT = '用设计软件把图形导出为 PNG 图片（或删除其中的脚本、事件和外部引用），再插入文章';
