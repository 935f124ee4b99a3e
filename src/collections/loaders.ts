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
 */
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { checkEntryFile } from '../check/index.ts';
import type { ColumnId } from '../lib/columns.ts';
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
  contentDir: string;
  /** The build cache folder (the content check keeps image verdicts there). */
  cacheDir: string;
}

/** Wrap a loader so that drafts and unreadable entries follow the rules above. */
function tolerant(inner: Loader, name: string, options: Options): Loader {
  const production = options.mode === 'production';
  return {
    name,
    load: async (ctx: LoaderContext) => {
      const { logger } = ctx;
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
        parseData: async (props) => {
          const data = props.data as Record<string, unknown>;
          if (LEFT_OUT in data) return data as unknown as typeof props.data;
          if (data.draft === true && production) return leaveOut('draft') as unknown as typeof props.data;
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
          set: (entry) => {
            if (LEFT_OUT in (entry.data as object)) {
              ctx.store.delete(entry.id);
              return false;
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
                    // Drafts left out of a production build are not even rendered.
                    return production && info.data?.draft === true ? { ...info, body: '', data: leaveOut('draft', info.data) } : info;
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
      for (const [id, entry] of ctx.store.entries()) {
        if ((entry.data as { draft?: unknown }).draft !== true) continue;
        // A draft stored by an earlier preview (the data store is cached between runs) never reaches a production build.
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
