import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '../../src/core/load.ts';

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

// Bad input (syntax, types, amounts, encodings, folder names…) is the corpus in test/robustness/.
describe('loading content', () => {
  it('loads a valid bureau-year and keeps codes and amounts as printed text', () => {
    const { content, errors } = valid(YEAR.replace('"2080505"', '0802050'));
    expect(errors).toEqual([]);
    const t02 = content.years[0]!.data.tables.t02;
    expect(t02 && 'rows' in t02 && t02.rows[0]!.code).toBe('0802050');
    const t01 = content.years[0]!.data.tables.t01;
    expect(t01 && 'lines' in t01 && t01.lines['1']).toBe('1234.07');
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

  it('strips a byte-order mark and reads CRLF files with the right line numbers', () => {
    const crlf = (t: string) => t.replaceAll('\n', '\r\n');
    const { content, errors } = valid(`\uFEFF${crlf(YEAR)}`, { 'bureaus/b/2023/narrative.md': `\uFEFF${crlf('# 部门主要职责\n文字\n')}` });
    expect(errors).toEqual([]);
    expect(content.years[0]!.lineOf(['tables', 't02', 'summary', 'total'])).toBe(12);
    expect(content.years[0]!.narrative.startsWith('# 部门主要职责')).toBe(true);
  });
});
