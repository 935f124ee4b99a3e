/** The dev media server's Range reading (src/integrations/media.ts); the server itself: test/build/dev-server.test.ts. */
import { describe, expect, it } from 'vitest';
import { parseRange } from '../../src/integrations/media.ts';

describe('dev media server ranges (RFC 9110)', () => {
  it('reads suffix, open and closed ranges; refuses what cannot be satisfied; ignores what it cannot read', () => {
    expect(parseRange('bytes=-3', 10)).toEqual({ start: 7, end: 9 });
    expect(parseRange('bytes=-30', 10)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=2-', 10)).toEqual({ start: 2, end: 9 });
    expect(parseRange('bytes=2-4', 10)).toEqual({ start: 2, end: 4 });
    expect(parseRange('bytes=2-400', 10)).toEqual({ start: 2, end: 9 });
    expect(parseRange('bytes=8-2', 10)).toBe('unsatisfiable');
    expect(parseRange('bytes=10-', 10)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 10)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,4-5', 10)).toBeNull();
    expect(parseRange('items=0-1', 10)).toBeNull();
    expect(parseRange(undefined, 10)).toBeNull();
  });
});
