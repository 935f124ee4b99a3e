#!/usr/bin/env node
/**
 * The package registry these machines use serves only the platform binaries this platform
 * needs (e.g. no @pagefind/darwin-arm64), so `npm install` silently leaves other platforms'
 * optional binaries out of package-lock.json, and `npm ci` then refuses the lockfile
 * ("Missing: … from lock file"). This adds those optional entries back, marked with their
 * os/cpu so every platform's `npm ci` skips the ones it cannot use.
 * Run after `npm install`: `node scripts/complete-lockfile.mjs`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));

const OS = { darwin: 'darwin', linux: 'linux', win32: 'win32', windows: 'win32', android: 'android', freebsd: 'freebsd', openbsd: 'openbsd', sunos: 'sunos', aix: 'aix', netbsd: 'netbsd', openharmony: 'openharmony' };
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32'];

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const meta = {};
  for (const p of parts) {
    if (OS[p]) meta.os = [OS[p]];
    if (CPU.includes(p)) meta.cpu = [p];
    if (p === 'gnu') meta.libc = ['glibc'];
    if (p === 'musl') meta.libc = ['musl'];
  }
  return meta;
}

let added = 0;
for (const [key, pkg] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const prefix = key ? `${key}/node_modules/` : 'node_modules/';
    if (lock.packages[`${prefix}${dep}`] || lock.packages[`node_modules/${dep}`]) continue;
    const meta = platformOf(dep);
    if (!meta.os && !meta.cpu) continue; // not a platform binary: leave it to npm
    lock.packages[`node_modules/${dep}`] = { version, optional: true, ...meta };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)),
);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} optional platform entries`);
