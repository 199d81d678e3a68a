/** The bench's search figure: the median of several fresh visits, with the fastest and the slowest. */
import { describe, expect, it } from 'vitest';
import { medianOf } from '../../scripts/bench.ts';

describe('medianOf', () => {
  it('gives the middle visit whatever order they came in, with the range', () => {
    expect(medianOf([312, 281, 295, 290, 301])).toBe('295 ms（5 次 281–312 ms）');
  });
  it('takes the lower middle of an even count (never a time no visit had)', () => {
    expect(medianOf([300, 280, 310, 290])).toBe('290 ms（4 次 280–310 ms）');
  });
  it('is the one time when there was one visit', () => {
    expect(medianOf([301])).toBe('301 ms');
  });
});
