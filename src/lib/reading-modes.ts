/**
 * 适老化 reading modes (MIIT 2021 website guideline): extra-large text, high contrast, a
 * simplified single-column layout. A reader's choice is kept in localStorage and applied as
 * `data-reading-*` attributes on <html>, which the stylesheet keys on. Pure: no DOM here
 * except inside the boot script's text.
 */

export const READING_STORAGE_KEY = 'red-columns:reading';

export interface ReadingPrefs {
  /** 大字: text and layout at 1.5× (everything sized in rem reflows). */
  size?: 'large';
  /** 高对比: black on white, dark red, every text at 7:1 or more. */
  contrast?: 'high';
  /** 简洁版: one column, no side content, no decoration. */
  layout?: 'simple';
}

export type ReadingKey = keyof ReadingPrefs;

/** Each mode: its preference key, the value it sets, and the button label. */
export const READING_MODES: { key: ReadingKey; value: string; label: string; hint: string }[] = [
  { key: 'size', value: 'large', label: '大字', hint: '文字放大到 1.5 倍' },
  { key: 'contrast', value: 'high', label: '高对比', hint: '黑白高对比配色' },
  { key: 'layout', value: 'simple', label: '简洁版', hint: '单栏阅读，去掉侧栏' },
];

/** Only known keys with their one known value survive (storage is user-editable). */
export function cleanPrefs(value: unknown): ReadingPrefs {
  const out: Record<string, string> = {};
  if (value && typeof value === 'object') {
    for (const m of READING_MODES) {
      if ((value as Record<string, unknown>)[m.key] === m.value) out[m.key] = m.value;
    }
  }
  return out as ReadingPrefs;
}

/** The `<html>` attribute a preference sets: data-reading-size="large" and so on. */
export const readingAttr = (key: ReadingKey): string => `data-reading-${key}`;

/**
 * The blocking script in <head>: applies the stored choice before the first paint (no flash
 * of the normal layout), and marks <html> with `js` so the reading controls, which need
 * script, show only when they will work. Its SHA-256 goes into the CSP (astro.config.mjs):
 * the text must not change at render time, so it is a constant.
 */
export const READING_BOOT_SCRIPT = `(function(){var d=document.documentElement;d.className+=" js";try{var p=JSON.parse(localStorage.getItem("${READING_STORAGE_KEY}")||"{}"),m={size:"large",contrast:"high",layout:"simple"},k;for(k in m)if(p&&p[k]===m[k])d.setAttribute("data-reading-"+k,m[k])}catch(e){}})();`;
