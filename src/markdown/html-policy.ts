/**
 * What HTML written inside Markdown may do. ONE policy, applied by one sanitiser
 * (rehype-sanitize.ts) in three places: the site's Markdown/MDX pipeline, `npm run check`
 * (which reports every removal as an error with file:line and the fix, src/check/rules/body.ts)
 * and the final step of every output that leaves the site (src/markdown/output.ts).
 *
 * Policy (documented for authors in docs/authoring.md, “HTML 的使用规则”):
 * - Refused (error; removed from the page): `<script>`, `<style>`, `<object>`, `<embed>`,
 *   `<applet>`, `<base>`, `<meta>`, `<link>`, forms and their controls, frames, `<svg>`/`<math>`
 *   written inline, event-handler attributes (`onclick`…), `javascript:`/`vbscript:`/`data:`
 *   URLs (except `data:image/…` in `<img src>`), `srcdoc`, `<iframe>` whose address (read by
 *   the WHATWG URL parser against the entry's page) is not on the site's own origin (site.yaml
 *   `url`) or one of `mediaOrigins`, or that frames the site's own author files (`media/`,
 *   `_astro/`), and pictures or players that load from another site (`<img>` from anywhere but
 *   the site, `<video>`/`<audio>`/`<source>`/`<track>` from anywhere but the site and
 *   `mediaOrigins`): readers have no internet, and the request would tell another server who reads.
 * - Removed silently (harmless to the author's meaning): `style="…"` attributes (they could
 *   load files from other servers and fight the site's look), attributes not in the allow
 *   list below (`data-*` included: the site's scripts and the search index read those), HTML
 *   comments (`<!-- 内部备注 -->` must not be published).
 * - Unknown tags (e.g. `<font>`, `<o:p>` pasted from Word): the tag is dropped, its text kept;
 *   the check shows a warning.
 * - Kept: common harmless HTML: `<details>`, `<summary>`, `<sup>`, `<sub>`, `<kbd>`, `<mark>`,
 *   tables, `<figure>`, `<abbr>`, `<br>`, `<video>`/`<audio>` with local files, ….
 * Outputs only: our own inline styles (复制正文) pass when every declaration is on the list
 * the WeChat editor keeps (`safeInlineStyle`).
 */
import { httpOrigin } from '../lib/origins.ts';

/** Harmless elements: kept with their allowed attributes. */
export const ALLOWED_TAGS = new Set([
  'a', 'abbr', 'address', 'article', 'aside', 'audio', 'b', 'bdi', 'bdo', 'blockquote', 'br',
  'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt',
  'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'iframe', 'img', 'ins',
  'kbd', 'li', 'mark', 'ol', 'p', 'picture', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section',
  'small', 'source', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'time', 'tr', 'track', 'u', 'ul', 'var', 'video', 'wbr', 'input',
]);

/** Elements that can run code, load other sites or change the page: refused with their content. */
export const REFUSED_TAGS: Record<string, string> = {
  script: '脚本 <script>',
  noscript: '<noscript>',
  style: '样式表 <style>',
  object: '插件 <object>',
  embed: '插件 <embed>',
  applet: '插件 <applet>',
  base: '<base>',
  meta: '<meta>',
  link: '<link>',
  frame: '框架 <frame>',
  frameset: '框架 <frameset>',
  form: '表单 <form>',
  button: '按钮 <button>',
  textarea: '输入框 <textarea>',
  select: '下拉框 <select>',
  svg: '内嵌 <svg>',
  math: '内嵌 <math>',
  template: '<template>',
  portal: '<portal>',
};

const GLOBAL_ATTRIBUTES = new Set(['id', 'class', 'title', 'lang', 'dir', 'role', 'hidden', 'translate']);

