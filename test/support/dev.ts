/**
 * `npm run dev` on a content folder, as an author runs it: started on a free port in its own
 * process group, with helpers to fetch pages under the base and to wait for a change to show.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { childEnv, ROOT } from './build.ts';

export interface DevServer {
  /** Everything the server printed so far. */
  readonly log: string;
  page(p: string, headers?: Record<string, string>): Promise<{ status: number; type: string; body: string }>;
  /** `p` below the base, or an absolute path. */
  fetch(p: string, init?: RequestInit): Promise<Response>;
  /** Resolves with the first defined value `probe` gives (errors count as “not yet”). */
  until<T>(what: string, probe: () => Promise<T | undefined>, ms?: number): Promise<T>;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startDev(options: { contentDir: string; cacheDir: string; base: string; env?: Record<string, string> }): Promise<DevServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let log = '';
  const child: ChildProcess = spawn('npm', ['run', '--silent', 'dev', '--', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT,
    detached: true,
    env: { ...childEnv(), ASTRO_TELEMETRY_DISABLED: '1', RED_CONTENT_DIR: options.contentDir, RED_CACHE_DIR: options.cacheDir, ...options.env },
  });
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const server: DevServer = {
    get log() {
      return log;
    },
    fetch: (p, init) => fetch(origin + (p.startsWith('/') ? p : options.base + p), init),
    page: async (p, headers = { accept: 'text/html' }) => {
      const res = await fetch(origin + options.base + p, { headers });
      return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
    },
    until: async (what, probe, ms = 90_000) => {
      const start = Date.now();
      for (;;) {
        try {
          const v = await probe();
          if (v !== undefined) return v;
        } catch {
          /* not up yet */
        }
        if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}\n${log}`);
        await new Promise((r) => setTimeout(r, 300));
      }
    },
    stop: () => {
      if (!child.pid) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    },
  };
  await server.until('the preview server', async () => ((await server.page('')).status !== 0 ? true : undefined));
  return server;
}
