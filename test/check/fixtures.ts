/**
 * Fixtures for the checker tests: small bureau-years written as YAML text,
 * loaded through the real loader (load.ts: parse + validate), so every
 * finding's line is a real line of the fixture.
 *
 * CLEAN is one consistent document using every table (with 政府性基金, 国有资本
 * 经营, balances and a non-fiscal income), so every rule has known inputs and
 * passes on it. A failing case changes one tagged line: the tag `# @name` at
 * the end of a line lets a test edit that line and expect a finding there.
 */
import { mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent, type BureauYearEntry, type Content } from '../../src/core/load.ts';
import { loadClassification } from '../../src/core/classification.ts';
import { checkBureauYear } from '../../src/core/check/index.ts';
import type { Finding } from '../../src/core/findings.ts';
import { tempDir } from '../temp.ts';

export const { classification, errors: classificationErrors } = loadClassification('content/classifications');

export const HEADER = (year = 2023) => `year: ${year}
asOf: "${year}-12-31"
template: wuhan
source: { title: 测试文件 }
scope: { kind: 本级, units: [测试局] }
`;

export const CLEAN = `${HEADER()}tables:
  t01:
    lines:
      1: 200.00 # @t01-1
      2: 10.00
      3: 50.00
      5: 20.00
      27: 280.00 # @t01-27
      29: 2.00
      30: 282.00 # @t01-30
      38: 30.00 # @t01-38
      39: 190.00
      51: 50.00
      53: 11.00
      57: 281.00 # @t01-57
      59: 1.00
      60: 282.00 # @t01-60
  t02:
    summary: { total: 280.00, fiscal: 260.00, business: 20.00 } # @t02-sum
    rows:
      - { code: "208", name: 社会保障和就业支出, total: 30.00, fiscal: 30.00 }
      - { code: "20805", name: 行政事业单位养老支出, total: 30.00, fiscal: 30.00 }
      - { code: "2080505", name: 机关事业单位基本养老保险缴费支出, total: 20.00, fiscal: 20.00 } # @t02-2080505
      - { code: "2080506", name: 机关事业单位职业年金缴费支出, total: 10.00, fiscal: 10.00 }
      - { code: "210", name: 卫生健康支出, total: 190.00, fiscal: 170.00, business: 20.00 }
      - { code: "21015", name: 医疗保障管理事务, total: 190.00, fiscal: 170.00, business: 20.00 }
      - { code: "2101501", name: 行政运行, total: 90.00, fiscal: 70.00, business: 20.00 }
      - { code: "2101502", name: 一般行政管理事务, total: 100.00, fiscal: 100.00 }
      - { code: "223", name: 国有资本经营预算支出, total: 50.00, fiscal: 50.00 }
      - { code: "22301", name: 解决历史遗留问题及改革成本支出, total: 50.00, fiscal: 50.00 }
      - { code: "2230108", name: 离休干部医药费补助支出, total: 50.00, fiscal: 50.00 }
      - { code: "229", name: 其他支出, total: 10.00, fiscal: 10.00 }
      - { code: "22960", name: 彩票公益金安排的支出, total: 10.00, fiscal: 10.00 }
      - { code: "2296013", name: 用于城乡医疗救助的彩票公益金支出, total: 10.00, fiscal: 10.00 }
  t03:
    summary: { total: 281.00, basic: 120.00, project: 161.00 } # @t03-sum
    rows:
      - { code: "208", name: 社会保障和就业支出, total: 30.00, basic: 30.00 } # @t03-208
      - { code: "20805", name: 行政事业单位养老支出, total: 30.00, basic: 30.00 }
      - { code: "2080505", name: 机关事业单位基本养老保险缴费支出, total: 20.00, basic: 20.00 }
      - { code: "2080506", name: 机关事业单位职业年金缴费支出, total: 10.00, basic: 10.00 }
      - { code: "210", name: 卫生健康支出, total: 190.00, basic: 90.00, project: 100.00 }
      - { code: "21015", name: 医疗保障管理事务, total: 190.00, basic: 90.00, project: 100.00 }
      - { code: "2101501", name: 行政运行, total: 90.00, basic: 90.00 } # @t03-2101501
      - { code: "2101502", name: 一般行政管理事务, total: 100.00, project: 100.00 }
      - { code: "223", name: 国有资本经营预算支出, total: 50.00, project: 50.00 }
      - { code: "22301", name: 解决历史遗留问题及改革成本支出, total: 50.00, project: 50.00 }
      - { code: "2230108", name: 离休干部医药费补助支出, total: 50.00, project: 50.00 }
      - { code: "229", name: 其他支出, total: 11.00, project: 11.00 }
      - { code: "22960", name: 彩票公益金安排的支出, total: 11.00, project: 11.00 }
      - { code: "2296013", name: 用于城乡医疗救助的彩票公益金支出, total: 11.00, project: 11.00 }
  t04:
    income:
      1: 200.00 # @t04-1
      2: 10.00 # @t04-2
      3: 50.00
      27: 260.00 # @t04-27
      28: 2.00 # @t04-28
      30: 2.00
      32: 262.00 # @t04-32
    expenditure:
      40: { total: 30.00, gpb: 30.00 } # @t04-40
      41: { total: 170.00, gpb: 170.00 }
      53: { total: 50.00, soe: 50.00 } # @t04-53
      55: { total: 11.00, govFund: 11.00 } # @t04-55
      59: { total: 261.00, gpb: 200.00, govFund: 11.00, soe: 50.00 } # @t04-59
      60: { total: 1.00, govFund: 1.00 }
      64: { total: 262.00, gpb: 200.00, govFund: 12.00, soe: 50.00 } # @t04-64
  t05:
    summary: { total: 200.00, basic: 100.00, project: 100.00 } # @t05-sum
    rows:
      - { code: "208", name: 社会保障和就业支出, total: 30.00, basic: 30.00 }
      - { code: "20805", name: 行政事业单位养老支出, total: 30.00, basic: 30.00 } # @t05-20805
      - { code: "2080505", name: 机关事业单位基本养老保险缴费支出, total: 20.00, basic: 20.00 } # @t05-2080505
      - { code: "2080506", name: 机关事业单位职业年金缴费支出, total: 10.00, basic: 10.00 }
      - { code: "210", name: 卫生健康支出, total: 170.00, basic: 70.00, project: 100.00 } # @t05-210
      - { code: "21015", name: 医疗保障管理事务, total: 170.00, basic: 70.00, project: 100.00 }
      - { code: "2101501", name: 行政运行, total: 70.00, basic: 70.00 } # @t05-2101501
      - { code: "2101502", name: 一般行政管理事务, total: 100.00, project: 100.00 }
  t06:
    personnel:
      - { code: "301", name: 工资福利支出, amount: 80.00 } # @t06-301
      - { code: "30101", name: 基本工资, amount: 50.00 } # @t06-30101
      - { code: "30108", name: 机关事业单位基本养老保险缴费, amount: 20.00 }
      - { code: "30109", name: 职业年金缴费, amount: 10.00 }
      - { code: "303", name: 对个人和家庭的补助, amount: 5.00 }
      - { code: "30302", name: 退休费, amount: 5.00 }
    public:
      - { code: "302", name: 商品和服务支出, amount: 15.00 }
      - { code: "30201", name: 办公费, amount: 10.00 } # @t06-30201
      - { code: "30217", name: 公务接待费, amount: 5.00 }
    personnelTotal: 85.00 # @t06-personnelTotal
    publicTotal: 15.00 # @t06-publicTotal
  t07:
    summary: { opening: 2.00, income: 10.00, total: 11.00, project: 11.00, closing: 1.00 } # @t07-sum
    rows:
      - { code: "229", name: 其他支出, opening: 2.00, income: 10.00, total: 11.00, project: 11.00, closing: 1.00 }
      - { code: "22960", name: 彩票公益金安排的支出, opening: 2.00, income: 10.00, total: 11.00, project: 11.00, closing: 1.00 }
      - { code: "2296013", name: 用于城乡医疗救助的彩票公益金支出, opening: 2.00, income: 10.00, total: 11.00, project: 11.00, closing: 1.00 } # @t07-2296013
  t08:
    summary: { total: 50.00, project: 50.00 } # @t08-sum
    rows:
      - { code: "223", name: 国有资本经营预算支出, total: 50.00, project: 50.00 }
      - { code: "22301", name: 解决历史遗留问题及改革成本支出, total: 50.00, project: 50.00 }
      - { code: "2230108", name: 离休干部医药费补助支出, total: 50.00, project: 50.00 } # @t08-2230108
  t09:
    budget: { total: 3.00, abroad: 0, vehicle: 2.00, vehiclePurchase: 0, vehicleOperation: 2.00, reception: 1.00 } # @t09-budget
    actual: { total: 2.50, abroad: 0, vehicle: 1.80, vehiclePurchase: 0, vehicleOperation: 1.80, reception: 0.70 } # @t09-actual
threePublic:
  domesticReception: 0.50 # @facts-domestic
  foreignReception: 0.20
procurement:
  total: 10.00 # @proc-total
  goods: 4.00
  works: 0
  services: 6.00
  sme: 8.00
  small: 5.00 # @proc-small
  smeGoods: 4.00
  smeServices: 4.00
budget:
  total: 220.00 # @budget-total
  items:
    - { code: "2080505", name: 机关事业单位基本养老保险缴费支出, amount: 20.00 }
    - { code: "2101501", name: 行政运行, amount: 80.00 }
prior:
  year: 2022 # @prior-year
`;

