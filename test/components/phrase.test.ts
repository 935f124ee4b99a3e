import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import Phrase from '../../src/components/Phrase.astro';

describe('Phrase', () => {
  it('puts <wbr> between the words of a long title, and prints markup in it as text', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(Phrase, { props: { text: '网格化服务进社区活动' } });
    expect(html).toBe('<span class="phrase">网格化<wbr>服务<wbr>进<wbr>社区<wbr>活动</span>');
    const hostile = "</span><script>__xss('title')</script>党建<b>&服务进社区";
    const root = parse(await container.renderToString(Phrase, { props: { text: hostile } }));
    expect(root.querySelectorAll('script, b')).toHaveLength(0);
    expect(root.querySelector('.phrase')!.text).toBe(hostile);
    expect(root.querySelectorAll('wbr').length).toBeGreaterThan(0);
  });
});
