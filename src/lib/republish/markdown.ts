/** `article.md`: the entry's Markdown made portable (front matter, image and link URLs). */
import yaml from 'js-yaml';
import { creditFacts, type ArticleMeta } from './article.ts';

export interface MarkdownRewrite {
  /** New path (e.g. `images/a-web.jpg`) for an image written in the body, or undefined to keep it. */
  image(src: string): string | undefined;
  /** Absolute URL for a link written in the body (entry links, root-relative, files beside the entry). */
  link(href: string): string;
}

const IMAGE_RE = /!\[([^\]]*)\]\(\s*(<[^>]*>|[^)\s]+)(\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const LINK_RE = /(^|[^!\\])\[([^\]]*)\]\(\s*(<[^>]*>|[^)\s]+)(\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;

function unwrap(target: string): string {
  return target.startsWith('<') && target.endsWith('>') ? target.slice(1, -1) : target;
}

/** Image sources written in a Markdown body, in order (`![alt](src)`). */
export function markdownImages(body: string): { alt: string; src: string }[] {
  return [...body.matchAll(IMAGE_RE)].map((m) => ({ alt: m[1] ?? '', src: unwrap(m[2] ?? '') }));
}

/** Rewrites images and links of a body; code fences are left alone. */
export function rewriteMarkdownBody(body: string, rewrite: MarkdownRewrite): string {
  const parts = body.replace(/^\uFEFF/, '').split(/(^```[\s\S]*?^```[^\n]*$)/m);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part
        .replace(IMAGE_RE, (m, alt: string, target: string, title = '') => {
          const next = rewrite.image(unwrap(target));
          return next === undefined ? m : `![${alt}](${encodeMdUrl(next)}${title})`;
        })
        .replace(LINK_RE, (_m, pre: string, text: string, target: string, title = '') => {
          return `${pre}[${text}](${encodeMdUrl(rewrite.link(unwrap(target)))}${title})`;
        });
    })
    .join('')
    .trim();
}

/** Spaces and parentheses would end a Markdown URL. */
function encodeMdUrl(url: string): string {
  return url.replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** The whole `article.md`. */
export function articleMarkdown(meta: ArticleMeta, body: string, cover?: string): string {
  const front: Record<string, unknown> = {
    title: meta.title,
    date: meta.date,
    author: meta.author,
    unit: meta.unit,
    source: meta.sourceUrl,
    summary: meta.summary,
    tags: meta.tags,
  };
  if (cover) front.cover = cover;
  if (meta.person) front.person = meta.person.role ? { name: meta.person.name, role: meta.person.role } : { name: meta.person.name };
  const fm = yaml.dump(front, { lineWidth: -1, quotingType: '"', noRefs: true, sortKeys: false });
  const person = meta.person
    ? `**先锋人物：${meta.person.name}**${meta.person.role ? `，${meta.person.role}` : ''}\n\n`
    : '';
  const replicable = meta.replicable.length
    ? `\n\n## 可复制推广要点\n\n${meta.replicable.map((p, i) => `${i + 1}. ${p}`).join('\n')}`
    : '';
  const credit = creditFacts(meta)
    .map(([k, v]) => (k === '原文链接' ? `${k}：<${v}>` : `${k}：${v}`))
    .join('  \n');
  return `---\n${fm}---\n\n${person}${body}${replicable}\n\n---\n\n${credit}\n\n转载请完整保留以上来源信息。\n`;
}
