/**
 * Content-Security-Policy directives (besides script-src/style-src, which Astro writes with
 * hashes). Everything comes from the site itself, except the intranet video servers, and
 * those only where needed:
 * - `media-src`: the origins of absolute `video:` URLs (front matter) and of site.yaml
 *   `mediaOrigins` (videos and their caption tracks are media loads);
 * - `frame-src`: site.yaml `mediaOrigins` only (the HTML policy lets <iframe> load from them).
 * Each origin is rebuilt from the parsed URL (scheme, host, port: src/lib/origins.ts); a value
 * that is not a plain http(s) URL is left out (the content check reports it), so no author
 * string ever reaches the policy (`https://v.example;script-src` cannot add a directive).
 * Captions are files beside the entry (same origin), so a remote video needs no CORS for them.
 */
import { httpOrigin } from './origins.ts';

export interface CspSources {
  /** Absolute `video:` URLs written in front matter. */
  videoUrls: readonly string[];
  /** site.yaml `mediaOrigins`. */
  mediaOrigins: readonly string[];
}

/** The directives we write (the shape Astro's `security.csp.directives` accepts). */
export type CspDirective = `${'default-src' | 'img-src' | 'media-src' | 'connect-src' | 'font-src' | 'object-src' | 'base-uri' | 'form-action' | 'frame-src'} ${string}`;

function origins(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => httpOrigin(v.trim())).filter((o): o is string => o !== null))].sort();
}

export function cspDirectives(sources: CspSources): CspDirective[] {
  const frames = origins(sources.mediaOrigins);
  const media = origins([...sources.videoUrls, ...sources.mediaOrigins]);
  const list = (extra: string[]) => ["'self'", ...extra].join(' ');
  return [
    "default-src 'self'",
    "img-src 'self' data:",
    `media-src ${list(media)}`,
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-src ${list(frames)}`,
  ];
}
