import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import Pagination from '../../src/components/Pagination.astro';

const href = (p: number) => (p > 1 ? `/dangjian/salon/page/${p}/` : '/dangjian/salon/');

describe('Pagination', () => {
  it('renders nothing for a single page', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(Pagination, { props: { current: 1, total: 1, href } });
    expect(html.trim()).toBe('');
  });

  it('marks the current page and links its neighbours', async () => {
    const container = await AstroContainer.create();
    const root = parse(await container.renderToString(Pagination, { props: { current: 2, total: 3, href } }));
    expect(root.querySelector('nav')?.getAttribute('aria-label')).toBe('分页');
    expect(root.querySelector('[aria-current="page"]')?.text).toBe('2');
    expect(root.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/dangjian/salon/');
    expect(root.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/dangjian/salon/page/3/');
    expect(root.querySelectorAll('a').map((a) => a.text)).toEqual(['上一页', '1', '3', '下一页']);
  });
});
