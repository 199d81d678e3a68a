/**
 * Classification codes: the list as data, names by year, codes missing a
 * digit, unknown codes and wrong lengths.
 */
import { writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadClassification } from '../../src/core/classification.ts';
import { findIntendedCode } from '../../src/core/check/codes.ts';
import { HEADER, byRule, check, classification } from './fixtures.ts';
import { tempDir } from '../temp.ts';

const t05 = (year: number, rows: string) => `${HEADER(year)}tables:
  t05:
    summary: {}
    rows:
${rows
  .trim()
  .split('\n')
  .map((l) => `      ${l.trim()}`)
  .join('\n')}
`;

describe('the classification lists', () => {
  it('knows a name by year: 210 was 医疗卫生与计划生育支出 until 2018, 卫生健康支出 from 2019', () => {
    expect(classification.nameOf('functional', '210', 2018)).toBe('医疗卫生与计划生育支出');
    expect(classification.nameOf('functional', '210', 2019)).toBe('卫生健康支出');
    expect(classification.nameOf('functional', '210', '2024')).toBe('卫生健康支出');
    expect(classification.nameOf('economic', '30108', 2023)).toBe('机关事业单位基本养老保险缴费');
    expect(classification.nameOf('functional', '21015', 2018)).toBeUndefined();
    expect(classification.nameOf('functional', '9999999', 2023)).toBeUndefined();
  });
  it('covers every 类 of the 01 表 expenditure lines and the full 06 表 list', () => {
    for (const code of ['201', '202', '203', '204', '205', '206', '207', '208', '210', '211', '212', '213', '214', '215', '216', '217', '219', '220', '221', '222', '223', '224', '229', '231', '232', '234']) {
      expect(classification.nameOf('functional', code, 2023), code).toBeDefined();
    }
    for (const code of ['30101', '30199', '30239', '30299', '30399', '30701', '31002', '31099', '39908', '39999']) {
      expect(classification.nameOf('economic', code, 2023), code).toBeDefined();
    }
  });
  it('reports a bad list with file and line: overlapping names, a missing parent, a wrong length', () => {
    const dir = tempDir('cls-');
    cpSync('content/classifications/economic.yaml', join(dir, 'economic.yaml'));
    writeFileSync(
      join(dir, 'functional.yaml'),
      `kind: functional
codes:
  - { code: "210", name: 医疗卫生与计划生育支出, until: 2019 }
  - { code: "210", name: 卫生健康支出, from: 2019 }
  - { code: "2109999", name: 其他卫生健康支出 }
  - { code: "2101", name: 错误 }
`,
    );
    const { errors } = loadClassification(dir);
    expect(errors.map((e) => e.line).sort()).toEqual([4, 5, 6]);
    expect(errors.every((e) => e.file.endsWith('functional.yaml'))).toBe(true);
  });
});

describe('code.name: names by year', () => {
  it('210 named 卫生健康支出 is right in 2019', () => {
    expect(byRule(check(t05(2019, '- { code: "210", name: 卫生健康支出 }'), '2019'), 'code.name')).toEqual([]);
  });
  it('210 named 医疗卫生与计划生育支出 is right in 2018', () => {
    expect(byRule(check(t05(2018, '- { code: "210", name: 医疗卫生与计划生育支出 }'), '2018'), 'code.name')).toEqual([]);
  });
  it('210 named 卫生健康支出 in 2018 is a warning giving the 2018 name', () => {
    const [f] = byRule(check(t05(2018, '- { code: "210", name: 卫生健康支出 }'), '2018'), 'code.name');
    expect(f?.severity).toBe('warning');
    expect(f?.values['应为名称']).toBe('医疗卫生与计划生育支出');
    expect(f?.field).toBe('tables.t05.rows.0.name');
  });
  it('the old name in 2019 is a warning that says it is the old name', () => {
    const [f] = byRule(check(t05(2019, '- { code: "210", name: 医疗卫生与计划生育支出 }'), '2019'), 'code.name');
    expect(f?.values['应为名称']).toBe('卫生健康支出');
    expect(f?.message).toContain('旧名');
  });
  it('full- and half-width brackets are the same name', () => {
    const data = `${HEADER()}tables:
  t06:
    public:
      - { code: "30213", name: 维修(护)费, amount: 1.00 }
`;
    expect(byRule(check(data), 'code.name')).toEqual([]);
  });
});

describe('code.truncated: a code missing a digit', () => {
  it('208050 named 机关事业单位基本养老保险缴费支出 is 2080505', () => {
    const rows = `
      - { code: "208", name: 社会保障和就业支出 }
      - { code: "20805", name: 行政事业单位养老支出 }
      - { code: "208050", name: 行政单位离退休 }
      - { code: "208050", name: 机关事业单位基本养老保险缴费支出 }
    `;
    const found = byRule(check(t05(2024, rows), '2024'), 'code.truncated');
    expect(found.map((f) => f.values['应为编码'])).toEqual(['2080501', '2080505']);
    expect(found[1]!.line).toBe(found[0]!.line + 1);
    expect(found[1]!.severity).toBe('warning');
    expect(found[1]!.message).toContain('2080505');
    // The two rows stand for different codes: not a duplicate.
    expect(byRule(check(t05(2024, rows), '2024'), 'table.duplicate-row')).toEqual([]);
  });
  it('finds the 项 by name among the 款 even when the dropped digit is not the last', () => {
    expect(findIntendedCode(classification, 'functional', '210150', '医疗保障经办事务', 2024)?.code).toBe('2101506');
  });
  it('an economic 款 printed with four digits: 3010 基本工资 is 30101; a name cut short still matches', () => {
    expect(findIntendedCode(classification, 'economic', '3010', '基本工资', 2024)?.code).toBe('30101');
    expect(findIntendedCode(classification, 'economic', '3010', '机关事业单位基本养老保险缴', 2024)?.code).toBe('30108');
  });
  it('a complete code is not a truncated one', () => {
    expect(byRule(check(t05(2024, '- { code: "2080505", name: 机关事业单位基本养老保险缴费支出 }'), '2024'), 'code.truncated')).toEqual([]);
  });
  it('without a matching name, a wrong length is an error (code.length)', () => {
    const findings = check(t05(2024, '- { code: "208050", name: 不存在的科目 }'), '2024');
    expect(byRule(findings, 'code.truncated')).toEqual([]);
    expect(byRule(findings, 'code.length')[0]?.severity).toBe('error');
  });
});

describe('code.unknown and code.year', () => {
  it('a well-formed code missing from the list is an error saying where to add a real one', () => {
    const [f] = byRule(check(t05(2023, '- { code: "2109998", name: 虚构科目 }')), 'code.unknown');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('content/classifications/functional.yaml');
  });
  it('a code used before it existed is a warning naming its years', () => {
    const [f] = byRule(check(t05(2018, '- { code: "21015", name: 医疗保障管理事务 }'), '2018'), 'code.year');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('2019');
  });
  it('an economic 类 in the wrong section of 06 表 is reported', () => {
    const data = `${HEADER()}tables:
  t06:
    personnel:
      - { code: "302", name: 商品和服务支出, amount: 1.00 }
`;
    expect(byRule(check(data), 'code.section')).toHaveLength(1);
  });
});
