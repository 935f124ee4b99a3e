/**
 * Builds the sample site (content/) once into test-results/e2e-dist and serves it with
 * nginx under its base path for every end-to-end test file.
 */
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, ROOT } from '../support/build.ts';
import { startNginx, type NginxServer } from '../support/nginx.ts';
import { readSettings } from '../../src/config/settings.ts';

let server: NginxServer | undefined;

export default async function setup(project: TestProject) {
  const contentDir = path.join(ROOT, 'content');
  const outDir = process.env.RED_E2E_DIST ?? path.join(ROOT, 'test-results', 'e2e-dist');
  const result = buildSite({ contentDir, outDir });
  if (result.status !== 0) throw new Error(`sample site build failed:\n${result.stdout}\n${result.stderr}`);
  const base = readSettings(contentDir).base;
  server = await startNginx({ root: outDir, base });
  project.provide('siteOrigin', server.origin);
  project.provide('siteBase', base);
  project.provide('siteDist', outDir);
  return async () => {
    await server?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteOrigin: string;
    siteBase: string;
    siteDist: string;
  }
}
