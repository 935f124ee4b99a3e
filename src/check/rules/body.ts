/**
 * Checks of an entry's Markdown body: links to other entries and files, images (file
 * exists and decodes, alt text, not on another site, not a path on the author's PC),
 * HTML against the policy in src/markdown/html-policy.ts, and for `.mdx` the MDX policy:
 *
 * MDX policy: an `.mdx` file is Markdown plus JSX, and JSX can run code at build time.
 * Authors get the same HTML as in `.md` (written as JSX tags, e.g. `<details>`), and MDX
 * comments `{/* 备注 *\/}`; refused (errors): `import`/`export`, `{expressions}`, components
 * (`<Chart />`, any tag starting with a capital letter) and `{…}` attribute values.
 * There is no whitelist of components yet: when one is needed, it is added here and in
 * rehype-sanitize.ts together, by a developer.
 */
import path from 'node:path';
import type { Nodes as MdastNodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';
import { isEntryHref, resolveEntryHref } from '../../lib/entry-links.ts';
import { allowedOrigins, judgeElement, judgeMarkdownUrl, type Refusal } from '../../markdown/html-policy.ts';
import type { CheckContext, Problems } from '../context.ts';
import { exists } from '../exists.ts';
import { IMAGE_EXTENSIONS, imageProblem } from '../images.ts';
import { mediaProblem } from '../media.ts';
import { writtenPathProblem } from '../paths.ts';
import type { Problem } from '../problem.ts';

export interface BodyContext {
  /** Absolute path of the Markdown file. */
  file: string;
  /** Display path of the Markdown file. */
  display: string;
  /** 1-based file line of the first body line. */
  bodyStartLine: number;
  mdx: boolean;
  ctx: CheckContext;
  out: Problems;
}

const FIELD = '正文';
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

const mdxExtensions = [gfm(), mdxjs()];
const mdxMdast = [gfmFromMarkdown(), mdxFromMarkdown()];

function localPath(url: string): string | null {
  if (!url || SCHEME.test(url) || url.startsWith('/') || url.startsWith('#') || url.startsWith('//')) return null;
  let p = url.split(/[?#]/)[0] ?? '';
  try {
    p = decodeURI(p);
  } catch {
    /* keep */
  }
  return p || null;
}

function refusalProblem(ctx: BodyContext, line: number, r: Refusal): Problem {
  return { file: ctx.display, line, field: FIELD, message: r.message, hint: r.hint };
}

const TAG_RE = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTR_RE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', sol: '/', lpar: '(', rpar: ')' };

/** Decode the character references browsers decode in attribute values (`&#106;avascript:`). */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return NAMED[ref.toLowerCase()] ?? m;
  });
}

/**
 * Raw HTML of one Markdown `html` node, judged tag by tag with the same policy the sanitizer
 * applies (a light scanner: parsing every fragment with parse5 would make the check slow;
 * the sanitizer on the built pages is the one that must be exact).
 */
function checkHtmlFragment(value: string, line: number, ctx: BodyContext): void {
  if (!/<[a-z]/i.test(value)) return;
  TAG_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TAG_RE.exec(value))) {
    const tag = m[1]!.toLowerCase();
    const attrs: Record<string, string | true> = {};
    ATTR_RE.lastIndex = 0;
    let a: RegExpExecArray | null;
    while ((a = ATTR_RE.exec(m[2] ?? ''))) {
      const v = a[2] ?? a[3] ?? a[4];
      attrs[a[1]!.toLowerCase()] = v === undefined ? true : decodeEntities(v);
    }
    const at = line + (value.slice(0, m.index).match(/\n/g)?.length ?? 0);
    const verdict = judgeElement(tag, attrs, ctx.ctx.policy);
    for (const r of verdict.refusals) ctx.out.error(refusalProblem(ctx, at, r));
    if (verdict.drop) {
      // Skip what is inside (`<script>…</script>`): it is removed with the element.
      const close = value.toLowerCase().indexOf(`</${tag}`, TAG_RE.lastIndex);
      if (close >= 0) TAG_RE.lastIndex = close;
      continue;
    }
    if (verdict.unknownTag) {
      ctx.out.warn({
        file: ctx.display,
        line: at,
        field: FIELD,
        message: `网站不支持 <${verdict.unknownTag}> 标签，发布时只保留其中的文字`,
        hint: '删除这个标签（常见于从 Word 复制的内容），用 Markdown 排版：**加粗**、## 小标题、- 列表',
      });
    }
    checkHtmlUrls(tag, attrs, at, ctx);
    if (tag === 'img' && !(typeof attrs.alt === 'string' && attrs.alt.trim())) {
      ctx.out.warn({
        file: ctx.display,
        line: at,
        field: FIELD,
        message: '图片缺少文字说明（alt），看不见图片的读者不知道图上是什么',
        hint: '在 <img> 里加上 alt="图片内容"，或改用 ![图片内容](./图片.jpg)',
      });
    }
  }
}

