/**
 * Generated video posters (src/lib/video-posters.ts): copies the files this build used into
 * `_posters/` of the output, and serves the poster cache under the base in dev.
 */
import { copyFileSync, createReadStream, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pathBelow, POSTERS_DIR } from '../lib/paths.ts';
import type { RedConfig } from '../config/settings.ts';
import { posterCacheDir, usedPosters } from '../lib/video-posters.ts';

export function postersIntegration(config: Pick<RedConfig, 'site' | 'cacheDir'>): AstroIntegration {
  const options = { base: config.site.base };
  return {
    name: 'red-columns:posters',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const name = pathBelow(req.url ?? '', options.base, POSTERS_DIR) ?? '';
          if (!/^[0-9a-f]{16}-\d+\.(webp|jpg)$/.test(name)) return next();
          const file = path.join(posterCacheDir(config.cacheDir), name);
          if (!existsSync(file)) return next();
          res.writeHead(200, { 'Content-Type': name.endsWith('.jpg') ? 'image/jpeg' : 'image/webp' });
          createReadStream(file).pipe(res);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const used = usedPosters();
        if (used.size === 0) return;
        const out = path.join(fileURLToPath(dir), POSTERS_DIR);
        mkdirSync(out, { recursive: true });
        for (const [name, file] of [...used].sort()) copyFileSync(file, path.join(out, name));
        logger.info(`已生成 ${used.size} 个视频封面文件到 ${POSTERS_DIR}/`);
      },
    },
  };
}
