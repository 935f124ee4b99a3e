/**
 * What a republished highlight carries wherever it goes (kit, clipboard, feed): the
 * article's facts and the credit block. Pure: the caller gathers the data.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { formatDay } from '../dates.ts';
import { articleCss } from './portable.ts';

export interface ArticleMeta {
  title: string;
  /** `YYYY-MM-DD` */
  date: string;
  author: string;
  /** 来源单位 (the unit's name) */
  unit: string;
  /** Absolute canonical URL of the entry (origin + base). */
  sourceUrl: string;
  summary: string;
  /** False when `summary` was derived from the body (then it is not repeated as a lead). */
  summaryWritten: boolean;
  tags: string[];
  /** 工作亮点 / 先锋人物 */
  kindLabel: string;
  person?: { name: string; role?: string | undefined } | undefined;
  replicable: string[];
  /** Site name and organisation, for the credit line. */
  siteTitle: string;
  organization: string;
}

/** The four facts every copy must keep, in order. */
export function creditFacts(meta: ArticleMeta): [label: string, value: string][] {
  return [
    ['来源单位', meta.unit],
    ['作者', meta.author],
    ['原文日期', formatDay(meta.date)],
    ['原文链接', meta.sourceUrl],
  ];
}

/** One line: `来源：X　作者：Y　原文日期：Z　原文链接：URL` */
export function creditLine(meta: ArticleMeta): string {
  return creditFacts(meta)
    .map(([k, v]) => `${k}：${v}`)
    .join('　');
}

/** The credit block as a definition list; the link is a real link. */
export function creditSection(meta: ArticleMeta): Element {
  return h('section', { className: ['credit'], ariaLabel: '转载来源' }, [
    h('h2', '转载来源'),
    h(
      'dl',
      creditFacts(meta).flatMap(([k, v]) => [h('dt', k), h('dd', k === '原文链接' ? [h('a', { href: v }, v)] : v)]),
    ),
    h('p', '转载请完整保留以上来源信息。'),
  ]);
}

/** 先锋人物 line, which the page shows before the body. */
export function extrasBefore(meta: ArticleMeta): ElementContent[] {
  if (!meta.person) return [];
  return [h('p', [h('strong', `先锋人物：${meta.person.name}`), ...(meta.person.role ? [`，${meta.person.role}`] : [])])];
}

/** 可复制推广要点, which the page shows after the body. */
export function extrasAfter(meta: ArticleMeta): ElementContent[] {
  if (meta.replicable.length === 0) return [];
  return [h('h2', '可复制推广要点'), h('ol', meta.replicable.map((p) => h('li', p)))];
}

/** Body with the extras around it (the article as the page shows it, without the page's frame). */
export function articleBody(meta: ArticleMeta, body: Root): Root {
  return { type: 'root', children: [...extrasBefore(meta), ...(body.children as ElementContent[]), ...extrasAfter(meta)] };
}

