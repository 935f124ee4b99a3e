/**
 * Generated video posters are pages of their own now (src/pages/[posterDir]/[file].ts: Astro
 * writes them in builds and serves them in dev). This integration only reports them, through
 * the hook logger.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { POSTERS_DIR } from '../lib/paths.ts';

export function postersIntegration(): AstroIntegration {
  return {
    name: 'red-columns:posters',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = path.join(fileURLToPath(dir), POSTERS_DIR);
        const count = existsSync(out) ? readdirSync(out).length : 0;
        if (count) logger.info(`已生成 ${count} 个视频封面文件到 ${POSTERS_DIR}/`);
      },
    },
  };
}
