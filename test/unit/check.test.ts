/**
 * The content check, one test per mistake an author can make: the exact Chinese message
 * (file, line, field, hint), on small content folders written to a temporary directory.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { blockingErrors, checkContent, formatProblem, formatReport } from '../../src/check/index.ts';
import { GOOD_HIGHLIGHT, makeContent } from '../support/content.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PNG = readFileSync(path.join(ROOT, 'test/fixtures/site-basic/one-picture/guide/guide.png'));

async function errors(files: Record<string, string | Uint8Array>, options?: { site?: boolean; units?: boolean }): Promise<string> {
  return (await checkContent(makeContent(files, options))).errors.map(formatProblem).join('\n');
}
async function warnings(files: Record<string, string | Uint8Array>): Promise<string> {
  return (await checkContent(makeContent(files))).warnings.map(formatProblem).join('\n');
}

const salon = (name: string, issue: number | string, date = '2026-01-20', extra = '') =>
  `---\ntitle: 第${issue}期沙龙\ndate: ${date}\nissue: ${issue}\nhost: gov-committee\nparticipants: 各支部书记\n${extra}---\n本期要点。\n`;

describe('content check: valid content', () => {
  it('passes the sample content with no error and no warning', async () => {
    const r = await checkContent(path.join(ROOT, 'content'));
    expect(r.errors.map(formatProblem)).toEqual([]);
    expect(r.warnings.map(formatProblem)).toEqual([]);
    expect(r.entries).toBeGreaterThan(25);
  });

  it('passes the fixture site', async () => {
    expect((await checkContent(path.join(ROOT, 'test/fixtures/site-basic'))).errors.map(formatProblem)).toEqual([]);
  });

  it('accepts a UTF-8 BOM and CRLF line endings silently', async () => {
    const crlf = '\uFEFF' + GOOD_HIGHLIGHT.replace(/\n/g, '\r\n');
    const r = await checkContent(makeContent({ 'highlights/a.md': crlf, 'units.yaml': '\uFEFF- id: hq-committee\r\n  name: 机关党委\r\n  kind: committee\r\n' }));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('accepts full-width colons inside values', async () => {
    const r = await checkContent(makeContent({ 'highlights/a.md': GOOD_HIGHLIGHT.replace('title: 三训体系', 'title: 三训体系：为党建核心队伍充电赋能') }));
    expect(r.errors).toEqual([]);
  });
});

describe('content check: one message per mistake', () => {
  it('YAML syntax error, with the line', async () => {
    expect(await errors({ 'highlights/a.md': GOOD_HIGHLIGHT.replace('kind: case', 'kind: [case') })).toMatchInlineSnapshot(`"content/highlights/a.md:5 — kind — YAML 格式错误：引号或括号没有配对 — 检查这一行的英文引号 " "、方括号 [ ] 和花括号 { } 是否成对；内容里的引号请用中文引号“”"`);
  });

  it('YAML: an English colon + space inside a value', async () => {
    expect(await errors({ 'highlights/a.md': GOOD_HIGHLIGHT.replace('title: 三训体系', 'title: 三训体系: 为党建核心队伍充电赋能') })).toMatchInlineSnapshot(`"content/highlights/a.md:2 — title — YAML 格式错误：内容里有“英文冒号 + 空格”，会被当成新的字段 — 把内容里的英文冒号换成中文冒号“：”，例如 title: 三训体系：为党建核心队伍充电赋能；或者把整段内容用英文引号括起来"`);
  });

  it('YAML: a value starting with an English quote', async () => {
    expect(await errors({ 'highlights/a.md': GOOD_HIGHLIGHT.replace('title: 三训体系', 'title: "三训"体系') })).toMatchInlineSnapshot(`"content/highlights/a.md:2 — title — YAML 格式错误：内容以英文引号开头，引号后面还有文字 — 把英文引号换成中文引号，例如 title: “三训”体系"`);
  });

  it('YAML: a tab in the indentation', async () => {
    expect(await errors({ 'salon/a.md': salon('a', 1, '2026-01-20', 'speakers:\n\t- name: 张三\n') })).toMatchInlineSnapshot(`"content/salon/a.md:8 — name — YAML 格式错误：缩进里用了 Tab 键 — 把行首的 Tab 换成空格（每层缩进两个空格）"`);
  });

  it('no space after the colon', async () => {
    expect(await errors({ 'highlights/a.md': GOOD_HIGHLIGHT.replace('title: 三训体系', 'title:三训体系') })).toMatchInlineSnapshot(`"content/highlights/a.md:2 — title — 字段名 title 的冒号后面缺少空格 — 在冒号后面加一个空格：title: 三训体系"`);
  });

  it('full-width colon after a key', async () => {
    expect(await errors({ 'highlights/a.md': GOOD_HIGHLIGHT.replace('author: 机关党委宣传组', 'author：机关党委宣传组') })).toMatchInlineSnapshot(`"content/highlights/a.md:6 — author — 字段名 author 后面用了中文全角冒号“：” — 改成英文半角冒号加一个空格：author: 机关党委宣传组"`);
  });

  it('missing required field', async () => {
    expect(await errors({ 'highlights/a.md': GOOD_HIGHLIGHT.replace('author: 机关党委宣传组\n', '') })).toMatchInlineSnapshot(`"content/highlights/a.md — author — 缺少必填项 author（作者/供稿） — 在两行 --- 之间加上一行：author: 机关党委宣传组"`);
  });

  it('wrong type', async () => {
    expect(await errors({ 'salon/a.md': salon('a', '第三期') })).toMatchInlineSnapshot(`"content/salon/a.md:4 — issue — 期数 issue 应为正整数，例如 12（现在写的是：第三期） — 照这样写：issue: 12"`);
  });

  it('impossible date', async () => {
    expect(await errors({ 'highlights/a.md': GOOD_HIGHLIGHT.replace('2026-03-18', '2025-13-45') })).toMatchInlineSnapshot(`"content/highlights/a.md:3 — date — 日期 2025-13-45 不存在（月份只有 01–12，日子不能超过当月天数） — 改成真实存在的日期，写成 YYYY-MM-DD，例如 date: 2026-03-18"`);
  });

  it('unknown unit id lists the nearest ids', async () => {
    expect(await errors({ 'highlights/a.md': GOOD_HIGHLIGHT.replace('unit: hq-committee', 'unit: hq-comittee') })).toMatchInlineSnapshot(`"content/highlights/a.md:4 — unit — 党组织 hq-comittee 不在 units.yaml 里 — 改成 units.yaml 里已有的 id，最接近的是：hq-committee（机关党委）、nb-committee（宁波分公司党委）、gov-committee（政企客户事业部党委）；新的党组织请先加到 units.yaml"`);
  });

  it('unit written as its Chinese name', async () => {
    expect(await errors({ 'highlights/a.md': GOOD_HIGHLIGHT.replace('unit: hq-committee', 'unit: 机关党委') })).toMatchInlineSnapshot(`"content/highlights/a.md:4 — unit — unit 要填党组织的 id，不是名称：机关党委 — 改成 unit: hq-committee"`);
  });

  it('missing image (one-picture), with the path as resolved', async () => {
    const entry = `---\ntitle: 一图清\ndate: 2026-01-01\nunit: nb-committee\nimage: ./plan.png\nimageAlt: 一图清长图\n---\n`;
    expect(await errors({ 'one-picture/2026/index.md': entry })).toMatchInlineSnapshot(`"content/one-picture/2026/index.md:5 — image — 图片文件不存在：content/one-picture/2026/plan.png — 把图片文件放在 content/one-picture/2026/ 里，并检查文件名（包括扩展名和大小写）是否和这里写的一致；路径相对于这篇文章，例如 ./plan.png"`);
  });

  it('missing video and captions files', async () => {
    const entry = `---\ntitle: 视频\ndate: 2026-01-01\nunit: nb-committee\nvideo: ./clip.mp4\ncaptions: ./clip.vtt\ncategory: activity\n---\n`;
    expect(await errors({ 'videos/clip/index.md': entry })).toMatchInlineSnapshot(`
      "content/videos/clip/index.md:5 — video — 视频文件不存在：content/videos/clip/clip.mp4 — 把视频文件放在 content/videos/clip/ 里，并检查文件名（包括扩展名和大小写）是否和这里写的一致；路径相对于这篇文章，例如 ./clip.mp4
      content/videos/clip/index.md:6 — captions — 字幕文件不存在：content/videos/clip/clip.vtt — 把字幕文件放在 content/videos/clip/ 里，并检查文件名（包括扩展名和大小写）是否和这里写的一致；路径相对于这篇文章，例如 ./clip.vtt"
    `);
  });

  it('missing photo in a salon issue', async () => {
    expect(await errors({ 'salon/2026-01/index.md': salon('a', 1, '2026-01-20', 'photos:\n  - src: ./hezhao.jpg\n    alt: 合影\n') })).toMatchInlineSnapshot(`"content/salon/2026-01/index.md:8 — photos 第1项 src — 图片文件不存在：content/salon/2026-01/hezhao.jpg — 把图片文件放在 content/salon/2026-01/ 里，并检查文件名（包括扩展名和大小写）是否和这里写的一致；路径相对于这篇文章，例如 ./hezhao.jpg"`);
  });

  it('an image that is not what its extension says (HEIC renamed to .jpg, broken file)', async () => {
    const heic = Buffer.from('000000186674797068656963000000006d69663168656963', 'hex');
    expect(
      await errors({
        'highlights/a/index.md': GOOD_HIGHLIGHT.replace('author: 机关党委宣传组', 'author: 机关党委宣传组\ncover: ./cover.jpg') + '\n![会场](./hall.png)\n',
        'highlights/a/cover.jpg': heic,
        'highlights/a/hall.png': 'not a png',
      }),
    ).toMatchInlineSnapshot(`
      "content/highlights/a/index.md:7 — cover — 图片其实是手机的 HEIC 格式，只是扩展名写成了 .jpg，网站处理不了：content/highlights/a/cover.jpg — 用手机或电脑把照片导出/另存为 JPG（例如用“照片”或“画图”打开后另存为 JPG），再放回这里
      content/highlights/a/index.md:12 — 正文 — 图片文件已损坏或不是图片，网站生成时会出错：content/highlights/a/hall.png — 重新从原处复制或导出这张图片（JPG 或 PNG），覆盖这个文件"
    `);
  });

  it('duplicate slug names both files', async () => {
    expect(
      await errors({ 'highlights/san-xun.md': GOOD_HIGHLIGHT, 'highlights/三训.md': GOOD_HIGHLIGHT.replace('author: 机关党委宣传组', 'author: 机关党委宣传组\nslug: san-xun') }),
    ).toMatchInlineSnapshot(`"content/highlights/三训.md:7 — slug — 网址名 san-xun 和 content/highlights/san-xun.md 重复，两篇文章会抢同一个网址 — 给其中一篇加上不同的网址名，例如 slug: san-xun-2"`);
  });

  it('duplicate salon issue names both files', async () => {
    expect(await errors({ 'salon/2026-01.md': salon('a', 3), 'salon/2026-02.md': salon('b', 3, '2026-02-20') })).toMatchInlineSnapshot(`"content/salon/2026-02.md:4 — issue — 第3期和 content/salon/2026-01.md 重复 — 改成这一期真正的期数；还没用过的下一期是第4期"`);
  });

  it('a GBK file (not UTF-8)', async () => {
    const gbk = Buffer.concat([Buffer.from('---\ntitle: '), Buffer.from('c4e3bac3', 'hex'), Buffer.from('\ndate: 2026-01-01\n---\n')]);
    expect(await errors({ 'highlights/gbk.md': gbk })).toMatchInlineSnapshot(`"content/highlights/gbk.md:2 — 文件编码 — 文件不是 UTF-8 编码，看起来是 GBK（旧版记事本、WPS 常用的“ANSI/GB2312”），网站会显示成乱码 — 用记事本打开这个文件，点“文件 → 另存为”，在下方“编码”中选 UTF-8 后保存；用 WPS 的话，点“文件 → 另存为”，文件类型选“纯文本”，编码选 UTF-8"`);
  });

  it('kind: model without person', async () => {
    expect(await errors({ 'highlights/a.md': GOOD_HIGHLIGHT.replace('kind: case', 'kind: model') })).toMatchInlineSnapshot(`"content/highlights/a.md:5 — person — 先锋人物（kind: model）必须填写 person，例如 person: { name: 张三, role: 线路维护班班长 } — 在两行 --- 之间加上一行：person: { name: 张三, role: 线路维护班班长 }"`);
  });

  it('value outside an enum lists the allowed values with Chinese names', async () => {
    const entry = `---\ntitle: 视频\ndate: 2026-01-01\nunit: nb-committee\nvideo: https://video.intranet.example.cn/a.mp4\ncaptions: ./c.vtt\ncategory: huodong\n---\n`;
    expect(await errors({ 'videos/a/index.md': entry, 'videos/a/c.vtt': 'WEBVTT\n\n00:00.000 --> 00:01.000\n字幕\n' })).toMatchInlineSnapshot(`"content/videos/a/index.md:7 — category — 分类 category 只能是 activity（重点活动）、grassroots（基层党建）、model（先锋模范）（现在写的是：huodong） — 照这样写：category: activity"`);
  });

  it('link to an entry file that does not exist', async () => {
    expect(await errors({ 'highlights/a.md': `${GOOD_HIGHLIGHT}\n见[第12期](../salon/2026-12.md)。\n` })).toMatchInlineSnapshot(`"content/highlights/a.md:11 — 正文 — 链接的文章不存在：content/salon/2026-12.md — 检查文件名和文件夹是否写对（区分 index.md 和同名 .md）；文章放在文件夹里时写成 ../文件夹/index.md"`);
  });

  it('a file name with no usable slug asks for slug:', async () => {
    expect(await errors({ 'highlights/！！.md': GOOD_HIGHLIGHT })).toMatchInlineSnapshot(`"content/highlights/！！.md — slug — 文件名“！！”转不出网址（只能用英文字母、数字、连字符和汉字） — 在文件信息里加一行 slug，写这篇文章的网址名（小写英文、数字、连字符），例如 slug: dang-yuan-fu-wu"`);
  });

  it('a reserved slug', async () => {
    expect(await errors({ 'highlights/page.md': GOOD_HIGHLIGHT })).toMatchInlineSnapshot(`"content/highlights/page.md — slug — 网址名 page 是网站保留的名字，会和栏目页面冲突 — 在文件信息里加一行 slug: page-1（或别的名字）"`);
  });

  it('a malformed .vtt is located inside the .vtt', async () => {
    const entry = `---\ntitle: 视频\ndate: 2026-01-01\nunit: nb-committee\nvideo: https://video.intranet.example.cn/a.mp4\ncaptions: ./c.vtt\ncategory: activity\n---\n`;
    expect(await errors({ 'videos/a/index.md': entry, 'videos/a/c.vtt': 'WEBVTT\n\n00:00:01,000 --> 00:00:04,000\n逗号不对\n' })).toMatchInlineSnapshot(`"content/videos/a/c.vtt:3 — captions — 时间格式不正确：00:00:01,000 --> 00:00:04,000 — 时间写成 时:分:秒.毫秒 或 分:秒.毫秒，例如 00:01:02.500 --> 00:01:05.000（毫秒前用英文句点）"`);
  });

  it('units.yaml: unknown parent, duplicate id, bad kind', async () => {
    const units = `- id: nb-committee\n  name: 党委\n  kind: committee\n- id: hq-branch-1\n  name: 一支部\n  kind: branch\n  parent: nb-comittee\n- id: hq-branch-1\n  name: 重复\n  kind: brunch\n`;
    expect(await errors({ 'units.yaml': units })).toMatchInlineSnapshot(`
      "content/units.yaml:7 — parent — 上级党组织 nb-comittee 不在 units.yaml 里 — 改成已有的 id，最接近的是：nb-committee、hq-branch-1
      content/units.yaml:8 — id — 党组织 id hq-branch-1 重复，第 4 行已经有同样的 id — 给其中一个换一个不重复的 id，例如 hq-branch-1-2（已经被文章引用的那个不要改）
      content/units.yaml:10 — kind — 类型 kind 只能是 committee（党委）、general-branch（党总支）、branch（党支部）（现在是：brunch） — 照这样写：kind: branch"
    `);
  });

  it('site.yaml: wrong url', async () => {
    expect(await errors({ 'site.yaml': 'title: 站\nurl: intranet.example.cn\n' })).toMatchInlineSnapshot(`"content/site.yaml:2 — url — 站点地址：url 应写成完整地址，例如 https://intranet.example.cn（现在是：intranet.example.cn） — 照这样写：url: https://intranet.example.cn"`);
  });

  it('reports every problem of every file in one run', async () => {
    const r = await checkContent(
      makeContent({
        'highlights/a.md': GOOD_HIGHLIGHT.replace('2026-03-18', '2025-13-45').replace('unit: hq-committee', 'unit: nope'),
        'highlights/b.md': GOOD_HIGHLIGHT.replace('kind: case', 'kind: x'),
      }),
    );
    expect(r.errors.map((e) => `${e.file}:${e.line} ${e.field}`)).toEqual([
      'content/highlights/a.md:3 date',
      'content/highlights/a.md:4 unit',
      'content/highlights/b.md:5 kind',
    ]);
  });
});

describe('content check: unsafe HTML and MDX', () => {
  it('refuses scripts, event handlers, javascript: URLs and outside iframes, with their lines', async () => {
    const body = [
      '第一段。',
      '',
      '<script>alert(1)</script>',
      '',
      '<div onclick="steal()">文字</div>',
      '',
      '[点我](javascript:alert(1))',
      '',
      '<iframe src="https://evil.example.com/x"></iframe>',
      '',
      '<details><summary>展开</summary>H<sub>2</sub>O</details>',
      '',
      '`<script>` 写在代码里是可以的',
    ].join('\n');
    expect(await errors({ 'highlights/a.md': `${GOOD_HIGHLIGHT}${body}\n` })).toMatchInlineSnapshot(`
      "content/highlights/a.md:12 — 正文 — 正文里不允许使用脚本 <script>，它可能在读者的电脑上运行代码或改变页面 — 删除这段 <script>…</script>；需要互动功能请联系网站管理员
      content/highlights/a.md:14 — 正文 — 不允许在 HTML 标签上写 onclick="…"，它会在读者的电脑上运行代码 — 删除 onclick="…" 这一部分；需要互动功能请联系网站管理员
      content/highlights/a.md:16 — 正文 — 链接地址不允许以 javascript: 开头，它会运行代码 — 链接请用 Markdown 写法，例如 [第12期沙龙](../salon/2026-12.md) 或 [集团官网](https://intranet.example.cn/)
      content/highlights/a.md:18 — 正文 — <iframe> 只能嵌入本站或内网视频服务器的页面，这里的地址是 https://evil.example.com/x — 改成普通链接，例如 [观看视频](https://evil.example.com/x)；内网视频服务器的地址需要管理员加入 site.yaml 的 mediaOrigins（现在允许：https://intranet.example.cn）"
    `);
  });

  it('sees through character references, upper case and single quotes; skips what is inside a refused element', async () => {
    const body = [
      '<a href="&#106;avascript&colon;alert(1)">甲</a> <IMG SRC=\'./a.png\' ONERROR=\'x()\'>',
      '',
      '<STYLE>',
      '<div onclick="x()">在 style 里面的不再重复报告</div>',
      '</STYLE>',
    ].join('\n');
    expect(await errors({ 'highlights/a.md': `${GOOD_HIGHLIGHT}${body}\n` })).toMatchInlineSnapshot(`
      "content/highlights/a.md:10 — 正文 — href 里不允许写 javascript: 开头的地址，它会运行代码或藏着内容 — 改成普通网址或文章旁边的文件，例如 [第12期沙龙](../salon/2026-12.md)
      content/highlights/a.md:10 — 正文 — 不允许在 HTML 标签上写 onerror="…"，它会在读者的电脑上运行代码 — 删除 onerror="…" 这一部分；需要互动功能请联系网站管理员
      content/highlights/a.md:12 — 正文 — 正文里不允许使用样式表 <style>，它可能在读者的电脑上运行代码或改变页面 — 删除这段 <style>…</style>；网站的样式统一设置，正文只用 Markdown 排版"
    `);
  });

  it('an MDX syntax error is located', async () => {
    expect(await errors({ 'highlights/a.mdx': `${GOOD_HIGHLIGHT}\n第一行<br>第二行\n` })).toMatchInlineSnapshot(`"content/highlights/a.mdx:11 — 正文 — MDX 语法错误：Expected a closing tag for \`<br>\` (3:4-3:8) before the end of \`paragraph\` — MDX 文件里 < 和 { 有特殊含义：单独的标签要写成 <br />，普通文字里的 { } < 请改用全角符号；不需要 MDX 功能时把文件扩展名改成 .md"`);
  });

  it('refuses import, export, expressions and components in MDX; allows comments and plain HTML', async () => {
    const body = ['', "import Chart from './chart.astro'", '', '{/* 备注 */}', '', '<details><summary>展开</summary>内容</details>', '', '{1 + 1}', '', '<Chart />'].join('\n');
    expect(await errors({ 'highlights/a.mdx': `${GOOD_HIGHLIGHT}${body}\n` })).toMatchInlineSnapshot(`
      "content/highlights/a.mdx:11 — 正文 — MDX 文件里不允许写 import / export（会在生成网站时运行代码） — 删除这一行；需要新的版式或组件请联系网站管理员
      content/highlights/a.mdx:17 — 正文 — MDX 文件里不允许写 { } 表达式：{1 + 1} — 删除花括号；正文里要显示花括号请用全角｛｝；备注请写成 {/* 备注 */}
      content/highlights/a.mdx:19 — 正文 — MDX 文件里不允许使用组件 <Chart> — 删除这个组件，用 Markdown 或普通 HTML 标签（如 <details>）代替；需要新组件请联系网站管理员"
    `);
  });
});

