/**
 * The one typed settings module: where content lives and what site.yaml says,
 * with defaults filled once (in src/schemas/site.ts).
 * RED_CONTENT_DIR points the whole tool (build, check, tests) at another content folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { siteSchema, type SiteSettings } from '../schemas/site.ts';

export type { SiteSettings } from '../schemas/site.ts';

/** Absolute path of the content folder. */
export function contentDir(): string {
  return path.resolve(process.env.RED_CONTENT_DIR ?? 'content');
}

/** Parse site.yaml text (no file access), filling defaults. Throws on invalid settings. */
export function parseSettings(text: string | undefined): SiteSettings {
  const raw = text === undefined ? {} : (loadYaml(text.replace(/^\uFEFF/, '')) ?? {});
  return siteSchema.parse(raw);
}

let cached: { dir: string; settings: SiteSettings } | undefined;

/** Settings of the current content folder (cached per folder). */
export function getSettings(dir: string = contentDir()): SiteSettings {
  if (cached?.dir === dir) return cached.settings;
  const file = path.join(dir, 'site.yaml');
  let settings: SiteSettings;
  try {
    settings = parseSettings(existsSync(file) ? readFileSync(file, 'utf8') : undefined);
  } catch (err) {
    // Read before any integration runs (astro.config.mjs needs base and url): say it in Chinese.
    throw new Error(
      `${path.relative(process.cwd(), file) || file} 有错误，网站无法生成或预览。` +
        `请运行 npm run check 查看出错的行和改法。\n（详细信息：${(err as Error).message}）`,
      { cause: err },
    );
  }
  cached = { dir, settings };
  return settings;
}
