/** site.yaml: site settings. Defaults are filled here, once. */
import { z } from 'astro/zod';
import { httpOrigin } from '../lib/origins.ts';
import { normalizeBase } from '../lib/paths.ts';

export const siteSchema = z.object({
  /** Site name in the header. */
  title: z.string().trim().min(1).default('红色专栏').meta({ title: '站点名称', example: '红色专栏' }),
  /** 主办单位 */
  organization: z.string().trim().default('').meta({ title: '主办单位', example: '中国电信宁波分公司党委' }),
  /** One-line description (meta, feeds). */
  description: z.string().trim().default('').meta({ title: '站点简介', example: '党建宣传内网专栏' }),
  /** Absolute origin for feeds and republished copies. */
  url: z
    .string({ error: 'url 应写成完整地址，例如 https://intranet.example.cn' })
    .trim()
    .regex(/^https?:\/\/[^\s/]+/i, { error: 'url 应写成完整地址，例如 https://intranet.example.cn' })
    // Only when it looks like a URL (the line above words the other case).
    .refine((v) => !/^https?:\/\/[^\s/]+/i.test(v) || httpOrigin(v) !== null, { error: 'url 的主机名只能有字母、数字、点和连字符，例如 https://intranet.example.cn' })
    .default('http://localhost')
    .meta({ title: '站点地址', example: 'https://intranet.example.cn' }),
  /** Sub-path the site is served under, "/" for the root; normalized to `/x/`. */
  base: z
    .string()
    .trim()
    .default('/')
    .transform(normalizeBase)
    .meta({ title: '子路径', example: '/dangjian/' }),
  /** Entries per page on column indexes (optional, 20). */
  pageSize: z.number().int().positive().default(20).meta({ title: '每页条数', example: '20' }),
  /** Extra origins allowed for videos/iframes (the intranet video server); optional. Only scheme, host and port are used. */
  mediaOrigins: z
    .array(
      z
        .string()
        .trim()
        .refine((v) => httpOrigin(v) !== null, {
          error: 'mediaOrigins 的每一项应是内网视频服务器的完整地址（http:// 或 https:// 开头，只含主机名和端口），例如 http://video.intranet.example.cn',
        }),
    )
    .default([])
    .meta({ title: '内网视频服务器', example: '[http://video.intranet.example.cn]' }),
});
export type SiteSettings = z.infer<typeof siteSchema>;
