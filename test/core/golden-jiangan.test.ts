/**
 * Golden figures: the 江岸区医疗保障局 2023 disclosure states these values in
 * its own 情况说明 (part 3). The expected strings are typed from the published
 * document (content/bureaus/wuhan-jiangan-yibao/2023/source.txt), not produced
 * by the code under test.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/core/load.ts';
import { computeFigures, formatFigure } from '../../src/core/figures.ts';

const { content, errors } = loadContent('content');
const entry = content.years.find((y) => y.id === 'wuhan-jiangan-yibao/2023')!;
const figures = computeFigures(entry.data);
const shown = (name: string) => {
  const f = figures.get(name);
  if (!f) throw new Error(`no figure ${name}`);
  return formatFigure(f, entry.data);
};

describe('江岸区医保局 2023: computed figures match what the document states', () => {
  it('loads without content errors', () => {
    expect(errors.filter((e) => e.file.includes('wuhan-jiangan-yibao'))).toEqual([]);
  });

  it('一、收、支总计 1234.07 万元，增加 50.26 万元，增长 4.2%', () => {
    expect(shown('grandTotal')).toBe('1,234.07');
    expect(shown('grandTotal.change')).toBe('50.26');
    expect(shown('grandTotal.changePct')).toBe('4.2%');
    expect(shown('grandTotal.direction')).toBe('增加');
  });

  it('二、收入合计 1234.07 万元；财政拨款收入占本年收入 100%', () => {
    expect(shown('incomeTotal')).toBe('1,234.07');
    expect(shown('incomeTotal.changePct')).toBe('4.2%');
    expect(shown('income.fiscal')).toBe('1,234.07');
    expect(shown('income.fiscal.share')).toBe('100.0%');
  });

  it('三、基本支出 191.04 万元占 15.5%；项目支出 1043.03 万元占 84.5%', () => {
    expect(shown('expenditure.basic')).toBe('191.04');
    expect(shown('expenditure.basic.share')).toBe('15.5%');
    expect(shown('expenditure.project')).toBe('1,043.03');
    expect(shown('expenditure.project.share')).toBe('84.5%');
  });

  it('四、财政拨款收、支总计增加 50.26 万元，增长 4.2%；一般公共预算财政拨款收入增加 85.3 万元', () => {
    expect(shown('fiscalGrandTotal')).toBe('1,234.07');
    expect(shown('fiscalGrandTotal.change')).toBe('50.26');
    expect(shown('fiscalGrandTotal.changePct')).toBe('4.2%');
    expect(shown('gpbIncome.change')).toBe('85.30');
    expect(shown('govFundIncome.change')).toBe('35.04');
    expect(shown('govFundIncome.direction')).toBe('减少');
  });

  it('五(一)、一般公共预算财政拨款支出占本年支出合计的 100%，增长 7.4%', () => {
    expect(shown('gpbExpenditure.share')).toBe('100.0%');
    expect(shown('gpbExpenditure.change')).toBe('85.30');
    expect(shown('gpbExpenditure.changePct')).toBe('7.4%');
  });

  it('五(二)、按类：社会保障和就业 1.5%，卫生健康 96.4%，住房保障 2.1%', () => {
    expect(shown('gpbClass.208.share')).toBe('1.5%');
    expect(shown('gpbClass.210.share')).toBe('96.4%');
    expect(shown('gpbClass.221.share')).toBe('2.1%');
  });

  it('五(三)、年初预算 1634.35 万元，完成年初预算的 75.5%，及各项完成率', () => {
    expect(shown('budget.total')).toBe('1,634.35');
    expect(shown('budget.completion')).toBe('75.5%');
    const stated: Record<string, string> = {
      '2080505': '186.0%',
      '2101101': '94.2%',
      '2101103': '105.6%',
      '2101301': '70.6%',
      '2101501': '96.6%',
      '2101502': '97.6%',
      '2210201': '94.8%',
      '2210202': '94.1%',
      '2210203': '100.8%',
    };
    for (const [code, pct] of Object.entries(stated)) expect([code, shown(`item.${code}.completion`)]).toEqual([code, pct]);
    // 2089999: 年初预算为 0 万元 — no completion rate on a zero budget.
    expect(shown('item.2089999.completion')).toBe('—');
  });

  it('六、人员经费 181.02 万元，公用经费 10.02 万元', () => {
    expect(shown('personnel')).toBe('181.02');
    expect(shown('public')).toBe('10.02');
  });

  it('九、"三公"经费预算 0.4 万元，决算 0 万元；公务接待费比预算减少 0.4 万元', () => {
    expect(shown('threePublic.budget')).toBe('0.40');
    expect(shown('threePublic.actual')).toBe('0.00');
    expect(shown('threePublic.completion')).toBe('0.0%');
    expect(shown('threePublic.reception.diff')).toBe('0.40');
    expect(shown('threePublic.abroad.completion')).toBe('—'); // budget 0: not applicable
  });

  it('十、机关运行经费 10.02 万元，比年初预算数减少 1.78 万元，降低 15.1%', () => {
    expect(shown('operatingCost')).toBe('10.02');
    expect(shown('operatingCost.change')).toBe('1.78');
    expect(shown('operatingCost.changePct')).toBe('15.1%');
    expect(shown('operatingCost.direction')).toBe('减少');
  });

  it('十一、政府采购 20.11 万元；中小企业占 100%，小微企业占中小企业 100%', () => {
    expect(shown('procurement.total')).toBe('20.11');
    expect(shown('procurement.sme.share')).toBe('100.0%');
    expect(shown('procurement.small.share')).toBe('100.0%');
  });

  it('十三、绩效自评资金 1043.03 万元，占一般公共预算项目支出总额的 100%', () => {
    expect(shown('performance.projectAmount')).toBe('1,043.03');
    expect(shown('performance.projectAmount.share')).toBe('100.0%');
  });
});
