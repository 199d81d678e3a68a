import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent, formatContentError } from '../../src/core/load.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

const BUREAU = `name: 武汉市江岸区医疗保障局
shortName: 江岸区医保局
region: { province: 湖北省, city: 武汉市, district: 江岸区, code: "420102" }
level: 区县级
`;
const YEAR = `year: 2023
asOf: 2023-12-31
template: wuhan
source: { title: 测试 }
scope: { kind: 本级, units: [江岸区医保局本级] }
tables:
  t01:
    lines:
      1: 1234.07
      27: 1234.07
  t02:
    summary: { total: 18.78 }
    rows:
      - { code: "2080505", name: 机关事业单位基本养老保险缴费支出, total: 18.69 }
`;

function site(files: Record<string, string | Buffer>) {
  const root = mkdtempSync(join(tmpdir(), 'content-'));
  roots.push(root);
  for (const [path, body] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, body);
  }
  return loadContent(root);
}
const valid = (data: string, extra: Record<string, string | Buffer> = {}) =>
  site({ 'bureaus/b/bureau.yaml': BUREAU, 'bureaus/b/2023/data.yaml': data, 'bureaus/b/2023/narrative.md': '# 部门主要职责\n文字\n', ...extra });

describe('loading content', () => {
  it('loads a valid bureau-year and keeps codes and amounts as printed text', () => {
    const { content, errors } = valid(YEAR.replace('"2080505"', '0802050'));
    expect(errors).toEqual([]);
    const t02 = content.years[0]!.data.tables.t02;
    expect(t02 && 'rows' in t02 && t02.rows[0]!.code).toBe('0802050');
    const t01 = content.years[0]!.data.tables.t01;
    expect(t01 && 'lines' in t01 && t01.lines['1']).toBe('1234.07');
  });

  it('names file, line and field for a missing required field', () => {
    const { errors } = valid(YEAR.replace('template: wuhan\n', ''));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 1, field: 'template' });
    expect(errors[0]!.file).toMatch(/bureaus\/b\/2023\/data\.yaml$/);
    expect(errors[0]!.message).toContain('缺少必填字段');
  });

  it('names the line of a wrong type', () => {
    const { errors } = valid(YEAR.replace('scope: { kind: 本级, units: [江岸区医保局本级] }', 'scope: { kind: 本级, units: 江岸 }'));
    expect(errors[0]).toMatchObject({ line: 5, field: 'scope.units' });
  });

  it('rejects three decimals, a negative amount and words where an amount belongs, each on its line', () => {
    const { errors } = valid(
      YEAR.replace('1: 1234.07', '1: 1234.071').replace('27: 1234.07', '27: -5').replace('total: 18.78', 'total: 十八'),
    );
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [9, 'tables.t01.lines.1'],
      [10, 'tables.t01.lines.27'],
      [12, 'tables.t02.summary.total'],
    ]);
    expect(errors[0]!.message).toContain('最多两位小数');
  });

  it('rejects a bad functional code with its line', () => {
    const { errors } = valid(YEAR.replace('"2080505"', '"20805x5"'));
    expect(errors[0]).toMatchObject({ line: 14, field: 'tables.t02.rows.0.code' });
    expect(errors[0]!.message).toContain('功能分类科目编码');
  });

  it('explains the thousands comma inside a flow mapping', () => {
    const { errors } = valid(YEAR.replace('summary: { total: 18.78 }', 'summary: { total: 1,234.07 }'));
    expect(errors[0]!.message).toContain('千分位逗号');
  });

  it('reports malformed YAML with its line, never a stack trace', () => {
    const { errors } = valid(YEAR + 'budget: [unclosed\n');
    expect(errors).toHaveLength(1);
    expect(formatContentError(errors[0]!)).toMatch(/data\.yaml:\d+: YAML 格式错误/);
  });

  it('refuses a GBK-encoded file and says so', () => {
    const gbk = Buffer.from([0xb2, 0xbf, 0xc3, 0xc5, 0x0a]); // 部门 in GBK
    const { errors } = valid(YEAR, { 'bureaus/b/2023/narrative.md': gbk as unknown as string });
    expect(errors[0]!.message).toContain('不是 UTF-8');
  });

  it('reports a year folder whose data says another year', () => {
    const { errors } = valid(YEAR.replace('year: 2023', 'year: 2022'));
    expect(errors[0]).toMatchObject({ field: 'year', line: 1 });
  });

  it('does not publish the years of a bureau whose bureau.yaml is broken', () => {
    const { content, errors } = site({
      'bureaus/b/bureau.yaml': BUREAU.replace('level: 区县级', 'level: 乡级'),
      'bureaus/b/2023/data.yaml': YEAR,
      'bureaus/b/2023/narrative.md': '',
    });
    expect(errors[0]).toMatchObject({ field: 'level', line: 4 });
    expect(content.years).toEqual([]);
  });

  it('refuses a folder name that could write outside the site', () => {
    const { errors } = site({ 'bureaus/../../x/bureau.yaml': BUREAU, 'bureaus/Bad Name/bureau.yaml': BUREAU });
    expect(errors.some((e) => e.message.includes('小写字母'))).toBe(true);
  });
});
