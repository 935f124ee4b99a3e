/**
 * The content check inside Astro, so authors see our Chinese, located messages before
 * anything Astro says about a schema:
 * - `astro dev`: checked at start (terminal) and again whenever a file under the content
 *   folder changes; errors are shown in the browser's error overlay (sent to every page
 *   that connects) and cleared once fixed.
 * - `astro build` run directly (not through `npm run build`, which checks first and sets
 *   RED_CHECKED): errors stop the build.
 */
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { checkContent, displayRootFor, formatProblem, formatReport, type CheckResult } from '../check/index.ts';

function overlayError(result: CheckResult, contentDir: string) {
  const first = result.errors[0]!;
  const file = path.resolve(displayRootFor(contentDir), first.file);
  const lines = result.errors.map(formatProblem);
  return {
    message: `内容检查发现 ${result.errors.length} 个错误，请修改后保存，页面会自动刷新：\n\n${lines.join('\n\n')}`,
    stack: '',
    plugin: 'red-content-check',
    id: file,
    ...(first.line ? { loc: { file, line: first.line, column: 1 } } : {}),
  };
}

export function contentCheckIntegration(options: { contentDir: string }): AstroIntegration {
  const { contentDir } = options;
  let last: CheckResult | undefined;
  const run = (): CheckResult => {
    last = checkContent(contentDir);
    return last;
  };
  return {
    name: 'red-content-check',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build' && !process.env.RED_CHECKED) {
          const result = run();
          if (result.errors.length || result.warnings.length) console.log(formatReport(result));
          if (result.errors.length) throw new Error(`内容检查发现 ${result.errors.length} 个错误（见上面的说明），网站没有生成。`);
        }
        if (command === 'dev') {
          const result = run();
          if (result.errors.length || result.warnings.length) console.log(`\n${formatReport(result)}\n`);
        }
      },
      'astro:server:setup': ({ server }) => {
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
