/**
 * The one settings module. `site.yaml` is parsed here and nowhere else, and the `RED_*`
 * environment options are read here and nowhere else; `loadConfig()` fills every default
 * once and returns one typed object. `astro.config.mjs` calls it once and hands the object to
 * every integration and plugin; pages and the content layer receive the same object through
 * the virtual module `virtual:red-columns/config` (src/config/site.ts); the CLI calls it directly.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import { siteSchema, type SiteSettings } from '../schemas/site.ts';
import { normalizeText, parseYaml } from '../lib/front-matter.ts';
import { isValidDay, today } from '../lib/dates.ts';
import type { BuildMode } from '../lib/visibility.ts';

export type { SiteSettings } from '../schemas/site.ts';

/** What the build, the preview and the CLI are told by the environment (all optional). */
export interface EnvOptions {
  /** RED_CONTENT_DIR: the content folder (default `content/`), absolute. */
  contentDir: string;
  /** RED_OUT_DIR: the output folder (default `dist/`), absolute. */
  outDir: string;
  /** RED_CACHE_DIR: Astro's cache and ours (posters, images), absolute. */
  cacheDir: string;
  /** RED_TODAY=YYYY-MM-DD pins "today" for scheduled entries; else today in China. */
  today: string;
  /** RED_PREVIEW=1: a build that shows drafts and scheduled entries (as `npm run dev` does). */
  preview: boolean;
  /** RED_CHECKED=1: `npm run build` has run the content check already. */
  checked: boolean;
  /**
   * RED_SEARCH_LATER=1: `npm run build` writes the search index itself once Astro has exited
   * (src/cli/build.ts), so the index's memory never adds to Astro's; the integration leaves it.
   */
  searchLater: boolean;
  /** RED_POSTER_FRAME=0: generated posters without a video frame (no ffmpeg). */
  posterFrames: boolean;
}

/** Everything the site is built from: site.yaml with defaults filled, plus the environment. */
export interface RedConfig extends EnvOptions {
  site: SiteSettings;
}

/**
 * The build's config as pages see it: plus whether this run is a preview or a production build.
 * Without the output folder (a new temporary folder on every `npm run build`) and `checked`:
 * nothing on a page depends on them, and Astro's incremental build hashes this module as code.
 */
export interface SiteConfig extends Omit<RedConfig, 'outDir' | 'checked' | 'searchLater'> {
  mode: BuildMode;
}

/** The `RED_*` options, read once; paths resolved against `cwd`. */
export function readEnvOptions(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): EnvOptions {
  return {
    contentDir: path.resolve(cwd, env.RED_CONTENT_DIR || 'content'),
    outDir: path.resolve(cwd, env.RED_OUT_DIR || 'dist'),
    cacheDir: path.resolve(cwd, env.RED_CACHE_DIR || 'node_modules/.astro'),
    today: env.RED_TODAY && isValidDay(env.RED_TODAY) ? env.RED_TODAY : today(),
    preview: env.RED_PREVIEW === '1',
    checked: env.RED_CHECKED === '1',
    searchLater: env.RED_SEARCH_LATER === '1',
    posterFrames: env.RED_POSTER_FRAME !== '0',
  };
}

/** What site.yaml text says: the settings, or why not (for the content check's located messages). */
export type SettingsReading =
  | { ok: true; settings: SiteSettings; raw: unknown }
  /** A YAML syntax error: 0-based line and js-yaml's reason. */
  | { ok: false; yaml: { index: number; reason: string } }
  /** Valid YAML, invalid settings. */
  | { ok: false; raw: unknown; issues: z.core.$ZodIssue[] };

/** Read site.yaml text (no file access) with the one YAML reader (src/lib/front-matter.ts), filling defaults. */
export function safeParseSettings(text: string | undefined): SettingsReading {
  let raw: unknown = {};
  if (text !== undefined) {
    const yaml = parseYaml(normalizeText(text));
    if (!yaml.ok) return { ok: false, yaml: { index: yaml.index, reason: yaml.reason } };
    raw = yaml.data ?? {};
  }
  const parsed = siteSchema.safeParse(raw);
  return parsed.success ? { ok: true, settings: parsed.data, raw } : { ok: false, raw, issues: parsed.error.issues };
}

/** Parse site.yaml text (no file access), filling defaults. Throws on invalid settings. */
export function parseSettings(text: string | undefined): SiteSettings {
  const reading = safeParseSettings(text);
  if (reading.ok) return reading.settings;
  throw new Error(
    'yaml' in reading
      ? `line ${reading.yaml.index + 1}: ${reading.yaml.reason}`
      : reading.issues.map((i) => `${i.path.join('.') || '(site.yaml)'}: ${i.message}`).join('; '),
  );
}

/** site.yaml of a content folder; a Chinese error pointing at `npm run check` when it is wrong. */
export function readSettings(contentDir: string): SiteSettings {
  const file = path.join(contentDir, 'site.yaml');
  try {
    return parseSettings(existsSync(file) ? readFileSync(file, 'utf8') : undefined);
  } catch (err) {
    // Read before any integration runs (astro.config.mjs needs base and url): say it in Chinese.
    throw new Error(
      `${path.relative(process.cwd(), file) || file} 有错误，网站无法生成或预览。` +
        `请运行 npm run check 查看出错的行和改法。\n（详细信息：${(err as Error).message}）`,
      { cause: err },
    );
  }
}

/** The whole config, read once by each process (astro.config.mjs, or a CLI command). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): RedConfig {
  const options = readEnvOptions(env);
  return { ...options, site: readSettings(options.contentDir) };
}