describe('content check: warnings', () => {
  it('video without captions', async () => {
    const entry = `---\ntitle: 视频\ndate: 2026-01-01\nunit: nb-committee\nvideo: https://video.intranet.example.cn/a.mp4\ncategory: activity\n---\n`;
    expect(await warnings({ 'videos/a/index.md': entry })).toMatchInlineSnapshot(`"content/videos/a/index.md — captions — 视频没有字幕，听不见声音的读者（和在办公室静音观看的同事）看不懂 — 把 .vtt 字幕文件放在视频旁边，加上一行：captions: ./captions.vtt"`);
  });

  it('image without alt text in the body', async () => {
    expect(await warnings({ 'highlights/a/index.md': `${GOOD_HIGHLIGHT}\n![](./photo.png)\n`, 'highlights/a/photo.png': PNG })).toMatchInlineSnapshot(`"content/highlights/a/index.md:11 — 正文 — 图片缺少文字说明，看不见图片的读者不知道图上是什么 — 在方括号里写上图片内容，例如 ![党员在服务站为居民调试设备](./photo.png)"`);
  });

  it('summary longer than 200 characters', async () => {
    expect(await warnings({ 'highlights/a.md': GOOD_HIGHLIGHT.replace(/summary: .*/, `summary: ${'党建'.repeat(101)}`) })).toMatchInlineSnapshot(`"content/highlights/a.md:7 — summary — 摘要有 202 个字，超过 200 字，列表和搜索结果里会被截断 — 把摘要缩短到 200 字以内，只写最重要的一两句话"`);
  });

  it('a salon month with no issue', async () => {
    expect(await warnings({ 'salon/2026-01.md': salon('a', 1, '2026-01-20'), 'salon/2026-03.md': salon('b', 2, '2026-03-20') })).toMatchInlineSnapshot(`"content/salon — date — 2026年2月没有先锋沙龙（前后月份都有） — 如果这个月举办了沙龙，请补上这一期；如果确实没有举办，可以忽略这条提醒"`);
  });

  it('files the site would not publish: upper-case extension, folder without index.md, a .txt', async () => {
    expect(
      await warnings({ 'highlights/A.MD': GOOD_HIGHLIGHT, 'highlights/b/b.md': GOOD_HIGHLIGHT, 'highlights/c.txt': '正文' }),
    ).toMatchInlineSnapshot(`
      "content/highlights/A.MD — 扩展名是大写的，这篇文章不会出现在网站上 — 把文件改名为 A.md
      content/highlights/b/b.md — 文件夹 b 里没有 index.md，这篇文章不会出现在网站上 — 把 b.md 改名为 index.md（文章放在文件夹里时，正文文件必须叫 index.md）
      content/highlights/c.txt — 这个文件不是 .md 文件，不会出现在网站上 — 把内容复制到一个 .md 文件里（记事本“另存为”时文件名写成 名字.md，编码选 UTF-8）"
    `);
  });

  it('relative paths inside raw HTML (not rewritten by the site)', async () => {
    expect(await warnings({ 'highlights/a.md': `${GOOD_HIGHLIGHT}\n<a href="../salon/2026-01.md">第1期</a>\n` })).toMatchInlineSnapshot(`"content/highlights/a.md:11 — 正文 — HTML 标签 <a> 里的相对路径 ../salon/2026-01.md 不会被网站处理，发布后会打不开 — 改用 Markdown 链接，例如 [第12期沙龙](../salon/2026-12.md)"`);
  });

  it('an unknown field is a warning with the nearest field', async () => {
    expect(await warnings({ 'highlights/a.md': GOOD_HIGHLIGHT.replace('author:', 'auther:').replace('---\n正文', 'author: 甲\n---\n正文') })).toMatchInlineSnapshot(`"content/highlights/a.md:6 — auther — 红色亮点栏目没有 auther 这个字段，它会被忽略 — 是不是 author（作者/供稿）？字段名请照 docs/authoring.md 填写"`);
  });
});

