import { describe, expect, it } from 'vitest';
import { bureauTrends, disclosureCharts, knownPartsCoverWhole } from '../../src/core/charts.ts';
import { D } from '../../src/core/money.ts';
import { bureauYear, disclosure, fullYear } from './fixtures.ts';

describe('图1–图4 of a bureau-year', () => {
  it('图1 compares this year with last year and says how it changed, using the figures', () => {
    const now = fullYear('2023', '110.00', '10.00', '100.00');
    const last = fullYear('2022', '100.00', '10.00', '90.00');
    const c = disclosureCharts(disclosure('b/2023', now, last)).get(1)!;
    expect(c.drawable).toBe(true);
    expect(c.categories).toEqual(['2022年度', '2023年度']);
    expect(c.series[0]!.values).toEqual([100, 110]);
    expect(c.series[0]!.text).toEqual(['100.00', '110.00']);
    expect(c.summary).toBe('2023 年度收、支总计 110.00 万元，2022 年度 100.00 万元，增加 10.00 万元，增长 10.0%。');
    expect(c.table.rows.map((r) => r.cells[0])).toEqual(['100.00', '110.00']);
  });

  it('does not draw a comparison when last year is unknown (never a zero bar)', () => {
    const c = disclosureCharts(disclosure('b/2023', fullYear('2023', '110.00', '10.00', '100.00'))).get(1)!;
    expect(c.drawable).toBe(false);
    expect(c.series[0]!.values).toEqual([null, 110]);
    expect(c.summary).toContain('数据不全，无法绘制');
    expect(c.table.rows[0]!.cells[0]).toBe('—');
  });

  it('uses the stated comparatives for last year and says so', () => {
    const now = fullYear('2023', '110.00', '10.00', '100.00', { prior: { year: '2022', grandTotal: '100.00', fiscalGrandTotal: '100.00' } });
    const c = disclosureCharts(disclosure('b/2023', now)).get(1)!;
    expect(c.drawable).toBe(true);
    expect(c.note).toContain('上年数');
  });

  it('图3 shows the shares of 本年支出合计 from the figures', () => {
    const c = disclosureCharts(disclosure('b/2023', fullYear('2023', '200.00', '50.00', '150.00'))).get(3)!;
    expect(c.drawable).toBe(true);
    expect(c.kind).toBe('doughnut');
    expect(c.categories).toEqual(['基本支出', '项目支出']);
    expect(c.series[0]!.text).toEqual(['50.00 万元（25.0%）', '150.00 万元（75.0%）']);
    expect(c.table.rows.find((r) => r.header === '本年支出合计')!.cells).toEqual(['200.00', '100%']);
  });

  it('图2 from the narrative: unknown sources are nil only when the known ones add up to the total', () => {
    const covered = bureauYear('2022', {
      tables: {
        t01: { from: 'narrative', lines: { '1': '100.00', '27': '100.00' } },
        t02: { from: 'narrative', summary: { total: '100.00', fiscal: '100.00' } },
      },
    });
    const c = disclosureCharts(disclosure('b/2022', covered)).get(2)!;
    expect(c.drawable).toBe(true);
    expect(c.categories).toEqual(['财政拨款收入']);
    expect(c.note).toContain('故其余为零');
    const partial = bureauYear('2022', {
      tables: {
        t01: { from: 'narrative', lines: { '1': '60.00', '27': '100.00' } },
        t02: { from: 'narrative', summary: { total: '100.00', fiscal: '60.00' } },
      },
    });
    const p = disclosureCharts(disclosure('b/2022', partial)).get(2)!;
    expect(p.drawable).toBe(false);
    expect(p.summary).toContain('数据不全，无法绘制');
  });

  it('knownPartsCoverWhole allows the rounding tolerance and needs a known whole', () => {
    expect(knownPartsCoverWhole([new D('50.00'), new D('50.01'), null], new D('100.00'))).toBe(true);
    expect(knownPartsCoverWhole([new D('50.00'), new D('49.00'), null], new D('100.00'))).toBe(false);
    expect(knownPartsCoverWhole([new D('50.00'), null], null)).toBe(false);
    expect(knownPartsCoverWhole([new D('1'), new D('2')], new D('100'))).toBe(true); // all known: drawn as printed
  });
});

describe('a bureau\'s trends', () => {
  it('runs oldest first, adds a year known only from the next year\'s comparatives, and keeps unknowns unknown', () => {
    const y2023 = fullYear('2023', '110.00', '10.00', '100.00', { prior: { year: '2022', grandTotal: '100.00' } });
    const t = bureauTrends([disclosure('b/2023', y2023)]);
    expect(t.years.map((y) => y.year)).toEqual(['2022', '2023']);
    const total = t.charts.find((c) => c.id === 'trend-total')!;
    expect(total.series[0]!.values).toEqual([100, 110]);
    expect(total.note).toContain('2022 年度数字取自 2023 年度决算所列上年数');
    expect(t.table.rows[0]!.cells[3]).toBe('—'); // 基本支出 of 2022: not stated
    const split = t.charts.find((c) => c.id === 'trend-basic-project')!;
    expect(split.categories).toEqual(['2023年度']);
  });

  it('stacks 一般公共预算财政拨款支出 by 类, with an absent 类 nil in a complete table', () => {
    const a = fullYear('2022', '100.00', '40.00', '60.00');
    const b = bureauYear('2023', {
      tables: {
        t05: { summary: { total: '80.00', basic: '80.00', project: '0' }, rows: [{ code: '208', name: '社会保障和就业支出', total: '80.00' }] },
      },
    });
    const t = bureauTrends([disclosure('b/2022', a), disclosure('b/2023', b, a)]);
    const classes = t.charts.find((c) => c.id === 'trend-classes')!;
    expect(classes.stacked).toBe(true);
    expect(classes.series.map((s) => s.label)).toEqual(['208 社会保障和就业支出', '210 卫生健康支出']);
    expect(classes.series[1]!.values).toEqual([60, 0]);
  });
});
