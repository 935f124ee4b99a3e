/**
 * The font of every generated image (video posters, 红果树 and 红树林 PNGs). sharp draws SVG
 * text with librsvg + pango, which find fonts through fontconfig: on a machine without a CJK
 * font every Chinese character became an empty box (tofu), silently. So the images use the
 * font shipped in an npm package (Noto Sans CJK SC, as `Noto Sans S Chinese`), and only it:
 * fontconfig is pointed at a config of our own (FONTCONFIG_FILE) that lists no system folder and
 * maps every family the drawings name to it. The same SVG gives the same pixels on every machine.
 *
 * `imageFontKey()` (a hash of the font files) is part of every image cache key, so installing
 * another version of the font redraws cached posters and PNGs.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { escapeMarkup as xml } from './escape.ts';

/** The npm package that ships the font (a dependency of the project). */
export const FONT_PACKAGE = '@embedpdf/fonts-sc';
/** The weights the drawings use: regular text and bold titles (the package has three more). */
export const FONT_FILES = ['NotoSansHans-Regular.otf', 'NotoSansHans-Bold.otf'] as const;
/** The family name inside those files. */
export const IMAGE_FONT_FAMILY = 'Noto Sans S Chinese';

export interface ImageFonts {
  /** Folder holding the font files. */
  dir: string;
  files: string[];
  /** Hash of the bytes of every font in `dir` (16 hex digits). */
  key: string;
}

/** Thrown (in Chinese, naming the package) when the font package is not installed. */
export class MissingImageFontError extends Error {}

/** Finds the shipped font; `from` is where to resolve the package (tests). */
export function findImageFonts(from: string = import.meta.url): ImageFonts {
  let dir: string | undefined;
  try {
    // The package's main file is dist/index.cjs; the fonts sit in fonts/ beside dist/.
    const main = createRequire(from).resolve(FONT_PACKAGE);
    dir = path.join(path.dirname(path.dirname(main)), 'fonts');
  } catch {
    dir = undefined;
  }
  const files = dir ? FONT_FILES.map((f) => path.join(dir!, f)) : [];
  if (!dir || files.some((f) => !existsSync(f))) {
    throw new MissingImageFontError(
      `生成图片（视频封面、红果树、红树林海报）需要中文字体，但没有找到字体包 ${FONT_PACKAGE}，图片里的汉字会变成方框。` +
        `请在项目文件夹运行 npm install（或 npm install ${FONT_PACKAGE}）安装后重新生成。`,
    );
  }
  const h = createHash('sha256');
  for (const f of readdirSync(dir).filter((n) => /\.(otf|ttf|ttc)$/i.test(n)).sort()) h.update(f).update(readFileSync(path.join(dir, f)));
  return { dir, files, key: h.digest('hex').slice(0, 16) };
}

/** fontconfig configuration: only the shipped font, and every family name mapped to it. */
export function fontconfigXml(fonts: ImageFonts, cacheDir: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>${xml(fonts.dir)}</dir>
  <cachedir>${xml(cacheDir)}</cachedir>
  <match target="pattern">
    <edit name="family" mode="assign" binding="strong"><string>${IMAGE_FONT_FAMILY}</string></edit>
  </match>
</fontconfig>
`;
}

let active: ImageFonts | undefined;

/**
 * Points this process's fontconfig at the shipped font (once; before the first drawing, since
 * fontconfig reads its configuration when first used) and returns the font key for cache keys.
 * Throws MissingImageFontError when the package is missing.
 */
export function useImageFonts(): string {
  if (active) return active.key;
  const fonts = findImageFonts();
  const dir = path.join(os.tmpdir(), `red-columns-fonts-${fonts.key}`);
  mkdirSync(path.join(dir, 'cache'), { recursive: true });
  const file = path.join(dir, 'fonts.conf');
  const text = fontconfigXml(fonts, path.join(dir, 'cache'));
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
    // Atomic: several builds (tests) may start at once.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  }
  process.env.FONTCONFIG_FILE = file;
  active = fonts;
  return fonts.key;
}
