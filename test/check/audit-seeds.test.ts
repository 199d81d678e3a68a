/**
 * The audit on the five real disclosures: findings a person can verify in the
 * seed text (content/bureaus/<id>/<year>/source.txt and narrative.md), with
 * their certainty, place, published wording and computed value.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadContent } from '../../src/core/load.ts';
import { loadClassification } from '../../src/core/classification.ts';
import { checkAll, RULES } from '../../src/core/check/index.ts';
import { certaintyOf, type Finding } from '../../src/core/findings.ts';

const { content } = loadContent('content');
const { classification } = loadClassification(join('content', 'classifications'));
const { errors, findings } = checkAll(content, classification);
const find = (bureauYear: string, rule: string, field?: string) =>
  findings.filter((f) => f.bureauYear === bureauYear && f.rule === rule && (field === undefined || f.field === field));
const one = (bureauYear: string, rule: string, field?: string): Finding => {
  const found = find(bureauYear, rule, field);
  expect(found, `${bureauYear} ${rule} ${field ?? ''}`).toHaveLength(1);
  return found[0]!;
};

describe('audit of the seeds', () => {
  it('publishes: no content error and no error-severity finding; every finding has a registered rule and a certainty', () => {
    expect(errors).toEqual([]);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    for (const f of findings) {
      expect(RULES, f.rule).toHaveProperty([f.rule]);
      expect(RULES[f.rule]!.levels).toContain(certaintyOf(f));
    }
  });

  it('东西湖 2024: "增长 6.4%" — by 2,776.88 and 2,759.20 it is 0.64% (definite, a decimal slip)', () => {
    const f = one('wuhan-dongxihu-yibao/2024', 'narrative.published-differs', 'grandTotal.changePct');
    expect(f).toMatchObject({ certainty: 'definite', line: 30, published: '增长 6.4%', computed: '0.64%', part: '第三部分 情况说明 / 一、收入支出决算总体情况说明' });
    expect(f.inputs?.map((i) => i.value)).toEqual(['2,776.88', '2,759.20']);
    expect(f.message).toContain('小数点错位');
  });

  it('东西湖 2024: "年初预算为 823.58 元" is an amount in 万元 (wrong unit, definite)', () => {
    const f = one('wuhan-dongxihu-yibao/2024', 'narrative.unit', 'item.2101101.budget');
    expect(f).toMatchObject({ certainty: 'definite', line: 84, published: '年初预算为 823.58 元', computed: '823.58 万元' });
  });

  it('东西湖 2024: 项目资金 1,874.85 "占一般公共预算项目支出总额的 100%" — over 797.13 it is 235.20%: the denominator used is 项目支出', () => {
    const f = one('wuhan-dongxihu-yibao/2024', 'narrative.share-denominator', 'performance.projectAmount.share');
    expect(f).toMatchObject({ certainty: 'definite', computed: '235.20%' });
    expect(f.message).toContain('以项目支出（1,874.85）为分母');
  });

  it('汉阳 2021: 项目资金 870.31 "占 82.9%" — matches 870.31 ÷ 1,049.52 (一般公共预算财政拨款支出), not the stated 项目支出 870.31 (100%)', () => {
    const f = one('wuhan-hanyang-yibao/2021', 'narrative.share-denominator', 'performance.projectAmount.share');
    expect(f).toMatchObject({ certainty: 'definite', computed: '100.00%' });
    expect(f.message).toContain('1,049.52');
  });

  it('汉阳 2021: 208 budget 11.58, actual 11.97, "完成年初预算的 100.0%" — it is 103.37%', () => {
    const f = one('wuhan-hanyang-yibao/2021', 'narrative.published-differs', 'item.208.completion');
    expect(f).toMatchObject({ certainty: 'definite', line: 61, published: '完成年初预算的 100.0%', computed: '103.37%' });
  });

  it('蔡甸 2022: 机关运行经费 +11.91 on 1.10 "增长 1083.89%" — it is 1082.73%', () => {
    const f = one('wuhan-caidian-yibao/2022', 'narrative.published-differs', 'operatingCost.changePct');
    expect(f).toMatchObject({ certainty: 'definite', published: '增长 1083.89%', computed: '1082.73%' });
  });

  it('蔡甸 2022: the 2022 report says "截至2021年12月31日" for its state assets (definite)', () => {
    const [f, keyWork] = find('wuhan-caidian-yibao/2022', 'narrative.date');
    expect(f).toMatchObject({ certainty: 'definite', line: 131, published: '截至2021年12月31日' });
    expect(f!.part).toContain('第三部分 情况说明');
    // Its 重点工作 also reports "截止 2021年 12 月": last year's text kept (suspected).
    expect(keyWork).toMatchObject({ certainty: 'suspected', line: 191, published: '截止 2021年 12 月' });
  });

  it('蔡甸 2022: 一般公共服务 13.7 in （二） and 13.69 in （三） — the same figure printed two ways', () => {
    const f = one('wuhan-caidian-yibao/2022', 'narrative.published-differs', 'item.201.actual');
    expect(f).toMatchObject({ certainty: 'suspected', line: 75, published: '支出决算为 13.69', computed: '13.70' });
    expect(f.message).toContain('第 61 行');
    expect(f.message).toContain('13.7');
  });

  it('蔡甸 2022: 住房保障 104.56 in （二） but 104.55 in （三）: the document contradicts itself (definite)', () => {
    const f = one('wuhan-caidian-yibao/2022', 'narrative.same-figure', 'item.221.actual');
    expect(f).toMatchObject({ certainty: 'definite', line: 81, computed: '104.56' });
    expect(f.message).toContain('第 67 行');
  });

  it('蔡甸 2022: 210 "支出决算数大于年初预算数" while 4,109.01 < 16,298.58 (suspected)', () => {
    const f = one('wuhan-caidian-yibao/2022', 'narrative.direction', 'item.210.completion');
    expect(f).toMatchObject({ certainty: 'suspected', published: '大于年初预算', computed: '小于预算' });
  });

  it('蔡甸 2022: "完成年初预算的 100%" on a 年初预算 of 0 (no base, definite)', () => {
    const f = one('wuhan-caidian-yibao/2022', 'narrative.no-base', 'item.201.completion');
    expect(f).toMatchObject({ certainty: 'definite', computed: '—' });
  });

  it('江岸 2023: 16.83 in the text for 16.84 in the annex table (suspected, one unit)', () => {
    const found = find('wuhan-jiangan-yibao/2023', 'narrative.published-differs');
    expect(found.map((f) => [f.line, f.published, f.computed, f.certainty])).toContainEqual([65, '1.部门日常管理经费 16.83', '16.84', 'suspected']);
  });

  it('汉阳 2021: "比年初预算增加 0 万元" on no change is a note', () => {
    const f = one('wuhan-hanyang-yibao/2021', 'narrative.direction', 'threePublic.reception.diff');
    expect(f).toMatchObject({ certainty: 'note', computed: '持平（变动为零）' });
  });

  it('data findings carry a part: 东西湖 2024 06表 rounding is a note in 第二部分', () => {
    const f = one('wuhan-dongxihu-yibao/2024', 't06.personnelTotal');
    expect(f).toMatchObject({ severity: 'warning', certainty: 'note', part: '第二部分 决算表 / 公开06表 一般公共预算财政拨款基本支出决算明细表' });
  });
});
