import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { escapeXml, posterSvg, textWidth, titleLayout, wrapText } from '../../src/lib/poster-card.ts';
import { renderPosterPng } from '../../src/lib/video-posters.ts';

describe('wrapText (CJK line breaking)', () => {
  it('breaks Chinese text between words, not inside them', () => {
    const lines = wrapText('重温入党誓词庆祝建党一百零五周年', 6, 5);
    expect(lines.join('')).toBe('重温入党誓词庆祝建党一百零五周年');
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(6);
    // 建党 and 周年 stay whole.
    expect(lines.some((l) => l.endsWith('建') || l.endsWith('周'))).toBe(false);
  });

  it('balances the lines of a poster title: no word split, no character alone on the last line', () => {
    // At the poster's 76 px title size a line holds 14 characters.
    for (const title of ['网格党员进社区：慈溪网格化服务纪实', '风雨巡线人：周海峰和他的无人机巡线班组', '党员突击队：台风中抢修通信线路的巡线班组']) {
      const lines = wrapText(title, 14, 3);
      expect(lines.join(''), title).toBe(title);
      expect(lines.length, title).toBe(2);
      expect([...lines.at(-1)!].length, title).toBeGreaterThan(3);
      expect(Math.abs(textWidth(lines[0]!) - textWidth(lines[1]!)), title).toBeLessThanOrEqual(5);
    }
    expect(wrapText('网格党员进社区：慈溪网格化服务纪实', 14, 3).some((l) => l.endsWith('服'))).toBe(false);
    expect(wrapText('风雨巡线人：周海峰和他的无人机巡线班组', 14, 3).some((l) => l.endsWith('无人'))).toBe(false);
  });

  it('keeps closing punctuation off the start of a line and opening quotes off the end', () => {
    const lines = wrapText('公司党委开展主题党日，全体党员重温“入党誓词”', 10, 5);
    for (const l of lines) {
      expect(l).not.toMatch(/^[，。、：；！？”）]/);
      expect(l).not.toMatch(/[“（]$/);
      expect(textWidth(l)).toBeLessThanOrEqual(10);
    }
    expect(lines.join('')).toBe('公司党委开展主题党日，全体党员重温“入党誓词”');
  });

  it('breaks Latin words at spaces and counts them narrower', () => {
    expect(wrapText('Drone patrol team', 4, 5)).toEqual(['Drone', 'patrol', 'team']);
    expect(wrapText('5G 网络保障 Drone patrol', 8, 5)).toEqual(['5G 网络保障', 'Drone patrol']);
    expect(textWidth('abc')).toBeLessThan(textWidth('党建'));
  });

  it('ends with an ellipsis when the text needs more lines than allowed', () => {
    const lines = wrapText('一二三四五六七八九十一二三四五六七八九十', 5, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
    expect(textWidth(lines[1]!)).toBeLessThanOrEqual(5);
  });

  it('titles: short ones large, long ones smaller and at most 3 lines', () => {
    expect(titleLayout('网格党员进社区').size).toBe(76);
    const long = titleLayout('重温入党誓词 庆祝建党105周年：公司党委“七一”主题党日活动暨先进基层党组织和优秀共产党员表彰大会');
    expect(long.size).toBeLessThan(76);
    expect(long.lines.length).toBeLessThanOrEqual(3);
  });
});

describe('posterSvg', () => {
  it('escapes the text and shows title, column, category and unit', () => {
    const svg = posterSvg({ title: 'A&B <党课>', column: '视频展播', category: '先锋模范', unit: '网络部党支部' });
    expect(svg).toContain('A&amp;B &lt;党课&gt;');
    expect(svg).toContain('视频展播');
    expect(svg).toContain('先锋模范');
    expect(svg).toContain('网络部党支部');
    expect(svg).toContain("'Noto Sans CJK SC'");
    expect(escapeXml(`"'`)).toBe('&quot;&apos;');
  });
});

describe('renderPosterPng (sharp + fontconfig CJK fonts)', () => {
  /** Share of near-white pixels (the title is white on red) in the title band. */
  async function whiteShare(png: Buffer): Promise<number> {
    const band = await sharp(png).extract({ left: 144, top: 340, width: 1640, height: 400 }).greyscale().raw().toBuffer();
    let white = 0;
    for (const v of band) if (v > 220) white++;
    return white / band.length;
  }

  it('draws a Chinese title: white glyphs in the title band, none on the same card without a title', async () => {
    // No unit line: its light text would sit in the band once the title is gone.
    const card = { column: '视频展播', category: '重点活动' };
    const withTitle = await renderPosterPng({ ...card, title: '重温入党誓词 庆祝建党105周年' });
    const blank = await renderPosterPng({ ...card, title: '' });
    const meta = await sharp(withTitle).metadata();
    expect([meta.width, meta.height]).toEqual([1920, 1080]);
    expect(await whiteShare(blank)).toBe(0);
    expect(await whiteShare(withTitle)).toBeGreaterThan(0.03);
  });

  it('renders CJK glyphs, not missing-glyph boxes: different titles give different pixels', async () => {
    // With no CJK font, every character is the same .notdef box and the two titles render identically.
    const card = { column: '视频展播' };
    const x = await sharp(await renderPosterPng({ ...card, title: '党建引领' })).raw().toBuffer();
    const y = await sharp(await renderPosterPng({ ...card, title: '先锋模范' })).raw().toBuffer();
    let diff = 0;
    for (let i = 0; i < x.length; i += 4) if (x[i] !== y[i]) diff++;
    expect(diff).toBeGreaterThan(2000);
  });
});
