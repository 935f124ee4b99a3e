/**
 * The content check inside Astro, so authors see our Chinese, located messages before
 * anything Astro says about a schema. On documented hooks only: `astro:config:setup` and
 * `astro:server:setup` (its `server`, `logger` and `refreshContent`).
 * - `astro dev`: checked at start and whenever a file under the content folder changes (the
 *   dev server's file watcher; nothing polls). The server always starts: the content loaders
 *   leave out what Astro cannot read (src/collections/loaders.ts), and while a published
 *   entry has errors every page shows them instead (with the browser's error overlay),
 *   cleared once fixed. A draft never stops the preview: it shows with its problems listed,
 *   and a draft with errors answers its address with those errors.
 * - `astro build` run directly (not through `npm run build`, which checks first and sets
 *   RED_CHECKED): errors in published entries stop the build; drafts are left out.
 */
import { escapeMarkup as escapeHtml } from '../lib/escape.ts';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { RedConfig } from '../config/settings.ts';
import { blockingErrors, checkContent, displayRootFor, formatProblem, formatReport, type CheckedEntry, type CheckResult, type Problem } from '../check/index.ts';

function overlayError(result: CheckResult, contentDir: string) {
  const errors = blockingErrors(result);
  const first = errors[0]!;
  const file = path.resolve(displayRootFor(contentDir), first.file);
  return {
    name: '内容检查',
    title: `内容有 ${errors.length} 个错误，请按提示修改`,
    message: `内容检查发现 ${errors.length} 个错误，请修改后保存，页面会自动刷新：\n\n${errors.map(formatProblem).join('\n\n')}`,
    hint: '每条的格式是：文件:行 — 字段 — 问题 — 怎么改。全部问题（包括提醒）也显示在运行 npm run dev 的终端窗口里。',
    stack: '',
    plugin: 'red-content-check',
    id: file,
    ...(first.line ? { loc: { file, line: first.line, column: 1 } } : {}),
  };
}


const STYLE = `body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;background:#fff7f5;color:#1f1a17;line-height:1.6}
main{max-width:60rem;margin:0 auto;padding:1.5rem}h1{color:#a4161a;font-size:1.5rem;margin:0 0 .5rem}
ol{padding-left:1.25rem}li{background:#fff;border:1px solid #e6c9c4;border-left:4px solid #c8102e;border-radius:4px;margin:0 0 1rem;padding:.75rem 1rem;overflow-wrap:anywhere}
li.warn{border-left-color:#b26a00}li p{margin:.25rem 0}.where{font-family:ui-monospace,Consolas,monospace;font-weight:600}.fix{color:#1d4d2b}`;

function problemItems(problems: readonly Problem[], className = ''): string {
  return problems
    .map(
      (p) =>
        `<li${className ? ` class="${className}"` : ''}><p class="where">${escapeHtml(p.line ? `${p.file}:${p.line}` : p.file)}${p.field ? ` — ${escapeHtml(p.field)}` : ''}</p>` +
        `<p>${escapeHtml(p.message)}</p><p class="fix">怎么改：${escapeHtml(p.hint)}</p></li>`,
    )
    .join('');
}