describe('the author guide quotes real messages', () => {
  it('every message quoted in docs/authoring.md is one the tests check against real output', async () => {
    const guide = readFileSync(path.join(ROOT, 'docs/authoring.md'), 'utf8');
    const tests = ['test/unit/check.test.ts', 'test/cli/authoring-cli.test.ts'].map((f) => readFileSync(path.join(ROOT, f), 'utf8')).join('\n');
    const quoted = [...guide.matchAll(/`content\/[^`]*? — ([^`]+)`/g)].map((m) => m[1]!);
    expect(quoted.length).toBeGreaterThanOrEqual(12);
    expect(quoted.filter((q) => !tests.includes(q))).toEqual([]);
  });

  it('every field the schemas know is explained in docs/authoring.md', async () => {
    const guide = readFileSync(path.join(ROOT, 'docs/authoring.md'), 'utf8');
    const { fieldsOf, SITE_FIELDS, UNIT_FIELDS } = await import('../../src/check/fields.ts');
    const keys = new Set([...['one-picture', 'salon', 'highlights', 'videos'].flatMap((c) => Object.keys(fieldsOf(c as 'salon'))), ...Object.keys(UNIT_FIELDS), ...Object.keys(SITE_FIELDS)]);
    expect([...keys].filter((k) => !guide.includes(`\`${k}\``) && !new RegExp(`^\\s*(# )?(- )?${k}:`, 'm').test(guide))).toEqual([]);
  });
});

const JPEG = readFileSync(path.join(ROOT, 'content/salon/2026-05/huichang.jpg'));
const MP4 = readFileSync(path.join(ROOT, 'content/videos/drone-patrol/drone-patrol.mp4'));

/** A PNG header claiming `width`×`height` pixels (1-bit grey), with a few rows of data: decoding would need gigabytes. */
function pngBomb(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth 1, grey
  const rows = zlib.deflateSync(Buffer.alloc(10 * (1 + Math.ceil(width / 8))));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))]);
}

