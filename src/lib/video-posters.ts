/**
 * Generated video posters: the card from poster-card.ts rendered with sharp (over a frame of
 * the video when ffmpeg is available), cached by content hash in the cache folder, and served
 * as `BASE/_posters/KEY-WIDTH.webp` (+ a .jpg for og:image). Pages call `renderPoster`; the
 * posters integration copies the files this build used into the output and serves them in dev.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { posterSvg, POSTER_HEIGHT, POSTER_WIDTH, type PosterCard } from './poster-card.ts';

/** Bump when the drawing changes so caches refresh. */
const VERSION = 'v4';
/** Card thumbnails (320/640), player (1280), lobby screen (1920). */
export const POSTER_WIDTHS = [320, 640, 1280, 1920] as const;
export type PosterWidth = (typeof POSTER_WIDTHS)[number];

/** Where posters are cached: `red-posters/` in the build's cache folder (RED_CACHE_DIR). */
export function posterCacheDir(cacheDir: string): string {
  return path.join(cacheDir, 'red-posters');
}

export interface PosterOptions {
  /** The build's cache folder (config.cacheDir). */
  cacheDir: string;
  /** Draw over a frame of the video when ffmpeg is installed (config.posterFrames). */
  frames: boolean;
}

/** Files used by this process (file name → absolute path), shared with the integration. */
export function usedPosters(): Map<string, string> {
  const g = globalThis as { __redColumnsPosters?: Map<string, string> };
  g.__redColumnsPosters ??= new Map();
  return g.__redColumnsPosters;
}

let ffmpeg: boolean | undefined;
function hasFfmpeg(): boolean {
  ffmpeg ??= spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0;
  return ffmpeg;
}

/** Hash of a (possibly large) video: its size and first 4 MB. */
function fileFingerprint(file: string): string {
  const h = createHash('sha256');
  h.update(String(statSync(file).size));
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(4 * 1024 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    h.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return h.digest('hex');
}

/** One frame (PNG) `at` seconds into the video (or its first frame), or undefined. */
export function videoFrame(file: string, at = 1): Buffer | undefined {
  if (!hasFfmpeg() || !existsSync(file)) return undefined;
  for (const seek of [at.toFixed(2), '0']) {
    const r = spawnSync(
      'ffmpeg',
      ['-v', 'error', '-ss', seek, '-i', file, '-frames:v', '1', '-vf', `scale=${POSTER_WIDTH}:-2`, '-f', 'image2pipe', '-vcodec', 'png', '-'],
      { maxBuffer: 32 * 1024 * 1024 },
    );
    if (r.status === 0 && r.stdout.length > 0) return r.stdout;
  }
  return undefined;
}

function writeAtomic(file: string, data: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/** Renders the card to a PNG (1920×1080). */
export async function renderPosterPng(card: PosterCard, frame?: Buffer): Promise<Buffer> {
  // A soft blur keeps the title readable over a busy frame.
  const bg = frame ? await sharp(frame).blur(10).png().toBuffer() : undefined;
  const svg = posterSvg({ ...card, background: bg ? `data:image/png;base64,${bg.toString('base64')}` : undefined });
  return sharp(Buffer.from(svg), { density: 72 * (1920 / POSTER_WIDTH) })
    .resize(1920, 1080)
    .png()
    .toBuffer();
}

export interface GeneratedPoster {
  key: string;
  width: number;
  height: number;
  /** File name for a width (webp), e.g. `ab12…-640.webp`. */
  file(width: PosterWidth): string;
  /** JPEG for og:image (1280 wide). */
  ogFile: string;
}

/**
 * Makes (or reuses from the cache) the poster of a video: `videoFile` is the local video
 * when there is one (for the frame, taken `frameAt` seconds in). Returns file names under `_posters/`.
 */
export async function renderPoster(card: PosterCard, options: PosterOptions, videoFile?: string, frameAt = 1): Promise<GeneratedPoster> {
  const frameSource = options.frames && videoFile && existsSync(videoFile) && hasFfmpeg() ? fileFingerprint(videoFile) : '';
  const key = createHash('sha256')
    .update(JSON.stringify([VERSION, posterSvg(card), frameSource, frameSource ? frameAt : 0]))
    .digest('hex')
    .slice(0, 16);
  const dir = posterCacheDir(options.cacheDir);
  mkdirSync(dir, { recursive: true });
  const master = path.join(dir, `${key}.png`);
  if (!existsSync(master)) {
    const frame = frameSource && videoFile ? videoFrame(videoFile, frameAt) : undefined;
    writeAtomic(master, await renderPosterPng(card, frame));
  }
  const used = usedPosters();
  const file = (w: PosterWidth) => `${key}-${w}.webp`;
  for (const w of POSTER_WIDTHS) {
    const out = path.join(dir, file(w));
    if (!existsSync(out)) writeAtomic(out, await sharp(master).resize(w).webp({ quality: 78 }).toBuffer());
    used.set(file(w), out);
  }
  const ogFile = `${key}-1280.jpg`;
  const og = path.join(dir, ogFile);
  if (!existsSync(og)) writeAtomic(og, await sharp(master).resize(1280).jpeg({ quality: 82, mozjpeg: true }).toBuffer());
  used.set(ogFile, og);
  return { key, width: POSTER_WIDTH, height: POSTER_HEIGHT, file, ogFile };
}