export const BUREAU = `name: 测试市测试区医疗保障局
shortName: 测试区医保局
region: { province: 湖北省, city: 武汉市, district: 测试区, code: "420100" }
level: 区县级
`;

/** Edit the line tagged `# @tag`: replace `from` by `to` in that line only. */
export function edit(text: string, tag: string, from: string, to: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.endsWith(`# @${tag}`));
  if (i < 0) throw new Error(`no line tagged @${tag}`);
  if (!lines[i]!.includes(from)) throw new Error(`line @${tag} has no "${from}": ${lines[i]}`);
  lines[i] = lines[i]!.replace(from, to);
  return lines.join('\n');
}

/** 1-based line of the tagged line. */
export function lineOf(text: string, tag: string): number {
  const i = text.split('\n').findIndex((l) => l.endsWith(`# @${tag}`));
  if (i < 0) throw new Error(`no line tagged @${tag}`);
  return i + 1;
}

/** Write a content folder (bureaus → years → data.yaml) and load it with the real loader. */
export function writeContent(bureaus: Record<string, { bureau?: string; years: Record<string, string> }>): { root: string; content: Content } {
  const root = tempDir('check-');
  for (const [id, b] of Object.entries(bureaus)) {
    const dir = join(root, 'bureaus', id);
    mkdirSync(dir, { recursive: true });
    if (b.bureau !== undefined) writeFileSync(join(dir, 'bureau.yaml'), b.bureau);
    for (const [year, data] of Object.entries(b.years)) {
      mkdirSync(join(dir, year));
      writeFileSync(join(dir, year, 'data.yaml'), data);
      writeFileSync(join(dir, year, 'narrative.md'), '# 情况说明\n');
    }
  }
  cpSync('content/classifications', join(root, 'classifications'), { recursive: true });
  writeFileSync(join(root, 'site.yaml'), 'siteName: 测试\norganisation: 测试单位\n');
  const { content, errors } = loadContent(root);
  if (errors.length > 0) throw new Error(`fixture does not load:\n${errors.map((e) => `${e.file}:${e.line} ${e.field} ${e.message}`).join('\n')}`);
  return { root, content };
}

/** Load one bureau-year fixture through the real loader. */
export function entryOf(data: string, year = '2023'): BureauYearEntry {
  const { content } = writeContent({ test: { bureau: BUREAU, years: { [year]: data } } });
  return content.years[0]!;
}

export function check(data: string, year = '2023'): Finding[] {
  return checkBureauYear(entryOf(data, year), classification);
}

export const byRule = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);
