/**
 * Poster and captions of a video entry, for the player, the cards, og:image and the lobby
 * screen. An authored `poster` goes through astro:assets; otherwise the branded card from
 * video-posters.ts is generated (files under `BASE/_posters/`, published by the poster route).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import type { CollectionEntry } from 'astro:content';
import { COLUMNS, VIDEO_CATEGORIES } from '../lib/columns.ts';
import { memoByKey } from '../lib/memo.ts';
import { parseDuration } from '../lib/dates.ts';
import { entryFilePath, entryFileUrl, getEntries, unitName } from './entries.ts';
import { config, paths } from '../config/site.ts';
import { parseVtt, type VttCue } from '../lib/vtt.ts';
import { drawPoster, posterFile, posterFileNames, posterJob, POSTER_SIZE, type PosterJob, type PosterOptions } from '../lib/video-posters.ts';

type Video = CollectionEntry<'videos'>;

export interface PosterSources {
  /** Card thumbnails: src and srcset (a generated poster: its SVG). */
  card: { src: string; srcset: string };
  /** Player poster (1280 wide; a generated poster: its SVG). */
  player: string;
  /** Lobby screen (1920 wide; a generated poster: its SVG). */
  screen: string;
  /** og:image (base-relative). */
  og: string;
  width: number;
  height: number;
  generated: boolean;
}


export const posterSources: (entry: Video) => Promise<PosterSources> = memoByKey(
  // Keyed by what the poster shows, so a dev server picks up edited titles.
  (entry: Video) => {
    const d = entry.data;
    return JSON.stringify([entry.id, d.title, d.category, d.unit, d.video, d.duration, (d.poster as { src?: string } | undefined)?.src]);
  },
  computePoster,
);

async function computePoster(entry: Video): Promise<PosterSources> {
  const d = entry.data;
  // The schema's image() field (typed loosely outside .astro files).
  const authored = d.poster as ImageMetadata | undefined;
  if (authored) {
    const [card, player, screen] = await Promise.all([
      getImage({ src: authored, width: 640, widths: [320, 640], format: 'webp' }),
      getImage({ src: authored, width: Math.min(1280, authored.width), format: 'webp' }),
      getImage({ src: authored, width: Math.min(1920, authored.width), format: 'webp' }),
    ]);
    return {
      card: { src: card.src, srcset: card.srcSet.attribute },
      player: player.src,
      screen: screen.src,
      og: authored.src,
      width: authored.width,
      height: authored.height,
      generated: false,
    };
  }
  // One SVG for every size: a single srcset candidate keeps `sizes` valid on the cards.
  const names = posterFileNames((await generatedPosterJob(entry)).key);
  const svg = paths.poster(names.svg);
  return {
    card: { src: svg, srcset: `${svg} ${POSTER_SIZE.width}w` },
    player: svg,
    screen: svg,
    og: paths.poster(names.og),
    width: POSTER_SIZE.width,
    height: POSTER_SIZE.height,
    generated: true,
  };
}

const posterOptions = (): PosterOptions => ({ cacheDir: config.cacheDir, frames: config.posterFrames });

/** The generated poster of a video without an authored one (named, not drawn yet). */
async function generatedPosterJob(entry: Video): Promise<PosterJob> {
  const d = entry.data;
  const local = /^https?:\/\//i.test(d.video) ? undefined : entryFilePath(entry, d.video);
  return posterJob(
    { title: d.title, column: COLUMNS.videos.name, category: VIDEO_CATEGORIES[d.category], unit: await unitName(d.unit) },
    posterOptions(),
    local,
    // A frame 40% in: past the opening title card of most films.
    (parseDuration(d.duration ?? '') ?? 2.5) * 0.4,
  );
}

/**
 * Every generated poster file of the published videos (for the poster route). In a build this
 * also starts drawing them all, a few at a time beside page rendering; the dev server draws a
 * poster when it is first asked for.
 */
export async function generatedPosterFiles(): Promise<{ file: string; job: PosterJob }[]> {
  const files = new Map<string, PosterJob>();
  for (const entry of await getEntries('videos')) {
    if (entry.data.poster) continue;
    const job = await generatedPosterJob(entry);
    for (const file of posterFileNames(job.key).all) files.set(file, job);
    if (import.meta.env.PROD) drawPoster(job, posterOptions()).catch(() => {});
  }
  return [...files].map(([file, job]) => ({ file, job }));
}

/** The bytes of a generated poster file. */
export function generatedPosterBytes(job: PosterJob, file: string): Promise<Buffer> {
  return posterFile(job, file, posterOptions());
}

export interface Captions {
  url: string;
  cues: VttCue[];
}

/** The captions track URL and its cues (none when the .vtt is remote, missing or unreadable). */
export function videoCaptions(entry: Video): Captions | undefined {
  const rel = entry.data.captions;
  if (!rel) return undefined;
  const url = entryFileUrl(entry, rel);
  if (/^https?:\/\//i.test(rel)) return { url, cues: [] };
  const file = entryFilePath(entry, rel);
  if (!existsSync(file)) return { url, cues: [] };
  return { url, cues: parseVtt(readFileSync(file, 'utf8')).cues };
}

export function videoType(src: string): string {
  return /\.webm(?:$|[?#])/i.test(src) ? 'video/webm' : 'video/mp4';
}
