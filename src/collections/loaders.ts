/**
 * The content layer's loaders: Astro's `glob()` (columns) and `file()` (units.yaml), wrapped so
 * that no draft ever stops the team and no broken draft reaches a page:
 * - production: drafts are left out before their data is validated or their images imported
 *   (their problems are the content check's warnings);
 * - preview (`npm run dev`, RED_PREVIEW=1): a draft is shown only when the content check finds
 *   no error in it (a missing image would otherwise break every page); the preview server
 *   answers a broken draft's address with its problems (src/integrations/content-check.ts).
 *   Any other entry Astro cannot read is left out with a warning instead of stopping the
 *   server: the content check's page already explains it, and fixing the file brings it back.
 * Errors in published entries still stop a production build (the check stopped it before).
 *
 * And what reaches the build is what is meant (the store is where images are imported from,
 * so what is not stored never reaches `_astro/`):
 * - production: scheduled entries (dated after today) are left out like drafts, until their day;
 * - an entry file, or an image it imports, whose real path leaves the content folder (a link to
 *   `/etc/…` or to another folder) stops the build with a located message (the check reports it
 *   first, with the fix);
 * - production: an entry Astro could not read or render (Astro logs it and would store the entry
 *   with an empty body) stops the build with a located Chinese message: nothing vanishes with
 *   exit 0. The preview leaves it out with a warning, as above.
 */
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { checkEntryFile } from '../check/index.ts';
import type { ColumnId } from '../lib/columns.ts';
import { dayOfDate } from '../lib/dates.ts';
import { realPathInside } from '../lib/local-files.ts';
import { isDraft, normalizeText, parseYaml, readFrontMatter } from '../lib/front-matter.ts';
import { entrySlug } from '../lib/slug.ts';
import type { BuildMode } from '../lib/visibility.ts';

interface EntryInfo {
  data: Record<string, unknown>;
  body?: string;
  [key: string]: unknown;
}

interface EntryType {
  getEntryInfo?: (params: { contents: string; fileUrl: URL }) => Promise<EntryInfo> | EntryInfo;
  [key: string]: unknown;
}

/** What glob() gets besides the documented LoaderContext: the entry types by extension. */
type GlobContext = LoaderContext & { entryTypes?: Map<string, EntryType> };

/** Marks the data of an entry that must not be stored. */
const LEFT_OUT = '__redColumnsLeftOut';

interface Options {
  mode: BuildMode;
  /** Today in China (RED_TODAY): entries dated later are scheduled. */
  today: string;
  contentDir: string;
  /** The build cache folder (the content check keeps image verdicts there). */
  cacheDir: string;
}

const IMAGE_PREFIX = '__ASTRO_IMAGE_';

/** The day of a `date` value as YAML or the schema left it (a Date, or `YYYY-MM-DD`). */
function dayOf(value: unknown): string {
  return value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : dayOfDate(value)) : String(value ?? '').trim().slice(0, 10);
}

/** A scheduled entry: dated after today. */
function scheduled(data: Record<string, unknown>, today: string): boolean {
  const day = dayOf(data.date);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && day > today;
}

/** True when `file` is inside `realRoot` by its real path, or missing (Astro and the check report those). */
function insideReal(file: string, realRoot: string): boolean {
  return !existsSync(file) || realPathInside(file, realRoot) !== null;
}

/** Image paths an entry imports: image fields (`__ASTRO_IMAGE_./a.jpg`) and Markdown images. */
function importedImages(entry: { data: unknown; rendered?: { metadata?: { imagePaths?: string[] } } }): string[] {
  const out: string[] = [...(entry.rendered?.metadata?.imagePaths ?? [])];
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (v.startsWith(IMAGE_PREFIX)) out.push(v.slice(IMAGE_PREFIX.length));
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(entry.data);
  return out;
}

/** A path as the content check shows it: below the current folder, else below the content folder's parent. */
function shown(file: string, contentDir: string): string {
  const cwd = process.cwd();
  const base = path.resolve(contentDir).startsWith(cwd + path.sep) ? cwd : path.dirname(path.resolve(contentDir));
  return path.relative(base, file).split(path.sep).join('/');
}

