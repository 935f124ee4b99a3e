/**
 * The content check inside Astro, so authors see our Chinese, located messages before
 * anything Astro says about a schema:
 * - `astro dev`: checked at start (terminal); with errors, the start waits until the files
 *   are fixed (Astro would otherwise stop on e.g. a YAML error with an English stack trace).
 *   Checked again whenever a file under the content folder changes: while there are errors,
 *   every page shows them (and the browser's error overlay), cleared once fixed.
 * - `astro build` run directly (not through `npm run build`, which checks first and sets
 *   RED_CHECKED): errors stop the build.
 */
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import type { RedConfig } from '../config/settings.ts';
import { checkContent, displayRootFor, formatProblem, formatReport, type CheckResult } from '../check/index.ts';

function overlayError(result: CheckResult, contentDir: string) {
  const first = result.errors[0]!;
  const file = path.resolve(displayRootFor(contentDir), first.file);
  const lines = result.errors.map(formatProblem);
  return {
    name: '内容检查',
    title: `内容有 ${result.errors.length} 个错误，请按提示修改`,
    message: `内容检查发现 ${result.errors.length} 个错误，请修改后保存，页面会自动刷新：\n\n${lines.join('\n\n')}`,
    hint: '每条的格式是：文件:行 — 字段 — 问题 — 怎么改。全部问题（包括提醒）也显示在运行 npm run dev 的终端窗口里。',
    stack: '',
    plugin: 'red-content-check',
    id: file,
    ...(first.line ? { loc: { file, line: first.line, column: 1 } } : {}),
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** The page shown in `npm run dev` while the content has errors. */
export function errorPage(result: CheckResult, base: string): string {
  const items = result.errors
    .map(
      (p) =>
        `<li><p class="where">${escapeHtml(p.line ? `${p.file}:${p.line}` : p.file)}${p.field ? ` — ${escapeHtml(p.field)}` : ''}</p>` +
        `<p>${escapeHtml(p.message)}</p><p class="fix">怎么改：${escapeHtml(p.hint)}</p></li>`,
    )
    .join('');
  const warnings = result.warnings.length ? `<p>另有 ${result.warnings.length} 个提醒，见运行 npm run dev 的终端窗口。</p>` : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>内容有 ${result.errors.length} 个错误</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;background:#fff7f5;color:#1f1a17;line-height:1.6}
main{max-width:60rem;margin:0 auto;padding:1.5rem}h1{color:#a4161a;font-size:1.5rem;margin:0 0 .5rem}
ol{padding-left:1.25rem}li{background:#fff;border:1px solid #e6c9c4;border-left:4px solid #c8102e;border-radius:4px;margin:0 0 1rem;padding:.75rem 1rem;overflow-wrap:anywhere}
li p{margin:.25rem 0}.where{font-family:ui-monospace,Consolas,monospace;font-weight:600}.fix{color:#1d4d2b}</style>
<script type="module" src="${escapeHtml(base.replace(/\/?$/, '/'))}@vite/client"></script></head>
<body><main><h1>内容检查发现 ${result.errors.length} 个错误</h1>
<p>请按下面的说明修改文件并保存，这个页面会自动刷新。</p><ol>${items}</ol>${warnings}</main></body></html>`;
}

export function contentCheckIntegration(config: Pick<RedConfig, 'contentDir' | 'checked'>): AstroIntegration {
  const { contentDir } = config;
  let last: CheckResult | undefined;
  const run = (): CheckResult => {
    last = checkContent(contentDir);
    return last;
  };
  return {
    name: 'red-content-check',
    hooks: {
      'astro:config:setup': async ({ command }) => {
        if (command === 'build' && !config.checked) {
          const result = run();
          if (result.errors.length || result.warnings.length) console.log(formatReport(result));
          if (result.errors.length) throw new Error(`内容检查发现 ${result.errors.length} 个错误（见上面的说明），网站没有生成。`);
        }
        if (command === 'dev') {
          let result = run();
          if (result.errors.length || result.warnings.length) console.log(`\n${formatReport(result)}\n`);
          // Astro's own content loading stops the dev server on some mistakes (a YAML syntax
          // error) with an English stack trace. Wait here instead until the content is fixed.
          if (result.errors.length) {
            console.log('预览暂停：请按上面的提示修改文件并保存，改好后预览会自动启动（按 Ctrl+C 退出）。\n');
            let shown = formatReport(result);
            while (result.errors.length) {
              await new Promise((resolve) => setTimeout(resolve, 1000));
              result = run();
              const report = formatReport(result);
              if (result.errors.length && report !== shown) {
                console.log(`\n${report}\n`);
                shown = report;
              }
            }
            console.log('内容检查通过，正在启动预览……');
          }
        }
      },
      'astro:server:setup': ({ server }) => {
        // While the content has errors, every page shows them (in Chinese, located) instead of
        // whatever Astro would fail with; the page reloads by itself once the files are fixed.
        server.middlewares.use((req, res, next) => {
          const accept = String(req.headers.accept ?? '');
          if (!last?.errors.length || req.method !== 'GET' || !accept.includes('text/html')) return next();
          res.statusCode = 500;
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.end(errorPage(last, server.config.base));
        });
        // Run before Astro's own page handler (which would fail on the bad content first).
        const stack = server.middlewares.stack;
        stack.unshift(stack.pop()!);
        const send = () => {
          if (last?.errors.length) server.ws.send({ type: 'error', err: overlayError(last, contentDir) });
        };
        server.ws.on('connection', send);
        let timer: ReturnType<typeof setTimeout> | undefined;
        const inContent = (file: string) => path.resolve(file).startsWith(path.resolve(contentDir) + path.sep);
        server.watcher.add(contentDir);
        server.watcher.on('all', (_event, file) => {
          if (!inContent(file)) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            const hadErrors = Boolean(last?.errors.length);
            const result = run();
            console.log(`\n${formatReport(result)}\n`);
            if (result.errors.length) send();
            else if (hadErrors) server.ws.send({ type: 'full-reload' });
          }, 150);
        });
      },
    },
  };
}
