/** 视频展播 Video showcase. */
import { z } from 'astro/zod';
import { VIDEO_CATEGORIES } from '../lib/columns.ts';
import { parseDuration } from '../lib/dates.ts';
import { commonFields, filePath, type SchemaContext } from './fields.ts';

const categoryList = Object.entries(VIDEO_CATEGORIES)
  .map(([k, v]) => `${k}（${v}）`)
  .join('、');

export const VIDEO_EXTENSIONS = ['.mp4', '.webm'] as const;

export const videoSchema = <I extends z.ZodType>(ctx: SchemaContext<I>) =>
  z.object({
    ...commonFields(ctx),
    /** .mp4/.webm beside the entry, or an intranet video-server URL. */
    video: filePath('视频 video', VIDEO_EXTENSIONS, true),
    /** Still before playback; generated when absent. */
    poster: ctx.image().optional(),
    /** WebVTT subtitles (字幕). */
    captions: filePath('字幕 captions', ['.vtt']).optional(),
    /** 时长 m:ss or h:mm:ss */
    duration: z
      .string({ error: '时长 duration 应写成 分:秒，例如 3:45' })
      .trim()
      .refine((v) => parseDuration(v) !== undefined, { error: '时长 duration 应写成 分:秒 或 时:分:秒，例如 3:45、1:02:30' })
      .optional(),
    /** activity 重点活动 | grassroots 基层党建 | model 先锋模范 */
    category: z.enum(['activity', 'grassroots', 'model'], { error: `分类 category 只能是 ${categoryList}` }),
  });
