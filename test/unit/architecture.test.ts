/**
 * The one direction of imports (docs/architecture.md): a module imports only from its own layer
 * or a lower one, and only the content layer (and the routes/components above it) touches
 * astro:content. Checked on the real source, so a wrong import fails the suite.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

/** Lowest first. */
const LAYERS: [layer: string, folders: string[]][] = [
  ['lib', ['lib']],
  ['schemas', ['schemas']],
  ['config', ['config']],
  ['tools', ['check', 'markdown', 'publish', 'integrations', 'cli']],
  ['content layer', ['collections', 'content.config.ts']],
  ['pages', ['components', 'layouts', 'pages', 'scripts', 'styles']],
];

const levelOf = (rel: string): number => {
  const top = rel.split('/')[0]!;
  const i = LAYERS.findIndex(([, folders]) => folders.includes(top));
  if (i < 0) throw new Error(`${rel}: not in any layer of docs/architecture.md`);
  return i;
};

function sources(dir = SRC): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|astro|mjs)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => f.split(path.sep).join('/'));
}

function imports(file: string): string[] {
  const text = readFileSync(path.join(SRC, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2])!);
}

describe('layers', () => {
  const files = sources();

  it('every source file belongs to a layer', () => {
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) expect(() => levelOf(f)).not.toThrow();
  });

  it('imports point down (or sideways), never up', () => {
    const wrong: string[] = [];
    for (const f of files) {
      for (const spec of imports(f)) {
        if (!spec.startsWith('.')) continue;
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(f), spec));
        if (target.startsWith('..')) continue; // outside src/ (none today)
        if (levelOf(target) > levelOf(f)) wrong.push(`${f} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('src/lib/ is pure: no astro:* module, no virtual module', () => {
    const impure = files
      .filter((f) => f.startsWith('lib/'))
      .flatMap((f) => imports(f).filter((s) => s.startsWith('astro:') || s.startsWith('virtual:')).map((s) => `${f} → ${s}`));
    expect(impure).toEqual([]);
  });

  it('only the content layer and what sits on it import astro:content', () => {
    const below = files
      .filter((f) => levelOf(f) < levelOf('collections'))
      .flatMap((f) => imports(f).filter((s) => s === 'astro:content').map(() => f));
    expect(below).toEqual([]);
  });
});
