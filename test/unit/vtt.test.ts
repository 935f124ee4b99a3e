import { describe, expect, it } from 'vitest';
import { formatCueTime, parseVtt } from '../../src/lib/vtt.ts';

describe('WebVTT', () => {
  it('reads cues with identifiers, notes, CRLF and a BOM', () => {
    const r = parseVtt('\uFEFFWEBVTT\r\n\r\nNOTE 说明\r\n\r\n1\r\n00:00:01.000 --> 00:00:03.500 align:center\r\n<v 旁白>无人机巡线</v>\r\n\r\n01:02.000 --> 01:04.000\r\n第二句\r\n');
    expect(r.errors).toEqual([]);
    expect(r.cues).toEqual([
      { start: 1, end: 3.5, text: '无人机巡线', line: 6 },
      { start: 62, end: 64, text: '第二句', line: 9 },
    ]);
  });
  it('locates problems', () => {
    expect(parseVtt('字幕\n').errors[0]).toMatchObject({ line: 1, message: '字幕文件第一行应为 WEBVTT' });
    const r = parseVtt('WEBVTT\n\n00:00:01,000 --> 00:00:02.000\n逗号\n\n00:00:05.000 --> 00:00:04.000\n倒序\n');
    expect(r.errors.map((e) => [e.line, e.message])).toEqual([
      [3, '时间格式不正确：00:00:01,000 --> 00:00:02.000'],
      [6, '结束时间早于或等于开始时间'],
    ]);
  });
  it('formats times', () => {
    expect(formatCueTime(75.5)).toBe('1:15');
    expect(formatCueTime(3725)).toBe('1:02:05');
  });
});
