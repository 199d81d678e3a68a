/** Cross-year matching, the bureau comparison, subjects across bureau-years and bureau lineage. */
import { describe, expect, test } from 'vitest';
import { buildClassification } from '../../src/core/classification.ts';
import { compareBureaus, compareBureauYears, subjectSummaries, subjectUses, subjectYearRows, topicYears } from '../../src/core/compare.ts';
import { bureauLineage, brokenLinks } from '../../src/core/lineage.ts';
import { bureauSchema } from '../../src/core/schema.ts';
import { bureauYear, disclosure } from '../site/fixtures.ts';

// 210 renamed in 2019; 2100799 continued by 2101599 from 2019 (a subject moved to a new code).
const classification = buildClassification({
  functional: [
    { code: '210', name: '医疗卫生与计划生育支出', from: 2014, until: 2018 },
    { code: '210', name: '卫生健康支出', from: 2019 },
    { code: '21007', name: '计划生育事务', until: 2018 },
    { code: '2100799', name: '其他计划生育事务支出', until: 2018 },
    { code: '21015', name: '医疗保障管理事务', from: 2019 },
    { code: '2101599', name: '其他医疗保障管理事务支出', from: 2019, replaces: ['2100799'] },
  ],
  economic: [],
});

function year(y: string, name210: string, oldOrNew: string, amount: string, extra: Record<string, unknown> = {}) {
  const kuan = oldOrNew.slice(0, 5);
  return bureauYear(y, {
    tables: {
      t03: {
        summary: { total: amount, basic: amount },
        rows: [
          { code: '210', name: name210, total: amount, basic: amount },
          { code: kuan, name: kuan === '21007' ? '计划生育事务' : '医疗保障管理事务', total: amount, basic: amount },
          { code: oldOrNew, name: oldOrNew === '2100799' ? '其他计划生育事务支出' : '其他医疗保障管理事务支出', total: amount, basic: amount },
        ],
      },
    },
    ...extra,
  });
}

describe('a bureau over its years', () => {
  const y2018 = year('2018', '医疗卫生与计划生育支出', '2100799', '100.00');
  const y2019 = year('2019', '卫生健康支出', '2101599', '150.50', { prior: { year: '2018', expenditureTotal: '100.00' } });
  const y2021 = year('2021', '卫生健康支出', '2101599', '120.00', { prior: { year: '2020', expenditureTotal: '140.00', grandTotal: '141.00' } });
  const list = [disclosure('b/2018', y2018), disclosure('b/2019', y2019, y2018), disclosure('b/2021', y2021)];
  const cmp = compareBureauYears(list, classification);
  const t03 = cmp.tables.find((t) => t.key === 't03')!;

  test('columns are the real bureau-years, and a year known only from 上年数 is labelled so', () => {
    expect(cmp.periods.map((p) => p.label)).toEqual(['2018年度', '2019年度', '2020年度（上年数）', '2021年度']);
    expect(cmp.periods[2]).toMatchObject({ source: 'prior', statedBy: '2021' });
    expect(cmp.note).toContain('2020年度“上年数”取自 2021 年度决算公开');
  });

  test('a renamed subject is one row with the newest name, the old name noted', () => {
    const row = t03.rows.find((r) => r.key === 'code:210')!;
    expect(row.label).toBe('210 卫生健康支出');
    expect(row.note).toBe('2018年度名称：医疗卫生与计划生育支出');
    expect(row.cells.map((c) => c.amount)).toEqual(['100.00', '150.50', '—', '120.00']);
    expect(row.cells[1]).toEqual({ amount: '150.50', change: '+50.50', changePct: '+50.5%' });
    // 上年数 states only the totals: a subject row there is unknown, and so is the change next to it.
    expect(row.cells[3]).toEqual({ amount: '120.00', change: '—', changePct: '—' });
  });

  test('a subject moved to a new code is matched through `replaces`', () => {
    const row = t03.rows.find((r) => r.key === 'code:2101599')!;
    expect(row.cells.map((c) => c.amount)).toEqual(['100.00', '150.50', '—', '120.00']);
    expect(row.note).toContain('2018年度编码：2100799');
    expect(row.note).toContain('2018年度名称：其他计划生育事务支出');
    expect(t03.rows.some((r) => r.key === 'code:2100799')).toBe(false);
    // The 款 did not continue: each has its own row, nil in the years it is not printed.
    expect(t03.rows.find((r) => r.key === 'code:21007')!.cells.map((c) => c.amount)).toEqual(['100.00', '0.00', '—', '0.00']);
  });

  test('totals: the 上年数 column carries what the next year states, and each table has a chart with its table', () => {
    const total = t03.rows.find((r) => r.key === 'summary')!;
    expect(total.cells.map((c) => c.amount)).toEqual(['100.00', '150.50', '140.00', '120.00']);
    expect(total.cells[3]).toEqual({ amount: '120.00', change: '−20.00', changePct: '−14.3%' });
    expect(t03.chart.series[0]!.values).toEqual([100, 150.5, 140, 120]);
    expect(t03.chart.table.rows.map((r) => r.cells[0])).toEqual(['100.00', '150.50', '140.00', '120.00']);
    // 01 is not in the data of any year: unknown, never zero; the 上年数 still shows.
    const t01 = cmp.tables.find((t) => t.key === 't01')!;
    expect(t01.rows.find((r) => r.key === 'line:30')!.cells.map((c) => c.amount)).toEqual(['—', '—', '141.00', '—']);
  });
});

