/**
 * Serves the files beside entries under `BASE/media/COLUMN/…`: copied into the build
 * output, and served straight from content/ by the dev server.
 */
import { copyFileSync, createReadStream, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isColumnId } from '../lib/columns.ts';
import { listMediaFiles, MIME_TYPES } from '../lib/media-files.ts';
import { pathBelow } from '../lib/paths.ts';
import type { RedConfig } from '../config/settings.ts';

export function mediaIntegration(config: Pick<RedConfig, 'contentDir' | 'site'>): AstroIntegration {
  const options = { contentDir: config.contentDir, base: config.site.base };
  return {
    name: 'red-columns:media',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const below = pathBelow(req.url ?? '', options.base, 'media');
          if (below === undefined) return next();
          let rel: string;
          try {
            rel = decodeURIComponent(below);
          } catch {
            return next();
          }
          const [column, ...rest] = rel.split('/');
          if (!column || !isColumnId(column) || rest.some((p) => p === '..' || p.startsWith('.'))) return next();
          const file = path.join(options.contentDir, column, ...rest);
          let size: number;
          try {
            const st = statSync(file);
            if (!st.isFile()) return next();
            size = st.size;
          } catch {
            return next();
          }
          const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
          // Range support so <video> can seek in preview.
          const range = /bytes=(\d*)-(\d*)/.exec(req.headers.range ?? '');
          if (range) {
            const start = range[1] ? Number(range[1]) : 0;
            const end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
            res.writeHead(206, {
              'Content-Type': type,
              'Content-Range': `bytes ${start}-${end}/${size}`,
              'Accept-Ranges': 'bytes',
              'Content-Length': end - start + 1,
            });
            createReadStream(file, { start, end }).pipe(res);
            return;
          }
          res.writeHead(200, { 'Content-Type': type, 'Content-Length': size, 'Accept-Ranges': 'bytes' });
          createReadStream(file).pipe(res);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const files = listMediaFiles(options.contentDir);
        for (const f of files) {
          const dest = path.join(out, 'media', f.column, ...f.relativePath.split('/'));
          mkdirSync(path.dirname(dest), { recursive: true });
          copyFileSync(f.absolutePath, dest);
        }
        logger.info(`已复制 ${files.length} 个媒体文件到 media/`);
      },
    },
  };
}
