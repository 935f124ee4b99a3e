import { describe, expect, it } from 'vitest';
import { memoByKey, versionKey } from '../../src/lib/memo.ts';

describe('memoByKey', () => {
  it('does the work once per key, shares the promise, and tries a failed key again', async () => {
    const calls: string[] = [];
    const f = memoByKey(
      (name: string) => name,
      async (name: string) => {
        calls.push(name);
        if (name === 'bad' && calls.filter((c) => c === 'bad').length === 1) throw new Error('first time');
        return name.length;
      },
    );
    expect(f('abc')).toBe(f('abc'));
    expect(await f('abc')).toBe(3);
    await expect(f('bad')).rejects.toThrow('first time');
    expect(await f('bad')).toBe(3);
    expect(calls).toEqual(['abc', 'bad', 'bad']);
  });

  it('keys an entry by collection, id and digest', () => {
    expect(versionKey({ collection: 'salon', id: '2026-05', digest: 'abc' })).toBe('salon/2026-05/abc');
    expect(versionKey({ collection: 'salon', id: '2026-05', digest: 'abd' })).not.toBe(versionKey({ collection: 'salon', id: '2026-05', digest: 'abc' }));
  });
});
