// @ts-check
import { createHash } from 'node:crypto';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { loadConfig } from './src/config/settings.ts';
import { markdownPlugins } from './src/markdown/plugins.ts';
import { configIntegration } from './src/integrations/config.ts';
import { mediaIntegration } from './src/integrations/media.ts';
import { contentCheckIntegration } from './src/integrations/content-check.ts';
import { searchIntegration } from './src/integrations/search.ts';
import { cspDirectives } from './src/lib/csp.ts';
import { readEntrySources } from './src/publish/manifest.ts';
import { videoUrlsIn } from './src/publish/references.ts';
import { READING_BOOT_SCRIPT } from './src/lib/reading-modes.ts';
import { postersIntegration } from './src/integrations/posters.ts';

// site.yaml and the RED_* options, read once: every integration and plugin gets this object,
// pages get it through `virtual:red-columns/config` (src/config/site.ts).
const config = loadConfig();
const plugins = markdownPlugins(config);

export default defineConfig({
  site: config.site.url,
  base: config.site.base,
  trailingSlash: 'ignore',
  outDir: config.outDir,
  // Separate caches let tests build fixture sites while a dev server runs.
  cacheDir: config.cacheDir,
  markdown: {
    // Shiki colours code with inline styles, which the CSP (below) forbids: code stays plain.
    syntaxHighlight: false,
    processor: unified({
      remarkPlugins: plugins.remarkPlugins,
      rehypePlugins: plugins.rehypePlugins,
    }),
  },
  image: {
    layout: 'constrained',
    responsiveStyles: false,
  },
  integrations: [
    configIntegration(config),
    contentCheckIntegration(config),
    mdx(),
    sitemap(),
    mediaIntegration(config),
    postersIntegration(),
    searchIntegration(config),
  ],
  devToolbar: { enabled: false },
  // Warm builds copy entry pages, kits and posters whose cache key and code are unchanged
  // (keys: src/collections/page-keys.ts; a build test holds warm = cold after edits).
  experimental: { incrementalBuild: true },
  // The preview server may read photos from a content folder outside the project (RED_CONTENT_DIR).
  vite: { server: { fs: { allow: ['.', config.contentDir] } } },
  // Issue 4: a Content-Security-Policy <meta> on every page. Astro hashes our inline scripts and
  // styles; search is plain JavaScript reading its index from the site itself (no WebAssembly).
  security: {
    csp: {
      // Video servers: from parsed, validated front matter and site.yaml (src/lib/csp.ts), never raw strings.
      directives: cspDirectives({ videoUrls: videoUrlsIn(readEntrySources(config.contentDir)), mediaOrigins: config.site.mediaOrigins }),
      // The one unprocessed inline script (reading modes applied before the first paint), by its hash.
      scriptDirective: { resources: ["'self'"], hashes: [`sha256-${createHash('sha256').update(READING_BOOT_SCRIPT).digest('base64')}`] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
