/** site.yaml: site settings. Defaults are filled here, once. */
import { z } from 'astro/zod';
import { normalizeBase } from '../lib/paths.ts';

export const siteSchema = z.object({
  /** Site name in the header. */
  title: z.string().trim().min(1).default('红色专栏'),
  /** 主办单位 */
  organization: z.string().trim().default(''),
  /** One-line description (meta, feeds). */
  description: z.string().trim().default(''),
  /** Absolute origin for feeds and republished copies. */
  url: z
    .string({ error: 'url 应写成完整地址，例如 https://intranet.example.cn' })
    .trim()
    .regex(/^https?:\/\/[^\s/]+/i, { error: 'url 应写成完整地址，例如 https://intranet.example.cn' })
    .default('http://localhost'),
  /** Sub-path the site is served under, "/" for the root; normalized to `/x/`. */
  base: z
    .string()
    .trim()
    .default('/')
    .transform(normalizeBase),
  /** Entries per page on column indexes (optional, 20). */
  pageSize: z.number().int().positive().default(20),
  /** Extra origins allowed for videos/iframes (the intranet video server); optional. */
  mediaOrigins: z.array(z.string()).default([]),
});
export type SiteSettings = z.infer<typeof siteSchema>;
