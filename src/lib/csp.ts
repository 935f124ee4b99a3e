/**
 * Content-Security-Policy directives (besides script-src/style-src, which Astro writes with
 * hashes). Everything comes from the site itself, except the intranet video server(s) named
 * by absolute `video:` / `captions:` URLs in content/videos.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Origins of absolute http(s) URLs given as `video:`, `captions:` or `poster:` in front matter. */
export function mediaOriginsIn(markdown: string): string[] {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(markdown)?.[1] ?? '';
  const out = new Set<string>();
  for (const m of fm.matchAll(/^\s*(?:video|captions|poster)\s*:\s*["']?(https?:\/\/[^\s"'#]+)/gim)) {
    try {
      out.add(new URL(m[1]!).origin);
    } catch {
      /* not a URL: the validator reports it */
    }
  }
  return [...out];
}

function markdownFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return markdownFiles(p);
    return /\.(md|mdx)$/i.test(d.name) ? [p] : [];
  });
}

/** Video server origins used anywhere in the videos column, sorted. */
export function videoOrigins(contentDir: string): string[] {
  const all = new Set<string>();
  for (const f of markdownFiles(path.join(contentDir, 'videos'))) {
    for (const o of mediaOriginsIn(readFileSync(f, 'utf8'))) all.add(o);
  }
  return [...all].sort();
}

/** The directives we write (the shape Astro's `security.csp.directives` accepts). */
export type CspDirective = `${'default-src' | 'img-src' | 'media-src' | 'connect-src' | 'font-src' | 'object-src' | 'base-uri' | 'form-action' | 'frame-src'} ${string}`;

export function cspDirectives(contentDir: string): CspDirective[] {
  const video = videoOrigins(contentDir);
  const media = ["'self'", ...video].join(' ');
  return [
    "default-src 'self'",
    `img-src 'self' data:${video.map((o) => ` ${o}`).join('')}`,
    `media-src ${media}`,
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-src 'self'",
  ];
}
