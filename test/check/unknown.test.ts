/**
 * Unknown is not zero: in a table rebuilt from the narrative (from: narrative)
 * a blank cell is unknown and an identity that needs it is skipped; in a table
 * transcribed from print (from: table) a blank cell is nil and the identity runs.
 */
import { describe, expect, it } from 'vitest';
import { HEADER, byRule, check } from './fixtures.ts';

const t01 = (from: 'table' | 'narrative', lines: string) => `${HEADER()}tables:
  t01:
    from: ${from}
    lines:
${lines
  .trim()
  .split('\n')
  .map((l) => `      ${l.trim()}`)
  .join('\n')}
`;

describe('unknown inputs', () => {
  const lines = `
    1: 60.00
    27: 100.00
  `;
  it('skip the identity in a narrative table', () => {
    expect(byRule(check(t01('narrative', lines)), 't01.line27')).toEqual([]);
  });
  it('count as nil in a printed table, so the same data fails there', () => {
    const [f] = byRule(check(t01('table', lines)), 't01.line27');
    expect(f?.severity).toBe('error');
    expect(f?.values['差额']).toBe('40.00');
  });
  it('an unknown target skips the identity', () => {
    expect(byRule(check(t01('narrative', '1: 60.00\n2: 50.00')), 't01.line27')).toEqual([]);
  });
  it('known addends already above the target are reported even with unknowns', () => {
    const [f] = byRule(check(t01('narrative', '1: 60.00\n2: 50.00\n27: 100.00')), 't01.line27');
    expect(f?.severity).toBe('error');
    expect(f?.values['超出']).toBe('10.00');
  });
  it('a narrative table with every input known is checked in full', () => {
    const [f] = byRule(check(t01('narrative', '57: 10.00\n58: 0\n59: 5.00\n60: 16.00')), 't01.line60');
    expect(f?.severity).toBe('error');
    expect(f?.values['差额']).toBe('1.00');
  });
  it('a stated-empty table holds zeros: 04 政府性基金 against an empty 07', () => {
    const data = `${HEADER()}tables:
  t04:
    from: narrative
    income: {}
    expenditure:
      55: { govFund: 8.00 }
  t07:
    empty: 本单位无政府性基金预算财政拨款收入及支出
`;
    const [f] = byRule(check(data), 'cross.t04-t07');
    expect(f?.severity).toBe('error');
    expect(f?.values['差额']).toBe('8.00');
  });
  it('a table not provided is unknown: the same cross check is skipped', () => {
    const data = `${HEADER()}tables:
  t04:
    from: narrative
    income: {}
    expenditure:
      55: { govFund: 8.00 }
  t07:
    notProvided: 原文为图片
`;
    expect(byRule(check(data), 'cross.t04-t07')).toEqual([]);
  });
  it('narrative rows may be incomplete: a 类 above its listed 款 is not reported, one below is', () => {
    const table = (amount: string) => `${HEADER()}tables:
  t05:
    from: narrative
    summary: { total: 100.00 }
    rows:
      - { code: "210", name: 卫生健康支出, total: 100.00 }
      - { code: "21011", name: 行政事业单位医疗, total: ${amount} }
`;
    expect(byRule(check(table('40.00')), 'hierarchy')).toEqual([]);
    const [f] = byRule(check(table('120.00')), 'hierarchy');
    expect(f?.severity).toBe('error');
  });
  it('hierarchy.unaccounted: listed narrative rows short of their total are a warning with the amount not accounted for', () => {
    const table = (amount: string) => `${HEADER()}tables:
  t05:
    from: narrative
    summary: { total: 462.27 }
    rows:
      - { code: "208", name: 社会保障和就业支出, total: 20.63 }
      - { code: "210", name: 卫生健康支出, total: ${amount} }
      - { code: "221", name: 住房保障支出, total: 14.45 }
`;
    expect(byRule(check(table('427.19')), 'hierarchy.unaccounted')).toEqual([]);
    const [f] = byRule(check(table('385.61')), 'hierarchy.unaccounted');
    expect(f?.severity).toBe('warning');
    expect(f?.values['未列明']).toBe('41.58');
    expect(f?.field).toBe('tables.t05.summary.total');
    // An unknown row amount leaves the remainder unknown: nothing to report.
    expect(byRule(check(table('~')), 'hierarchy.unaccounted')).toEqual([]);
  });
});
