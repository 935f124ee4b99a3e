/**
 * Bench: `npm run check` on 500 generated entries (125 per column, with links, images,
 * photos and captions) in a temporary folder. Prints the in-process time of
 * checkContent() and the wall time of the real command (`node src/cli/check.ts`).
 * Target: well under 2 s.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkContent } from '../../src/check/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'red-check-bench-'));
const dir = path.join(tmp, 'content');
const PER_COLUMN = 125;

const body = (i: number) => `
## 背景

党建工作做得好不好，关键在人。第 ${i} 篇测试内容：公司党委针对党建核心队伍建立“三训”体系，既抓培训“输入”，又抓党课“输出”。

- **走访**：网格经理每月走访重点客户和社区，记录需求；
- **服务**：宽带、5G业务咨询和故障处理“一站式”办理；

相关内容见[上一期沙龙](../salon/${String(Math.max(1, i - 1)).padStart(3, '0')}.md)和[红色亮点](../highlights/h${i}.md)。

![党员在服务站为居民调试设备](../shared/photo.jpg)

<details><summary>展开</summary>

H<sub>2</sub>O 与 10<sup>3</sup>

</details>

| 项目 | 数量 |
|---|---|
| 培训 | ${i} |
`;

mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'site.yaml'), 'title: 红色专栏\nurl: https://intranet.example.cn\nbase: /dangjian/\n');
const units = ['- id: nb-committee\n  name: 宁波分公司党委\n  kind: committee'];
for (let u = 1; u <= 40; u++) units.push(`- id: branch-${u}\n  name: 第${u}党支部\n  kind: branch\n  parent: nb-committee`);
writeFileSync(path.join(dir, 'units.yaml'), units.join('\n') + '\n');
for (const c of ['one-picture', 'salon', 'highlights', 'videos', 'shared']) mkdirSync(path.join(dir, c), { recursive: true });
const jpg = path.join(ROOT, 'content/salon/2026-05/huichang.jpg');
cpSync(jpg, path.join(dir, 'shared/photo.jpg'));
cpSync(jpg, path.join(dir, 'one-picture/p.jpg'));
// A real (tiny) MP4: the check refuses empty or mistyped video files.
cpSync(path.join(ROOT, 'content/videos/drone-patrol/drone-patrol.mp4'), path.join(dir, 'videos/v.mp4'));
writeFileSync(path.join(dir, 'videos/c.vtt'), 'WEBVTT\n\n' + Array.from({ length: 40 }, (_, k) => `00:00:${String(k).padStart(2, '0')}.000 --> 00:00:${String(k).padStart(2, '0')}.900\n第${k}句字幕\n`).join('\n'));
for (let i = 1; i <= PER_COLUMN; i++) {
  const month = `${2000 + Math.floor((i - 1) / 12)}-${String(((i - 1) % 12) + 1).padStart(2, '0')}`;
  const common = `title: 第${i}篇：测试标题\ndate: ${month}-15\nsummary: 这是第${i}篇的摘要：公司党委针对党建核心队伍建立“三训”体系。\ntags: [党建, 测试]\n`;
  writeFileSync(path.join(dir, `one-picture/o${i}.md`), `---\n${common}unit: branch-${(i % 40) + 1}\nimage: ./p.jpg\nimageAlt: 一图清\noutline:\n  - heading: 思路\n    points:\n      - 要点一\n      - 要点二\n---\n${body(i)}`);
  writeFileSync(path.join(dir, `salon/${String(i).padStart(3, '0')}.md`), `---\n${common}issue: ${i}\nhost: branch-${(i % 40) + 1}\nparticipants: 各支部书记\nspeakers:\n  - name: 张三\n    role: 书记\nphotos:\n  - src: ../shared/photo.jpg\n    alt: 合影\n---\n${body(i)}`);
  writeFileSync(path.join(dir, `highlights/h${i}.md`), `---\n${common}unit: branch-${(i % 40) + 1}\nkind: ${i % 2 ? 'case' : 'model'}\nperson: { name: 李四, role: 班长 }\nauthor: 宣传组\nreplicable:\n  - 第一步\n---\n${body(i)}`);
  writeFileSync(path.join(dir, `videos/v${i}.md`), `---\n${common}unit: branch-${(i % 40) + 1}\nvideo: ./v.mp4\ncaptions: ./c.vtt\ncategory: activity\nduration: "3:45"\n---\n${body(i)}`);
}

// Warm-up run (module loading; images decoded once, then cached), then timed runs in-process.
const cold = performance.now();
await checkContent(dir);
console.log(`check: first run (decodes every image) ${(performance.now() - cold).toFixed(0)} ms wall`);
const runs: number[] = [];
let result = await checkContent(dir);
const cpu: number[] = [];
for (let r = 0; r < 5; r++) {
  const t = performance.now();
  const c = process.cpuUsage();
  result = await checkContent(dir);
  runs.push(performance.now() - t);
  const d = process.cpuUsage(c);
  cpu.push((d.user + d.system) / 1000);
}
cpu.sort((a, b) => a - b);
runs.sort((a, b) => a - b);
console.log(`check: ${result.entries} entries, ${result.errors.length} errors, ${result.warnings.length} warnings`);
if (result.errors.length) console.log(result.errors.slice(0, 5));
console.log(`check: checkContent() median ${runs[2]!.toFixed(0)} ms wall (min ${runs[0]!.toFixed(0)} ms), median ${cpu[2]!.toFixed(0)} ms CPU, 5 runs`);

const t = performance.now();
const cli = spawnSync(process.execPath, [path.join(ROOT, 'src/cli/check.ts')], { cwd: ROOT, env: { ...process.env, RED_CONTENT_DIR: dir }, encoding: 'utf8' });
console.log(`check: node src/cli/check.ts (what npm run check runs, cold process) ${(performance.now() - t).toFixed(0)} ms wall, exit ${cli.status}; CLI's own figure: ${/用时 (\d+) 毫秒/.exec(cli.stdout)?.[1] ?? '?'} ms`);
if (!process.env.KEEP) rmSync(tmp, { recursive: true, force: true });
else console.log(dir);
