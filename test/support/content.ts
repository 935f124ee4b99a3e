/**
 * Small content folders for tests: a valid site.yaml and units.yaml, plus the files a test
 * gives (text or raw bytes). The folder is `<tmp>/content`, so messages read `content/…`.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const SITE_YAML = 'title: 测试站\nurl: https://intranet.example.cn\nbase: /dangjian/\n';

export const UNITS_YAML = `- id: nb-committee
  name: 宁波分公司党委
  kind: committee
- id: hq-committee
  name: 机关党委
  kind: committee
  parent: nb-committee
- id: hq-branch-1
  name: 机关第一党支部
  kind: branch
  parent: hq-committee
- id: gov-committee
  name: 政企客户事业部党委
  kind: committee
  parent: nb-committee
`;

/** A valid highlight, front matter lines in this order: title(2) date(3) unit(4) kind(5) author(6). */
export const GOOD_HIGHLIGHT = `---
title: 三训体系
date: 2026-03-18
unit: hq-committee
kind: case
author: 机关党委宣传组
summary: 思路：集训、轮训、特训（全角冒号在内容里是正常的）
---
正文。
`;

export function makeContent(files: Record<string, string | Uint8Array>, options: { site?: boolean; units?: boolean } = {}): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'red-check-')), 'content');
  const all: Record<string, string | Uint8Array> = {
    ...(options.site === false ? {} : { 'site.yaml': SITE_YAML }),
    ...(options.units === false ? {} : { 'units.yaml': UNITS_YAML }),
    ...files,
  };
  for (const [rel, data] of Object.entries(all)) {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, data);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}
