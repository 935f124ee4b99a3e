/**
 * What search must find, measured independently of src/lib/search: the text Chromium shows
 * (`innerText`, with the site's CSS) of each entry page's searchable article, minus interface
 * text (`data-search-ignore`, buttons) and decoration (`aria-hidden`), with every `<details>` open. A page holds a query when
 * every space-separated piece (NFKC, lower case) is inside one line of that text.
 */
import type { Page } from 'playwright-core';

/** Lines of shown text, by page URL (as given); pages without a searchable article are left out. */
export async function shownLines(page: Page, urls: string[], batch = 50): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < urls.length; i += batch) {
    const part = await page.evaluate(async (list) => {
      const box = document.createElement('div');
      box.style.cssText = 'position:absolute;left:-10000px;top:0;width:60rem';
      document.body.append(box);
      const res: [string, string][] = [];
      await Promise.all(
        list.map(async (url) => {
          // Retried: a hundred requests at once on a busy machine may drop one.
          let html = '';
          for (let attempt = 0; ; attempt++) {
            try {
              html = await (await fetch(url)).text();
              break;
            } catch (err) {
              if (attempt === 6) throw new Error(`${url}: ${String(err)}`);
              await new Promise((ok) => setTimeout(ok, 250 * 2 ** attempt));
            }
          }
          const doc = new DOMParser().parseFromString(html, 'text/html');
          const article = doc.querySelector('[data-search-body]');
          if (!article || article.querySelector('[data-search-unlisted]')) return;
          for (const el of article.querySelectorAll('[data-search-ignore], [aria-hidden="true"], button, script, template')) el.remove();
          // What a disclosure (<details>) holds is the reader's to open: shown text.
          for (const d of article.querySelectorAll('details')) d.setAttribute('open', '');
          const copy = document.importNode(article, true) as HTMLElement;
          box.append(copy);
          res.push([url, copy.innerText]);
          copy.remove();
        }),
      );
      box.remove();
      return res;
    }, urls.slice(i, i + batch));
    for (const [url, text] of part) out.set(url, text.split('\n').map(foldText).filter((l) => l.trim()));
  }
  return out;
}

export function foldText(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/** The pages (URLs) whose lines hold every space-separated piece of the query. */
export function pagesHolding(lines: Map<string, string[]>, query: string): Set<string> {
  const pieces = foldText(query).split(/\s+/).filter(Boolean);
  const out = new Set<string>();
  for (const [url, ls] of lines) if (pieces.every((p) => ls.some((l) => l.includes(p)))) out.add(url);
  return out;
}
