/**
 * What a republished highlight carries wherever it goes (kit, clipboard, feed): the
 * article's facts and the credit block. Pure: the caller gathers the data.
 */
import { formatDay } from '../dates.ts';
import { articleCss, escapeHtml, inlineStyles } from './html.ts';

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
export function creditHtml(meta: ArticleMeta): string {
  const rows = creditFacts(meta)
    .map(([k, v]) => {
      const value = k === '原文链接' ? `<a href="${escapeHtml(v)}">${escapeHtml(v)}</a>` : escapeHtml(v);
      return `<dt>${k}</dt><dd>${value}</dd>`;
    })
    .join('');
  return `<section class="credit" aria-label="转载来源"><h2>转载来源</h2><dl>${rows}</dl><p>转载请完整保留以上来源信息。</p></section>`;
}

/** 先锋人物 line and 可复制推广要点 list, which the page shows around the body. */
export function extrasBeforeHtml(meta: ArticleMeta): string {
  if (!meta.person) return '';
  const role = meta.person.role ? `，${escapeHtml(meta.person.role)}` : '';
  return `<p><strong>先锋人物：${escapeHtml(meta.person.name)}</strong>${role}</p>\n`;
}

export function extrasAfterHtml(meta: ArticleMeta): string {
  if (meta.replicable.length === 0) return '';
  return `\n<h2>可复制推广要点</h2>\n<ol>${meta.replicable.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ol>\n`;
}

/**
 * 复制正文: body + extras + credit line, every style inline, every URL absolute
 * (the body passed in must already be absolutized).
 */
export function clipboardHtml(meta: ArticleMeta, absoluteBodyHtml: string): string {
  const credit = creditFacts(meta)
    .map(([k, v]) => (k === '原文链接' ? `${k}：<a href="${escapeHtml(v)}">${escapeHtml(v)}</a>` : `${k}：${escapeHtml(v)}`))
    .join('<br>');
  const creditP = `<p style="margin:24px 0 0;padding:10px 12px;border-top:2px solid #a8111a;background-color:#fbf5f5;font-size:13px;line-height:1.8;color:#555555">${credit}</p>`;
  return inlineStyles(extrasBeforeHtml(meta) + absoluteBodyHtml + extrasAfterHtml(meta)) + creditP;
}

const PAGE_CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f6f1ee;color:#222;font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC",sans-serif}
.article{max-width:760px;margin:0 auto;padding:32px 24px 48px;background:#fff}
.article h1{font-family:"SimSun","Songti SC","Noto Serif CJK SC",serif;font-size:26px;line-height:1.4;color:#a8111a;margin:0 0 10px}
.meta{color:#666;font-size:14px;margin:0 0 18px}
.lead{font-size:16px;line-height:1.8;color:#444;border-left:4px solid #c8962d;background:#fdf6e3;padding:10px 14px;margin:0 0 20px}
.cover{margin:0 0 20px}
.tags{list-style:none;padding:0;margin:20px 0;display:flex;flex-wrap:wrap;gap:8px}
.tags li{background:#fbeaea;color:#8a0e15;border-radius:3px;padding:2px 8px;font-size:13px}
.credit{margin:28px 0 0;padding:14px 16px;border:1px solid #e2c4c4;border-top:3px solid #a8111a;background:#fbf5f5;font-size:14px}
.credit h2{margin:0 0 8px;font-size:16px;color:#a8111a;border:0;padding:0}
.credit dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;margin:0 0 8px}
.credit dt{font-weight:bold;color:#444}
.credit dd{margin:0;overflow-wrap:anywhere}
.credit p{margin:0;color:#666;font-size:13px}
.credit a{color:#a8111a}
@media print{body{background:#fff}.article{padding:0;max-width:none}@page{size:A4;margin:18mm 16mm}a{color:inherit}h2,h3{break-after:avoid}img,table,tr,.credit{break-inside:avoid}}
`;

/** `article.html`: one self-contained page (inline CSS, images beside it in `images/`). */
export function articleDocument(meta: ArticleMeta, bodyHtml: string, coverHtml = ''): string {
  const tags = meta.tags.length
    ? `<ul class="tags" aria-label="标签">${meta.tags.map((t) => `<li>#${escapeHtml(t)}</li>`).join('')}</ul>`
    : '';
  const lead = meta.summary && meta.summaryWritten ? `<p class="lead">${escapeHtml(meta.summary)}</p>` : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(meta.title)}</title>
<link rel="canonical" href="${escapeHtml(meta.sourceUrl)}">
<style>${PAGE_CSS}
${articleCss('.body')}
</style>
</head>
<body>
<article class="article">
<h1>${escapeHtml(meta.title)}</h1>
<p class="meta">${escapeHtml(meta.unit)} · ${escapeHtml(meta.author)} · <time datetime="${meta.date}">${formatDay(meta.date)}</time> · ${escapeHtml(meta.kindLabel)}</p>
${coverHtml}${lead}<div class="body">
${extrasBeforeHtml(meta)}${bodyHtml}${extrasAfterHtml(meta)}
</div>
${tags}
${creditHtml(meta)}
</article>
</body>
</html>
`;
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
    '    images/        文中图片：原图，以及文件名带 -web 的网页尺寸版本（宽不超过 1080 像素）',
    '    转载说明.txt    本说明',
    '',
    ...(imageNames.length ? ['图片清单：', ...imageNames.map((n) => `    ${n}`), ''] : []),
    '在微信公众号或 OA 系统中转载时，也可以在原文页面点击“复制正文”按钮，粘贴后保留标题层级、列表、表格、加粗和图片。',
    '',
  ];
  return lines.join('\r\n');
}
