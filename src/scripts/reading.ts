/**
 * The 适老化 reading controls: toggle buttons that set `data-reading-*` on <html> and keep the
 * choice in localStorage (the boot script in <head> applies it on the next page before the
 * first paint). Other tabs follow through the `storage` event.
 */
import { cleanPrefs, READING_MODES, READING_STORAGE_KEY, readingAttr, type ReadingKey, type ReadingPrefs } from '../lib/reading-modes.ts';

function load(): ReadingPrefs {
  try {
    return cleanPrefs(JSON.parse(localStorage.getItem(READING_STORAGE_KEY) ?? '{}'));
  } catch {
    return {};
  }
}

function save(prefs: ReadingPrefs): void {
  try {
    if (Object.keys(prefs).length) localStorage.setItem(READING_STORAGE_KEY, JSON.stringify(prefs));
    else localStorage.removeItem(READING_STORAGE_KEY);
  } catch {
    /* storage off (private mode, policy): the choice holds for this page only */
  }
}

export function startReadingTools(root: HTMLElement | null): void {
  if (!root) return;
  const html = document.documentElement;
  const toggles = [...root.querySelectorAll<HTMLButtonElement>('[data-reading-toggle]')];
  const reset = root.querySelector<HTMLButtonElement>('[data-reading-reset]');
  // The page as it is now (the boot script may have applied a stored choice, or storage may be off).
  let prefs: ReadingPrefs = cleanPrefs(
    Object.fromEntries(READING_MODES.map((m) => [m.key, html.getAttribute(readingAttr(m.key)) ?? undefined])),
  );

  const apply = (next: ReadingPrefs) => {
    prefs = next;
    for (const m of READING_MODES) {
      if (prefs[m.key]) html.setAttribute(readingAttr(m.key), m.value);
      else html.removeAttribute(readingAttr(m.key));
    }
    for (const b of toggles) b.setAttribute('aria-pressed', String(Boolean(prefs[b.dataset.readingToggle as ReadingKey])));
    if (reset) reset.disabled = Object.keys(prefs).length === 0;
  };

  apply(prefs);
  for (const b of toggles) {
    b.addEventListener('click', () => {
      const key = b.dataset.readingToggle as ReadingKey;
      const next: Record<string, string> = { ...prefs };
      if (next[key]) delete next[key];
      else next[key] = b.dataset.readingValue ?? '';
      apply(cleanPrefs(next));
      save(prefs);
    });
  }
  reset?.addEventListener('click', () => {
    apply({});
    save(prefs);
    // The button just disabled itself: keep the keyboard in the group.
    toggles[0]?.focus();
  });
  window.addEventListener('storage', (e) => {
    if (e.key === READING_STORAGE_KEY || e.key === null) apply(load());
  });
}
