/**
 * Checks of an entry's Markdown body: links to other entries and files, images (file
 * exists and decodes, alt text, not on another site, not a path on the author's PC), and
 * HTML and MDX against the policy in src/markdown/html-policy.ts.
 *
 * The HTML/MDX part is not a second implementation of the policy: the body is parsed as the
 * site parses it (GFM or MDX, raw HTML by parse5), and the site's own sanitiser runs on that
 * tree; every construct it removes (script, handlers, `javascript:` links, frames, MDX
 * imports, expressions and components…) is reported as an error with its line. What it
 * keeps but the site cannot serve (relative paths in HTML tags, pictures without alt text)
 * is linted on the same parse5 tree. There is no whitelist of MDX components yet: when one
 * is needed, it is added to the policy.
 */
import path from 'node:path';
import type { Nodes as MdastNodes, Root } from 'mdast';
import { isEntryHref, resolveEntryHref } from '../../lib/entry-links.ts';
import { resolveLocalUrl } from '../../lib/local-files.ts';
import { parseBody, sanitisedHast } from '../../markdown/body-tree.ts';
import { allowedOrigins, isDangerousUrl, type Refusal } from '../../markdown/html-policy.ts';
import { MARKDOWN_MARK, type SanitizeEvent } from '../../markdown/rehype-sanitize.ts';
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

function refusalProblem(ctx: BodyContext, line: number, r: Refusal): Problem {
  return { file: ctx.display, line, field: FIELD, message: r.message, hint: r.hint };
}

/**
 * An element written as HTML (or MDX JSX) that the policy keeps, linted for what the site
 * cannot serve: relative addresses and pictures without alt text. Shown by the sanitiser
 * itself (its `inspect`), on the same parse5 tree: elements made from Markdown carry a mark
 * and are linted by the Markdown rules instead.
 */
function lintTag(tag: string, attrs: Record<string, string | true | null>, line: number, ctx: BodyContext): void {
  checkHtmlUrls(tag, attrs, line, ctx);
  if (tag === 'img' && !(typeof attrs.alt === 'string' && attrs.alt.trim())) {
    ctx.out.warn({
      file: ctx.display,
      line,
      field: FIELD,
      message: '图片缺少文字说明（alt），看不见图片的读者不知道图上是什么',
      hint: '在 <img> 里加上 alt="图片内容"，或改用 ![图片内容](./图片.jpg)',
    });
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
  // `javascript:` and other addresses that run code: the sanitiser's report says it (checkBody).
  if (isDangerousUrl(url, kind === 'image' ? 'img' : 'a', kind === 'image' ? 'src' : 'href')) return;
  const written = writtenPathProblem(url, kind === 'image' ? '图片' : '链接', ctx.ctx.show(path.dirname(ctx.file)), (rel) =>
    kind === 'image' ? `![图片内容](${rel})` : `[文件说明](${rel})`,
  );
  if (written) {
    ctx.out.error({ file: ctx.display, line, field: FIELD, ...written });
    return;
  }
  if (kind === 'image' && externalImageProblem(url, line, ctx)) return;
  const local = resolveLocalUrl(ctx.file, url, exists);
  if (!local) return;
  const resolved = local.file;
  if (kind === 'link' && isEntryHref(url)) {
    const target = resolveEntryHref(ctx.file, url, ctx.ctx.contentDir);
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
  if (!path.extname(resolved)) return;
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

/**
 * The sanitiser's report as located problems: exactly what it removes is refused. Images on
 * other sites are worded by externalImageProblem (with the file to download), so the
 * sanitiser's `外部图片` refusal is not repeated.
 */
function reportSanitizer(ctx: BodyContext) {
  const line = (l: number | undefined) => ctx.bodyStartLine + (l ?? 1) - 1;
  return (event: SanitizeEvent) => {
    if (event.kind === 'refused') {
      if (event.refusal.what !== '外部图片') ctx.out.error(refusalProblem(ctx, line(event.line), event.refusal));
      return;
    }
    ctx.out.warn({
      file: ctx.display,
      line: line(event.line),
      field: FIELD,
      message: `网站不支持 <${event.tag}> 标签，发布时只保留其中的文字`,
      hint: '删除这个标签（常见于从 Word 复制的内容），用 Markdown 排版：**加粗**、## 小标题、- 列表',
    });
  };
}

/**
 * Check the body text (everything after the front matter). Returns the Markdown tree (the
 * publish manifest reads the files it refers to), or undefined when there is nothing to read.
 */
export function checkBody(body: string, ctx: BodyContext): Root | undefined {
  // Nothing to parse in plain text (an MDX `import`/`export` line has none of these marks: always read MDX).
  if (!ctx.mdx && !/[[<!{]/.test(body)) return undefined;
  let tree: Root;
  try {
    tree = parseBody(body, ctx.mdx, true);
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
    return undefined;
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
        if (!node.label?.startsWith('^')) checkUrl(node.url, 'link', lineOf(node), ctx);
        break;
      default:
        break;
    }
    if ('children' in node) for (const c of node.children) walk(c as MdastNodes);
  };
  walk(tree);
  // HTML, MDX and link addresses: the site's own sanitiser on the same tree reports what it removes.
  sanitisedHast(tree, {
    policy: ctx.ctx.policy,
    source: body,
    markMarkdown: true,
    report: reportSanitizer(ctx),
    inspect: (tag, attrs, line) => {
      if (!(MARKDOWN_MARK in attrs)) lintTag(tag, attrs, ctx.bodyStartLine + (line ?? 1) - 1, ctx);
    },
  });
  return tree;
}