const withCover = (cover: string) => GOOD_HIGHLIGHT.replace('author: 机关党委宣传组', `author: 机关党委宣传组\ncover: ${cover}`);

describe('content check: files that would publish a broken page', () => {
  it('a Windows path copied from Explorer, in the body and in front matter', async () => {
    const body = await errors({ 'highlights/a/index.md': `${GOOD_HIGHLIGHT}\n![照片](C:\\Users\\xuanchuan\\Desktop\\IMG_0001.jpg)\n` });
    // As the author reads it (single backslashes), and as docs/authoring.md quotes it.
    expect(body).toBe(
      String.raw`content/highlights/a/index.md:11 — 正文 — 图片路径是你电脑上的位置（C:\Users\xuanchuan\Desktop\IMG_0001.jpg），发布后网站上找不到这个文件 — 把 IMG_0001.jpg 复制到 content/highlights/a/ 文件夹里，写成 ![图片内容](./IMG_0001.jpg)`,
    );
    expect(
      await errors({
        'highlights/a/index.md': `${withCover('C:\\Users\\xuanchuan\\Desktop\\cover.jpg')}\n![照片](C:\\Users\\xuanchuan\\Desktop\\IMG_0001.jpg)\n\n![会场](.\\photos\\hall.jpg)\n`,
      }),
    ).toMatchInlineSnapshot(`
      "content/highlights/a/index.md:7 — cover — 图片路径是你电脑上的位置（C:\\Users\\xuanchuan\\Desktop\\cover.jpg），发布后网站上找不到这个文件 — 把 cover.jpg 复制到 content/highlights/a/ 文件夹里，写成 cover: ./cover.jpg
      content/highlights/a/index.md:12 — 正文 — 图片路径是你电脑上的位置（C:\\Users\\xuanchuan\\Desktop\\IMG_0001.jpg），发布后网站上找不到这个文件 — 把 IMG_0001.jpg 复制到 content/highlights/a/ 文件夹里，写成 ![图片内容](./IMG_0001.jpg)
      content/highlights/a/index.md:14 — 正文 — 图片路径里用了反斜杠 \\：.\\photos\\hall.jpg — 网站上的路径用斜杠 /，写成 ![图片内容](./photos/hall.jpg)"
    `);
  });

  it('a truncated JPEG (half-copied from a phone), JPEG magic bytes and garbage, an empty image', async () => {
    expect(
      await errors({
        'highlights/a/index.md': `${withCover('./cover.jpg')}\n![半张](./half.jpg)\n\n![空](./empty.png)\n`,
        'highlights/a/cover.jpg': Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]),
        'highlights/a/half.jpg': JPEG.subarray(0, Math.floor(JPEG.length / 2)),
        'highlights/a/empty.png': Buffer.alloc(0),
      }),
    ).toMatchInlineSnapshot(`
      "content/highlights/a/index.md:7 — cover — 图片文件已损坏或不是图片，网站生成时会出错：content/highlights/a/cover.jpg — 重新从原处复制或导出这张图片（JPG 或 PNG），覆盖这个文件
      content/highlights/a/index.md:12 — 正文 — 图片文件不完整或已损坏（常见于没有复制完的手机照片），发布后会显示成灰块或裂图：content/highlights/a/half.jpg — 从手机或原文件夹重新复制这张图片（等复制完成再打开），覆盖这个文件
      content/highlights/a/index.md:14 — 正文 — 图片文件是空的（0 字节）：content/highlights/a/empty.png — 重新从原处复制或导出这张图片（JPG 或 PNG），覆盖这个文件"
    `);
  });

  it('a 30000×30000 PNG is refused by its size before anything decodes it', async () => {
    expect(await errors({ 'highlights/a/index.md': withCover('./big.png'), 'highlights/a/big.png': pngBomb(30000, 30000) })).toMatchInlineSnapshot(`"content/highlights/a/index.md:7 — cover — 图片太大（30000×30000 像素），网站最多处理宽、高各 16383 像素的图片：content/highlights/a/big.png — 用“画图”或 WPS 图片打开，把图片缩小到宽、高都不超过 4000 像素（一图清长图宽 1080 像素即可），另存为 JPG 或 PNG 后覆盖这个文件"`);
  });

  it('an empty video, a video that is not what its name says, an empty captions file', async () => {
    const video = (file: string, captions = '') =>
      `---\ntitle: 视频\ndate: 2026-01-01\nunit: nb-committee\nvideo: ./${file}\n${captions}category: activity\n---\n`;
    expect(
      await errors({
        'videos/a/index.md': video('empty.mp4', 'captions: ./c.vtt\n'),
        'videos/a/empty.mp4': Buffer.alloc(0),
        'videos/a/c.vtt': '',
        'videos/b/index.md': video('photo.mp4', 'captions: ./c.vtt\n'),
        'videos/b/photo.mp4': JPEG,
        'videos/b/c.vtt': 'WEBVTT\n',
        'videos/c/index.md': video('ok.mp4', 'captions: ./c.vtt\n'),
        'videos/c/ok.mp4': MP4,
        'videos/c/c.vtt': 'WEBVTT\n',
      }),
    ).toMatchInlineSnapshot(`
      "content/videos/a/index.md:5 — video — 视频文件是空的（0 字节），发布后打不开：content/videos/a/empty.mp4 — 从原处重新复制这个视频文件（等复制完成），覆盖它
      content/videos/a/index.md:6 — captions — 字幕文件是空的（0 字节），发布后打不开：content/videos/a/c.vtt — 从原处重新复制这个字幕文件（等复制完成），覆盖它
      content/videos/b/index.md:5 — video — 视频文件的扩展名是 .mp4，但它其实是 JPG 图片，网页里的播放器放不了：content/videos/b/photo.mp4 — 用剪映、格式工厂等软件把视频导出为 MP4（H.264 编码），放在这里并改好文件名"
    `);
  });

  it('attachments linked in the body: empty, or not of their type', async () => {
    expect(
      await errors({
        'highlights/a/index.md': `${GOOD_HIGHLIGHT}\n[通知](./tongzhi.pdf)、[表格](./biao.docx)、[说明](./shuoming.pdf)\n`,
        'highlights/a/tongzhi.pdf': Buffer.alloc(0),
        'highlights/a/biao.docx': '这是一个文字文件',
        'highlights/a/shuoming.pdf': Buffer.from('PK\u0003\u0004word/document.xml', 'latin1'),
      }),
    ).toMatchInlineSnapshot(`
      "content/highlights/a/index.md:11 — 正文 — 附件文件是空的（0 字节），发布后打不开：content/highlights/a/tongzhi.pdf — 从原处重新复制这个附件文件（等复制完成），覆盖它
      content/highlights/a/index.md:11 — 正文 — 附件文件已损坏，或不是 .docx 文件，发布后打不开：content/highlights/a/biao.docx — 从原处重新复制或另存这个文件（扩展名 .docx），覆盖它
      content/highlights/a/index.md:11 — 正文 — 附件文件的扩展名是 .pdf，但它其实是 Word/Excel/PPT（.docx/.xlsx/.pptx）或 ZIP 压缩包：content/highlights/a/shuoming.pdf — 把文件另存为真正的 .pdf 文件，或把扩展名改成实际的格式，并同时改文章里写的文件名"
    `);
  });

  it('images on another site, in Markdown and in HTML; the site itself is fine', async () => {
    const body = [
      '![外网图片](https://img.example.com/a.jpg)',
      '',
      '<img src="http://img.example.com/b.png" alt="b">',
      '',
      '![本站](https://intranet.example.cn/dangjian/favicon.svg)',
    ].join('\n');
    expect(await errors({ 'highlights/a.md': `${GOOD_HIGHLIGHT}\n${body}\n`, 'highlights/b.md': withCover('https://img.example.com/cover.jpg') })).toMatchInlineSnapshot(`
      "content/highlights/a.md:11 — 正文 — 正文里的图片在别的网站上（https://img.example.com），内网读者的浏览器不会加载它，页面上会是一张裂图 — 把图片下载下来放在 content/highlights/ 里，写成 ![图片内容](./a.jpg)
      content/highlights/a.md:13 — 正文 — 正文里的图片在别的网站上（http://img.example.com），内网读者的浏览器不会加载它，页面上会是一张裂图 — 把图片下载下来放在 content/highlights/ 里，写成 ![图片内容](./b.png)
      content/highlights/b.md:7 — cover — 图片要放在文章旁边，不能写网址：https://img.example.com/cover.jpg — 把图片下载下来放在 content/highlights/ 里，写成 cover: ./cover.jpg"
    `);
  });
});

