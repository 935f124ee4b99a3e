/**
 * A stand-in for `virtual:red-columns/config` (aliased in vitest.config.ts for the unit
 * project): the object astro.config.mjs would hand over, here for a test site under /dangjian/.
 * Tests may change `config.mode` / `config.today` before the content layer reads them.
 */
import type { SiteConfig } from '../../src/config/settings.ts';

// On globalThis: tests reload the content layer (vi.resetModules), which reloads this module too.
export const config: SiteConfig = ((globalThis as { __fakeRedConfig?: SiteConfig }).__fakeRedConfig ??= {
  site: {
    title: '测试站',
    organization: '测试党委',
    description: '',
    url: 'https://intranet.example.cn',
    base: '/dangjian/',
    pageSize: 20,
    mediaOrigins: [],
  },
  contentDir: '/srv/content',
  cacheDir: '/tmp/red-cache',
  today: '2026-06-01',
  preview: false,
  posterFrames: false,
  mode: 'production',
});
