/**
 * The adversarial suite, part 1: hostile or careless input that `npm run check` refuses, each
 * with its file, line and fix (part 2, test/build/adversarial.test.ts, builds what the check
 * lets through and scans every output). One content folder holds every case, as an author's
 * folder would; each case names the problem it must produce.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, formatProblem, type CheckResult, type Problem } from '../../src/check/index.ts';
import { childEnv, ROOT } from '../support/build.ts';
import { GOOD_HIGHLIGHT, makeContent } from '../support/content.ts';

const PNG = readFileSync(path.join(ROOT, 'test/fixtures/site-basic/one-picture/guide/guide.png'));
/** A highlight whose body starts on line 11. */
const hl = (body: string) => `${GOOD_HIGHLIGHT}\n${body}\n`;
const video = (url: string) =>
  `---\ntitle: 视频\ndate: 2026-01-01\nunit: hq-committee\ncategory: activity\nvideo: ${url}\ncaptions: ./c.vtt\n---\n正文\n`;
const VTT = 'WEBVTT\n\n00:00.000 --> 00:01.000\n字幕\n';

interface Case {
  id: string;
  files: Record<string, string | Uint8Array>;
  /** Expected problem: display file, line (when there is one), and the message. */
  file: string;
  line?: number;
  message: RegExp;
}

