/** The Markdown plugin list, in order, shared by .md and .mdx. */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import type { RedConfig } from '../config/settings.ts';
import { remarkEntryLinks } from './remark-entry-links.ts';
import { rehypeBaseLinks } from './rehype-base-links.ts';
import { rehypeTables } from './rehype-tables.ts';
import { rehypeProseImages } from './rehype-prose-images.ts';
import { rehypeSanitize } from './rehype-sanitize.ts';

export function markdownPlugins(config: Pick<RedConfig, 'contentDir' | 'site'>): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins } {
  const { base, url, mediaOrigins } = config.site;
  return {
    remarkPlugins: [[remarkEntryLinks, { contentDir: config.contentDir, base }]],
    rehypePlugins: [
      // First: unsafe HTML is removed before any other plugin sees it (policy: html-policy.ts).
      [rehypeSanitize, { siteUrl: url, mediaOrigins, base }],
      [rehypeBaseLinks, { base }],
      rehypeTables,
      // Photos sized for the reading column (before Astro's own image step).
      rehypeProseImages,
    ],
  };
}
