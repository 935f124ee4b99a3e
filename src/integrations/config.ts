/**
 * Hands the one config object (read once by astro.config.mjs, src/config/settings.ts) to pages,
 * endpoints and the content layer as the virtual module `virtual:red-columns/config`, with the
 * build mode of this run: `astro dev` and RED_PREVIEW=1 are previews (drafts and scheduled
 * entries shown), everything else is a production build.
 */
import type { AstroIntegration } from 'astro';
import type { RedConfig, SiteConfig } from '../config/settings.ts';

export const CONFIG_MODULE = 'virtual:red-columns/config';
const RESOLVED = `\0${CONFIG_MODULE}`;

export function configIntegration(config: RedConfig): AstroIntegration {
  return {
    name: 'red-columns:config',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        const { outDir: _outDir, checked: _checked, searchLater: _searchLater, ...rest } = config;
        const siteConfig: SiteConfig = { ...rest, mode: command === 'dev' || config.preview ? 'preview' : 'production' };
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'red-columns:config',
                resolveId: (id) => (id === CONFIG_MODULE ? RESOLVED : undefined),
                load: (id) => (id === RESOLVED ? `export const config = ${JSON.stringify(siteConfig)};\n` : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
