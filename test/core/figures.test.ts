import { describe, expect, it } from 'vitest';
import { computeFigures, formatFigure } from '../../src/core/figures.ts';
import { bureauYearSchema, type BureauYear } from '../../src/core/schema.ts';

function year(y: string, extra: Record<string, unknown> = {}, template: 'wuhan' | 'jiangxi' = 'wuhan'): BureauYear {
  return bureauYearSchema.parse({
    year: y,
    asOf: `${y}-12-31`,
    template,
    source: { title: 'test' },
    scope: { kind: '本级', units: ['本级'] },
    tables: {},
    ...extra,
  });
}
const show = (d: BureauYear, name: string, prev?: BureauYear) => formatFigure(computeFigures(d, prev).get(name)!, d);

describe('derived figures', () => {
  const t01 = (total: string, from: 'table' | 'narrative' = 'table') => ({ t01: { from, lines: { '30': total, '60': total, '27': total, '1': total } } });

  it('takes last year from the previous bureau-year file when it exists, before the stated comparatives', () => {
    const last = year('2022', { tables: t01('100.00') });
    const now = year('2023', { tables: t01('110.00'), prior: { year: '2022', grandTotal: '50.00' } });
    expect(show(now, 'grandTotal.changePct', last)).toBe('10.0%');
    expect(show(now, 'grandTotal.changePct')).toBe('120.0%');
    expect(show(now, 'grandTotal.previous', last)).toBe('100.00');
  });

  it('says 持平 when unchanged, and the change is absolute with a direction', () => {
    const now = year('2023', { tables: t01('90.00'), prior: { year: '2022', grandTotal: '100.00' } });
    expect(show(now, 'grandTotal.change')).toBe('10.00');
    expect(show(now, 'grandTotal.direction')).toBe('减少');
    const same = year('2023', { tables: t01('100.00'), prior: { year: '2022', grandTotal: '100.00' } });
    expect(show(same, 'grandTotal.direction')).toBe('持平');
    expect(show(same, 'grandTotal.changePct')).toBe('0.0%');
  });

  it('leaves a change unknown when last year is unknown', () => {
    const now = year('2023', { tables: t01('90.00') });
    expect(show(now, 'grandTotal.change')).toBe('—');
    expect(show(now, 'grandTotal.changePct')).toBe('—');
    expect(show(now, 'grandTotal.direction')).toBe('—');
  });

  it('a blank cell of a printed table is nil; a line not stated in the narrative is unknown', () => {
    const printed = year('2023', { tables: { t01: { lines: { '27': '10.00' } } } });
    expect(show(printed, 'income.business')).toBe('0.00');
    expect(show(printed, 'income.business.share')).toBe('0.0%');
    const stated = year('2023', { tables: { t01: { from: 'narrative', lines: { '27': '10.00' } } } });
    expect(show(stated, 'income.business')).toBe('—');
    expect(show(stated, 'income.business.share')).toBe('—');
  });

  it('a table stated empty counts as zero; a table not provided is unknown', () => {
    const empty = year('2023', { tables: { t09: { empty: '本单位无"三公"经费' } } });
    expect(show(empty, 'threePublic.actual')).toBe('0.00');
    const missing = year('2023', { tables: { t09: { notProvided: '原文为图片' } } });
    expect(show(missing, 'threePublic.actual')).toBe('—');
  });

  it('has no completion rate for a zero budget', () => {
    const d = year('2023', {
      tables: { t05: { summary: { total: '0.09' }, rows: [{ code: '2089999', name: '其他社会保障和就业支出', total: '0.09' }] } },
      budget: { total: '0', items: [{ code: '2089999', amount: '0' }] },
    });
    expect(show(d, 'item.2089999.completion')).toBe('—');
    expect(show(d, 'budget.completion')).toBe('—');
    expect(show(d, 'item.2089999.actual')).toBe('0.09');
  });

  it('prints Jiangxi percentages with two decimals', () => {
    const d = year('2022', { tables: { t01: { from: 'narrative', lines: { '27': '462.27' } } }, prior: { year: '2021', incomeTotal: '424.49' } }, 'jiangxi');
    // 南昌市东湖区 2022: 本年收入合计 462.27，较 2021 年增加 37.78 万元，增长 8.90%
    expect(show(d, 'incomeTotal.change')).toBe('37.78');
    expect(show(d, 'incomeTotal.changePct')).toBe('8.90%');
  });

  it('compares 机关运行经费 with the budget or with last year, as the template says', () => {
    const vsBudget = year('2023', { operatingCost: { amount: '10.02', comparedWith: 'budget', budget: '11.80' } });
    expect(show(vsBudget, 'operatingCost.changePct')).toBe('15.1%');
    expect(computeFigures(vsBudget).get('operatingCost.previous')!.label).toContain('年初预算');
    const vsLast = year('2021', { operatingCost: { amount: '13.01', comparedWith: 'previousYear' }, prior: { year: '2020', operatingCost: '1.10' } });
    expect(show(vsLast, 'operatingCost.change')).toBe('11.91');
  });

  it('performance execution rates come from budget and execution', () => {
    const d = year('2023', { performance: { projects: [{ name: 'A', budget: '217', executed: '205.27' }] } }, 'jiangxi');
    expect(show(d, 'performance.project.1.rate')).toBe('94.59%');
  });

  it('names its inputs so a finding can explain itself', () => {
    const f = computeFigures(year('2023', { tables: t01('1.00') })).get('grandTotal.changePct')!;
    expect(f.inputs).toEqual(['grandTotal', 'grandTotal.previous']);
  });
});
