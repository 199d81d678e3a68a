/**
 * The audit rules, one at a time: each finds its mistake, stays quiet on a
 * correct figure, and the rounding borderlines fall on the documented side
 * (src/core/published.ts). Inputs are small documents; expected values are
 * worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { renderNarrative } from '../../src/core/narrative.ts';
import { computeFigures } from '../../src/core/figures.ts';
import { auditNarrative } from '../../src/core/check/narrative.ts';
import { comparePublished } from '../../src/core/published.ts';
import { bureauYearSchema, type BureauYear } from '../../src/core/schema.ts';
import { RULES } from '../../src/core/check/rules.ts';
import { auditJson, rulesMarkdown } from '../../src/core/audit.ts';
import type { Finding } from '../../src/core/findings.ts';

const data: BureauYear = bureauYearSchema.parse({
  year: '2023',
  asOf: '2023-12-31',
  template: 'wuhan',
  source: { title: 'test' },
  scope: { kind: '本级', units: ['本级'] },
  tables: {
    // 收、支总计 2,776.88 on 2,759.20 last year: +17.68, 0.6408 %
    t01: { lines: { '1': '2776.88', '27': '2776.88', '30': '2776.88', '57': '2776.88', '60': '2776.88' } },
    t05: {
      summary: { total: '200.00', basic: '100.00', project: '100.00' },
      rows: [
        { code: '208', name: '社会保障和就业支出', total: '11.97' },
        { code: '210', name: '卫生健康支出', total: '188.03' },
      ],
    },
  },
  // 208: 11.97 on a budget of 11.58 = 103.368…%; 210: 188.03 on 200.00 = 94.015%
  budget: { total: '211.58', items: [{ code: '208', amount: '11.58' }, { code: '210', amount: '200.00' }, { code: '201', amount: '0' }] },
  prior: { year: '2022', grandTotal: '2759.20' },
  performance: {
    projectAmount: '150.00', // of 一般公共预算项目支出 100.00: 150 %
    projects: [
      { name: '甲项目', budget: '16.84', executed: '16.84' },
      // 1.29 ÷ 2.00 × 100 = 64.5 %; 4.25 ÷ 100 = 4.25 %
      { name: '乙项目', budget: '2.00', executed: '1.29' },
      { name: '丙项目', budget: '100.00', executed: '4.25' },
    ],
  },
});
const figures = computeFigures(data);

function audit(md: string, d: BureauYear = data): Finding[] {
  const f = computeFigures(d);
  return auditNarrative(renderNarrative(md, f, d, 'narrative.md'), f, { bureauYear: 'x/2023', file: 'narrative.md', data: d });
}
const verdict = (published: string, name: string, unit?: string) => comparePublished(published, figures.get(name)!, figures, unit);

describe('tolerance rules: percentages', () => {
  it('a rate printed with d decimals matches when the computed value rounds half up to it', () => {
    expect(verdict('0.64%', 'grandTotal.changePct')).toBeNull();
    expect(verdict('0.6%', 'grandTotal.changePct')).toBeNull();
    expect(verdict('103.37%', 'item.208.completion')).toBeNull();
    expect(verdict('103.4%', 'item.208.completion')).toBeNull();
  });

  it('4.25% printed as 4.3 is consistent (half up), as 4.2 a note (one unit), as 4.1 definite', () => {
    expect(verdict('4.3%', 'performance.project.3.rate')).toBeNull();
    expect(verdict('4.25%', 'performance.project.3.rate')).toBeNull();
    expect(verdict('4.2%', 'performance.project.3.rate')).toMatchObject({ certainty: 'note' });
    expect(verdict('4.1%', 'performance.project.3.rate')).toMatchObject({ certainty: 'definite' });
  });

  it('64.5% printed as 64.5 / 65 / 64: the half rounds up, so 64 is one unit off (note)', () => {
    expect(verdict('64.5%', 'performance.project.2.rate')).toBeNull();
    expect(verdict('65%', 'performance.project.2.rate')).toBeNull();
    expect(verdict('64%', 'performance.project.2.rate')).toMatchObject({ certainty: 'note' });
    expect(verdict('63%', 'performance.project.2.rate')).toMatchObject({ certainty: 'definite' });
  });

  it('0.645 as a two-decimal percent: 0.65 matches, 0.64 is a note', () => {
    // 17.68 on 2,741.24 would be 0.645; use a document where the rate is exactly 0.645 %
    const d = bureauYearSchema.parse({ ...data, prior: { year: '2022', grandTotal: '2000.00' }, tables: { t01: { lines: { '30': '2012.90', '60': '2012.90' } } } });
    const f = computeFigures(d);
    expect(f.get('grandTotal.changePct')!.value!.toString()).toBe('0.645');
    expect(comparePublished('0.65%', f.get('grandTotal.changePct')!, f)).toBeNull();
    expect(comparePublished('0.64%', f.get('grandTotal.changePct')!, f)).toMatchObject({ certainty: 'note' });
  });

  it('6.4% for 0.64%: definite, and named as a decimal slip', () => {
    const v = verdict('6.4%', 'grandTotal.changePct');
    expect(v).toMatchObject({ certainty: 'definite', expected: '0.64%' });
    expect(v!.detail).toContain('小数点错位');
  });
});

describe('tolerance rules: amounts', () => {
  it('two decimals must be exact: 0.01 off is suspected, more definite', () => {
    expect(verdict('16.84', 'performance.project.1.budget')).toBeNull();
    expect(verdict('16.83', 'performance.project.1.budget')).toMatchObject({ certainty: 'suspected', kind: 'amount' });
    expect(verdict('16.82', 'performance.project.1.budget')).toMatchObject({ certainty: 'definite' });
  });

  it('fewer decimals: trailing zeros left out are exact, a rounded amount is a note', () => {
    expect(verdict('200', 'item.210.budget')).toBeNull();
    expect(verdict('12', 'item.208.actual')).toMatchObject({ certainty: 'note', kind: 'rounded' });
    expect(verdict('16.8', 'performance.project.1.budget')).toMatchObject({ certainty: 'note', kind: 'rounded' });
    expect(verdict('16.9', 'performance.project.1.budget')).toMatchObject({ certainty: 'suspected' });
  });
});

describe('narrative.unit', () => {
  it('an amount in 万元 written with 元 is definite; the same amount correctly in 元 is fine', () => {
    const [f] = audit('# 情况说明\n\n年初预算为 :fig[11.58]{name=item.208.budget} 元，支出决算为 :fig[11.97]{name=item.208.actual} 万元');
    expect(f).toMatchObject({ rule: 'narrative.unit', certainty: 'definite', published: '年初预算为 11.58 元', line: 3 });
    expect(audit('# 情况说明\n\n年初预算为 :fig[115800]{name=item.208.budget} 元')).toEqual([]);
    expect(audit('# 情况说明\n\n年初预算为 :fig[11.58]{name=item.208.budget} 万元')).toEqual([]);
  });
});

describe('narrative.no-base', () => {
  it('completion of a zero budget printed as 100% is definite; 0 ÷ 0 printed as 0% a note', () => {
    const d = bureauYearSchema.parse({ ...data, tables: { ...data.tables, t05: { summary: { total: '13.69' }, rows: [{ code: '201', name: '一般公共服务支出', total: '13.69' }] } } });
    const [f] = audit('# 情况说明\n\n年初预算为 0 万元，支出决算 13.69 万元，完成年初预算的 :fig[100%]{name=item.201.completion}', d);
    expect(f).toMatchObject({ rule: 'narrative.no-base', certainty: 'definite', computed: '—' });
    const zero = bureauYearSchema.parse({ ...data, tables: { t09: { budget: { total: '0' }, actual: { total: '0' } } } });
    expect(audit('# 情况说明\n\n完成预算的 :fig[0%]{name=threePublic.completion}', zero)[0]).toMatchObject({ rule: 'narrative.no-base', certainty: 'note' });
  });
});

describe('narrative.share-denominator', () => {
  it('a share that matches another whole names the denominator used; a share over 100% says the stated one is wrong', () => {
    // 150.00 ÷ 200.00 (一般公共预算财政拨款支出) = 75 %; stated whole is 项目支出 100.00 → 150 %
    const [f] = audit('# 情况说明\n\n资金 150 万元，占一般公共预算项目支出总额的 :fig[75%]{name=performance.projectAmount.share}。');
    expect(f).toMatchObject({ rule: 'narrative.share-denominator', certainty: 'definite', computed: '150.00%' });
    expect(f!.message).toContain('一般公共预算财政拨款支出（200.00）为分母');
    const [g] = audit('# 情况说明\n\n占比 :fig[100%]{name=performance.projectAmount.share}。');
    expect(g!.message).toContain('占比超过 100%');
    expect(audit('# 情况说明\n\n占比 :fig[150.0%]{name=performance.projectAmount.share}。')).toEqual([]);
  });
});

describe('narrative.same-figure', () => {
  it('the same amount printed 104.56 in one place and 104.55 in another is definite; equal printings are quiet', () => {
    const md = (a: string, b: string) =>
      `# 情况说明\n\n## 结构\n\n社会保障支出 :fig[${a}]{name=gpbClass.208} 万元。\n\n## 具体情况\n\n支出决算为 :fig[${b}]{name=item.208.actual} 万元。`;
    const [f] = audit(md('11.97', '11.96'));
    expect(f).toMatchObject({ rule: 'narrative.same-figure', certainty: 'definite', line: 9 });
    expect(f!.message).toContain('第 5 行（结构）印为 11.97');
    expect(audit(md('11.97', '11.97'))).toEqual([]);
  });

  it('13.7 in one place and 13.69 in another (one of them rounded): a note and a suspected slip, not a contradiction', () => {
    const found = audit('# 情况说明\n\n支出 :fig[12.0]{name=gpbClass.208} 万元。\n\n支出 :fig[11.97]{name=item.208.actual} 万元。');
    expect(found.map((f) => [f.rule, f.certainty])).toEqual([['narrative.rounded', 'note']]);
    expect(found[0]!.message).toContain('第 5 行');
  });
});

describe('narrative.direction', () => {
  it('"小于预算" where spending is more is suspected; the right statement is quiet', () => {
    const md = (word: string) => `# 情况说明\n\n完成年初预算的 :fig[103.4%]{name=item.208.completion}，支出决算数${word}年初预算数的主要原因：追加。`;
    expect(audit(md('小于'))[0]).toMatchObject({ rule: 'narrative.direction', certainty: 'suspected', published: '小于年初预算', computed: '大于预算' });
    expect(audit(md('大于'))).toEqual([]);
  });

  it('"减少" before a change that is an increase is definite', () => {
    const [f] = audit('# 情况说明\n\n收、支总计减少 :fig[17.68]{name=grandTotal.change} 万元');
    expect(f).toMatchObject({ rule: 'narrative.direction', certainty: 'definite', published: '减少', computed: '增加' });
    expect(audit('# 情况说明\n\n收、支总计增加 :fig[17.68]{name=grandTotal.change} 万元')).toEqual([]);
  });
});

describe('narrative.date', () => {
  it('截至 last year’s 12 月 31 日 in 情况说明 is definite; this year’s is quiet; an older date in 重点工作 is suspected', () => {
    const [f] = audit('# 情况说明\n\n## 十二、国有资产占用情况说明\n\n截至2022年12月31日，共有车辆2辆。');
    expect(f).toMatchObject({ rule: 'narrative.date', certainty: 'definite', published: '截至2022年12月31日', line: 5, part: '第三部分 情况说明 / 十二、国有资产占用情况说明' });
    expect(audit('# 情况说明\n\n截至 2023 年 12 月 31 日，共有车辆 2 辆。')).toEqual([]);
    expect(audit('# 重点工作完成情况\n\n截止 2022年 12 月，参保人数共 16012 人。')[0]).toMatchObject({ certainty: 'suspected' });
    expect(audit('# 重点工作完成情况\n\n截至 2023 年 11 月底，参保 57.75 万人。')).toEqual([]);
  });
});

describe('the registry', () => {
  it('every rule has a level and a description; narrative findings carry a registered rule', () => {
    for (const [id, r] of Object.entries(RULES)) {
      expect(r.what, id).not.toBe('');
      expect(r.levels.length, id).toBeGreaterThan(0);
    }
    const found = audit('# 情况说明\n\n增长 :fig[6.4%]{name=grandTotal.changePct}，预算 :fig[11.58]{name=item.208.budget} 元，截至2022年12月31日。');
    expect(found.length).toBe(3);
    for (const f of found) expect(RULES).toHaveProperty([f.rule]);
  });

  it('the README carries the current rule table (regenerate with npm run audit -- --rules-md)', () => {
    const readme = readFileSync('README.md', 'utf8');
    const block = /<!-- rules:start -->\n([\s\S]*?)\n<!-- rules:end -->/.exec(readme)?.[1];
    expect(block).toBe(rulesMarkdown());
  });

  it('the JSON is stable: the same findings in any order give the same text', () => {
    const found = audit('# 情况说明\n\n增长 :fig[6.4%]{name=grandTotal.changePct}，预算 :fig[11.58]{name=item.208.budget} 元，截至2022年12月31日。');
    const counts = { bureaus: 1, bureauYears: 1 };
    expect(auditJson([...found].reverse(), counts)).toBe(auditJson(found, counts));
    expect(JSON.parse(auditJson(found, counts)).summary).toEqual({ bureaus: 1, bureauYears: 1, findings: 3, definite: 3, suspected: 0, note: 0 });
  });
});