const PAGE_CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f6f1ee;color:#222;font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC",sans-serif}
.article{max-width:760px;margin:0 auto;padding:32px 24px 48px;background:#fff}
.article h1{font-family:"SimSun","Songti SC","Noto Serif CJK SC",serif;font-size:26px;line-height:1.4;color:#a8111a;margin:0 0 10px}
.meta{color:#666;font-size:14px;margin:0 0 18px}
.lead{font-size:16px;line-height:1.8;color:#444;border-left:4px solid #c8962d;background:#fdf6e3;padding:10px 14px;margin:0 0 20px}
.cover{margin:0 0 20px}
.cover img{display:block;max-width:100%;height:auto;margin:0 auto}
.tags{list-style:none;padding:0;margin:20px 0;display:flex;flex-wrap:wrap;gap:8px}
.tags li{background:#fbeaea;color:#8a0e15;border-radius:3px;padding:2px 8px;font-size:13px}
.credit{margin:28px 0 0;padding:14px 16px;border:1px solid #e2c4c4;border-top:3px solid #a8111a;background:#fbf5f5;font-size:14px}
.credit h2{margin:0 0 8px;font-size:16px;color:#a8111a;border:0;padding:0}
.credit dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;margin:0 0 8px}
.credit dt{font-weight:bold;color:#444}
.credit dd{margin:0;overflow-wrap:anywhere}
.credit p{margin:0;color:#666;font-size:13px}
.credit a{color:#a8111a}
@media print{body{background:#fff}.article{padding:0;max-width:none}.cover img{max-height:110mm;width:auto}@page{size:A4;margin:18mm 16mm}a{color:inherit}h2,h3{break-after:avoid}img,table,tr,.credit{break-inside:avoid}}
`;

/**
 * `<article>` of `article.html`: title, facts, cover, lead, body, tags and credit. Everything
 * here comes from the author, so the kit passes it through the final sanitiser before
 * `articleDocument` puts it in a page.
 */
export function articleElement(meta: ArticleMeta, body: Root, cover?: Element): Element {
  const lead = meta.summary && meta.summaryWritten ? [h('p', { className: ['lead'] }, meta.summary)] : [];
  const tags = meta.tags.length ? [h('ul', { className: ['tags'], ariaLabel: '标签' }, meta.tags.map((t) => h('li', `#${t}`)))] : [];
  return h('article', { className: ['article'] }, [
    h('h1', meta.title),
    h('p', { className: ['meta'] }, [`${meta.unit} · ${meta.author} · `, h('time', { dateTime: meta.date }, formatDay(meta.date)), ` · ${meta.kindLabel}`]),
    ...(cover ? [h('figure', { className: ['cover'] }, [cover])] : []),
    ...lead,
    h('div', { className: ['body'] }, articleBody(meta, body).children as ElementContent[]),
    ...tags,
    creditSection(meta),
  ]);
}

/** `article.html`: one self-contained page (inline CSS, images beside it in `images/`), no script. */
export function articleDocument(meta: ArticleMeta, article: Root): string {
  const doc: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'zh-CN' }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', meta.title),
          h('link', { rel: ['canonical'], href: meta.sourceUrl }),
          h('style', `${PAGE_CSS}\n${articleCss('.body')}\n`),
        ]),
        h('body', article.children as ElementContent[]),
      ]),
    ],
  };
  return `${toHtml(doc)}\n`;
}

/** 转载说明.txt, CRLF line endings so Notepad on old PCs shows the lines. */
export function instructionsText(meta: ArticleMeta, imageNames: string[]): string {
  const lines = [
    `《${meta.title}》转载说明`,
    '',
    `本文由${meta.unit}提供，欢迎转载、转发和学习借鉴。转载时请遵守以下要求：`,
    '',
    '一、完整署名。在文末（或标题下方）保留以下来源信息，不得删改：',
    ...creditFacts(meta).map(([k, v]) => `    ${k}：${v}`),
    '',
    '二、忠于原文。可以节选或调整版式，但不得改变原意；节选时请注明“有删节”。',
    '',
    '三、图片使用。图片须随本文使用并保留原图说明，不得单独挪作他用。',
    '',
    '四、可供参考的署名写法：',
    `    来源：${meta.unit}（${meta.siteTitle}${meta.organization ? `，${meta.organization}` : ''}）  作者：${meta.author}`,
    '',
    '转载包内容：',
    '    article.html   排好版式的全文，双击即可用浏览器打开，无需联网；可直接打印或另存为 PDF',
    '    article.md     Markdown 格式的全文（含标题、日期、作者、单位、原文链接等信息），可导入其他网站',
    '    images/        文中图片：原图，以及文件名带 -web 的网页尺寸版本（宽不超过 1080 像素；原图不超过这个宽度时只有原图）',
    '    转载说明.txt    本说明',
    '',
    ...(imageNames.length ? ['图片清单：', ...imageNames.map((n) => `    ${n}`), ''] : []),
    '在微信公众号或 OA 系统中转载时，也可以在原文页面点击“复制正文”按钮，粘贴后保留标题层级、列表、表格、加粗和图片。',
    '',
  ];
  return lines.join('\r\n');
}