const C = 'content/highlights';
const cases: Case[] = [
  { id: 'script element', files: { 'highlights/c01.md': hl('<script>alert(1)</script>') }, file: `${C}/c01.md`, line: 11, message: /脚本 <script>/ },
  { id: 'onerror on an HTML image', files: { 'highlights/c02.md': hl('<img src="x" alt="图" onerror="alert(2)">') }, file: `${C}/c02.md`, line: 11, message: /onerror/ },
  { id: 'a <div> block hiding <img onerror>', files: { 'highlights/c03.md': hl('<div class="box">\n说明\n<img src=x onerror=alert(3)>\n</div>') }, file: `${C}/c03.md`, line: 13, message: /onerror/ },
  { id: 'javascript: Markdown link', files: { 'highlights/c04.md': hl('[点我](javascript:alert(4))') }, file: `${C}/c04.md`, line: 11, message: /javascript: 开头/ },
  { id: 'entity-encoded javascript: in an HTML link', files: { 'highlights/c05.md': hl('<a href="&#106;avascript:alert(5)">链接</a>') }, file: `${C}/c05.md`, line: 11, message: /javascript: 开头/ },
  { id: 'frame from another site', files: { 'highlights/c06.md': hl('<iframe src="https://evil.example/x"></iframe>') }, file: `${C}/c06.md`, line: 11, message: /<iframe> 只能嵌入本站/ },
  { id: 'frame whose origin only the URL parser sees (/\\evil)', files: { 'highlights/c07.md': hl('<iframe src="/\\evil.example/x"></iframe>') }, file: `${C}/c07.md`, line: 11, message: /<iframe> 只能嵌入本站/ },
  { id: 'same-origin frame into media/', files: { 'highlights/c08/index.md': hl('<iframe src="../../media/highlights/c08/page.html"></iframe>') }, file: `${C}/c08/index.md`, line: 11, message: /不能嵌入网站 media\// },
  { id: 'srcdoc', files: { 'highlights/c09.md': hl('<iframe src="/map/" srcdoc="<script>alert(9)</script>"></iframe>') }, file: `${C}/c09.md`, line: 11, message: /srcdoc/ },
  { id: 'object/embed', files: { 'highlights/c10.md': hl('<object data="x.swf"></object>') }, file: `${C}/c10.md`, line: 11, message: /插件 <object>/ },
  { id: 'inline <svg onload>', files: { 'highlights/c11.md': hl('<svg onload="alert(11)"></svg>') }, file: `${C}/c11.md`, line: 11, message: /内嵌 <svg>/ },
  { id: '<style>', files: { 'highlights/c12.md': hl('<style>body{display:none}</style>') }, file: `${C}/c12.md`, line: 11, message: /样式表 <style>/ },
  { id: '<form>', files: { 'highlights/c13.md': hl('<form action="https://evil.example/"><button>提交</button></form>') }, file: `${C}/c13.md`, line: 11, message: /表单 <form>/ },
  { id: '<meta http-equiv=refresh>', files: { 'highlights/c14.md': hl('<meta http-equiv="refresh" content="0;url=https://evil.example/">') }, file: `${C}/c14.md`, line: 11, message: /<meta>/ },
  { id: '<base href>', files: { 'highlights/c15.md': hl('<base href="https://evil.example/">') }, file: `${C}/c15.md`, line: 11, message: /<base>/ },
  { id: 'MDX import/export', files: { 'highlights/c16.mdx': hl('export const x = fetch("https://evil.example")') }, file: `${C}/c16.mdx`, line: 11, message: /import \/ export/ },
  { id: 'MDX expression', files: { 'highlights/c17.mdx': hl('正文 {globalThis.alert(17)}') }, file: `${C}/c17.mdx`, line: 11, message: /\{ \} 表达式/ },
  { id: 'MDX component', files: { 'highlights/c18.mdx': hl('<Chart data="x" />') }, file: `${C}/c18.mdx`, line: 11, message: /组件 <Chart>/ },
  { id: 'MDX attribute expression', files: { 'highlights/c19.mdx': hl('<div title={globalThis.alert(19)}>文字</div>') }, file: `${C}/c19.mdx`, line: 11, message: /属性里不允许写/ },
  { id: 'data:text/html link', files: { 'highlights/c20.md': hl('<a href="data:text/html,<script>alert(20)</script>">链接</a>') }, file: `${C}/c20.md`, line: 11, message: /data: 开头/ },
  { id: 'tracking pixel: image on another site', files: { 'highlights/c21.md': hl('![统计](https://tracker.example/p.png)') }, file: `${C}/c21.md`, line: 11, message: /别的网站上/ },
  { id: 'video from another site', files: { 'highlights/c22.md': hl('<video src="https://evil.example/v.mp4" controls></video>') }, file: `${C}/c22.md`, line: 11, message: /站外地址/ },
  { id: 'link to an HTML page beside the entry', files: { 'highlights/c23/index.md': hl('[活动页面](./page.html)'), 'highlights/c23/page.html': '<script>alert(23)</script>' }, file: `${C}/c23/index.md`, line: 11, message: /网页或脚本文件/ },
  { id: 'link to a script', files: { 'highlights/c24/index.md': hl('[脚本](./tool.js)'), 'highlights/c24/tool.js': 'alert(24)' }, file: `${C}/c24/index.md`, line: 11, message: /网页或脚本文件/ },
  { id: 'link to an XML file', files: { 'highlights/c25/index.md': hl('[数据](./data.xml)'), 'highlights/c25/data.xml': '<x/>' }, file: `${C}/c25/index.md`, line: 11, message: /网页或脚本文件/ },
  { id: 'SVG picture with a script', files: { 'highlights/c26/index.md': hl('![图](./a.svg)'), 'highlights/c26/a.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(26)</script></svg>' }, file: `${C}/c26/index.md`, line: 11, message: /SVG 图形 a\.svg 含有脚本/ },
  { id: 'SVG cover loading an outside image', files: { 'highlights/c27/index.md': GOOD_HIGHLIGHT.replace('kind: case', 'kind: case\ncover: ./c.svg'), 'highlights/c27/c.svg': '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/t.png"/></svg>' }, file: `${C}/c27/index.md`, line: 6, message: /引用了文件外部/ },
  { id: 'SVG with an event handler', files: { 'highlights/c28/index.md': hl('![图](./h.svg)'), 'highlights/c28/h.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(28)"></svg>' }, file: `${C}/c28/index.md`, line: 11, message: /事件属性/ },
  { id: 'a file name with #', files: { 'highlights/c29/index.md': hl('[纪要](<./会议#1.pdf>)'), 'highlights/c29/会议#1.pdf': '%PDF-1.4\n' }, file: `${C}/c29/index.md`, line: 11, message: /有 # 或 \?/ },
  { id: 'traversal out of the content folder', files: { 'highlights/c30/index.md': hl('[文件](../../../outside.pdf)'), '../outside.pdf': '%PDF-1.4\n' }, file: `${C}/c30/index.md`, line: 11, message: /内容文件夹之外/ },
  { id: 'a file that is not in a column folder', files: { 'highlights/c31/index.md': hl('[设置](../../site.yaml)') }, file: `${C}/c31/index.md`, line: 11, message: /不在栏目文件夹里/ },
  { id: 'a type not on the allow-list', files: { 'highlights/c32/index.md': hl('[安装包](./setup.exe)'), 'highlights/c32/setup.exe': 'MZ' }, file: `${C}/c32/index.md`, line: 11, message: /网页或脚本文件|不能发布 \.exe/ },
  { id: 'vbscript: link', files: { 'highlights/c33.md': hl('<a href="vbscript:msgbox(33)">链接</a>') }, file: `${C}/c33.md`, line: 11, message: /vbscript: 开头/ },
  { id: 'text input', files: { 'highlights/c34.md': hl('<input type="text" name="pw">') }, file: `${C}/c34.md`, line: 11, message: /输入框 <input>/ },
  { id: 'MDX JSX handler', files: { 'highlights/c35.mdx': hl('<div onClick="alert(35)">文字</div>') }, file: `${C}/c35.mdx`, line: 11, message: /onclick/ },
  { id: 'SVG as a data: image', files: { 'highlights/c36.md': hl('<img alt="x" src="data:image/svg+xml,<svg onload=alert(36)>">') }, file: `${C}/c36.md`, line: 11, message: /data: 开头/ },
  { id: 'CSP injection through a video URL', files: { 'videos/c37/index.md': video('https://v.example;script-src/x.mp4'), 'videos/c37/c.vtt': VTT }, file: 'content/videos/c37/index.md', line: 6, message: /网址写得不对/ },
  { id: 'CSP injection through site.yaml mediaOrigins', files: { 'site.yaml': 'title: 测试站\nurl: https://intranet.example.cn\nbase: /dangjian/\nmediaOrigins: ["http://v.example; script-src *"]\n' }, file: 'content/site.yaml', line: 4, message: /mediaOrigins 的每一项/ },
  { id: 'unit parent loop', files: { 'units.yaml': '- id: hq-committee\n  name: 机关党委\n  kind: committee\n  parent: hq-branch-1\n- id: hq-branch-1\n  name: 机关第一党支部\n  kind: branch\n  parent: hq-committee\n- id: nb-committee\n  name: 宁波分公司党委\n  kind: committee\n- id: gov-committee\n  name: 政企\n  kind: committee\n' }, file: 'content/units.yaml', message: /绕成了一个圈/ },
  { id: 'noscript wrapper', files: { 'highlights/c40.md': hl('<noscript><img src=x onerror=alert(40)></noscript>') }, file: `${C}/c40.md`, line: 11, message: /<noscript>/ },
];

/** Cases that need links on the file system. */
function addLinks(dir: string): Case[] {
  const outside = path.join(path.dirname(dir), 'outside');
  mkdirSync(outside, { recursive: true });
  writeFileSync(path.join(outside, 'hostname'), 'secret-host\n');
  writeFileSync(path.join(outside, 'photo.png'), PNG);
  writeFileSync(path.join(outside, 'entry.md'), hl('外部文章'));
  mkdirSync(path.join(dir, 'highlights/l1'), { recursive: true });
  writeFileSync(path.join(dir, 'highlights/l1/index.md'), hl('![外面的照片](./photo.png)'));
  symlinkSync(path.join(outside, 'photo.png'), path.join(dir, 'highlights/l1/photo.png'));
  mkdirSync(path.join(dir, 'highlights/l2'), { recursive: true });
  writeFileSync(path.join(dir, 'highlights/l2/index.md'), hl('[主机名](./hostname.pdf)'));
  symlinkSync(path.join(outside, 'hostname'), path.join(dir, 'highlights/l2/hostname.pdf'));
  symlinkSync(outside, path.join(dir, 'highlights/l3'));
  symlinkSync(path.join(outside, 'entry.md'), path.join(dir, 'highlights/l4.md'));
  return [
    { id: 'image linked to a file outside content/', files: {}, file: `${C}/l1/index.md`, line: 11, message: /内容文件夹之外/ },
    { id: 'attachment linked to /etc-like file', files: {}, file: `${C}/l2/index.md`, line: 11, message: /内容文件夹之外/ },
    { id: 'folder linked to outside', files: {}, file: `${C}/l3`, message: /指向内容文件夹之外的文件夹链接/ },
    { id: 'entry linked to outside', files: {}, file: `${C}/l4.md`, message: /指向内容文件夹之外的文件链接/ },
  ];
}

let result: CheckResult;
let all: Case[];
let dir: string;

beforeAll(async () => {
  const files: Record<string, string | Uint8Array> = {};
  for (const c of cases) Object.assign(files, c.files);
  dir = makeContent(files);
  all = [...cases, ...addLinks(dir)];
  result = await checkContent(dir);
});

const matches = (p: Problem, c: Case) => p.file === c.file && (c.line === undefined || p.line === c.line) && c.message.test(p.message);

describe('npm run check refuses hostile and careless input, located, with the fix', () => {
  it('has at least 40 refused inputs', () => {
    expect(all.length).toBeGreaterThanOrEqual(44);
  });

  for (const c of [...cases, { id: 'links (4 cases)' } as Case]) {
    it(c.id, () => {
      const list = c.id === 'links (4 cases)' ? all.slice(cases.length) : [c];
      for (const one of list) {
        const found = result.errors.find((p) => matches(p, one));
        expect(found, `${one.id}\n${result.errors.map(formatProblem).join('\n')}`).toBeDefined();
        expect(found!.hint.length, one.id).toBeGreaterThan(4);
      }
    });
  }

  it('npm run check exits 1 on this folder and prints each case with its line', () => {
    const r = spawnSync(process.execPath, ['src/cli/check.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...childEnv(), RED_CONTENT_DIR: dir },
    });
    expect(r.status).toBe(1);
    for (const c of all) if (c.line !== undefined) expect(r.stdout, c.id).toContain(`${c.file.replace(/^content\//, '')}:${c.line}`);
  });
});

export { mkdtempSync, os };