const TAG_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'target', 'rel', 'download', 'hreflang'],
  img: ['src', 'alt', 'width', 'height', 'loading', 'decoding'],
  source: ['src', 'type', 'media', 'srcset', 'sizes'],
  track: ['src', 'kind', 'srclang', 'label', 'default'],
  video: ['src', 'poster', 'controls', 'preload', 'muted', 'loop', 'playsinline', 'width', 'height'],
  audio: ['src', 'controls', 'preload', 'loop', 'muted'],
  iframe: ['src', 'width', 'height', 'allow', 'allowfullscreen', 'loading', 'frameborder', 'referrerpolicy'],
  td: ['colspan', 'rowspan', 'headers', 'align', 'valign'],
  th: ['colspan', 'rowspan', 'headers', 'scope', 'abbr', 'align', 'valign'],
  col: ['span', 'width'],
  colgroup: ['span'],
  ol: ['start', 'type', 'reversed'],
  ul: ['type'],
  li: ['value'],
  details: ['open'],
  time: ['datetime'],
  q: ['cite'],
  blockquote: ['cite'],
  del: ['cite', 'datetime'],
  ins: ['cite', 'datetime'],
  abbr: ['title'],
  // GFM task lists render <input type="checkbox" disabled>.
  input: ['type', 'checked', 'disabled'],
};

/** Attributes holding a URL. */
export const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'cite', 'action', 'formaction', 'background', 'xlink:href', 'srcset', 'data', 'longdesc']);

export interface PolicyOptions {
  /** The site's own origin (site.yaml `url`). */
  siteUrl: string;
  /** Extra origins allowed for `<iframe>` and video (site.yaml `mediaOrigins`). */
  mediaOrigins?: readonly string[];
  /** The site's base path (`/dangjian/`): same-origin frames into `BASE/media/` and `BASE/_astro/` are refused. */
  base?: string;
  /**
   * Absolute URL relative addresses are resolved against (the entry's page). Default: a page
   * two levels below the base (`BASE/COLUMN/SLUG/`), where every entry page is.
   */
  pageUrl?: string;
  /**
   * Outputs only (the 复制正文 copy): keep `style` attributes whose every declaration passes
   * `safeInlineStyle` (our own inline styles). Author HTML never gets this: its styles go.
   */
  allowInlineStyles?: boolean;
}

export interface Refusal {
  /** What was refused, in Chinese, e.g. `脚本 <script>` or `事件属性 onclick`. */
  what: string;
  message: string;
  hint: string;
}

export interface ElementVerdict {
  /** Remove the element and everything in it. */
  drop: boolean;
  /** Remove the tag but keep its content (unknown tags). */
  unwrap: boolean;
  /** Attributes (lower-case HTML names) to remove. */
  removeAttributes: string[];
  /** Refusals to report as errors. */
  refusals: Refusal[];
  /** Set for unknown tags: the check warns about them. */
  unknownTag?: string;
}

/** Origins an `<iframe>` may load from (validated: scheme, host and port only). */
export function allowedOrigins(options: PolicyOptions): Set<string> {
  const out = new Set<string>();
  for (const u of [options.siteUrl, ...(options.mediaOrigins ?? [])]) {
    const o = httpOrigin(u);
    if (o) out.add(o);
  }
  return out;
}