function page(title: string, base: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
<script type="module" src="${escapeHtml(base.replace(/\/?$/, '/'))}@vite/client"></script></head>
<body><main>${body}</main></body></html>`;
}

/** The page `npm run dev` shows while published content has errors. */
export function errorPage(result: CheckResult, base: string): string {
  const errors = blockingErrors(result);
  const warnings = result.warnings.length ? `<p>另有 ${result.warnings.length} 个提醒，见运行 npm run dev 的终端窗口。</p>` : '';
  return page(
    `内容有 ${errors.length} 个错误`,
    base,
    `<h1>内容检查发现 ${errors.length} 个错误</h1>
<p>请按下面的说明修改文件并保存，这个页面会自动刷新。</p><ol>${problemItems(errors)}</ol>${warnings}`,
  );
}

/** The page at a draft's address while the draft has errors (the preview cannot show it yet). */
export function draftPage(entry: CheckedEntry, result: CheckResult, base: string): string {
  // The entry's own file, and for a folder entry the files beside it (captions).
  const folder = /\/index\.mdx?$/.test(entry.file) ? entry.file.replace(/index\.mdx?$/, '') : undefined;
  const mine = (p: Problem) => p.file === entry.file || (folder !== undefined && p.file.startsWith(folder));
  const own = result.errors.filter(mine);
  const warnings = result.warnings.filter(mine);
  const title = entry.title || entry.file;
  return page(
    `草稿：${title}`,
    base,
    `<h1>草稿还没写完：${escapeHtml(title)}</h1>
<p>这篇草稿（${escapeHtml(entry.file)}）还有 ${own.length} 个错误，改好保存后这里自动显示预览。草稿不会发布到正式网站，也不影响别人生成网站。</p>
<ol>${problemItems(own)}${problemItems(warnings, 'warn')}</ol>`,
  );
}

/** Which drafts have errors: when this changes, the content layer must look at them again. */
const brokenDrafts = (r: CheckResult | undefined) =>
  (r?.list ?? [])
    .filter((e) => e.draft && e.hasErrors)
    .map((e) => e.path)
    .sort()
    .join('\n');

export function contentCheckIntegration(config: Pick<RedConfig, 'contentDir' | 'cacheDir' | 'checked' | 'site'>): AstroIntegration {
  const { contentDir } = config;
  const check = () => checkContent(contentDir, { cacheDir: config.cacheDir });
  // Re-checks after a save run on a worker thread: page requests are never held by them.
  let worker: Worker | undefined;
  const checkOffThread = (): Promise<CheckResult> =>
    new Promise<CheckResult>((resolve, reject) => {
      try {
        if (!worker) {
          worker = new Worker(new URL('./content-check-worker.ts', import.meta.url));
          worker.unref();
        }
      } catch {
        return check().then(resolve, reject);
      }
      const w = worker;
      const done = (result: CheckResult) => {
        w.off('error', failed);
        resolve(result);
      };
      const failed = () => {
        w.off('message', done);
        worker = undefined;
        check().then(resolve, reject);
      };
      w.once('message', done);
      w.once('error', failed);
      w.postMessage({ contentDir, cacheDir: config.cacheDir });
    });
  /** The site's base (site.yaml), for the addresses of drafts. */
  const siteBase = config.site.base;
  let last: CheckResult | undefined;
  let shown = '';

  /** Print the report when it changed since last time. */
  const tell = (logger: AstroIntegrationLogger, result: CheckResult, before?: CheckResult) => {
    const report = formatReport(result);
    if (report === shown) return;
    const hadErrors = before !== undefined && blockingErrors(before).length > 0;
    shown = report;
    const blocking = blockingErrors(result).length;
    if (blocking) {
      logger.error(
        `\n${report}\n\n预览照常运行：浏览器里打开任何页面都会先显示这 ${blocking} 个错误；改好保存后页面自动恢复（按 Ctrl+C 退出预览）。`,
      );
    } else {
      if (result.errors.length || result.warnings.length) logger.warn(`\n${report}`);
      // All clear: said when it ends a broken spell, not on every start.
      if (hadErrors) logger.info('内容检查通过，预览已恢复。');
    }
  };

  return {
    name: 'red-content-check',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command === 'build' && !config.checked) {
          const result = await check();
          if (result.errors.length || result.warnings.length) logger.warn(`\n${formatReport(result)}`);
          const errors = blockingErrors(result).length;
          if (errors) throw new Error(`内容检查发现 ${errors} 个错误（见上面的说明），网站没有生成。`);
        }
        if (command === 'dev') {
          last = await check();
          tell(logger, last);
        }
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        /** The draft (with errors) whose address this is, if any (Astro's base middleware may have taken the base off already). */
        const brokenDraftAt = (url: string): CheckedEntry | undefined => {
          let p: string;
          try {
            p = decodeURI(url.split(/[?#]/)[0] ?? '');
          } catch {
            return undefined;
          }
          if (p.startsWith(siteBase)) p = `/${p.slice(siteBase.length)}`;
          const [, column, slug, rest] = /^\/([^/]+)\/([^/]+)\/?(.*)$/.exec(p) ?? [];
          if (rest) return undefined;
          return last?.list?.find((e) => e.draft && e.hasErrors && e.column === column && e.slug === slug);
        };
        // Answers before Astro's page handler, which runs last (Astro adds it after every plugin's middleware).
        server.middlewares.use((req, res, next) => {
          const accept = String(req.headers.accept ?? '');
          if (!last || req.method !== 'GET' || !accept.includes('text/html')) return next();
          let html: string | undefined;
          let status = 200;
          if (blockingErrors(last).length) {
            html = errorPage(last, server.config.base);
            status = 500;
          } else {
            const draft = brokenDraftAt(req.url ?? '');
            if (draft) html = draftPage(draft, last, server.config.base);
          }
          if (html === undefined) return next();
          res.statusCode = status;
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.end(html);
        });
        const sendOverlay = () => {
          if (last && blockingErrors(last).length) server.ws.send({ type: 'error', err: overlayError(last, contentDir) });
        };
        server.ws.on('connection', sendOverlay);
        server.httpServer?.once('close', () => void worker?.terminate());

        // Check again when anything under the content folder changes (a burst of saves counts once).
        const root = path.resolve(contentDir);
        const inContent = (file: string) => path.resolve(file).startsWith(root + path.sep);
        let timer: ReturnType<typeof setTimeout> | undefined;
        let running: Promise<void> = Promise.resolve();
        const recheck = async () => {
          const before = last;
          const result = await checkOffThread();
          last = result;
          tell(logger, result, before);
          if (blockingErrors(result).length) return sendOverlay();
          // Drafts that became showable (or broken) without their own file changing (an image
          // added or deleted): the content layer looks at them again.
          if (brokenDrafts(before) !== brokenDrafts(result)) await refreshContent?.({});
          if (before && (blockingErrors(before).length || brokenDrafts(before) !== brokenDrafts(result))) server.ws.send({ type: 'full-reload' });
        };
        server.watcher.add(contentDir);
        server.watcher.on('all', (_event, file) => {
          if (!inContent(file)) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            running = running.then(recheck).catch((err: unknown) => logger.error(`内容检查出错：${(err as Error).message}`));
          }, 150);
        });
      },
    },
  };
}
