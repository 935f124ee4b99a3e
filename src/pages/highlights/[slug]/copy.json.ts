/**
 * /highlights/SLUG/copy.json: the 复制正文 copy (`html`: inline styles for the WeChat and OA
 * editors; `text`: text/plain), fetched by the button, so the page carries its body once.
 * Only for highlights that may be republished.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { clipboardFor, republishPaths } from '../../../collections/republish.ts';

export const getStaticPaths = republishPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const copy = await clipboardFor((props as { entry: Parameters<typeof clipboardFor>[0] }).entry);
  return new Response(JSON.stringify(copy), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
