/**
 * The full HTML of an entry's body as a string (feeds, republish kits), rendered with the
 * Astro container so that images and MDX come out exactly as on the page.
 */
import { experimental_AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { entryContent, type AnyEntry } from './entries.ts';

let container: Promise<experimental_AstroContainer> | undefined;
const cache = new Map<string, Promise<string>>();

function getContainer(): Promise<experimental_AstroContainer> {
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) =>
    experimental_AstroContainer.create({ renderers }),
  );
  return container;
}

/** Body HTML with the site's own (base-relative) URLs, cached per entry. */
export function entryBodyHtml(entry: AnyEntry): Promise<string> {
  const key = `${entry.collection}/${entry.id}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = (async () => {
      const c = await getContainer();
      const Content = await entryContent(entry);
      return c.renderToString(Content);
    })();
    cache.set(key, hit);
  }
  return hit;
}
