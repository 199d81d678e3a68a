/**
 * The five real disclosures: the checker publishes them (no errors) and points
 * at the bureaus' own mistakes. Every expectation below can be verified by a
 * person in the document's text (content/bureaus/<id>/<year>/source.txt).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadContent } from '../../src/core/load.ts';
import { loadClassification } from '../../src/core/classification.ts';
import { checkContent, checkNarrative } from '../../src/core/check/index.ts';
import type { Finding } from '../../src/core/findings.ts';

const { content, errors } = loadContent('content');
const { classification } = loadClassification(join('content', 'classifications'));
const narratives = content.years.map((y) => checkNarrative(y, content.years));
const findings: Finding[] = [...checkContent(content, classification), ...narratives.flatMap((n) => n.findings)];
const of = (bureauYear: string, rule: string) => findings.filter((f) => f.bureauYear === bureauYear && f.rule === rule);

describe('the five seed disclosures', () => {
  it('all five load, render and check without errors (the bureaus’ own slips are warnings)', () => {
    expect(content.years.map((y) => y.id)).toEqual([
      'nanchang-donghu-yibao/2022',
      'wuhan-caidian-yibao/2022',
      'wuhan-dongxihu-yibao/2024',
      'wuhan-hanyang-yibao/2021',
      'wuhan-jiangan-yibao/2023',
    ]);
    expect(errors).toEqual([]);
    expect(narratives.flatMap((n) => n.errors)).toEqual([]);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('东西湖 2024: "收、支总计增加 17.68 万元，增长 6.4%" — by 2,776.88 and 2,759.20 it is 0.64%', () => {
    const f = of('wuhan-dongxihu-yibao/2024', 'narrative.published-differs').find((x) => x.field === 'grandTotal.changePct');
    expect(f?.values).toMatchObject({ 原文: '6.4%', 计算值: '0.64%' });
    expect(f?.message).toContain('2,759.20');
  });

  it('东西湖 2024: the OCR-truncated code 208050 (机关事业单位基本养老保险缴费支出) is 2080505', () => {
    const f = of('wuhan-dongxihu-yibao/2024', 'code.truncated').find((x) => x.values['科目名称'] === '机关事业单位基本养老保险缴费支出');
    expect(f?.message).toContain('2080505');
  });

  it('汉阳 2021: 基本支出 179.21 but 人员经费 171.64 + 公用经费 7.59 = 179.23', () => {
    const [f] = of('wuhan-hanyang-yibao/2021', 'cross.t05-t06');
    expect(f?.severity).toBe('warning');
    expect(Object.values(f!.values)).toEqual(expect.arrayContaining(['179.21', '179.23']));
  });

  it('汉阳 2021: 社会保障和就业 budget 11.58, actual 11.97, printed 完成 100.0% — it is 103.4%', () => {
    const f = of('wuhan-hanyang-yibao/2021', 'narrative.published-differs').find((x) => x.field === 'item.208.completion');
    expect(f?.values).toMatchObject({ 原文: '100.0%' });
    expect(f?.values['计算值']).toBe('103.37%');
  });

  it('蔡甸 2022: 机关运行经费 increase 11.91 on 1.10 is 1082.7%, not the printed 1083.89%', () => {
    const f = of('wuhan-caidian-yibao/2022', 'narrative.published-differs').find((x) => x.field === 'operatingCost.changePct');
    expect(f?.values).toMatchObject({ 原文: '1083.89%', 计算值: '1082.73%' });
  });

  it('南昌东湖 2022: "经营支出 0 万元，占 100%" is reported', () => {
    const f = of('nanchang-donghu-yibao/2022', 'narrative.published-differs').find((x) => x.field === 'expenditure.operating.share');
    expect(f?.values).toMatchObject({ 原文: '100%', 计算值: '0.00%' });
  });

  it('江岸 2023: the fully tabled document breaks no identity; its only slip is 16.83 in the text for 16.84 in the annex table', () => {
    const jiangan = findings.filter((f) => f.bureauYear === 'wuhan-jiangan-yibao/2023');
    expect(jiangan.filter((f) => f.file.endsWith('data.yaml'))).toEqual([]);
    expect(jiangan.map((f) => [f.line, f.field, f.published, f.computed, f.certainty])).toEqual([
      [65, 'performance.project.1.executed', '1.部门日常管理经费 16.83', '16.84', 'suspected'],
      [161, 'performance.project.1.budget', '项目全年预算数为 16.83', '16.84', 'suspected'],
      [161, 'performance.project.1.executed', '执行数为 16.83', '16.84', 'suspected'],
    ]);
  });
});
