/**
 * `article.md`: made from the sanitised, portable tree (hast → mdast → Markdown), never from
 * the author's raw body, so no comment, script or raw HTML written in the source can reach
 * it. Tables, strikethrough and task lists stay GFM; images point into `images/`, links are
 * absolute.
 */
import type { Root } from 'hast';
import yaml from 'js-yaml';
import type { Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { toMdast } from 'hast-util-to-mdast';
import { creditFacts, type ArticleMeta } from './article.ts';

/** Markdown of a (sanitised) body tree (toMdast works on its own copy: the tree is not changed). */
export function treeMarkdown(tree: Root): string {
  const mdast = toMdast(tree) as MdastRoot;
  return toMarkdown(mdast, { extensions: [gfmToMarkdown({ tablePipeAlign: false })], bullet: '-', emphasis: '*', strong: '*', fence: '`', rule: '-' }).trim();
}

/** The whole `article.md`: front matter, body, extras and the credit. */
export function articleMarkdown(meta: ArticleMeta, body: Root, cover?: string): string {
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
  const tail: MdastContent[] = [];
  if (meta.person) {
    tail.push({
      type: 'paragraph',
      children: [{ type: 'strong', children: [{ type: 'text', value: `先锋人物：${meta.person.name}` }] }, ...(meta.person.role ? [{ type: 'text' as const, value: `，${meta.person.role}` }] : [])],
    });
  }
  const md = (nodes: MdastContent[]) => toMarkdown({ type: 'root', children: nodes }, { extensions: [gfmToMarkdown()] }).trim();
  const person = meta.person ? `${md(tail)}\n\n` : '';
  const replicable = meta.replicable.length
    ? `\n\n${md([
        { type: 'heading', depth: 2, children: [{ type: 'text', value: '可复制推广要点' }] },
        { type: 'list', ordered: true, spread: false, children: meta.replicable.map((p) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'text', value: p }] }] })) },
      ])}`
    : '';
  const credit = md([
    {
      type: 'paragraph',
      children: creditFacts(meta).flatMap(([k, v], i) => [
        ...(i ? [{ type: 'break' as const }] : []),
        { type: 'text' as const, value: `${k}：` },
        ...(k === '原文链接' ? [{ type: 'link' as const, url: v, children: [{ type: 'text' as const, value: v }] }] : [{ type: 'text' as const, value: v }]),
      ]),
    },
  ]);
  return `---\n${fm}---\n\n${person}${treeMarkdown(body)}${replicable}\n\n---\n\n${credit}\n\n转载请完整保留以上来源信息。\n`;
}
