/**
 * An entry body as a sanitised hast tree, outside Astro: the one tree every output that
 * leaves the site is made from (kit article.html and article.md, 复制正文, feeds), and what
 * summaries and search meta read. Built with the site's own plugins in the site's order
 * (entry links, the sanitiser, base links), so it holds what the page holds: no comment of
 * either kind, no script, no MDX expression.
 *
 * Images keep their source path (`./上门服务.jpg`): outputs match each image to its file by
 * that identity, never by position.
 */
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Root as MdastRoot } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { defaultHandlers, toHast, type Handler } from 'mdast-util-to-hast';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';
import { visit } from 'unist-util-visit';
import type { PolicyOptions } from './html-policy.ts';
import { rehypeBaseLinks } from './rehype-base-links.ts';
import { MARKDOWN_MARK, sanitizeTree, type SanitizeEvent, type SanitizeOptions } from './rehype-sanitize.ts';
import { remarkEntryLinks } from './remark-entry-links.ts';

const MDX_NODE_TYPES = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'] as const;
const mdExtensions = [gfm()];
const mdMdast = [gfmFromMarkdown()];
const mdxExtensions = [gfm(), mdxjs()];
const mdxMdast = [gfmFromMarkdown(), mdxFromMarkdown()];

/**
 * Markdown (GFM, as the site reads it) or MDX to mdast. Throws on an MDX syntax error.
 * `gfmOnlyWhenNeeded` (the content check): a Markdown body is read as plain CommonMark (a
 * third faster) unless it has raw HTML and a table or strikethrough, where GFM splits the raw
 * HTML differently. Otherwise GFM differs only in autolinks (never `javascript:`), task-list
 * boxes (allowed) and footnotes: raw HTML, links and images come out the same, so the
 * sanitiser refuses the same things.
 */
export function parseBody(body: string, mdx: boolean, gfmOnlyWhenNeeded = false): MdastRoot {
  const text = body.replace(/^\uFEFF/, '');
  if (mdx) return fromMarkdown(text, { extensions: mdxExtensions, mdastExtensions: mdxMdast });
  if (gfmOnlyWhenNeeded && !(text.includes('<') && /[|~]/.test(text))) return fromMarkdown(text);
  return fromMarkdown(text, { extensions: mdExtensions, mdastExtensions: mdMdast });
}

export interface HastOptions {
  policy: PolicyOptions;
  /** The body text (positions of raw HTML). */
  source: string;
  report?: ((event: SanitizeEvent) => void) | undefined;
  /** Shown every element the policy keeps (see SanitizeOptions.inspect). */
  inspect?: SanitizeOptions['inspect'];
  /** Plain hast elements for MDX JSX (default true). */
  portable?: boolean;
  /** Mark Markdown links and images so refusals quote Markdown (the content check). */
  markMarkdown?: boolean;
}

function marked(kind: 'link' | 'image'): Handler {
  return (state, node) => {
    const el = defaultHandlers[kind](state, node as never) as Element;
    el.properties[MARKDOWN_MARK] = kind;
    return el;
  };
}

/** mdast → hast (raw HTML parsed by parse5) → the sanitiser. */
export function sanitisedHast(mdast: MdastRoot, options: HastOptions): Root {
  const hast = toHast(mdast, {
    allowDangerousHtml: true,
    passThrough: [...MDX_NODE_TYPES],
    ...(options.markMarkdown ? { handlers: { link: marked('link'), image: marked('image') } } : {}),
  }) as Root;
  return sanitizeTree(hast, options.policy, { file: options.source, report: options.report, inspect: options.inspect, portable: options.portable ?? true });
}

export interface BodyTreeOptions {
  mdx: boolean;
  /** Absolute path of the Markdown file (links and images are relative to it). */
  file: string;
  contentDir: string;
  base: string;
  policy: PolicyOptions;
}

/** The whole pipeline: the body of one entry as the sanitised tree outputs are made from. */
export function bodyTree(body: string, options: BodyTreeOptions): Root {
  const mdast = parseBody(body, options.mdx);
  remarkEntryLinks({ contentDir: options.contentDir, base: options.base })(mdast, { path: options.file });
  const tree = sanitisedHast(mdast, { policy: options.policy, source: body });
  rehypeBaseLinks({ base: options.base })(tree);
  return tree;
}

/** Plain text of a tree, paragraphs as line breaks (summaries, search meta, text/plain). */
export function treeText(tree: Root | Element): string {
  return toText(tree, { whitespace: 'normal' });
}

/** `<img>` elements of a tree with their `src` as written (the file's identity). */
export function treeImages(tree: Root): Element[] {
  const out: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'img' && typeof node.properties.src === 'string') out.push(node);
  });
  return out;
}
