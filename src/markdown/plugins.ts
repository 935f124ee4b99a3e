/** The Markdown plugin list, in order, shared by .md and .mdx. */
import { remarkEntryLinks } from './remark-entry-links.ts';
import { rehypeBaseLinks } from './rehype-base-links.ts';
import { rehypeTables } from './rehype-tables.ts';

export interface MarkdownOptions {
  contentDir: string;
  base: string;
}

export function markdownPlugins(options: MarkdownOptions) {
  return {
    remarkPlugins: [[remarkEntryLinks, options]] as [typeof remarkEntryLinks, MarkdownOptions][],
    rehypePlugins: [[rehypeBaseLinks, { base: options.base }], [rehypeTables]] as unknown[],
  };
}
