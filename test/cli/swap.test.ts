/** The dist swap (src/cli/swap.ts): a build killed in the middle never costs the published site. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recoverInterruptedSwaps, swapFolders, swapIn } from '../../src/cli/swap.ts';

function site(dir: string, text: string) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), text);
}

const dead = () => false;

describe('dist swap', () => {
  it('a swap killed between its two renames: the next build puts the old site back, never deletes it', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'red-swap-'));
    const out = path.join(root, 'dist');
    // Killed after "old → aside", before "new → in place": no dist/, both folders left.
    site(path.join(root, '.dist-old-999999-100'), '旧网站');
    site(path.join(root, '.dist-building-999999-100'), '新网站（未替换）');
    expect(recoverInterruptedSwaps(out, dead)).toBe('.dist-old-999999-100');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('旧网站');
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('with the output in place, what killed builds left is removed; a live build\'s folders stay', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'red-swap-'));
    const out = path.join(root, 'dist');
    site(out, '现在的网站');
    site(path.join(root, '.dist-old-999999-1'), '更旧');
    site(path.join(root, '.dist-building-999998-1'), '半成品');
    site(path.join(root, `.dist-building-${process.pid}-1`), '正在生成');
    expect(recoverInterruptedSwaps(out, (pid) => pid === process.pid)).toBeUndefined();
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('现在的网站');
    expect(readdirSync(root).sort()).toEqual([`.dist-building-${process.pid}-1`, 'dist']);
  });

  it('swapIn puts the new site in place and removes the old one', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'red-swap-'));
    const out = path.join(root, 'dist');
    const folders = swapFolders(out, '1-2');
    site(out, '旧');
    site(folders.tempDir, '新');
    swapIn(out, folders);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('新');
    expect(existsSync(folders.oldDir)).toBe(false);
  });
});
