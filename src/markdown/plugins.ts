/** The Markdown plugin list, in order, shared by .md and .mdx. */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import { remarkEntryLinks } from './remark-entry-links.ts';
import { rehypeBaseLinks } from './rehype-base-links.ts';
import { rehypeTables } from './rehype-tables.ts';
import { rehypeSanitize } from './rehype-sanitize.ts';
import { getSettings } from '../lib/settings.ts';

export interface MarkdownOptions {
  contentDir: string;
  base: string;
}

export function markdownPlugins(options: MarkdownOptions): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins } {
  return {
    remarkPlugins: [[remarkEntryLinks, options]],
    rehypePlugins: [
      // First: unsafe HTML is removed before any other plugin sees it (policy: html-policy.ts).
      [rehypeSanitize, { siteUrl: getSettings(options.contentDir).url, mediaOrigins: getSettings(options.contentDir).mediaOrigins }],
      [rehypeBaseLinks, { base: options.base }],
      rehypeTables,
    ],
  };
}