describe('bureaus side by side in a year', () => {
  const a = bureauYear('2022', {
    staff: { inService: 4 },
    tables: { t01: { lines: { '27': '100.00', '30': '100.00', '57': '100.00', '60': '100.00' } }, t03: { summary: { total: '100.00', basic: '60.00', project: '40.00' }, rows: [] } },
  });
  const b = bureauYear('2022', { tables: { t03: { summary: { total: '300.00', basic: '300.00' }, rows: [] } } });
  const names = new Map([
    ['a', { name: '甲局', shortName: '甲' }],
    ['b', { name: '乙局', shortName: '乙' }],
  ]);
  const cmp = compareBureaus('2022', [disclosure('a/2022', a), disclosure('b/2022', b), disclosure('a/2021', bureauYear('2021'))], names);
  const col = (key: string) => cmp.measures.findIndex((m) => m.key === key);

  test('one row per bureau of that year; shares and per-capita computed in the core', () => {
    expect(cmp.rows.map((r) => r.name)).toEqual(['甲局', '乙局']);
    expect(cmp.rows[0]!.cells[col('expenditureTotal')]).toBe('100.00');
    expect(cmp.rows[0]!.cells[col('expenditure.basic.share')]).toBe('60.0%');
    expect(cmp.rows[0]!.cells[col('expenditureTotal.yearShare')]).toBe('25.0%');
    expect(cmp.rows[1]!.cells[col('expenditureTotal.yearShare')]).toBe('75.0%');
    expect(cmp.rows[0]!.cells[col('staff')]).toBe('4');
    expect(cmp.rows[0]!.cells[col('perCapita.expenditure')]).toBe('25.00');
    // No staff numbers: no per-capita figure.
    expect(cmp.rows[1]!.cells[col('perCapita.expenditure')]).toBe('—');
  });
});

