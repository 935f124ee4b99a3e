/**
 * Measuring child processes for the benchmarks: wall time and peak memory of a whole process
 * tree (npm → node build.ts → astro build → pagefind), sampled from /proc every 100 ms, plus
 * the kernel's own peak RSS of the largest single process (getrusage, as /usr/bin/time -v
 * reports it). Also: CPU profiles summarised by function and by package, and the load average.
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';
const readCached = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

export interface Measured {
  status: number | null;
  /** Wall time, ms. */
  ms: number;
  /** CPU time (user + system) of the whole tree, ms, from /usr/bin/time; NaN without it. Less sensitive than wall time to other work on the machine. */
  cpuMs: number;
  /** Peak of the summed RSS of the process tree (sampled), bytes. */
  peakTree: number;
  /** Peak RSS of the largest single process (sampled), bytes. */
  peakOne: number;
  /** Clock time (HH:MM:SS) of that peak, to find the build phase in the log. */
  peakOneAt: string;
  output: string;
}

function children(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const t of tasks) {
    try {
      for (const c of readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(' ')) if (c.trim()) out.push(Number(c));
    } catch {
      /* gone */
    }
  }
  return out;
}

function rss(pid: number): number {
  try {
    const statm = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
    return Number(statm[1]) * 4096;
  } catch {
    return 0;
  }
}

/** RSS of each process in the tree under `pid` (itself included). */
export function treeRss(pid: number): number[] {
  const seen = new Set<number>();
  const stack = [pid];
  const sizes: number[] = [];
  while (stack.length) {
    const p = stack.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    sizes.push(rss(p));
    stack.push(...children(p));
  }
  return sizes;
}

/** Runs a command to completion, sampling its tree's memory; output captured (and echoed with `echo`). */
export function measure(cmd: string, args: string[], options: SpawnOptions & { echo?: boolean } = {}): Promise<Measured> {
  // GNU time adds up the CPU time of every process it waited for (npm → node → astro → pagefind).
  const timeFile = existsSync(GNU_TIME) ? path.join(os.tmpdir(), `red-bench-time-${process.pid}-${Date.now()}.txt`) : undefined;
  const [command, argv] = timeFile ? [GNU_TIME, ['-o', timeFile, '-f', '%U %S', cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, argv, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const take = (b: Buffer) => {
      output += b.toString('utf8');
      if (options.echo) process.stdout.write(b);
    };
    child.stdout!.on('data', take);
    child.stderr!.on('data', take);
    let peakTree = 0;
    let peakOne = 0;
    let peakOneAt = '';
    const sample = () => {
      if (child.pid === undefined) return;
      const sizes = treeRss(child.pid);
      peakTree = Math.max(peakTree, sizes.reduce((a, b) => a + b, 0));
      const one = Math.max(...sizes);
      if (one > peakOne) {
        peakOne = one;
        peakOneAt = new Date().toTimeString().slice(0, 8);
      }
    };
    const timer = setInterval(sample, 100);
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (status) => {
      clearInterval(timer);
      let cpuMs = NaN;
      if (timeFile) {
        const [user, system] = (readCached(timeFile) ?? '').trim().split('\n').at(-1)!.split(' ').map(Number);
        if (user !== undefined && system !== undefined) cpuMs = (user + system) * 1000;
        rmSync(timeFile, { force: true });
      }
      resolve({ status, ms: performance.now() - t0, cpuMs, peakTree, peakOne, peakOneAt, output });
    });
  });
}

export const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
export const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const load = () => `load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Which package (or project folder) a script URL belongs to. */
function owner(url: string): string {
  if (!url) return '(native/gc)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return 'node:internal';
  const src = /\/(src\/[^/]+|dist\/[^/]+|\.prerender\/[^/]+|scripts\/[^/]+)/.exec(url);
  return src ? src[1]! : url.split('/').slice(-2).join('/');
}

/** Self time by function and by package/folder (ms), and the total. */
export function summarizeProfile(file: string, top = 25): string {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const selfTime = new Map<number, number>();
  p.samples.forEach((s, i) => selfTime.set(s, (selfTime.get(s) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const byFn = new Map<string, number>();
  const byPkg = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfTime) {
    const n = byId.get(id)!;
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'}  ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(src|scripts)\//, '$1/')}:${f.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
    const o = owner(f.url);
    byPkg.set(o, (byPkg.get(o) ?? 0) + us);
    total += us;
  }
  const list = (m: Map<string, number>, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `  ${(us / 1000).toFixed(0).padStart(7)} ms  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
  return `profile ${file}: ${(total / 1e6).toFixed(1)} s sampled\nby package/folder (self time):\n${list(byPkg, 15)}\nby function (self time):\n${list(byFn, top)}`;
}

/** The largest .cpuprofile in a folder (the astro build process, not npm's). */
export function largestProfile(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => `${dir}/${f}`);
  return files.sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0];
}

interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: HeapNode[];
}

/**
 * A `--heap-prof` profile (sampled allocations still alive when the process ended): live bytes by
 * package/folder, and by allocating function with its caller chain up to our own code.
 */
export function summarizeHeapProfile(file: string, top = 20): string {
  const root = (JSON.parse(readFileSync(file, 'utf8')) as { head: HeapNode }).head;
  const byPkg = new Map<string, number>();
  const byFn = new Map<string, number>();
  let total = 0;
  const walk = (n: HeapNode, ours: string) => {
    const f = n.callFrame;
    const here = /\/(src|\.prerender)\//.test(f.url) ? `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(src|\.prerender)\//, '$1/')}:${f.lineNumber + 1}` : ours;
    if (n.selfSize) {
      total += n.selfSize;
      const o = owner(f.url);
      byPkg.set(o, (byPkg.get(o) ?? 0) + n.selfSize);
      const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '')}:${f.lineNumber + 1}  ← ${here || '-'}`;
      byFn.set(key, (byFn.get(key) ?? 0) + n.selfSize);
    }
    for (const c of n.children) walk(c, here);
  };
  walk(root, '');
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1).padStart(7)} MB`;
  const list = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, b]) => `  ${mb(b)}  ${k}`).join('\n');
  return `heap profile ${file}: ${mb(total).trim()} live (sampled) at exit\nby package/folder:\n${list(byPkg, 12)}\nby allocating function ← our nearest caller:\n${list(byFn, top)}`;
}

/** The largest file with this extension in a folder. */
export function largestFile(dir: string, ext: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir).filter((f) => f.endsWith(ext)).map((f) => `${dir}/${f}`);
  return files.sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0];
}
