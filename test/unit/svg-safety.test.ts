/** The SVG policy (src/lib/svg-safety.ts): a static drawing passes, anything that could run or load does not. */
import { describe, expect, it } from 'vitest';
import { svgProblem } from '../../src/lib/svg-safety.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('SVG: only static drawings are published', () => {
  it('a drawing with gradients, local references and embedded PNGs passes', () => {
    const ok = [
      '<svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"/></defs><rect fill="url(#g)" style="fill:url(\'#g\')"/><use href="#g"/><use xlink:href="#g"/></svg>',
      '<svg><image href="data:image/png;base64,AAAA"/></svg>',
      '<svg><rect style="fill:url( \'#a\')"/></svg>',
      '<?xml version="1.0"?><svg xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" sodipodi:docname="a.svg"><metadata/></svg>',
    ];
    for (const s of ok) expect(svgProblem(enc(s)), s).toBeNull();
  });

  it('scripts, handlers, SMIL, outside references, entities and non-UTF-8 text are refused', () => {
    const bad = [
      '<svg><script>alert(1)</script></svg>',
      '<svg><x:script xmlns:x="http://www.w3.org/2000/svg">a</x:script></svg>',
      '<svg onload="alert(1)"></svg>',
      '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>',
      '<svg><image href="http://evil/x.png"/></svg>',
      '<svg><image href="data:image/svg+xml;base64,AAAA"/></svg>',
      '<svg><set attributeName="href" to="javascript:x"/></svg>',
      '<svg><animate attributeName="href" values="javascript:x"/></svg>',
      '<svg><rect style="fill:url(http://evil/)"/></svg>',
      '<svg><style>@import url(http://evil/a.css)</style></svg>',
      '<!DOCTYPE svg [<!ENTITY x "y">]><svg>&x;</svg>',
      '<?xml-stylesheet href="http://evil/a.css"?><svg/>',
      '<svg><foreignObject><div>x</div></foreignObject></svg>',
      '<svg><use href=http://evil/></svg>',
      '<svg><use href="&#35;x"/></svg>',
      'not an svg at all',
    ];
    for (const s of bad) expect(svgProblem(enc(s)), s).not.toBeNull();
    expect(svgProblem(new Uint8Array([0xff, 0xfe, 0x3c, 0, 0x73, 0]))?.reason).toContain('NUL');
    expect(svgProblem(new Uint8Array([0x3c, 0x73, 0x76, 0x67, 0x20, 0xff, 0x3e]))?.reason).toContain('UTF-8');
  });
});
