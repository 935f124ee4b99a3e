// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { contentDir, getSettings } from './src/lib/settings.ts';
import { markdownPlugins } from './src/markdown/plugins.ts';
import { mediaIntegration } from './src/integrations/media.ts';
import { contentCheckIntegration } from './src/integrations/content-check.ts';
import { searchIntegration } from './src/integrations/search.ts';
import { cspDirectives } from './src/lib/csp.ts';
import { postersIntegration } from './src/integrations/posters.ts';

const settings = getSettings();
const dir = contentDir();
const plugins = markdownPlugins({ contentDir: dir, base: settings.base });

export default defineConfig({
  site: settings.url,
  base: settings.base,
  trailingSlash: 'ignore',
  outDir: process.env.RED_OUT_DIR ?? './dist',
  // Separate caches let tests build fixture sites while a dev server runs.
  cacheDir: process.env.RED_CACHE_DIR ?? './node_modules/.astro',
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
  integrations: [contentCheckIntegration({ contentDir: dir }), mdx(), sitemap(), mediaIntegration({ contentDir: dir, base: settings.base }), postersIntegration({ base: settings.base }), searchIntegration({ base: settings.base })],
  devToolbar: { enabled: false },
  // The preview server may read photos from a content folder outside the project (RED_CONTENT_DIR).
  vite: { server: { fs: { allow: ['.', dir] } } },
  // Issue 4: a Content-Security-Policy <meta> on every page. Astro hashes our inline scripts and
  // styles; 'self' lets search load pagefind/, 'wasm-unsafe-eval' lets its WebAssembly run.
  security: {
    csp: {
      directives: cspDirectives(dir),
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
