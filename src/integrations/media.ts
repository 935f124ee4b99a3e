/**
 * Publishes the files beside entries under `BASE/media/COLUMN/…`: exactly the videos,
 * captions and downloads of the publish manifest (src/publish/manifest.ts), nothing else.
 * - Build: copied into the output folder. A refused reference (possible only when the
 *   content check was bypassed) stops the build instead of publishing a broken link.
 * - Dev server: served from content/ by sirv in a Vite plugin, limited to the manifest
 *   (recomputed when content changes), with Range requests as RFC 9110 asks
 *   (`bytes=-3` is the last 3 bytes, an unsatisfiable range gets 416).
 */
import { copyFileSync, createReadStream, mkdirSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import sirv from 'sirv';
import type { Plugin } from 'vite';
import { pathBelow } from '../lib/paths.ts';
import type { RedConfig } from '../config/settings.ts';
import { buildManifest, contentType, readManifestInput, type Manifest } from '../publish/manifest.ts';

export interface ByteRange {
  start: number;
  end: number;
}

/**
 * A `Range` header against a file of `size` bytes (RFC 9110 §14.1.2): the one range to send,
 * `'unsatisfiable'` (416), or null to send the whole file (no header, another unit, several
 * ranges or a malformed header, which a server may ignore).
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m) return null;
  const [, a = '', b = ''] = m;
  if (a === '' && b === '') return null;
  if (a === '') {
    // Suffix: the last N bytes.
    const n = Number(b);
    if (n === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Number(b);
  if (end < start) return 'unsatisfiable';
  if (start >= size) return 'unsatisfiable';
  return { start, end: Math.min(end, size - 1) };
}

/** The dev-server middleware: the manifest's media files only, served by sirv. */
export function mediaMiddleware(options: { contentDir: string; base: string; manifest: () => Manifest }) {
  const serve = sirv(options.contentDir, { dev: true, etag: true, dotfiles: false });
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const below = pathBelow(req.url ?? '', options.base, 'media');
    if (below === undefined) return next();
    let rel: string;
    try {
      rel = below.split('/').map(decodeURIComponent).join('/');
    } catch {
      return next();
    }
    const file = options.manifest().media.find((f) => `${f.column}/${f.relativePath}` === rel);
    if (!file) return next();
    const size = statSync(file.source).size;
    const range = parseRange(req.headers.range, size);
    res.setHeader('Content-Type', contentType(file.source));
    res.setHeader('Accept-Ranges', 'bytes');
    if (range === 'unsatisfiable') {
      res.writeHead(416, { 'Content-Range': `bytes */${size}` });
      res.end();
      return;
    }
    // sirv reads `bytes=a-b` literally (it has no suffix ranges and treats an end of 0 as "to the end").
    if (range && range.end > 0) req.headers.range = `bytes=${range.start}-${range.end}`;
    else if (range) {
      // `bytes=0-0` (the first byte): sirv would send the whole file.
      res.writeHead(206, { 'Content-Range': `bytes 0-0/${size}`, 'Content-Length': 1 });
      createReadStream(file.source, { start: 0, end: 0 }).pipe(res);
      return;
    } else delete req.headers.range;
    req.url = `/${rel.split('/').map(encodeURIComponent).join('/')}`;
    serve(req, res, next);
  };
}

function devPlugin(options: { contentDir: string; base: string; today: string }): Plugin {
  return {
    name: 'red-columns:media-dev',
    configureServer(server) {
      // The preview shows drafts and scheduled entries, so their files are served too.
      let manifest: Manifest | undefined;
      const current = () => (manifest ??= buildManifest(readManifestInput(options.contentDir, { mode: 'preview', today: options.today })));
      const content = path.resolve(options.contentDir) + path.sep;
      server.watcher.on('all', (_event, file) => {
        if (path.resolve(file).startsWith(content)) manifest = undefined;
      });
      server.middlewares.use(mediaMiddleware({ ...options, manifest: current }));
    },
  };
}

export function mediaIntegration(config: Pick<RedConfig, 'contentDir' | 'site' | 'today' | 'preview'>): AstroIntegration {
  const options = { contentDir: config.contentDir, base: config.site.base, today: config.today };
  return {
    name: 'red-columns:media',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'dev') updateConfig({ vite: { plugins: [devPlugin(options)] } });
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const manifest = buildManifest(readManifestInput(options.contentDir, { mode: config.preview ? 'preview' : 'production', today: config.today }));
        const refused = manifest.problems.filter((p) => p.severity === 'error' && p.code !== 'missing');
        if (refused.length) {
          throw new Error(
            `有 ${refused.length} 个文件不能发布，网站没有生成：\n${refused.map((p) => `  ${path.relative(process.cwd(), p.file)}：${p.message}`).join('\n')}\n请运行 npm run check 查看改法。`,
          );
        }
        for (const f of manifest.media) {
          const dest = path.join(out, 'media', f.column, ...f.relativePath.split('/'));
          mkdirSync(path.dirname(dest), { recursive: true });
          copyFileSync(f.source, dest);
        }
        logger.info(`已发布 ${manifest.media.length} 个媒体文件到 media/（只发布已发布文章引用的文件）`);
      },
    },
  };
}
