/**
 * A real nginx serving a built site under its sub-path, on a free loopback port,
 * as the intranet serves it. The config is written to a temporary folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface NginxServer {
  origin: string;
  base: string;
  /** origin + base + path */
  url(p?: string): string;
  accessLog(): string;
  stop(): Promise<void>;
}

export const NGINX = process.env.NGINX_BIN ?? '/usr/sbin/nginx';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('nginx did not start listening in time');
}

/**
 * `locations`: the server's location blocks instead of the default ones (e.g. the README's
 * deploy snippet); `{{www}}` in it stands for the folder that holds the site under its base.
 */
export async function startNginx(options: { root: string; base: string; locations?: string }): Promise<NginxServer> {
  const base = `/${options.base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'red-nginx-'));
  // nginx's workers drop root privileges: they must be able to walk into the folder.
  chmodSync(tmp, 0o755);
  const www = path.join(tmp, 'www');
  mkdirSync(www, { recursive: true });
  // Serve the site under its sub-path: www/dangjian -> dist
  const siteDir = base === '/' ? www : path.join(www, ...base.split('/').filter(Boolean));
  if (base === '/') rmSync(www, { recursive: true, force: true });
  mkdirSync(path.dirname(siteDir), { recursive: true });
  symlinkSync(path.resolve(options.root), siteDir);
  const port = await freePort();
  const conf = path.join(tmp, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
daemon off;
pid ${tmp}/nginx.pid;
error_log ${tmp}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  types { text/vtt vtt; }
  default_type application/octet-stream;
  access_log ${tmp}/access.log;
  client_body_temp_path ${tmp}/body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  sendfile on;
  gzip on;
  gzip_comp_level 6;
  gzip_types text/css application/javascript text/javascript application/json image/svg+xml application/xml text/xml application/rss+xml application/feed+json text/vtt;
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    root ${www};
    disable_symlinks off;
${
  options.locations?.replaceAll('{{www}}', www) ??
  `    location = / { return 302 ${base}; }
    location ${base} {
      try_files $uri $uri/ $uri/index.html =404;
    }
    error_page 404 ${base}404.html;`
}
  }
}
`,
  );
  const child = spawn(NGINX, ['-p', tmp, '-c', conf, '-e', `${tmp}/error.log`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    await waitForPort(port, child);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\n${stderr}`);
  }
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    base,
    url: (p = '') => origin + base + p.replace(/^\/+/, ''),
    accessLog: () => {
      try {
        return readFileSync(path.join(tmp, 'access.log'), 'utf8');
      } catch {
        return '';
      }
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGQUIT');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