/** URLs in an HTML or MDX tag: the site rewrites none of them, so only absolute ones on this site work. */
function checkHtmlUrls(tag: string, attrs: Record<string, string | true | null>, line: number, ctx: BodyContext): void {
  for (const name of ['src', 'href', 'poster']) {
    const v = attrs[name];
    if (typeof v !== 'string' || !v.trim()) continue;
    const written = writtenPathProblem(v, tag === 'a' ? '链接' : '图片', ctx.ctx.show(path.dirname(ctx.file)), (rel) => (tag === 'a' ? `[文件说明](${rel})` : `![图片内容](${rel})`));
    if (written) {
      ctx.out.error({ file: ctx.display, line, field: FIELD, ...written });
      continue;
    }
    if ((tag === 'img' && name === 'src') || name === 'poster') {
      if (externalImageProblem(v, line, ctx)) continue;
    }
    if (!/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(v.trim())) {
      ctx.out.warn({
        file: ctx.display,
        line,
        field: FIELD,
        message: `HTML 标签 <${tag}> 里的相对路径 ${v} 不会被网站处理，发布后会打不开`,
        hint: tag === 'a' ? '改用 Markdown 链接，例如 [第12期沙龙](../salon/2026-12.md)' : '改用 Markdown 插图，例如 ![图片内容](./图片.jpg)',
      });
    }
  }
}

/**
 * An image on another site: the pages' Content-Security-Policy lets the browser load images
 * from the site itself only (and readers' PCs have no internet), so it would show as broken.
 * Reported as an error; true when the URL was an outside one.
 */
