import path from 'node:path';
import { defineConfig } from 'vitest/config';

const here = import.meta.dirname;

export default defineConfig({
  test: {
    projects: [
      // .astro components through Astro's Container API (its own Vite config).
      'test/components/vitest.config.ts',
      {
        // The content layer (src/collections/) runs against stand-ins for astro:content and the
        // config module, so it is tested without a build.
        resolve: {
          alias: {
            'astro:content': path.join(here, 'test/support/astro-content.ts'),
            'virtual:red-columns/config': path.join(here, 'test/support/virtual-config.ts'),
          },
        },
        test: {
          name: 'unit',
          environment: 'node',
          sequence: { groupOrder: 0 },
          include: ['test/unit/**/*.test.ts', 'test/markdown/**/*.test.ts', 'test/cli/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // Builds fixture sites with `npm run build` and asserts on dist/.
        test: {
          name: 'build',
          environment: 'node',
          sequence: { groupOrder: 0 },
          include: ['test/build/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        // Real Chromium against real nginx serving the built sample site under its sub-path.
        test: {
          name: 'e2e',
          environment: 'node',
          // After unit and build tests: playback and timing checks want the CPU to themselves.
          sequence: { groupOrder: 1 },
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
