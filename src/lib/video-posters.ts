/**
 * Generated video posters: the card from poster-card.ts rendered with sharp (over a frame of
 * the video when ffmpeg is available) in the shipped font (image-fonts.ts), cached by content
 * hash in the cache folder, and published as `BASE/_posters/KEY-WIDTH.webp` (+ a .jpg for
 * og:image) by the poster route (src/pages/[posterDir]/[file].ts).
 *
 * A poster's file names follow from its key alone (`posterJob`, no drawing), so pages never
 * wait for sharp: the drawing (`posterFile`) runs beside page rendering, a few at a time.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { drawing, hashKey, readCached, writeAtomic } from './file-cache.ts';
import { useImageFonts } from './image-fonts.ts';
import { posterSvg, POSTER_HEIGHT, POSTER_WIDTH, type PosterCard } from './poster-card.ts';

/** Bump when the drawing pipeline changes so caches refresh (the SVG and the font are in the key). */
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

let ffmpeg: boolean | undefined;
function hasFfmpeg(): boolean {
  ffmpeg ??= spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0;
  return ffmpeg;
}

const fingerprints = new Map<string, string>();

/** Hash of a (possibly large) video: its size and first 4 MB (once per file, size and time). */
function fileFingerprint(file: string): string {
  const st = statSync(file);
  const memo = `${file}\0${st.size}\0${st.mtimeMs}`;
  const hit = fingerprints.get(memo);
  if (hit) return hit;
  const h = createHash('sha256');
  h.update(String(st.size));
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(4 * 1024 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    h.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  const digest = h.digest('hex');
  fingerprints.set(memo, digest);
  return digest;
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

/** The card's SVG at poster size, over the blurred frame when there is one. */
async function cardSvg(card: PosterCard, frame?: Buffer): Promise<string> {
  // A soft blur keeps the title readable over a busy frame.
  const bg = frame ? await sharp(frame).blur(10).png().toBuffer() : undefined;
  return posterSvg({ ...card, background: bg ? `data:image/png;base64,${bg.toString('base64')}` : undefined });
}

const DENSITY = 72 * (1920 / POSTER_WIDTH);

/** Renders the card to a PNG (1920×1080). */
export async function renderPosterPng(card: PosterCard, frame?: Buffer): Promise<Buffer> {
  useImageFonts();
  return sharp(Buffer.from(await cardSvg(card, frame)), { density: DENSITY }).resize(1920, 1080).png().toBuffer();
}

/** What a generated poster is made from, and its key (the files are named after it). */
export interface PosterJob {
  key: string;
  card: PosterCard;
  /** Local video to take the frame from ('' when none is used). */
  videoFile: string;
  frameAt: number;
}

/** The poster's file names: one webp per width, and the og:image JPEG. */
export function posterFileNames(key: string): { webp: Record<PosterWidth, string>; og: string; all: string[] } {
  const webp = Object.fromEntries(POSTER_WIDTHS.map((w) => [w, `${key}-${w}.webp`])) as Record<PosterWidth, string>;
  const og = `${key}-1280.jpg`;
  return { webp, og, all: [...POSTER_WIDTHS.map((w) => webp[w]), og] };
}

/**
 * The job of a video's poster, without drawing it: the key covers the card, the frame's source
 * (when ffmpeg draws over a frame of a local video), the font and this pipeline's version.
 */
export function posterJob(card: PosterCard, options: PosterOptions, videoFile?: string, frameAt = 1): PosterJob {
  const useFrame = options.frames && videoFile !== undefined && existsSync(videoFile) && hasFfmpeg();
  const frameSource = useFrame ? fileFingerprint(videoFile) : '';
  const key = hashKey([VERSION, useImageFonts(), posterSvg(card), frameSource, frameSource ? String(frameAt) : '0']);
  return { key, card, videoFile: useFrame ? videoFile : '', frameAt };
}

/** Encoder of each file from the 1920×1080 master. */
function encode(img: Sharp, name: string): Promise<Buffer> {
  if (name.endsWith('.jpg')) return img.resize(1280).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
  const w = Number(/-(\d+)\.webp$/.exec(name)![1]);
  return img.resize(w).webp({ quality: 78 }).toBuffer();
}

const jobs = new Map<string, Promise<void>>();

/** Draws the poster's missing files into the cache folder (once per key and process). */
export function drawPoster(job: PosterJob, options: PosterOptions): Promise<void> {
  const dir = posterCacheDir(options.cacheDir);
  const names = posterFileNames(job.key).all;
  if (names.every((n) => existsSync(path.join(dir, n)))) return Promise.resolve();
  let hit = jobs.get(`${dir}\0${job.key}`);
  if (!hit) {
    hit = drawing(async () => {
      const frame = job.videoFile ? videoFrame(job.videoFile, job.frameAt) : undefined;
      useImageFonts();
      // Decoded once, kept raw: the same pixels the PNG master used to give, without encoding it.
      const { data, info } = await sharp(Buffer.from(await cardSvg(job.card, frame)), { density: DENSITY })
        .resize(1920, 1080)
        .raw()
        .toBuffer({ resolveWithObject: true });
      // A new pipeline per file over the same buffer (sharp's clone() would copy the 8 MB of pixels).
      const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
      await Promise.all(
        names
          .filter((n) => !existsSync(path.join(dir, n)))
          .map(async (n) => writeAtomic(path.join(dir, n), await encode(sharp(data, raw), n))),
      );
    });
    jobs.set(`${dir}\0${job.key}`, hit);
    // A failed drawing is retried by the next request (dev), and reported by the one awaiting it.
    hit.catch(() => jobs.delete(`${dir}\0${job.key}`));
  }
  return hit;
}

/** The bytes of one poster file (drawn first when needed). */
export async function posterFile(job: PosterJob, name: string, options: PosterOptions): Promise<Buffer> {
  await drawPoster(job, options);
  const bytes = readCached(path.join(posterCacheDir(options.cacheDir), name));
  if (!bytes) throw new Error(`视频封面 ${name} 没有生成`);
  return bytes;
}

export const POSTER_SIZE = { width: POSTER_WIDTH, height: POSTER_HEIGHT };
