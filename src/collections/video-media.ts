/**
 * Poster and captions of a video entry, for the player, the cards, og:image and the lobby
 * screen. An authored `poster` goes through astro:assets; otherwise the branded card from
 * video-posters.ts is generated (files under `BASE/_posters/`).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import type { CollectionEntry } from 'astro:content';
import { COLUMNS, VIDEO_CATEGORIES } from '../lib/columns.ts';
import { parseDuration } from '../lib/dates.ts';
import { entryFilePath, entryFileUrl, unitName } from './entries.ts';
import { config, paths } from '../config/site.ts';
import { parseVtt, type VttCue } from '../lib/vtt.ts';
import { renderPoster } from '../lib/video-posters.ts';

type Video = CollectionEntry<'videos'>;

export interface PosterSources {
  /** Card thumbnails: src (640) and srcset 320w/640w. */
  card: { src: string; srcset: string };
  /** Player poster (1280 wide). */
  player: string;
  /** Lobby screen (1920 wide). */
  screen: string;
  /** og:image (base-relative). */
  og: string;
  width: number;
  height: number;
  generated: boolean;
}

const cache = new Map<string, Promise<PosterSources>>();

export function posterSources(entry: Video): Promise<PosterSources> {
  // Keyed by what the poster shows, so a dev server picks up edited titles.
  const d = entry.data;
  const key = JSON.stringify([entry.id, d.title, d.category, d.unit, d.video, d.duration, (d.poster as { src?: string } | undefined)?.src]);
  let p = cache.get(key);
  if (!p) {
    p = computePoster(entry);
    cache.set(key, p);
  }
  return p;
}

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
  const local = /^https?:\/\//i.test(d.video) ? undefined : entryFilePath(entry, d.video);
  const poster = await renderPoster(
    { title: d.title, column: COLUMNS.videos.name, category: VIDEO_CATEGORIES[d.category], unit: await unitName(d.unit) },
    { cacheDir: config.cacheDir, frames: config.posterFrames },
    local,
    // A frame 40% in: past the opening title card of most films.
    (parseDuration(d.duration ?? '') ?? 2.5) * 0.4,
  );
  const url = paths.poster;
  return {
    card: { src: url(poster.file(640)), srcset: `${url(poster.file(320))} 320w, ${url(poster.file(640))} 640w` },
    player: url(poster.file(1280)),
    screen: url(poster.file(1920)),
    og: url(poster.ogFile),
    width: poster.width,
    height: poster.height,
    generated: true,
  };
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
