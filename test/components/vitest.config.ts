/// <reference types="vitest/config" />
// Component tests render .astro components with Astro's Container API, so they need
// Astro's Vite setup (getViteConfig) and the node environment.
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    name: 'components',
    environment: 'node',
    include: ['test/components/**/*.test.ts'],
    sequence: { groupOrder: 0 },
  },
});
