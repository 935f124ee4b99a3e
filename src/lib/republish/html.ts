/**
 * HTML string transforms for content that leaves the site (feeds, the 转载包, 复制正文).
 * The input is Astro's own output for an entry body: double-quoted attributes, known tags.
 */

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function decodeAttr(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x22;/gi, '"').replace(/&#39;/g, "'");
}

/** `href`/`src` value made absolute against `pageUrl`; fragments, mailto:, data: and absolute URLs stay. */
export function absoluteUrl(value: string, pageUrl: string): string {
  const v = decodeAttr(value.trim());
  if (v === '' || v.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(v)) return v;
  return new URL(v, pageUrl).href;
}

function absoluteSrcset(value: string, pageUrl: string): string {
  return value
    .split(',')
    .map((part) => {
      const [url = '', ...descriptor] = part.trim().split(/\s+/);
      return [absoluteUrl(url, pageUrl), ...descriptor].join(' ');
    })
    .join(', ');
}

/** Every link, image, srcset and poster URL made absolute (with origin and base). */
export function absolutizeHtml(html: string, pageUrl: string): string {
  return html.replace(
    /(\s)(href|src|poster|srcset)="([^"]*)"/gi,
    (_m, space: string, name: string, value: string) => {
      const abs = name.toLowerCase() === 'srcset' ? absoluteSrcset(value, pageUrl) : absoluteUrl(value, pageUrl);
      return `${space}${name}="${escapeHtml(abs)}"`;
    },
  );
}

/**
 * Styles for pasted copies (WeChat editor, OA systems keep only inline styles) and for the
 * kit's article.html (the same rules as a stylesheet). Plain CSS every editor understands.
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

/** Attributes a pasted copy has no use for (layout hints, ARIA of scroll wrappers, classes). */
const DROP_ATTRS = /\s(?:class|id|tabindex|role|aria-[a-z-]+|data-[a-z0-9-]+|loading|decoding|sizes|srcset|fetchpriority|style)="[^"]*"/gi;

/** Inline every style (for the clipboard): drops classes and layout attributes, adds `style` to known tags. */
export function inlineStyles(html: string): string {
  return html.replace(/<([a-z][a-z0-9]*)(\s[^>]*?)?(\s*\/?)>/gi, (_m, tag: string, attrs: string | undefined, close: string) => {
    const t = tag.toLowerCase();
    const kept = (attrs ?? '').replace(DROP_ATTRS, '');
    const style = ARTICLE_STYLES[t];
    return `<${tag}${kept}${style ? ` style="${style}"` : ''}${close.trim() ? ' /' : ''}>`;
  });
}

/** The same rules as a stylesheet scoped under `scope`. */
export function articleCss(scope: string): string {
  return Object.entries(ARTICLE_STYLES)
    .map(([tag, style]) => `${scope} ${tag}{${style}}`)
    .join('\n');
}

/** `<img …>` tags in document order with their attributes. */
export interface ImgTag {
  tag: string;
  attrs: Record<string, string>;
}

export function imgTags(html: string): ImgTag[] {
  return [...html.matchAll(/<img\b[^>]*>/gi)].map((m) => ({ tag: m[0], attrs: parseAttrs(m[0]) }));
}

export function parseAttrs(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of tag.matchAll(/\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?/g)) {
    attrs[(m[1] ?? '').toLowerCase()] = decodeAttr(m[2] ?? '');
  }
  return attrs;
}

/** Removes tags and collapses white space (plain-text clipboard flavour). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(?:br|\/p|\/h[1-6]|\/li|\/tr|\/dd|\/blockquote)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Replaces each `<img>` (document order) with what `fn` returns; undefined keeps the tag. */
export function replaceImgTags(html: string, fn: (img: ImgTag, index: number) => string | undefined): string {
  let i = 0;
  return html.replace(/<img\b[^>]*>/gi, (tag) => fn({ tag, attrs: parseAttrs(tag) }, i++) ?? tag);
}
