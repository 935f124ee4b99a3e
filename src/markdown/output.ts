/**
 * The last step of every output that leaves the site (kit article.html and article.md,
 * 复制正文, RSS and JSON Feed): the tree passes the site's sanitiser once more, with the same
 * policy as the page, and is serialised by hast-util-to-html (which escapes every text and
 * attribute). Whatever an earlier step did, nothing the page policy removes can leave.
 */
import type { Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { PolicyOptions } from './html-policy.ts';
import { sanitizeTree } from './rehype-sanitize.ts';
import { cloneTree } from '../lib/clone-tree.ts';

export interface OutputOptions {
  policy: PolicyOptions;
  /** Keep our own inline styles (复制正文), each checked against the allow-list. */
  inlineStyles?: boolean;
}

/** The final sanitiser (works on a copy; the input is not changed). */
export function finalSanitize(content: Root | RootContent[], options: OutputOptions): Root {
  const tree: Root = cloneTree(Array.isArray(content) ? { type: 'root', children: content } : content);
  return sanitizeTree(tree, { ...options.policy, allowInlineStyles: options.inlineStyles === true });
}

/** Final sanitiser, then HTML. */
export function outputHtml(content: Root | RootContent[], options: OutputOptions): string {
  return toHtml(finalSanitize(content, options));
}
