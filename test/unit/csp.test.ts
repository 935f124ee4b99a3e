/** The Content-Security-Policy is built from validated origins only, each in the directives that need it. */
import { describe, expect, it } from 'vitest';
import { cspDirectives } from '../../src/lib/csp.ts';
import { httpOrigin } from '../../src/lib/origins.ts';
import { readEntrySources } from '../../src/publish/manifest.ts';
import { videoUrlsIn } from '../../src/publish/references.ts';
import { makeContent } from '../support/content.ts';

const video = (url: string, body = '') =>
  `---\ntitle: 视频\ndate: 2026-01-01\nunit: nb-committee\ncategory: activity\nvideo: ${url}\ncaptions: ./c.vtt\n---\n${body}\n`;

describe('content security policy', () => {
  it('allows only the video servers named in front matter (not in the body)', () => {
    const dir = makeContent({ 'videos/a/index.md': video('http://video.intranet:8080/a/b.mp4', 'video: https://evil.example/x.mp4') });
    const urls = videoUrlsIn(readEntrySources(dir));
    expect(urls).toEqual(['http://video.intranet:8080/a/b.mp4']);
    const d = cspDirectives({ videoUrls: urls, mediaOrigins: [] });
    expect(d).toContain("default-src 'self'");
    expect(d).toContain("media-src 'self' http://video.intranet:8080");
    expect(d.join(';')).not.toContain('evil.example');
  });

  it('adds a video origin to media-src only, site.yaml mediaOrigins to media-src and frame-src', () => {
    const d = cspDirectives({ videoUrls: ['https://v.example/x.mp4'], mediaOrigins: ['http://player.example:81/path?q'] });
    expect(d).toEqual([
      "default-src 'self'",
      "img-src 'self' data:",
      "media-src 'self' http://player.example:81 https://v.example",
      "connect-src 'self'",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-src 'self' http://player.example:81",
    ]);
  });

  it('never copies an author string: a URL that would inject a directive is left out', () => {
    const hostile = [
      'https://v.example;script-src/x.mp4',
      'https://v.example/x.mp4;script-src',
      "https://v.example 'unsafe-inline'/x.mp4",
      'https://user:pw@v.example/x.mp4',
      'javascript:alert(1)',
      'https://*.example/x.mp4',
    ];
    const d = cspDirectives({ videoUrls: hostile, mediaOrigins: hostile }).join('; ');
    expect(d).not.toMatch(/script-src|unsafe|\*|user|javascript/);
    expect(d).toContain("media-src 'self' https://v.example;");
    expect(httpOrigin('https://v.example;script-src/x.mp4')).toBeNull();
    expect(httpOrigin('/\\evil.example/x', 'https://intranet.example.cn/dangjian/')).toBe('https://evil.example');
  });
});