describe('content check: values the site would silently change', () => {
  it('a date with a time is read as the day in China, with a warning', async () => {
    const r = await checkContent(makeContent({ 'highlights/a.md': GOOD_HIGHLIGHT.replace('date: 2026-03-18', 'date: 2026-01-05T07:00:00+08:00') }));
    expect(r.errors).toEqual([]);
    expect(r.warnings.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/highlights/a.md:3 — date — 日期只写年月日，不写时间：2026-01-05T07:00:00+08:00 按北京时间是 2026-01-05，网站显示的就是这一天 — 改成 date: 2026-01-05",
      ]
    `);
  });

  it('other ways of writing a day get the exact line to write', async () => {
    expect(await errors({ 'highlights/a.md': GOOD_HIGHLIGHT.replace('date: 2026-03-18', 'date: 2026年3月8日') })).toMatchInlineSnapshot(`"content/highlights/a.md:3 — date — 日期 2026年3月8日 要写成 YYYY-MM-DD — 改成 date: 2026-03-08"`);
    expect(await errors({ 'highlights/a.md': GOOD_HIGHLIGHT.replace('date: 2026-03-18', 'date: 2026-3-8') })).toMatchInlineSnapshot(`"content/highlights/a.md:3 — date — 日期 2026-3-8 的月份和日子要写成两位数 — 改成 date: 2026-03-08"`);
  });

  it('tags typed with Chinese brackets or commas: read as the tags meant, with a warning', async () => {
    expect(
      await warnings({
        'highlights/a.md': GOOD_HIGHLIGHT.replace('kind: case', 'kind: case\ntags: 【党课，支部书记】'),
        'highlights/b.md': GOOD_HIGHLIGHT.replace('kind: case', 'kind: case\ntags: [党课，支部书记]'),
      }),
    ).toMatchInlineSnapshot(`
      "content/highlights/a.md:6 — tags — 标签用了中文方括号：【党课，支部书记】 — 写成英文方括号、英文逗号：tags: [党课, 支部书记]（网站已按 2 个标签处理）
      content/highlights/b.md:6 — tags — 标签之间用了中文逗号或顿号，几个标签会被当成一个 — 写成英文方括号、英文逗号：tags: [党课, 支部书记]（网站已按 2 个标签处理）"
    `);
  });

  it('titles are counted in characters, not UTF-16 units', async () => {
    const rare = '𠮷'.repeat(80); // 80 characters, 160 UTF-16 units
    expect(await errors({ 'highlights/a.md': GOOD_HIGHLIGHT.replace('title: 三训体系', `title: ${rare}`) })).toBe('');
    expect(await errors({ 'highlights/a.md': GOOD_HIGHLIGHT.replace('title: 三训体系', `title: ${rare}党`) })).toMatchInlineSnapshot(`"content/highlights/a.md:2 — title — 标题有 81 个字，超过 80 个字 — 删掉 1 个字以上；副标题或补充说明可以写进摘要 summary"`);
  });
});

describe('content check: order and structure', () => {
  it('salon issue numbers that contradict the dates', async () => {
    expect(
      await warnings({
        'salon/2026-11.md': salon('a', 12, '2026-11-20'),
        'salon/2026-12/index.md': salon('b', 13, '2026-12-18'),
        'salon/2026-12-2/index.md': salon('c', 14, '2026-12-02'),
      }),
    ).toMatchInlineSnapshot(`"content/salon/2026-12-2/index.md:4 — issue — 第14期的日期 2026-12-02 比第13期（2026-12-18，content/salon/2026-12/index.md）还早，期数和举办日期的先后对不上 — 核对这两期的 issue 和 date；按举办日期，这一期应是第13期"`);
  });

  it('units whose parents go round in a circle', async () => {
    const units = `- id: nb-committee\n  name: 党委\n  kind: committee\n- id: a\n  name: 甲\n  kind: branch\n  parent: b\n- id: b\n  name: 乙\n  kind: branch\n  parent: a\n- id: c\n  name: 丙\n  kind: branch\n  parent: c\n`;
    expect(await errors({ 'units.yaml': units })).toMatchInlineSnapshot(`
      "content/units.yaml:7 — parent — 上级党组织绕成了一个圈：a → b → a（每个的上级都在圈里，找不到最上级） — 把其中一个的 parent 改成真正的上级，例如删除 a 的 parent（最上级的党委不写 parent）
      content/units.yaml:15 — parent — 党组织 c 的上级写成了它自己 — 改成它的上级党组织的 id，最上级的党委不写 parent"
    `);
  });
});

describe('content check: drafts never block', () => {
  it('errors in a draft are marked as the draft’s and listed apart; the published entries still count', async () => {
    const r = await checkContent(
      makeContent({
        'highlights/draft/index.md': `---\ntitle: 草稿\ndate: 2026-03-18\nunit:  # TODO\nkind: case\nauthor: 甲\ncover: ./cover.jpg\ndraft: true\n---\n`,
        'highlights/broken.md': `---\ntitle: [没写完\ndraft: true\n---\n`,
        'highlights/ok.md': GOOD_HIGHLIGHT,
      }),
    );
    expect(blockingErrors(r)).toEqual([]);
    expect(r.errors.every((e) => e.draft)).toBe(true);
    expect(r.list?.map((e) => `${e.file} draft=${e.draft} errors=${e.hasErrors}`)).toMatchInlineSnapshot(`
      [
        "content/highlights/broken.md draft=true errors=true",
        "content/highlights/draft/index.md draft=true errors=true",
        "content/highlights/ok.md draft=false errors=false",
      ]
    `);
    expect(formatReport(r)).toMatchInlineSnapshot(`
      "草稿里的错误（草稿不发布，不影响生成网站；发布前要改好）：
        content/highlights/broken.md
          content/highlights/broken.md:2 — title — YAML 格式错误：引号或括号没有配对 — 检查这一行的英文引号 " "、方括号 [ ] 和花括号 { } 是否成对；内容里的引号请用中文引号“”
        content/highlights/draft/index.md
          content/highlights/draft/index.md:4 — unit — unit（所属党组织）还没有填写 — 在冒号后面填上内容，照这样写：unit: hq-branch-1
          content/highlights/draft/index.md:7 — cover — 图片文件不存在：content/highlights/draft/cover.jpg — 把图片文件放在 content/highlights/draft/ 里，并检查文件名（包括扩展名和大小写）是否和这里写的一致；路径相对于这篇文章，例如 ./cover.jpg

      检查了 3 篇内容：没有错误，草稿里 3 个错误。"
    `);
  });

  it('a published entry that clashes with a draft: the draft carries the error', async () => {
    const r = await checkContent(
      makeContent({ 'highlights/san-xun.md': GOOD_HIGHLIGHT.replace('author:', 'draft: true\nauthor:'), 'highlights/三训.md': GOOD_HIGHLIGHT.replace('author: 机关党委宣传组', 'author: 机关党委宣传组\nslug: san-xun') }),
    );
    expect(blockingErrors(r)).toEqual([]);
    expect(r.errors.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/highlights/san-xun.md — slug — 网址名 san-xun 和 content/highlights/三训.md 重复，两篇文章会抢同一个网址 — 给其中一篇加上不同的网址名，例如 slug: san-xun-2",
      ]
    `);
  });
});