function externalImageProblem(url: string, line: number, ctx: BodyContext): boolean {
  const v = url.trim();
  if (!/^(https?:)?\/\//i.test(v)) return false;
  let origin: string;
  try {
    origin = new URL(v, ctx.ctx.policy.siteUrl).origin;
  } catch {
    origin = v;
  }
  const site = allowedOrigins({ siteUrl: ctx.ctx.policy.siteUrl });
  if (site.has(origin)) return true;
  const name = (() => {
    try {
      return path.posix.basename(new URL(v, 'http://x').pathname) || '图片.jpg';
    } catch {
      return '图片.jpg';
    }
  })();
  ctx.out.error({
    file: ctx.display,
    line,
    field: FIELD,
    message: `正文里的图片在别的网站上（${origin}），内网读者的浏览器不会加载它，页面上会是一张裂图`,
    hint: `把图片下载下来放在 ${ctx.ctx.show(path.dirname(ctx.file))}/ 里，写成 ![图片内容](./${name})`,
  });
  return true;
}

function checkUrl(url: string, kind: 'link' | 'image', line: number, ctx: BodyContext): void {
  const refused = judgeMarkdownUrl(url, kind);
  if (refused) {
    ctx.out.error(refusalProblem(ctx, line, refused));
    return;
  }
  const written = writtenPathProblem(url, kind === 'image' ? '图片' : '链接', ctx.ctx.show(path.dirname(ctx.file)), (rel) =>
    kind === 'image' ? `![图片内容](${rel})` : `[文件说明](${rel})`,
  );
  if (written) {
    ctx.out.error({ file: ctx.display, line, field: FIELD, ...written });
    return;
  }
  if (kind === 'image' && externalImageProblem(url, line, ctx)) return;
  const local = localPath(url);
  if (!local) return;
  if (kind === 'link' && isEntryHref(url)) {
    const target = resolveEntryHref(ctx.file, url, ctx.ctx.contentDir);
    const resolved = path.resolve(path.dirname(ctx.file), local);
    if (!target) {
      ctx.out.error({
        file: ctx.display,
        line,
        field: FIELD,
        message: `链接 ${url} 指向的不是栏目里的文章（解析为 ${ctx.ctx.show(resolved)}）`,
        hint: '链接其他文章时写那篇文章 .md 文件的相对路径，例如 [第12期沙龙](../salon/2026-12.md)',
      });
    } else if (!exists(target.file)) {
      ctx.out.error({
        file: ctx.display,
        line,
        field: FIELD,
        message: `链接的文章不存在：${ctx.ctx.show(target.file)}`,
        hint: '检查文件名和文件夹是否写对（区分 index.md 和同名 .md）；文章放在文件夹里时写成 ../文件夹/index.md',
      });
    }
    return;
  }
  const resolved = path.resolve(path.dirname(ctx.file), local);
  const shown = ctx.ctx.show(resolved);
  if (kind === 'image') {
    if (!exists(resolved)) {
      ctx.out.error({
        file: ctx.display,
        line,
        field: FIELD,
        message: `图片文件不存在：${shown}`,
        hint: '把图片放在文章旁边，检查文件名（包括 .jpg/.png 扩展名和大小写）是否和这里写的一致',
      });
    } else if (!IMAGE_EXTENSIONS.includes(path.extname(resolved).toLowerCase())) {
      ctx.out.error({
        file: ctx.display,
        line,
        field: FIELD,
        message: `网站不能处理 ${path.extname(resolved) || '没有扩展名'} 格式的图片：${shown}`,
        hint: '把图片另存为 JPG 或 PNG 格式（手机 HEIC 照片可用“画图”打开后另存为 JPG）',
      });
    } else {
      ctx.ctx.later(
        imageProblem(resolved, ctx.ctx.cacheDir).then((bad) => {
          if (bad) ctx.out.error({ file: ctx.display, line, field: FIELD, message: `${bad.message}：${shown}`, hint: bad.hint });
        }),
      );
    }
    return;
  }
  if (!path.extname(local)) return;
  if (!exists(resolved)) {
    ctx.out.error({
      file: ctx.display,
      line,
      field: FIELD,
      message: `链接的文件不存在：${shown}`,
      hint: '把文件放在文章旁边，检查文件名和扩展名是否和这里写的一致',
    });
    return;
  }
  const bad = mediaProblem(resolved, '附件');
  if (bad) ctx.out.error({ file: ctx.display, line, field: FIELD, message: `${bad.message}：${shown}`, hint: bad.hint });
}

interface MdxJsxAttr {
  type: string;
  name?: string;
  value?: unknown;
}

function isCommentOnly(value: string): boolean {
  return /^\s*(\/\*[\s\S]*?\*\/\s*)+$/.test(value);
}

/** Check the body text (everything after the front matter). */
export function checkBody(body: string, ctx: BodyContext): void {
  if (!/[[<!{]/.test(body) && !/^\s{0,3}\[/m.test(body)) return;
  let tree: Root;
  try {
    tree = ctx.mdx
      ? fromMarkdown(body, { extensions: mdxExtensions, mdastExtensions: mdxMdast })
      : // Plain CommonMark: links, images and HTML parse the same as with GFM, twice as fast.
        fromMarkdown(body);
  } catch (err) {
    const e = err as { line?: number; place?: { line?: number; start?: { line?: number } }; reason?: string; message?: string };
    const line = e.line ?? e.place?.line ?? e.place?.start?.line ?? 1;
    ctx.out.error({
      file: ctx.display,
      line: ctx.bodyStartLine + line - 1,
      field: FIELD,
      message: `MDX 语法错误：${e.reason ?? e.message ?? ''}`,
      hint: 'MDX 文件里 < 和 { 有特殊含义：单独的标签要写成 <br />，普通文字里的 { } < 请改用全角符号；不需要 MDX 功能时把文件扩展名改成 .md',
    });
    return;
  }
  const lineOf = (n: { position?: { start: { line: number } } }) => ctx.bodyStartLine + (n.position?.start.line ?? 1) - 1;
  const walk = (node: MdastNodes) => {
    switch (node.type) {
      case 'image':
        checkUrl(node.url, 'image', lineOf(node), ctx);
        if (!node.alt?.trim()) {
          ctx.out.warn({
            file: ctx.display,
            line: lineOf(node),
            field: FIELD,
            message: '图片缺少文字说明，看不见图片的读者不知道图上是什么',
            hint: `在方括号里写上图片内容，例如 ![党员在服务站为居民调试设备](${node.url})`,
          });
        }
        break;
      case 'link':
        checkUrl(node.url, 'link', lineOf(node), ctx);
        break;
      case 'definition':
        // `[^1]: 注释` is a GFM footnote, not a link (we parse plain CommonMark here).
        if (!node.label?.startsWith('^')) checkUrl(node.url, 'link', lineOf(node), ctx);
        break;
      case 'html':
        checkHtmlFragment(node.value, lineOf(node), ctx);
        break;
      default:
        break;
    }
    const t = (node as { type: string }).type;
    if (ctx.mdx) {
      if (t === 'mdxjsEsm') {
        ctx.out.error({
          file: ctx.display,
          line: lineOf(node),
          field: FIELD,
          message: 'MDX 文件里不允许写 import / export（会在生成网站时运行代码）',
          hint: '删除这一行；需要新的版式或组件请联系网站管理员',
        });
        return;
      }
      if (t === 'mdxFlowExpression' || t === 'mdxTextExpression') {
        const value = (node as { value?: string }).value ?? '';
        if (!isCommentOnly(value)) {
          ctx.out.error({
            file: ctx.display,
            line: lineOf(node),
            field: FIELD,
            message: `MDX 文件里不允许写 { } 表达式：{${value.trim().slice(0, 40)}}`,
            hint: '删除花括号；正文里要显示花括号请用全角｛｝；备注请写成 {/* 备注 */}',
          });
        }
        return;
      }
      if (t === 'mdxJsxFlowElement' || t === 'mdxJsxTextElement') {
        const jsx = node as unknown as { name: string | null; attributes: MdxJsxAttr[]; position?: { start: { line: number } } };
        const line = lineOf(jsx);
        if (jsx.name && (/^[A-Z]/.test(jsx.name) || jsx.name.includes('.'))) {
          ctx.out.error({
            file: ctx.display,
            line,
            field: FIELD,
            message: `MDX 文件里不允许使用组件 <${jsx.name}>`,
            hint: '删除这个组件，用 Markdown 或普通 HTML 标签（如 <details>）代替；需要新组件请联系网站管理员',
          });
          return;
        }
        if (jsx.name) {
          const attrs: Record<string, string | true | null> = {};
          for (const a of jsx.attributes) {
            if (a.type !== 'mdxJsxAttribute' || !a.name) {
              ctx.out.error({
                file: ctx.display,
                line,
                field: FIELD,
                message: `<${jsx.name}> 的属性里不允许写 { } 表达式`,
                hint: '属性值请写成英文引号括起来的文字，例如 title="说明"',
              });
              continue;
            }
            if (a.value !== null && a.value !== undefined && typeof a.value !== 'string') {
              ctx.out.error({
                file: ctx.display,
                line,
                field: FIELD,
                message: `<${jsx.name}> 的 ${a.name} 属性里不允许写 { } 表达式`,
                hint: `改成英文引号括起来的文字，例如 ${a.name}="…"`,
              });
              continue;
            }
            attrs[a.name] = typeof a.value === 'string' ? a.value : true;
          }
          const verdict = judgeElement(jsx.name, attrs, ctx.ctx.policy);
          for (const r of verdict.refusals) ctx.out.error(refusalProblem(ctx, line, r));
          if (verdict.drop) return;
          checkHtmlUrls(jsx.name.toLowerCase(), attrs, line, ctx);
          if (verdict.unknownTag) {
            ctx.out.warn({
              file: ctx.display,
              line,
              field: FIELD,
              message: `网站不支持 <${verdict.unknownTag}> 标签，发布时只保留其中的文字`,
              hint: '删除这个标签，用 Markdown 排版',
            });
          }
        }
      }
    }
    if ('children' in node) for (const c of node.children) walk(c as MdastNodes);
  };
  walk(tree);
}
