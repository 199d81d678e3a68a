/**
 * Completeness, duplicate rows, 02/03 agreement, and the site-wide rules of
 * checkContent: a bureau-year without its bureau, two bureaus with one name,
 * last year's figures against last year's document.
 */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/core/check/index.ts';
import { BUREAU, CLEAN, HEADER, byRule, check, classification, edit, lineOf, writeContent } from './fixtures.ts';

describe('completeness', () => {
  it('a table neither given nor stated empty is an error naming it and the two ways to state it', () => {
    const data = `${HEADER()}tables:
  t01:
    lines: { 27: 1.00, 1: 1.00, 30: 1.00, 60: 1.00, 57: 1.00 }
`;
    const found = byRule(check(data), 'table.missing');
    expect(found.map((f) => f.values['表'])).toHaveLength(8);
    expect(found.every((f) => f.severity === 'error')).toBe(true);
    expect(found[0]!.message).toContain('公开02表 收入决算表');
    expect(found[0]!.message).toContain('t02: { empty: 空表说明 }');
  });
  it('a stated-empty table is complete; a table not provided is reported with its reason', () => {
    const data = `${HEADER()}tables:
  t07:
    empty: 本单位无政府性基金预算财政拨款收入及支出
  t08:
    notProvided: 原文表格为图片
`;
    const findings = check(data);
    expect(byRule(findings, 'table.missing').map((f) => f.field)).not.toContain('tables.t07');
    const [np] = byRule(findings, 'table.not-provided');
    expect(np?.values['原因']).toBe('原文表格为图片');
    expect(np?.severity).toBe('warning');
  });
  it('the clean fixture has every table', () => {
    expect(byRule(check(CLEAN), 'table.missing')).toEqual([]);
  });
});

describe('duplicate rows', () => {
  it('a code printed twice in one table is an error on the second row', () => {
    const dup = edit(CLEAN, 't03-2101501', '{ code: "2101501", name: 行政运行', '{ code: "2101502", name: 一般行政管理事务');
    const [f] = byRule(check(dup), 'table.duplicate-row');
    expect(f?.severity).toBe('error');
    expect(f?.line).toBe(lineOf(CLEAN, 't03-2101501') + 1);
  });
  it('the clean fixture has none', () => {
    expect(byRule(check(CLEAN), 'table.duplicate-row')).toEqual([]);
  });
});

describe('cross.t02-t03: without balances, income and expenditure codes agree', () => {
  const doc = (code3: string, name3: string, amount3: string, balance = '') => `${HEADER()}tables:
  t01:
    lines: { 1: 10.00, 27: 10.00, 30: 10.00, 38: 10.00, 57: 10.00, 60: 10.00${balance} }
  t02:
    summary: { total: 10.00, fiscal: 10.00 }
    rows:
      - { code: "208", name: 社会保障和就业支出, total: 10.00, fiscal: 10.00 }
      - { code: "20805", name: 行政事业单位养老支出, total: 10.00, fiscal: 10.00 }
      - { code: "2080505", name: 机关事业单位基本养老保险缴费支出, total: 10.00, fiscal: 10.00 }
  t03:
    summary: { total: 10.00, basic: 10.00 }
    rows:
      - { code: "208", name: 社会保障和就业支出, total: 10.00, basic: 10.00 }
      - { code: "20805", name: 行政事业单位养老支出, total: 10.00, basic: 10.00 }
      - { code: "${code3}", name: ${name3}, total: ${amount3}, basic: ${amount3} }
`;
  it('passes when they agree', () => {
    expect(byRule(check(doc('2080505', '机关事业单位基本养老保险缴费支出', '10.00')), 'cross.t02-t03')).toEqual([]);
  });
  it('a code in 02 missing from 03 is an error (and the other way round)', () => {
    const found = byRule(check(doc('2080506', '机关事业单位职业年金缴费支出', '10.00')), 'cross.t02-t03');
    expect(found.map((f) => f.field).sort()).toEqual(['tables.t02.rows.2.code', 'tables.t03.rows.2.code']);
  });
  it('an amount that differs is an error', () => {
    const [f] = byRule(check(doc('2080505', '机关事业单位基本养老保险缴费支出', '9.00')), 'cross.t02-t03');
    expect(f?.values['差额']).toBe('1.00');
  });
  it('a code missing a digit is matched by the code it stands for', () => {
    expect(byRule(check(doc('208050', '机关事业单位基本养老保险缴费支出', '10.00')), 'cross.t02-t03')).toEqual([]);
  });
  it('is not promised when 01 shows a balance', () => {
    expect(byRule(check(doc('2080505', '机关事业单位基本养老保险缴费支出', '9.00', ', 29: 1.00')), 'cross.t02-t03')).toEqual([]);
  });
});

describe('checkContent: site-wide rules', () => {
  it('passes on two distinct bureaus', () => {
    const other = BUREAU.replace('测试市测试区医疗保障局', '测试市另一区医疗保障局').replace('测试区医保局', '另一区医保局');
    const { content } = writeContent({ a: { bureau: BUREAU, years: { 2023: CLEAN } }, b: { bureau: other, years: {} } });
    expect(checkContent(content, classification)).toEqual([]);
  });
  it('two bureaus with the same name is an error', () => {
    const { content } = writeContent({ a: { bureau: BUREAU, years: {} }, b: { bureau: BUREAU, years: {} } });
    const found = checkContent(content, classification);
    expect(byRule(found, 'site.duplicate-name')[0]?.severity).toBe('error');
    expect(byRule(found, 'site.duplicate-name')[0]?.file).toMatch(/bureaus\/b\/bureau\.yaml$/);
    expect(byRule(found, 'site.duplicate-short-name')[0]?.severity).toBe('warning');
  });
  it('a bureau-year whose bureau is missing is an error', () => {
    const { content } = writeContent({ a: { bureau: BUREAU, years: { 2023: CLEAN } } });
    const broken = { ...content, bureaus: [] };
    const [f] = byRule(checkContent(broken, classification), 'site.bureau-missing');
    expect(f?.bureauYear).toBe('a/2023');
    expect(f?.severity).toBe('error');
  });
  it('a parent that does not exist is an error', () => {
    const { content } = writeContent({ a: { bureau: `${BUREAU}parent: nowhere\n`, years: {} } });
    expect(byRule(checkContent(content, classification), 'site.parent-missing')).toHaveLength(1);
  });
  it("last year's figures restated differently are a warning pointing at both files", () => {
    const last = CLEAN.replace('year: 2023', 'year: 2022').replace('asOf: "2023-12-31"', 'asOf: "2022-12-31"').replace('year: 2022 # @prior-year', 'year: 2021 # @prior-year');
    const prior = (total: string) => CLEAN.replace('  year: 2022 # @prior-year', `  year: 2022 # @prior-year\n  grandTotal: ${total}`);
    const agree = writeContent({ a: { bureau: BUREAU, years: { 2022: last, 2023: prior('282.00') } } });
    expect(byRule(checkContent(agree.content, classification), 'cross.prior-year')).toEqual([]);
    const differ = writeContent({ a: { bureau: BUREAU, years: { 2022: last, 2023: prior('283.00') } } });
    const [f] = byRule(checkContent(differ.content, classification), 'cross.prior-year');
    expect(f?.severity).toBe('warning');
    expect(f?.bureauYear).toBe('a/2023');
    expect(f?.values['差额']).toBe('1.00');
    expect(f?.message).toContain('2022/data.yaml');
  });
});
