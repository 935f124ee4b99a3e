/** The Markdown plugin list, in order, shared by .md and .mdx. */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import { remarkEntryLinks } from './remark-entry-links.ts';
import { rehypeBaseLinks } from './rehype-base-links.ts';
import { rehypeTables } from './rehype-tables.ts';

export interface MarkdownOptions {
  contentDir: string;
  base: string;
}

export function markdownPlugins(options: MarkdownOptions): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins } {
  return {
    remarkPlugins: [[remarkEntryLinks, options]],
    rehypePlugins: [[rehypeBaseLinks, { base: options.base }], rehypeTables],
  };
}
