/**
 * One passing and one failing case for every identity and cross-table rule:
 * CLEAN passes all of them; each case breaks one tagged line of CLEAN and
 * expects the rule to report it, as an error, on the right line, with the
 * exact difference.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/check/index.ts';
import { CLEAN, byRule, check, classificationErrors, edit, lineOf } from './fixtures.ts';

interface Case {
  rule: string;
  tag: string;
  from: string;
  to: string;
  /** Tag of the line the finding points at (default: the edited line). */
  at?: string;
  /** Expected 差额 (target − sum) or 超出 value. */
  diff?: string;
}

const IDENTITIES: Case[] = [
  { rule: 't01.line27', tag: 't01-27', from: '280.00', to: '281.00', diff: '1.00' },
  { rule: 't01.line30', tag: 't01-30', from: '282.00', to: '283.00', diff: '1.00' },
  { rule: 't01.line57', tag: 't01-57', from: '281.00', to: '280.00', diff: '-1.00' },
  { rule: 't01.line60', tag: 't01-60', from: '282.00', to: '283.00', diff: '1.00' },
  { rule: 't01.line30-60', tag: 't01-60', from: '282.00', to: '283.00', at: 't01-30', diff: '-1.00' },
  { rule: 't02.col1', tag: 't02-2080505', from: 'total: 20.00', to: 'total: 21.00', diff: '1.00' },
  { rule: 't03.col1', tag: 't03-2101501', from: 'total: 90.00', to: 'total: 95.00', diff: '5.00' },
  { rule: 't04.line27', tag: 't04-27', from: '260.00', to: '261.00', diff: '1.00' },
  { rule: 't04.line28', tag: 't04-28', from: '2.00', to: '3.00', diff: '1.00' },
  { rule: 't04.line32', tag: 't04-32', from: '262.00', to: '263.00', diff: '1.00' },
  { rule: 't04.line59', tag: 't04-59', from: 'total: 261.00', to: 'total: 262.00', diff: '1.00' },
  { rule: 't04.line64', tag: 't04-64', from: 'total: 262.00', to: 'total: 263.00', diff: '1.00' },
  { rule: 't04.total', tag: 't04-40', from: '{ total: 30.00', to: '{ total: 31.00', diff: '1.00' },
  { rule: 't04.line32-64', tag: 't04-64', from: 'total: 262.00', to: 'total: 263.00', at: 't04-32', diff: '-1.00' },
  { rule: 't05.col1', tag: 't05-2101501', from: 'total: 70.00', to: 'total: 71.00', diff: '1.00' },
  { rule: 't06.personnelTotal', tag: 't06-personnelTotal', from: '85.00', to: '86.00', diff: '1.00' },
  { rule: 't06.publicTotal', tag: 't06-publicTotal', from: '15.00', to: '16.00', diff: '1.00' },
  { rule: 't06.class', tag: 't06-30101', from: '50.00', to: '51.00', at: 't06-301', diff: '-1.00' },
  { rule: 't07.col6', tag: 't07-2296013', from: 'closing: 1.00', to: 'closing: 2.00', diff: '1.00' },
  { rule: 't07.col3', tag: 't07-2296013', from: 'project: 11.00', to: 'project: 12.00', diff: '-1.00' },
  { rule: 't08.col1', tag: 't08-2230108', from: 'project: 50.00', to: 'project: 49.00', diff: '1.00' },
  { rule: 't09.col1', tag: 't09-budget', from: 'total: 3.00', to: 'total: 4.00', diff: '1.00' },
  { rule: 't09.col3', tag: 't09-budget', from: 'vehicleOperation: 2.00', to: 'vehicleOperation: 2.50', diff: '-0.50' },
  { rule: 't09.col7', tag: 't09-actual', from: 'total: 2.50', to: 'total: 2.60', diff: '0.10' },
  { rule: 't09.col9', tag: 't09-actual', from: 'vehiclePurchase: 0,', to: 'vehiclePurchase: 0.30,', diff: '-0.30' },
  { rule: 'hierarchy', tag: 't05-2080505', from: 'total: 20.00, basic: 20.00', to: 'total: 21.00, basic: 21.00', at: 't05-20805', diff: '-1.00' },
  {
    rule: 'hierarchy.summary',
    tag: 't05-210',
    from: 'total: 170.00, basic: 70.00',
    to: 'total: 171.00, basic: 71.00',
    at: 't05-sum',
    diff: '-1.00',
  },
];

