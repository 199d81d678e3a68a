/** Where computed values are kept (src/core/remember.ts): every value, or only the most recently used. */
import { describe, expect, it } from 'vitest';
import { keepEach, keepRecent } from '../../src/core/remember.ts';

/** A remember() with a count of how often each key was made. */
function counted(remember: ReturnType<typeof keepRecent>) {
  const made = new Map<string, number>();
  const get = (key: string) => remember(key, () => (made.set(key, (made.get(key) ?? 0) + 1), { key }));
  return { get, made };
}

describe('keepRecent', () => {
  it('makes a value once while it is among the most recently used', () => {
    const { get, made } = counted(keepRecent(2));
    const a = get('a');
    get('b');
    expect(get('a')).toBe(a);
    expect(made.get('a')).toBe(1);
  });

  it('drops the least recently used value beyond its limit, and makes it again when asked', () => {
    const { get, made } = counted(keepRecent(2));
    const a = get('a');
    get('b');
    get('c');
    expect(get('b')).toEqual({ key: 'b' });
    expect(made.get('b')).toBe(1);
    const again = get('a');
    expect(again).not.toBe(a);
    expect(again).toEqual(a);
    expect(made.get('a')).toBe(2);
  });

  it('a value read again counts as used: the other one goes first', () => {
    const { get, made } = counted(keepRecent(2));
    get('a');
    get('b');
    get('a');
    get('c');
    get('a');
    expect(made.get('a')).toBe(1);
    get('b');
    expect(made.get('b')).toBe(2);
  });
});

describe('keepEach', () => {
  it('makes each value once, however many there are', () => {
    const { get, made } = counted(keepEach());
    for (let round = 0; round < 2; round++) for (let i = 0; i < 500; i++) get(String(i));
    expect([...made.values()].every((n) => n === 1)).toBe(true);
    expect(made.size).toBe(500);
  });
});
