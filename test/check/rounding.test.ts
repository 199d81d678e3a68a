/**
 * The rounding tolerance (尾数误差): a miss of up to 0.01 万元 per printed
 * addend is a warning; one cent more is an error; no miss is no finding.
 */
import { describe, expect, it } from 'vitest';
import { CLEAN, byRule, check, edit, lineOf } from './fixtures.ts';

describe('rounding tolerance', () => {
  // 05 row 210: 小计 = 基本支出 + 项目支出, two printed addends → tolerance 0.02.
  const row210 = (total: string) => byRule(check(edit(CLEAN, 't05-210', 'total: 170.00', `total: ${total}`)), 't05.col1').filter((f) => f.line === lineOf(CLEAN, 't05-210'));

  it('no finding when the sum is exact', () => {
    expect(row210('170.00')).toEqual([]);
  });
  it('one cent off with two addends is a warning', () => {
    const [f] = row210('170.01');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('尾数误差');
  });
  it('exactly at the tolerance (0.02 for two addends) is a warning', () => {
    const found = row210('170.02');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('warning');
    expect(found[0]!.values['差额']).toBe('0.02');
  });
  it('one cent beyond the tolerance is an error', () => {
    const found = row210('170.03');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.values['差额']).toBe('0.03');
  });
  it('a shortfall counts the same as an excess', () => {
    expect(row210('169.98')[0]?.severity).toBe('warning');
    expect(row210('169.97')[0]?.severity).toBe('error');
  });

  // 01 行30 = 行60: a single addend → tolerance 0.01 (never less than one cent).
  const line30 = (total: string) =>
    byRule(check(edit(CLEAN, 't01-30', '282.00', total)), 't01.line30-60').filter((f) => f.line === lineOf(CLEAN, 't01-30'));
  it('a single addend has a tolerance of one cent', () => {
    expect(line30('282.01')[0]?.severity).toBe('warning');
    expect(line30('282.02')[0]?.severity).toBe('error');
  });

  // Blank cells do not count as addends: 01 行27 has four printed addends (1, 2, 3, 5) → 0.04.
  const line27 = (total: string) => byRule(check(edit(CLEAN, 't01-27', '280.00', total)), 't01.line27');
  it('counts only printed addends (four here: 0.04 is a warning, 0.05 an error)', () => {
    expect(line27('280.04')[0]?.severity).toBe('warning');
    expect(line27('280.05')[0]?.severity).toBe('error');
  });
});