/** The URL relative addresses in an entry are resolved against (see PolicyOptions.pageUrl). */
export function policyPageUrl(options: PolicyOptions): string {
  if (options.pageUrl) return options.pageUrl;
  const base = (options.base ?? '/').replace(/^\/*/, '/').replace(/\/*$/, '/');
  try {
    return new URL(`${base}column/entry/`, options.siteUrl).href;
  } catch {
    return `http://localhost${base}column/entry/`;
  }
}

/** Folders of the site that hold author files: never framed, even from the site's own origin. */
const FILE_FOLDERS = ['media/', '_astro/'];

/**
 * Why an `<iframe src>` is refused, or null when it may stay. Compared as browsers read it:
 * the WHATWG URL parser resolves the address against the page (so `/\evil.example/` is
 * `https://evil.example/`, and `../../media/x.html` is a file of the site).
 */
export function iframeProblem(src: string | true | null | undefined, options: PolicyOptions): 'no-src' | 'origin' | 'file' | null {
  if (typeof src !== 'string' || !src.trim()) return 'no-src';
  const page = policyPageUrl(options);
  let url: URL;
  try {
    url = new URL(src, page);
  } catch {
    return 'origin';
  }
  const origin = httpOrigin(url.href);
  if (!origin || !allowedOrigins(options).has(origin)) return 'origin';
  if (origin === httpOrigin(page)) {
    const base = (options.base ?? '/').replace(/^\/*/, '/').replace(/\/*$/, '/');
    let pathname = url.pathname;
    try {
      pathname = decodeURIComponent(pathname);
    } catch {
      /* as parsed */
    }
    if (FILE_FOLDERS.some((f) => pathname.toLowerCase().startsWith(base.toLowerCase() + f))) return 'file';
  }
  return null;
}

/** A URL that would run code: `javascript:`, `vbscript:`, or `data:` (except images in img/src). */
export function isDangerousUrl(value: string, tag = '', attribute = ''): boolean {
  // Browsers ignore control characters and spaces inside the scheme (`java\tscript:`).
  // eslint-disable-next-line no-control-regex
  const v = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  if (v.startsWith('javascript:') || v.startsWith('vbscript:')) return true;
  if (v.startsWith('data:')) return !(tag === 'img' && attribute === 'src' && /^data:image\/(png|jpe?g|gif|webp|avif);/.test(v));
  return false;
}

/**
 * CSS properties an inline style of an output may set: what the WeChat official-account
 * editor and OA editors keep. Not `position`, `box-shadow`, `background-image`, `float`,
 * and nothing that loads a file.
 */
const INLINE_STYLE_PROPERTIES = new Set([
  'color', 'background-color', 'font-size', 'font-weight', 'font-style', 'font-family', 'line-height',
  'text-align', 'text-indent', 'text-decoration', 'letter-spacing', 'word-break', 'overflow-wrap', 'white-space',
  'margin', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'padding', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border', 'border-top', 'border-right', 'border-bottom', 'border-left', 'border-collapse', 'border-radius',
  'width', 'max-width', 'height', 'display', 'vertical-align', 'box-sizing',
]);

/** True when every declaration of an inline style is on the list and loads nothing. */
export function safeInlineStyle(style: string): boolean {
  if (/url\s*\(|expression|javascript|[\\<>@{}]|\/\*/i.test(style)) return false;
  const declarations = style.split(';').map((d) => d.trim()).filter(Boolean);
  return declarations.length > 0 && declarations.every((d) => {
    const colon = d.indexOf(':');
    return colon > 0 && INLINE_STYLE_PROPERTIES.has(d.slice(0, colon).trim().toLowerCase()) && d.slice(colon + 1).trim() !== '';
  });
}

/** Elements whose addresses the browser loads by itself (without a click). */
const RESOURCE_TAGS = new Set(['img', 'video', 'audio', 'source', 'track', 'picture']);
const RESOURCE_ATTRIBUTES = new Set(['src', 'poster', 'srcset']);

/**
 * The first address of a resource attribute that leaves the site (or, for video and audio,
 * the site and the intranet video servers), or null. Relative addresses stay on the site.
 */
function outsideResource(value: string, tag: string, name: string, options: PolicyOptions): string | null {
  const urls = name === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '') : [value];
  const allowed = tag === 'img' || tag === 'picture' ? new Set([httpOrigin(options.siteUrl)]) : allowedOrigins(options);
  const page = policyPageUrl(options);
  for (const raw of urls) {
    const u = raw.trim();
    if (!u || /^data:/i.test(u)) continue; // data: is judged by isDangerousUrl
    let origin: string | null;
    try {
      origin = httpOrigin(new URL(u, page).href);
    } catch {
      origin = null;
    }
    if (!origin || !allowed.has(origin)) return u;
  }
  return null;
}

const EXAMPLE_LINK = '链接请用 Markdown 写法，例如 [第12期沙龙](../salon/2026-12.md) 或 [集团官网](https://intranet.example.cn/)';

/**
 * Judge one element. `attributes` uses lower-case HTML attribute names; values are strings
 * (`true` for a bare boolean attribute, `null` for a value the caller could not read, e.g. an MDX expression).
 */
export function judgeElement(
  tagName: string,
  attributes: Record<string, string | true | null>,
  options: PolicyOptions,
  /** The element was written as a Markdown link or image (messages then show Markdown). */
  markdown?: 'link' | 'image',
): ElementVerdict {
  const tag = tagName.toLowerCase();
  const verdict: ElementVerdict = { drop: false, unwrap: false, removeAttributes: [], refusals: [] };
  const refused = REFUSED_TAGS[tag];
  if (refused) {
    verdict.drop = true;
    verdict.refusals.push({
      what: refused,
      message: `正文里不允许使用${refused}，它可能在读者的电脑上运行代码或改变页面`,
      hint:
        tag === 'script' || tag === 'noscript'
          ? '删除这段 <script>…</script>；需要互动功能请联系网站管理员'
          : tag === 'style'
            ? '删除这段 <style>…</style>；网站的样式统一设置，正文只用 Markdown 排版'
            : tag === 'svg' || tag === 'math'
              ? '把图形另存为 .svg 或 .png 图片放在文章旁边，再用 ![图片说明](./图片.png) 插入'
              : `删除这段 <${tag}>；${EXAMPLE_LINK}`,
    });
    return verdict;
  }
  if (tag === 'input' && attributes.type !== 'checkbox') {
    verdict.drop = true;
    verdict.refusals.push({
      what: '输入框 <input>',
      message: '正文里不允许使用输入框 <input>（任务列表的勾选框除外）',
      hint: `删除这个 <input>；${EXAMPLE_LINK}`,
    });
    return verdict;
  }
  if (tag === 'iframe') {
    const src = attributes.src;
    const problem = iframeProblem(src, options);
    if (problem) {
      verdict.drop = true;
      const shown = typeof src === 'string' ? src : '（没有写地址）';
      const list = [...allowedOrigins(options)].join('、');
      verdict.refusals.push(
        problem === 'file'
          ? {
              what: '嵌入文件 <iframe>',
              message: `<iframe> 不能嵌入网站 media/ 或 _astro/ 里的文件（${shown}），那里只放图片、视频和下载附件`,
              hint: '改成下载链接，例如 [下载附件](./附件.pdf)；网页文件（.html）不会被发布',
            }
          : {
              what: '外部网页 <iframe>',
              message: `<iframe> 只能嵌入本站或内网视频服务器的页面，这里的地址是 ${shown}`,
              hint: `改成普通链接，例如 [观看视频](${typeof src === 'string' ? src : 'https://…'})；内网视频服务器的地址需要管理员加入 site.yaml 的 mediaOrigins（现在允许：${list || '无'}）`,
            },
      );
      return verdict;
    }
  }
  if (!ALLOWED_TAGS.has(tag)) {
    verdict.unwrap = true;
    verdict.unknownTag = tag;
  }
  const allowedHere = new Set([...(TAG_ATTRIBUTES[tag] ?? [])]);
  for (const [rawName, value] of Object.entries(attributes)) {
    const name = rawName.toLowerCase();
    if (name.startsWith('on')) {
      verdict.removeAttributes.push(rawName);
      verdict.refusals.push({
        what: `事件属性 ${name}`,
        message: `不允许在 HTML 标签上写 ${name}="…"，它会在读者的电脑上运行代码`,
        hint: `删除 ${name}="…" 这一部分；需要互动功能请联系网站管理员`,
      });
      continue;
    }
    if (name === 'srcdoc') {
      verdict.removeAttributes.push(rawName);
      verdict.refusals.push({ what: 'srcdoc 属性', message: '不允许使用 srcdoc 属性嵌入网页代码', hint: '删除 srcdoc="…"' });
      continue;
    }
    if (URL_ATTRIBUTES.has(name) && typeof value === 'string' && isDangerousUrl(value, tag, name)) {
      verdict.removeAttributes.push(rawName);
      const md = markdown && judgeMarkdownUrl(value, markdown);
      if (md) {
        verdict.refusals.push(md);
        continue;
      }
      const scheme = value.trim().split(':')[0]?.toLowerCase() ?? '';
      verdict.refusals.push({
        what: `${scheme}: 地址`,
        message: `${name} 里不允许写 ${scheme}: 开头的地址，它会运行代码或藏着内容`,
        hint: `改成普通网址或文章旁边的文件，例如 ${tag === 'img' ? '![图片说明](./图片.jpg)' : '[第12期沙龙](../salon/2026-12.md)'}`,
      });
      continue;
    }
    if (RESOURCE_ATTRIBUTES.has(name) && RESOURCE_TAGS.has(tag) && typeof value === 'string') {
      const outside = outsideResource(value, tag, name, options);
      if (outside) {
        verdict.removeAttributes.push(rawName);
        verdict.refusals.push({
          what: tag === 'img' || tag === 'picture' || name === 'poster' ? '外部图片' : '外部文件',
          message: `<${tag}> 的 ${name} 指向站外地址 ${outside}：内网读者打不开，还会把读者的访问记录发给别的服务器`,
          hint:
            tag === 'img'
              ? '把图片下载后放在文章旁边，再用 ![图片说明](./图片.jpg) 插入'
              : '把文件放在文章旁边；内网视频服务器的地址需要管理员加入 site.yaml 的 mediaOrigins',
        });
        continue;
      }
    }
    if (value === null) {
      verdict.removeAttributes.push(rawName);
      continue;
    }
    if (name === 'style' && options.allowInlineStyles && typeof value === 'string' && safeInlineStyle(value)) continue;
    // data-* attributes are dropped too: the site's own scripts and the search index read them.
    const keep = GLOBAL_ATTRIBUTES.has(name) || allowedHere.has(name) || name.startsWith('aria-');
    if (!keep) verdict.removeAttributes.push(rawName);
  }
  return verdict;
}

/** Refusal for a Markdown link/image whose URL runs code (`[x](javascript:…)`). */
export function judgeMarkdownUrl(url: string, kind: 'link' | 'image'): Refusal | null {
  if (!isDangerousUrl(url, kind === 'image' ? 'img' : 'a', kind === 'image' ? 'src' : 'href')) return null;
  const scheme = url.trim().split(':')[0]?.toLowerCase() ?? '';
  return {
    what: `${scheme}: 地址`,
    message: `${kind === 'image' ? '图片' : '链接'}地址不允许以 ${scheme}: 开头，它会运行代码`,
    hint: kind === 'image' ? '改成文章旁边的图片，例如 ![图片说明](./图片.jpg)' : EXAMPLE_LINK,
  };
}

/**
 * MDX policy: an `.mdx` file is Markdown plus JSX, and JSX can run code at build time.
 * Authors get the same HTML as in `.md` (written as JSX tags, e.g. `<details>`) and MDX
 * comments `{/* 备注 *\/}`; refused: `import`/`export`, `{expressions}`, components (`<Chart />`,
 * any tag starting with a capital letter or containing a dot) and `{…}` attribute values.
 */
export const mdxRefusals = {
  esm: (): Refusal => ({
    what: 'import / export',
    message: 'MDX 文件里不允许写 import / export（会在生成网站时运行代码）',
    hint: '删除这一行；需要新的版式或组件请联系网站管理员',
  }),
  expression: (value: string): Refusal => ({
    what: '{ } 表达式',
    message: `MDX 文件里不允许写 { } 表达式：{${value.trim().slice(0, 40)}}`,
    hint: '删除花括号；正文里要显示花括号请用全角｛｝；备注请写成 {/* 备注 */}',
  }),
  component: (name: string): Refusal => ({
    what: `组件 <${name}>`,
    message: `MDX 文件里不允许使用组件 <${name}>`,
    hint: '删除这个组件，用 Markdown 或普通 HTML 标签（如 <details>）代替；需要新组件请联系网站管理员',
  }),
  attributeExpression: (tag: string, name?: string): Refusal => ({
    what: '属性表达式',
    message: name ? `<${tag}> 的 ${name} 属性里不允许写 { } 表达式` : `<${tag}> 的属性里不允许写 { } 表达式`,
    hint: name ? `改成英文引号括起来的文字，例如 ${name}="…"` : '属性值请写成英文引号括起来的文字，例如 title="说明"',
  }),
};

/** True for an MDX expression that only holds comments (`{/* 备注 *\/}`): removed silently. */
export function isCommentOnlyExpression(value: string): boolean {
  let rest = value.trim();
  while (rest.startsWith('/*')) {
    const end = rest.indexOf('*/', 2);
    if (end < 0) return false;
    rest = rest.slice(end + 2).trim();
  }
  return rest === '' && value.trim() !== '';
}

/** A JSX name that is a component, not an HTML tag. */
export function isComponentName(name: string): boolean {
  return /^[A-Z]/.test(name) || name.includes('.');
}