/** Wrap a loader so that drafts and unreadable entries follow the rules above. */
function tolerant(inner: Loader, name: string, options: Options): Loader {
  const production = options.mode === 'production';
  /** Not for readers yet (production): a draft or a scheduled entry. */
  const hidden = (data: Record<string, unknown>) => production && (data.draft === true || scheduled(data, options.today));
  return {
    name,
    load: async (ctx: LoaderContext) => {
      const root = fileURLToPath(ctx.config.root);
      let realRoot = path.resolve(options.contentDir);
      try {
        realRoot = realpathSync(realRoot);
      } catch {
        /* no content folder: Astro says so */
      }
      /** Entries Astro could not read or render (production stops on them). */
      const failures: string[] = [];
      const logger: LoaderContext['logger'] = Object.create(ctx.logger);
      logger.error = (message: string) => {
        const m = /^Error (rendering|reading) (.+?): ([\s\S]*)$/.exec(String(message));
        if (m) {
          const reason = m[3]!.split('\n').filter(Boolean).at(-1)?.trim() ?? m[3]!;
          const file = path.resolve(options.contentDir, name.replace(/^red-columns:/, ''), m[2]!);
          failures.push(`${shown(file, options.contentDir)} — ${m[1] === 'rendering' ? '正文无法生成' : '文件无法读取'}（${reason}）`);
        }
        ctx.logger.error(message);
      };
      const leaveOut = (why: string, data: Record<string, unknown> = {}) => ({ ...data, [LEFT_OUT]: why });
      /** Drafts checked in this load (preview). */
      const checked = new Set<string>();
      const draftHasErrors = async (filePath: string) => {
        checked.add(filePath);
        return (await checkEntryFile(options.contentDir, filePath, { cacheDir: options.cacheDir })).errors.length > 0;
      };
      const entryTypes = (ctx as GlobContext).entryTypes;
      const context: GlobContext = {
        ...ctx,
        logger,
        parseData: async (props) => {
          const data = props.data as Record<string, unknown>;
          if (LEFT_OUT in data) return data as unknown as typeof props.data;
          if (hidden(data)) return leaveOut(data.draft === true ? 'draft' : 'scheduled') as unknown as typeof props.data;
          if (data.draft === true && props.filePath && (await draftHasErrors(props.filePath))) {
            return leaveOut('draft with errors') as unknown as typeof props.data;
          }
          try {
            return await ctx.parseData(props);
          } catch (err) {
            if (production && data.draft !== true) throw err;
            logger.warn(`${props.filePath ?? props.id} 有错误，预览里暂时不显示（改好保存后自动出现；说明见内容检查）`);
            return leaveOut('invalid') as unknown as typeof props.data;
          }
        },
        store: {
          ...ctx.store,
          // A cached entry that is not for readers now (stored by a preview, or not yet due) counts as new.
          get: ((key: string) => {
            const e = ctx.store.get(key);
            return e && hidden(e.data) ? undefined : e;
          }) as LoaderContext['store']['get'],
          set: (entry) => {
            if (LEFT_OUT in (entry.data as object)) {
              ctx.store.delete(entry.id);
              return false;
            }
            const file = entry.filePath ? path.resolve(root, entry.filePath) : undefined;
            if (file) {
              const outside = [file, ...importedImages(entry).map((p) => path.resolve(path.dirname(file), p))].filter((f) => !insideReal(f, realRoot));
              if (outside.length) {
                throw new Error(
                  `${shown(file, options.contentDir)}：${outside.map((f) => path.relative(path.dirname(file), f) || path.basename(f)).join('、')} 是指向内容文件夹之外的链接，不能发布，网站没有生成。请运行 npm run check 查看改法。`,
                );
              }
            }
            return ctx.store.set(entry);
          },
        },
      };
      if (entryTypes) {
        // Front matter Astro cannot read (a YAML mistake): left out instead of stopping everything.
        context.entryTypes = new Map(
          [...entryTypes].map(([ext, type]) => {
            const getEntryInfo = type.getEntryInfo;
            if (!getEntryInfo) return [ext, type];
            return [
              ext,
              {
                ...type,
                getEntryInfo: async (params: { contents: string; fileUrl: URL }) => {
                  try {
                    const info = await getEntryInfo.call(type, params);
                    // Drafts and scheduled entries left out of a production build are not even rendered.
                    return info.data && hidden(info.data) ? { ...info, body: '', data: leaveOut(info.data.draft === true ? 'draft' : 'scheduled', info.data) } : info;
                  } catch (err) {
                    if (production && !isDraft(readFrontMatter(params.contents))) throw err;
                    return { data: leaveOut('unreadable'), body: '' };
                  }
                },
              },
            ];
          }),
        );
      }
      await inner.load(context);
      if (production && failures.length) {
        throw new Error(`以下文章无法生成，网站没有生成：\n${failures.map((f) => `  ${f}`).join('\n')}\n请运行 npm run check 查看每个问题的改法。`);
      }
      for (const [id, entry] of ctx.store.entries()) {
        const data = entry.data as Record<string, unknown>;
        // A draft or scheduled entry stored by an earlier preview (the data store is cached between runs) never reaches a production build.
        if (hidden(data)) {
          ctx.store.delete(id);
          continue;
        }
        if (data.draft !== true) continue;
        if (production) ctx.store.delete(id);
        // An unchanged draft is not read again by glob(): look again at what it depends on (an image deleted since).
        else if (entry.filePath) {
          const abs = fileURLToPath(new URL(entry.filePath, ctx.config.root));
          if (!checked.has(abs) && (await draftHasErrors(abs))) ctx.store.delete(id);
        }
      }
    },
  };
}

