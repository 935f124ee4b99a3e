/**
 * A small WebVTT reader: cues with their times and text, and located problems
 * (line numbers are 1-based lines of the .vtt file). Used by the video pages
 * (transcripts), search indexing and the content check.
 */
import { decodeMarkup } from './escape.ts';
export interface VttCue {
  /** seconds */
  start: number;
  end: number;
  text: string;
  /** line of the timing line */
  line: number;
}

export interface VttProblem {
  line: number;
  message: string;
  hint: string;
}

export interface VttResult {
  cues: VttCue[];
  errors: VttProblem[];
}

const TIME = /^(?:(\d{1,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;
const TIMING = /^(\S+)\s+-->\s+(\S+)(?:\s+.*)?$/;

export function parseVttTime(value: string): number | undefined {
  const m = TIME.exec(value);
  if (!m) return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
}

/** `75.5` → `1:15` */
export function formatCueTime(seconds: number): string {
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/**
 * The words of a cue, as the WebVTT cue text parser reads them: `<…>` is a cue tag (`<v 王强>`,
 * `<b>`, `<00:01.000>`) and is dropped, `&…;` is a character reference. Not HTML: read as the
 * spec's tokenizer does, one character at a time.
 */
export function cuePlainText(text: string): string {
  let out = '';
  let inTag = false;
  for (const ch of text) {
    if (inTag) {
      if (ch === '>') inTag = false;
    } else if (ch === '<') inTag = true;
    else out += ch;
  }
  return decodeMarkup(out).replaceAll('\u00a0', ' ');
}

export function parseVtt(input: string): VttResult {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const cues: VttCue[] = [];
  const errors: VttProblem[] = [];
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    errors.push({ line: 1, message: '字幕文件第一行应为 WEBVTT', hint: '在文件最开头单独写一行 WEBVTT，下面空一行再写字幕' });
    return { cues, errors };
  }
  let i = 1;
  // Skip the header block.
  while (i < lines.length && lines[i]!.trim() !== '') i++;
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === '') i++;
    if (i >= lines.length) break;
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '') block.push(lines[i++]!);
    const first = block[0] ?? '';
    if (/^(NOTE|STYLE|REGION)(\s|$)/.test(first)) continue;
    // An optional cue identifier precedes the timing line.
    const timingIndex = first.includes('-->') ? 0 : 1;
    const timingLine = block[timingIndex];
    const lineNo = blockStart + timingIndex + 1;
    if (!timingLine || !timingLine.includes('-->')) {
      errors.push({
        line: blockStart + 1,
        message: '这一段字幕缺少时间行',
        hint: '每段字幕先写时间行，例如 00:00:01.000 --> 00:00:04.000，下一行写字幕文字',
      });
      continue;
    }
    const m = TIMING.exec(timingLine.trim());
    const start = m ? parseVttTime(m[1]!) : undefined;
    const end = m ? parseVttTime(m[2]!) : undefined;
    if (start === undefined || end === undefined) {
      errors.push({
        line: lineNo,
        message: `时间格式不正确：${timingLine.trim()}`,
        hint: '时间写成 时:分:秒.毫秒 或 分:秒.毫秒，例如 00:01:02.500 --> 00:01:05.000（毫秒前用英文句点）',
      });
      continue;
    }
    if (end <= start) {
      errors.push({ line: lineNo, message: '结束时间早于或等于开始时间', hint: '把 --> 右边的时间改成晚于左边的时间' });
      continue;
    }
    const cueText = cuePlainText(block.slice(timingIndex + 1).join('\n')).trim();
    cues.push({ start, end, text: cueText, line: lineNo });
  }
  return { cues, errors };
}
