/**
 * /_posters/KEY.svg and /_posters/KEY-1280.jpg: the generated video posters
 * (src/lib/video-posters.ts), drawn beside page rendering and cached across builds by content
 * hash. (A folder starting with `_` is not a route in src/pages/, hence the parameter.)
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { POSTERS_DIR } from '../../lib/paths.ts';
import type { PosterJob } from '../../lib/video-posters.ts';
import { generatedPosterBytes, generatedPosterFiles } from '../../collections/video-media.ts';

export const getStaticPaths = (async () =>
  (await generatedPosterFiles()).map(({ file, job }) => ({ params: { posterDir: POSTERS_DIR, file }, props: { job }, cacheKey: file }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props }) => {
  const file = String(params.file);
  const bytes = await generatedPosterBytes((props as { job: PosterJob }).job, file);
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': file.endsWith('.jpg') ? 'image/jpeg' : 'image/svg+xml' } });
};
