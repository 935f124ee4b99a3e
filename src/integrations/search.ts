/**
 * Chinese full-text search: after `astro build` writes the pages, index every entry page
 * (the ones with `data-pagefind-body`) with Pagefind and write the index to `pagefind/`.
 * Drafts are never built in production, so they are never indexed.
 *
 * Pagefind's extended binary (shipped in @pagefind/<platform>) segments Chinese into
 * words; we add the title's 2- and 3-character runs to the indexed text only (see
 * src/lib/search-terms.ts), never to the pages readers download.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pageTitle, UNLISTED_MARK, withTitleNgrams } from '../lib/search-terms.ts';

function htmlFiles(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const d of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory()) {
      if (r === 'pagefind' || r === 'media' || r === '_astro') continue;
      out.push(...htmlFiles(root, r));
    } else if (d.name.endsWith('.html')) out.push(r);
  }
  return out.sort();
}

export function searchIntegration(_config: unknown): AstroIntegration {
  return {
    name: 'red-columns:search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pagefind = await import('pagefind');
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
        if (!index) throw new Error(`Pagefind 无法启动：${errors.join('; ')}`);
        let pages = 0;
        for (const rel of htmlFiles(root)) {
          const html = readFileSync(path.join(root, rel), 'utf8');
          if (!html.includes('data-pagefind-body') || html.includes(UNLISTED_MARK)) continue;
          const title = pageTitle(html) ?? '';
          // Site-relative: the search page sets Pagefind's baseUrl to the sub-path.
          const url = '/' + rel.replace(/(^|\/)index\.html$/, '$1');
          const res = await index.addHTMLFile({ url, content: withTitleNgrams(html, title) });
          if (res.errors.length) throw new Error(`Pagefind 索引 ${rel} 失败：${res.errors.join('; ')}`);
          pages++;
        }
        const written = await index.writeFiles({ outputPath: path.join(root, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind 写入索引失败：${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`已为 ${pages} 篇内容建立站内搜索索引（pagefind/）`);
      },
    },
  };
}