describe('a subject across bureau-years', () => {
  const d = [
    disclosure('a/2018', year('2018', '医疗卫生与计划生育支出', '2100799', '10.00')),
    disclosure('a/2019', year('2019', '卫生健康支出', '2101599', '20.00')),
    disclosure('b/2019', year('2019', '卫生健康支出', '2101599', '5.50')),
    disclosure('c/2019', bureauYear('2019', { tables: { t03: { notProvided: '图片' } } })),
  ];
  const uses = subjectUses(d, classification);
  const summaries = subjectSummaries(uses, classification);

  test('the old code counts under the current one; names by year from the classification', () => {
    expect([...uses.keys()].sort()).toEqual(['21007', '21015', '210', '2101599'].sort());
    const s = summaries.get('2101599')!;
    expect(s.formerCodes).toEqual(['2100799']);
    expect(s.years.map((y) => [y.year, y.name, y.bureauYears, y.expenditure])).toEqual([
      ['2018', '其他计划生育事务支出', 1, '10.00'],
      ['2019', '其他医疗保障管理事务支出', 2, '25.50'],
    ]);
    expect(s.parents.map((p) => p.code)).toEqual(['210', '21015']);
    expect(summaries.get('210')!.names).toEqual([
      { name: '医疗卫生与计划生育支出', years: '2014—2018 年度' },
      { name: '卫生健康支出', years: '2019 年度起' },
    ]);
    expect(summaries.get('210')!.children.map((c) => c.code)).toEqual(['21007', '21015']);
  });

  test('a subject-year lists the bureaus, as printed, largest first', () => {
    const y = subjectYearRows(uses.get('2101599')!, '2019');
    expect(y.rows.map((r) => [r.bureauId, r.code, r.expenditure])).toEqual([
      ['a', '2101599', '20.00'],
      ['b', '2101599', '5.50'],
    ]);
    expect(y.expenditure).toBe('25.50');
  });
});

describe('三公 and 机关运行经费 across bureaus', () => {
  test('one table per year, newest first, with sums of the amounts', () => {
    const t09 = (total: string) => ({ budget: { total: '10.00' }, actual: { total, reception: total } });
    const d = [
      disclosure('a/2022', bureauYear('2022', { tables: { t09: t09('4.00') } })),
      disclosure('b/2022', bureauYear('2022', { tables: { t09: t09('6.00') } })),
      disclosure('a/2021', bureauYear('2021', { operatingCost: { amount: '50.00', comparedWith: 'budget', budget: '40.00' } })),
    ];
    const three = topicYears('three-public', d);
    expect(three.map((y) => y.year)).toEqual(['2022', '2021']);
    expect(three[0]!.rows.map((r) => r.cells.slice(0, 3))).toEqual([
      ['10.00', '4.00', '40.0%'],
      ['10.00', '6.00', '60.0%'],
    ]);
    expect(three[0]!.totals.slice(0, 3)).toEqual(['20.00', '10.00', '']);
    const op = topicYears('operating-cost', d).find((y) => y.year === '2021')!;
    expect(op.rows[0]!.cells).toEqual(['50.00', '40.00（年初预算）', '增加', '25.0%']);
  });
});

describe('renamed and merged bureaus', () => {
  const b = (extra: Record<string, unknown>) =>
    bureauSchema.parse({ name: 'x', shortName: 'x', region: { province: '湖北省', code: '420102' }, level: '区县级', ...extra });
  const bureaus = [
    { id: 'old-a', data: b({ successors: [{ id: 'new', from: 2019 }] }) },
    { id: 'old-b', data: b({}) },
    { id: 'new', data: b({ formerNames: [{ name: '旧名', until: 2018 }], predecessors: [{ id: 'old-b', until: 2018, note: '合并' }, { id: 'ghost' }] }) },
  ];

  test('links show both ways even when only one side records them', () => {
    const l = bureauLineage(bureaus);
    expect(l.get('new')!.predecessors.map((p) => p.id).sort()).toEqual(['old-a', 'old-b']);
    expect(l.get('old-b')!.successors).toEqual([{ id: 'new', note: '合并' }]);
    expect(l.get('old-a')!.successors).toEqual([{ id: 'new', year: '2019' }]);
  });

  test('a link to an unknown bureau is reported', () => {
    expect(brokenLinks(bureaus)).toEqual([{ bureauId: 'new', field: 'predecessors', index: 1, id: 'ghost', self: false }]);
  });
});
