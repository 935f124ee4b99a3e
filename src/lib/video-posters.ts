/**
 * Generated video posters: the card from poster-card.ts, cached by content hash in the cache
 * folder and published under `BASE/_posters/` by the poster route (src/pages/[posterDir]/[file].ts).
 *
 * - `KEY.svg`: the card with its text drawn as glyph outlines of the shipped font
 *   (src/lib/svg-text.ts), over a small blurred frame of the video when ffmpeg can take one. One
 *   file serves every size (card thumbnails, player, lobby screen) sharply, looks the same on
 *   every machine and needs no font there; ≈18 KB (≈8 KB gzipped), ≈+8 KB with a frame.
 * - `KEY-1280.jpg`: the same drawing rasterised for og:image (link previews take no SVG).
 *
 * A poster's file names follow from its key alone (`posterJob`, no drawing), so pages never
 * wait for sharp: the drawing (`drawPoster`) runs beside page rendering, a few at a time.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { drawing, hashKey, readCached, writeAtomic } from './file-cache.ts';
import { posterSvg, POSTER_HEIGHT, POSTER_WIDTH, type PosterCard } from './poster-card.ts';
import { outlineFontKey, outlineSvgText } from './svg-text.ts';

/** Bump when the drawing pipeline changes so caches refresh (the SVG and the font are in the key). */
const VERSION = 'v5';
/** og:image width. */
const OG_WIDTH = 1280;
/**
 * Width of the embedded video frame. It is blurred (σ = 10 px at poster size) under a veil, so
 * it has no detail a 320 px picture cannot carry: stretched to any size it looks the same.
 */
const FRAME_WIDTH = 320;

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

/** One frame (PNG, `width` wide) `at` seconds into the video (or its first frame), or undefined. */
export function videoFrame(file: string, at = 1, width = FRAME_WIDTH): Buffer | undefined {
  if (!hasFfmpeg() || !existsSync(file)) return undefined;
  for (const seek of [at.toFixed(2), '0']) {
    const r = spawnSync(
      'ffmpeg',
      ['-v', 'error', '-ss', seek, '-i', file, '-frames:v', '1', '-vf', `scale=${width}:-2`, '-f', 'image2pipe', '-vcodec', 'png', '-'],
      { maxBuffer: 32 * 1024 * 1024 },
    );
    if (r.status === 0 && r.stdout.length > 0) return r.stdout;
  }
  return undefined;
}

/**
 * The card's SVG (1280×720 user units) with its text as glyph outlines, over the blurred frame
 * when there is one.
 */
export async function posterDrawing(card: PosterCard, frame?: Buffer): Promise<string> {
  // A soft blur keeps the title readable over a busy frame.
  const bg = frame
    ? await sharp(frame)
        .resize(FRAME_WIDTH, Math.round((FRAME_WIDTH * POSTER_HEIGHT) / POSTER_WIDTH), { fit: 'cover' })
        .blur((10 * FRAME_WIDTH) / POSTER_WIDTH)
        .jpeg({ quality: 85 })
        .toBuffer()
    : undefined;
  return outlineSvgText(posterSvg({ ...card, background: bg ? `data:image/jpeg;base64,${bg.toString('base64')}` : undefined }));
}

/** The drawing rasterised at `width` (16:9), opaque. */
function raster(svg: string, width: number): Sharp {
  return sharp(Buffer.from(svg), { density: 72 * (width / POSTER_WIDTH) })
    .resize(width, Math.round((width * POSTER_HEIGHT) / POSTER_WIDTH))
    .removeAlpha();
}

/** Renders the card to a PNG (1920×1080). */
export async function renderPosterPng(card: PosterCard, frame?: Buffer): Promise<Buffer> {
  return raster(await posterDrawing(card, frame), 1920).png().toBuffer();
}

/** What a generated poster is made from, and its key (the files are named after it). */
export interface PosterJob {
  key: string;
  card: PosterCard;
  /** Local video to take the frame from ('' when none is used). */
  videoFile: string;
  frameAt: number;
}

/** The poster's files: the SVG (every size on the site) and the og:image JPEG. */
export function posterFileNames(key: string): { svg: string; og: string; all: string[] } {
  const svg = `${key}.svg`;
  const og = `${key}-${OG_WIDTH}.jpg`;
  return { svg, og, all: [svg, og] };
}

/**
 * The job of a video's poster, without drawing it: the key covers the card, the frame's source
 * (when ffmpeg draws over a frame of a local video), the font and this pipeline's version.
 */
export function posterJob(card: PosterCard, options: PosterOptions, videoFile?: string, frameAt = 1): PosterJob {
  const useFrame = options.frames && videoFile !== undefined && existsSync(videoFile) && hasFfmpeg();
  const frameSource = useFrame ? fileFingerprint(videoFile) : '';
  const key = hashKey([VERSION, outlineFontKey(), posterSvg(card), frameSource, frameSource ? String(frameAt) : '0']);
  return { key, card, videoFile: useFrame ? videoFile : '', frameAt };
}

/** The poster's files (bytes by name): fixed encoder options, no metadata (same input, same bytes). */
async function draw(job: PosterJob, names: string[]): Promise<Map<string, Uint8Array>> {
  const frame = job.videoFile ? videoFrame(job.videoFile, job.frameAt) : undefined;
  const svg = await posterDrawing(job.card, frame);
  const out = new Map<string, Uint8Array>();
  for (const n of names) out.set(n, n.endsWith('.svg') ? Buffer.from(svg) : await raster(svg, OG_WIDTH).jpeg({ quality: 82 }).toBuffer());
  return out;
}

const jobs = new Map<string, Promise<void>>();

/** Draws the poster's missing files into the cache folder (once per key and process). */
export function drawPoster(job: PosterJob, options: PosterOptions): Promise<void> {
  const dir = posterCacheDir(options.cacheDir);
  const missing = posterFileNames(job.key).all.filter((n) => !existsSync(path.join(dir, n)));
  if (!missing.length) return Promise.resolve();
  let hit = jobs.get(`${dir}\0${job.key}`);
  if (!hit) {
    hit = drawing(async () => {
      for (const [n, bytes] of await draw(job, missing)) writeAtomic(path.join(dir, n), bytes);
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
