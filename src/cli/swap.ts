/**
 * Putting a new build in place of the published one without ever losing both: the new
 * folder is built beside the output (`.dist-building-PID-TIME`), the old output is moved aside
 * (`.dist-old-PID-TIME`), the new one renamed into place, the old one removed. A build killed
 * in the middle (Ctrl+C, power loss) leaves its folders behind; the next build, once that
 * process is gone, restores the old output if no output is in place (the swap was
 * interrupted), and only then removes what is left. The old site is restored, never deleted.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

export const pidAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export interface SwapFolders {
  tempDir: string;
  oldDir: string;
}

/** The sibling folders of this build (`tag`: unique per run, starting with the process id). */
export function swapFolders(outDir: string, tag: string): SwapFolders {
  const dir = path.dirname(outDir);
  const base = path.basename(outDir);
  return { tempDir: path.join(dir, `.${base}-building-${tag}`), oldDir: path.join(dir, `.${base}-old-${tag}`) };
}

/**
 * Clean up after builds that were killed (their process is gone). Returns the old output
 * folder that was put back in place, if an interrupted swap had left none.
 */
export function recoverInterruptedSwaps(outDir: string, alive: (pid: number) => boolean = pidAlive): string | undefined {
  const dir = path.dirname(outDir);
  const prefix = `.${path.basename(outDir)}-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined; // the parent folder does not exist yet
  }
  const dead = names
    .map((name) => ({ name, m: name.startsWith(prefix) ? /-(building|old)-(\d+)-(\d+)$/.exec(name) : null }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null && !alive(Number(x.m[2])));
  let restored: string | undefined;
  if (!existsSync(outDir)) {
    // The newest old output of an interrupted swap goes back in place.
    const old = dead.filter((x) => x.m[1] === 'old').sort((a, b) => Number(b.m[3]) - Number(a.m[3]))[0];
    if (old) {
      renameSync(path.join(dir, old.name), outDir);
      restored = old.name;
    }
  }
  for (const x of dead) if (x.name !== restored) rmSync(path.join(dir, x.name), { recursive: true, force: true });
  return restored;
}

/** The finished build in place of the output; the old output put back if the second step fails. */
export function swapIn(outDir: string, folders: SwapFolders): void {
  const hadOld = existsSync(outDir);
  if (hadOld) renameSync(outDir, folders.oldDir);
  try {
    renameSync(folders.tempDir, outDir);
  } catch (err) {
    if (hadOld) renameSync(folders.oldDir, outDir);
    rmSync(folders.tempDir, { recursive: true, force: true });
    throw err;
  }
  if (hadOld) rmSync(folders.oldDir, { recursive: true, force: true });
}
