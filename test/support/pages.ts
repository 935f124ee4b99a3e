/**
 * Every page type of the built sample site (one URL each), and the 适老化 reading modes, for
 * e2e tests, screenshots (scripts/screens.ts) and benchmarks (Lighthouse).
 */
import { parse } from 'node-html-parser';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { COLUMN_IDS } from '../../src/lib/columns.ts';
import { READING_STORAGE_KEY, type ReadingPrefs } from '../../src/lib/reading-modes.ts';

/** First link matching `selector` on a built page (relative to dist). */
export function firstLink(dist: string, rel: string, selector = '.card h3 a, .card h2 a'): string {
  const href = parse(readFileSync(path.join(dist, rel), 'utf8')).querySelector(selector)?.getAttribute('href');
  if (!href) throw new Error(`no link ${selector} in ${rel}`);
  return href;
}

/** Every built HTML page of a site (absolute paths), without Pagefind's, Astro's and media folders. */
export function builtPages(dist: string): string[] {
  return readdirSync(dist, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dist, d.name);
    if (d.isDirectory()) return ['search-index', '_astro', 'media', '_posters'].includes(d.name) ? [] : builtPages(p);
    return d.name.endsWith('.html') ? [p] : [];
  });
}

export const UNIT_WITH_SUB_UNITS = 'network-committee';

/** [name, path under the origin] for every page type; paths are resolved lazily (the build may not exist yet). */
export function PAGE_TYPES(dist: string, base: string): [string, () => string][] {
  return [
    ['home', () => base],
    ...COLUMN_IDS.map((c): [string, () => string] => [`column-${c}`, () => `${base}${c}/`]),
    ...COLUMN_IDS.map((c): [string, () => string] => [`entry-${c}`, () => firstLink(dist, `${c}/index.html`)]),
    ['entry-salon-gallery', () => `${base}salon/2026-05/`],
    ['entry-highlight-person', () => `${base}highlights/zhou-hai-feng/`],
    ['videos-showcase', () => `${base}videos/showcase/`],
    ['units', () => `${base}units/`],
    ['unit', () => `${base}units/${UNIT_WITH_SUB_UNITS}/`],
    ['unit-archive', () => `${base}units/${UNIT_WITH_SUB_UNITS}/archive/`],
    ['forest', () => `${base}forest/`],
    ['forest-year', () => `${base}forest/2026/`],
    ['archive', () => `${base}archive/`],
    ['archive-year', () => `${base}archive/2026/`],
    ['tags', () => `${base}tags/`],
    ['tag', () => firstLink(dist, 'tags/index.html', '.tag-cloud a')],
    ['search', () => `${base}search/?q=${encodeURIComponent('无人机')}`],
    ['404', () => `${base}no-such-page/`],
  ];
}

/** The reading modes a reader can choose (and combinations worth checking). */
export const READING_MODES = {
  normal: {},
  large: { size: 'large' },
  contrast: { contrast: 'high' },
  simple: { layout: 'simple' },
  elder: { size: 'large', contrast: 'high', layout: 'simple' },
} satisfies Record<string, ReadingPrefs>;
export type ReadingModeName = keyof typeof READING_MODES;

/**
 * Stores the reading preferences before any page of the origin loads (as a returning reader
 * has them). The normal mode stores nothing (a new context starts with empty storage).
 */
export async function setReadingMode(page: Page, prefs: ReadingPrefs): Promise<void> {
  if (Object.keys(prefs).length === 0) return;
  await page.addInitScript(
    ([key, value]) => {
      try {
        localStorage.setItem(key!, value!);
      } catch {
        /* opaque origins (about:blank) have no storage */
      }
    },
    [READING_STORAGE_KEY, JSON.stringify(prefs)],
  );
}