/** One column: `COLUMN/NAME.md(x)` and `COLUMN/NAME/index.md(x)`, ids from lib/slug.ts. */
export function columnLoader(column: ColumnId, options: Options): Loader {
  const inner = glob({
    base: `${options.contentDir}/${column}`,
    // COLUMN/NAME.md or COLUMN/NAME/index.md (the content check lists entries the same way: src/check/entries.ts)
    pattern: ['*.{md,mdx}', '*/index.{md,mdx}'],
    generateId: ({ entry, data }) => entrySlug(entry, data.slug),
  });
  return tolerant(inner, `red-columns:${column}`, options);
}

/**
 * units.yaml, read with the one YAML reader. While it has a mistake the units read last stay
 * (the content check explains the mistake); in production a mistake stops the build.
 */
export function unitsLoader(options: Options): Loader {
  const production = options.mode === 'production';
  const file = path.join(options.contentDir, 'units.yaml');
  return {
    name: 'red-columns:units',
    load: async ({ store, parseData, watcher, config }) => {
      const sync = async () => {
        let list: unknown;
        try {
          const yaml = parseYaml(normalizeText(readFileSync(file, 'utf8')), file);
          if (!yaml.ok) throw new Error(`units.yaml 第 ${yaml.index + 1} 行：${yaml.reason}`);
          list = yaml.data ?? [];
        } catch (err) {
          if (production) throw err;
          return;
        }
        if (!Array.isArray(list)) {
          if (production) throw new Error('units.yaml 应该是党组织列表');
          return;
        }
        const filePath = path.relative(fileURLToPath(config.root), file).split(path.sep).join('/');
        store.clear();
        for (const item of list as Record<string, unknown>[]) {
          const id = typeof item?.id === 'string' ? item.id.trim() : '';
          if (!id || store.has(id)) continue;
          try {
            store.set({ id, data: await parseData({ id, data: item, filePath: file }), filePath });
          } catch (err) {
            if (production) throw err;
          }
        }
      };
      await sync();
      watcher?.add(file);
      watcher?.on('change', (changed) => {
        if (path.resolve(changed) === file) void sync();
      });
    },
  };
}
