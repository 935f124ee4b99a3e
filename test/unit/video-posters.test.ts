import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { postersIntegration } from '../../src/integrations/posters.ts';

type Handler = (req: { url: string }, res: unknown, next: () => void) => void;

let cacheDir = '';

/** The dev middleware of the integration, called like Vite's connect server would. */
function middleware(): Handler {
  let handler: Handler | undefined;
  const hook = postersIntegration({ site: { base: '/dangjian/' }, cacheDir } as Parameters<typeof postersIntegration>[0]).hooks['astro:server:setup'] as unknown as (o: unknown) => void;
  hook({ server: { middlewares: { use: (fn: Handler) => (handler = fn) } } });
  return handler!;
}

function request(url: string): Promise<{ status: number; type?: string; body: string } | 'next'> {
  return new Promise((resolve) => {
    const res = new PassThrough() as PassThrough & { writeHead(status: number, headers: Record<string, string>): void };
    let status = 0;
    let type: string | undefined;
    const chunks: Buffer[] = [];
    res.writeHead = (s, h) => {
      status = s;
      type = h['Content-Type'];
    };
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolve({ status, type, body: Buffer.concat(chunks).toString() }));
    middleware()({ url }, res, () => resolve('next'));
  });
}

beforeEach(() => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'red-posters-test-'));
  cacheDir = dir;
  mkdirSync(path.join(dir, 'red-posters'));
  writeFileSync(path.join(dir, 'red-posters', '0123456789abcdef-640.webp'), 'WEBP');
  writeFileSync(path.join(dir, 'secret.txt'), 'no');
});

describe('posters integration (dev server)', () => {
  it('serves a generated poster from the cache under the base', async () => {
    expect(await request('/dangjian/_posters/0123456789abcdef-640.webp')).toEqual({ status: 200, type: 'image/webp', body: 'WEBP' });
    expect(await request('/_posters/0123456789abcdef-640.webp?x=1')).toMatchObject({ status: 200 });
  });
  it('passes on anything else: unknown files, other paths, traversal', async () => {
    expect(await request('/dangjian/_posters/ffffffffffffffff-640.webp')).toBe('next');
    expect(await request('/dangjian/videos/')).toBe('next');
    expect(await request('/dangjian/_posters/../secret.txt')).toBe('next');
  });
});