const CROSS: Case[] = [
  { rule: 'cross.t01-t03', tag: 't03-208', from: 'total: 30.00, basic: 30.00', to: 'total: 31.00, basic: 31.00', at: 't01-38', diff: '-1.00' },
  { rule: 'cross.t01-t03', tag: 't03-sum', from: 'total: 281.00', to: 'total: 282.00', at: 't01-57', diff: '-1.00' },
  { rule: 'cross.t01-t02', tag: 't01-1', from: '200.00', to: '201.00', at: 't02-sum', diff: '-1.00' },
  { rule: 'cross.t01-t02', tag: 't02-sum', from: 'total: 280.00', to: 'total: 279.00', at: 't01-27', diff: '1.00' },
  { rule: 'cross.t04-t05', tag: 't04-40', from: 'total: 30.00, gpb: 30.00', to: 'total: 31.00, gpb: 31.00', diff: '1.00' },
  { rule: 'cross.t04-t05', tag: 't05-sum', from: 'total: 200.00', to: 'total: 199.00', at: 't04-59', diff: '1.00' },
  { rule: 'cross.t04-t07', tag: 't04-55', from: 'total: 11.00, govFund: 11.00', to: 'total: 12.00, govFund: 12.00', diff: '1.00' },
  { rule: 'cross.t04-t07', tag: 't07-sum', from: 'income: 10.00', to: 'income: 9.00', at: 't04-2', diff: '1.00' },
  { rule: 'cross.t04-t08', tag: 't04-53', from: 'total: 50.00, soe: 50.00', to: 'total: 51.00, soe: 51.00', diff: '1.00' },
  { rule: 'cross.t01-t04', tag: 't04-1', from: '200.00', to: '201.00', diff: '1.00' },
  { rule: 'cross.t05-t06', tag: 't06-personnelTotal', from: '85.00', to: '86.00', at: 't05-sum', diff: '-1.00' },
  { rule: 'cross.t09-facts', tag: 'facts-domestic', from: '0.50', to: '0.60', at: 't09-actual', diff: '-0.10' },
  { rule: 'cross.t03-t05', tag: 't05-2101501', from: 'total: 70.00, basic: 70.00', to: 'total: 95.00, basic: 95.00', diff: '5.00' },
  { rule: 'facts.procurement', tag: 'proc-total', from: '10.00', to: '11.00', diff: '1.00' },
  { rule: 'facts.procurement', tag: 'proc-small', from: '5.00', to: '9.00', diff: '1.00' },
  { rule: 'facts.budget', tag: 'budget-total', from: '220.00', to: '90.00', diff: '10.00' },
];

describe('the clean fixture', () => {
  it('loads the classification lists without errors', () => {
    expect(classificationErrors).toEqual([]);
  });
  it('passes every rule: no finding at all', () => {
    expect(check(CLEAN)).toEqual([]);
  });
});

describe.each([
  ['identities and hierarchy', IDENTITIES],
  ['cross-table and facts', CROSS],
])('%s', (_, cases) => {
  it.each(cases.map((c) => [`${c.rule} (@${c.tag}: ${c.from} → ${c.to})`, c] as const))('%s', (_name, c) => {
    const findings = check(edit(CLEAN, c.tag, c.from, c.to));
    const hits = byRule(findings, c.rule);
    const line = lineOf(CLEAN, c.at ?? c.tag);
    const hit = hits.find((f) => f.line === line);
    expect(hit, `no ${c.rule} at line ${line}; got ${JSON.stringify(findings.map((f) => [f.rule, f.line]))}`).toBeDefined();
    expect(hit!.severity).toBe('error');
    expect(hit!.bureauYear).toBe('test/2023');
    expect(hit!.file).toMatch(/bureaus\/test\/2023\/data\.yaml$/);
    expect(hit!.field).toMatch(/^(tables|procurement|budget|prior)\./);
    expect(hit!.message).toMatch(/[\u4e00-\u9fff]/);
    if (c.diff !== undefined) expect(hit!.values['差额'] ?? hit!.values['超出']).toBe(c.diff);
    for (const f of findings) expect(RULES, `rule ${f.rule} is not registered`).toHaveProperty([f.rule]);
  });
});

describe('the prior year', () => {
  it('passes when prior.year is the year before', () => {
    expect(byRule(check(CLEAN), 'facts.prior-year')).toEqual([]);
  });
  it('warns when prior.year is not the year before', () => {
    const [f] = byRule(check(edit(CLEAN, 'prior-year', '2022', '2021')), 'facts.prior-year');
    expect(f?.severity).toBe('warning');
    expect(f?.line).toBe(lineOf(CLEAN, 'prior-year'));
  });
});

describe('finding contents', () => {
  it('names the values involved with exact amounts', () => {
    const [f] = byRule(check(edit(CLEAN, 't01-27', '280.00', '281.00')), 't01.line27');
    expect(f?.values).toMatchObject({
      '01表 行27（本年收入合计）': '281.00',
      '行1+2+…+8': '280.00',
      '01表 行1': '200.00',
      '01表 行5': '20.00',
      差额: '1.00',
    });
    expect(f?.field).toBe('tables.t01.lines.27');
    expect(f?.message).toContain('超出尾数误差允许范围');
  });
});

describe('a mistake of the published document kept as published (publishedAsIs)', () => {
  const broken = edit(CLEAN, 't01-27', '280.00', '281.00');
  it('is an error until it is recorded', () => {
    expect(byRule(check(broken), 't01.line27')[0]?.severity).toBe('error');
  });
  it('becomes a warning carrying the note once recorded for that rule', () => {
    const recorded = `${broken}publishedAsIs:\n  - { rule: t01.line27, note: 原文第27行即为 281.00 }\n`;
    const [f] = byRule(check(recorded), 't01.line27');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('原文如此：原文第27行即为 281.00');
  });
  it('does not cover another rule or another field', () => {
    const other = `${broken}publishedAsIs:\n  - { rule: t01.line27, field: tables.t01.lines.30, note: x }\n`;
    expect(byRule(check(other), 't01.line27')[0]?.severity).toBe('error');
  });
});
