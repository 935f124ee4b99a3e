import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import Breadcrumbs from '../../src/components/Breadcrumbs.astro';
import { loadConfig } from '../../src/config/settings.ts';

describe('Breadcrumbs', () => {
  it('starts at the home page under the base and marks the last item as current', async () => {
    const base = loadConfig().site.base;
    const container = await AstroContainer.create();
    const root = parse(
      await container.renderToString(Breadcrumbs, {
        props: { items: [{ label: '先锋沙龙', href: `${base}salon/` }, { label: '第6期' }] },
      }),
    );
    const links = root.querySelectorAll('a');
    expect(links.map((a) => [a.text, a.getAttribute('href')])).toEqual([
      ['首页', base],
      ['先锋沙龙', `${base}salon/`],
    ]);
    expect(base).not.toBe('/');
    expect(root.querySelector('[aria-current="page"]')?.text).toBe('第6期');
    expect(root.querySelector('nav')?.getAttribute('aria-label')).toBe('当前位置');
  });
});
