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
    /** activity 重点活动 | grassroots 基层党建 | model 先锋模范 */
    category: z
      .enum(['activity', 'grassroots', 'model'], { error: `分类 category 只能是 ${categoryList}` })
      .meta({ title: '分类', description: categoryList, example: 'activity', scaffold: { value: 'activity' } }),
    /** .mp4/.webm beside the entry, or an intranet video-server URL. */
    video: filePath('视频 video', VIDEO_EXTENSIONS, true).meta({
      title: '视频',
      description: '把 .mp4 文件放进这个文件夹，写成 ./文件名.mp4；也可以写内网视频服务器的 http(s) 地址',
      example: './video.mp4',
      file: 'video',
    }),
    /** WebVTT subtitles (字幕). */
    captions: filePath('字幕 captions', ['.vtt'])
      .optional()
      .meta({ title: '字幕', description: '建议填写，.vtt 字幕文件放在视频旁边', example: './captions.vtt', file: 'captions' }),
    /** Still before playback; generated when absent. */
    poster: ctx
      .image()
      .optional()
      .meta({ title: '视频封面', description: '不写会自动生成', example: './poster.jpg', file: 'image' }),
    /** 时长 m:ss or h:mm:ss */
    duration: z
      .string({ error: '时长 duration 应写成 分:秒，例如 3:45' })
      .trim()
      .refine((v) => parseDuration(v) !== undefined, { error: '时长 duration 应写成 分:秒 或 时:分:秒，例如 3:45、1:02:30' })
      .optional()
      .meta({ title: '时长', description: '写成 分:秒，要加英文引号', example: '"3:45"' }),
  });
