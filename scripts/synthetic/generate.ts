/**
 * Synthetic content at any size, for the benchmark: bureaus × years of full
 * disclosures whose nine tables satisfy every identity the checker enforces
 * (amounts are integer cents, every total is the sum of its parts), with a
 * Chinese narrative that references the figures (:fig[…]{name=…}), a
 * glossary, 年初预算, "三公", procurement and performance self-evaluations.
 *
 * Deterministic: the same seed, bureau count and years give the same bytes,
 * and each bureau-year depends only on (seed, bureau, year), so changing the
 * bureau count keeps the existing ones. Written to a folder of its own
 * (never the real content/), used through CONTENT_DIR.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { loadClassification, type Classification } from '../../src/core/classification.ts';
import { chineseNumber, EXPENDITURE_CLASS_CODES, T01_FIRST_CLASS_LINE, T04_FIRST_CLASS_LINE } from '../../src/core/tables.ts';
import { BUREAU_TYPES, CHANGE_REASONS, CITY_NAMES, GENERAL_TERMS, INDICATORS, NAME_HEADS, NAME_TAILS, PROJECT_OUTCOMES, PROSE, type BureauType } from './vocabulary.ts';
import { compareText } from '../../src/core/order.ts';
import { D } from '../../src/core/money.ts';

const DISTRICTS_PER_CITY = 10;

export interface GenerateOptions {
  /** Folder to write (created); gets site.yaml, classifications/ and bureaus/. */
  dir: string;
  bureaus: number;
  years: number;
  /** Last year (default 2024); years run lastYear − years + 1 … lastYear. */
  lastYear?: number;
  seed?: number;
  /** The real classification lists to copy (default content/classifications). */
  classificationsDir?: string;
  /** Site name in site.yaml. */
  siteName?: string;
}

// ---------------------------------------------------------------------------
// Deterministic randomness

function hash(...parts: (string | number)[]): number {
  let h = 2166136261;
  for (const ch of parts.join('|')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed || 1;
  }
  next(): number {
    // mulberry32
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  int(lo: number, hi: number): number {
    return Math.floor(this.between(lo, hi + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  /** Up to n distinct items in list order. */
  some<T>(list: readonly T[], n: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(n, list.length)) chosen.add(Math.floor(this.next() * list.length));
    return [...chosen].sort((a, b) => a - b).map((i) => list[i]!);
  }
}

// ---------------------------------------------------------------------------
// Amounts in integer cents (万元 × 100): sums are exact.

/** 1234.07 as a YAML number whose source text has the two decimals' value. */
const yuan = (cents: number): number => Number((cents / 100).toFixed(2));
const text = (cents: number): string => (cents / 100).toFixed(2).replace(/\.?0+$/, '') || '0';

/** Split total cents into parts proportional to weights; the last part takes the remainder. */
function split(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  parts[parts.length - 1]! += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

// ---------------------------------------------------------------------------
// Bureaus

export interface SyntheticBureau {
  id: string;
  index: number;
  type: BureauType;
  name: string;
  shortName: string;
  city: string;
  district: string;
  code: string;
}

export function bureauAt(index: number): SyntheticBureau {
  const type = BUREAU_TYPES[index % BUREAU_TYPES.length]!;
  const d = Math.floor(index / BUREAU_TYPES.length);
  const c = Math.floor(d / DISTRICTS_PER_CITY);
  const round = Math.floor(d / (NAME_HEADS.length * NAME_TAILS.length));
  const district = `${NAME_HEADS[d % NAME_HEADS.length]}${NAME_TAILS[Math.floor(d / NAME_HEADS.length) % NAME_TAILS.length]}${round > 0 ? round + 1 : ''}区`;
  const city = `${CITY_NAMES[c % CITY_NAMES.length]}${c >= CITY_NAMES.length ? Math.floor(c / CITY_NAMES.length) + 1 : ''}市`;
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    id: `c${pad(c + 1)}-d${pad((d % DISTRICTS_PER_CITY) + 1)}-${type.key}`,
    index,
    type,
    name: `${city}${district}${type.suffix}`,
    shortName: `${district}${type.short}`,
    city,
    district,
    // Province 99 (示例省), city and district numbers: unique six digits per district up to 99 × 99.
    code: `99${pad((c % 99) + 1)}${pad((d % DISTRICTS_PER_CITY) + 1)}`,
  };
}

function bureauYaml(b: SyntheticBureau): string {
  return stringify({
    name: b.name,
    shortName: b.shortName,
    region: { province: '示例省', city: b.city, district: b.district, code: b.code },
    level: '区县级',
    phone: `0${700 + (b.index % 200)}-${String(80000000 + b.index).slice(0, 8)}`,
  });
}

// ---------------------------------------------------------------------------
// One bureau-year

interface Item {
  code: string;
  name: string;
  basic: number;
  project: number;
  budget: number;
  /** Project name, for project items. */
  project_name?: string;
}

interface FunctionalRow {
  code: string;
  name: string;
  basic: number;
  project: number;
}

/** 类, 款 and 项 rows in code order, each the sum of the 项 below it. */
function hierarchy(items: readonly Item[], classification: Classification, year: number): FunctionalRow[] {
  const rows = new Map<string, FunctionalRow>();
  for (const item of items) {
    for (const code of [item.code.slice(0, 3), item.code.slice(0, 5), item.code]) {
      const row = rows.get(code) ?? { code, name: classification.nameOf('functional', code, year) ?? item.name, basic: 0, project: 0 };
      row.basic += item.basic;
      row.project += item.project;
      rows.set(code, row);
    }
  }
  return [...rows.values()].sort((a, b) => compareText(a.code, b.code));
}

/** Functional-table row with blank cells omitted (the template prints no 0). */
function tableRow(r: FunctionalRow, withBasicProject: boolean, extra: Record<string, number> = {}) {
  const out: Record<string, string | number> = { code: r.code, name: r.name, total: yuan(r.basic + r.project) };
  for (const [k, v] of Object.entries(extra)) out[k] = yuan(v);
  if (withBasicProject) {
    if (r.basic) out.basic = yuan(r.basic);
    if (r.project) out.project = yuan(r.project);
  }
  return out;
}

function pickItems(b: SyntheticBureau, year: number, rng: Rng, classification: Classification): Item[] {
  const name = (code: string) => classification.nameOf('functional', code, year);
  const scale = Math.round(rng.between(300, 6000) * 100 * (1 + (b.index % 7) / 10));
  const admin = Math.round(scale * rng.between(0.22, 0.38));
  const items: Item[] = [];
  const add = (code: string, basic: number, project: number, projectName?: string) => {
    const n = name(code);
    if (!n || basic + project <= 0) return;
    const budget = Math.round((basic + project) * rng.between(0.85, 1.12));
    items.push({ code, name: n, basic, project, budget, ...(projectName ? { project_name: projectName } : {}) });
  };
  add('2080505', Math.round(admin * rng.between(0.07, 0.1)), 0);
  add('2101101', Math.round(admin * rng.between(0.025, 0.04)), 0);
  add('2210201', Math.round(admin * rng.between(0.05, 0.08)), 0);
  add(`${b.type.admin}01`, admin, 0);
  add(`${b.type.admin}02`, 0, Math.round(scale * rng.between(0.03, 0.08)), `${b.type.short}日常管理经费`);
  const candidates = [b.type.admin, ...b.type.programmes]
    .flatMap((k) => classification.children('functional', k, year))
    .filter((c) => !/0[12]$|50$/.test(c.code));
  for (const c of rng.some(candidates, rng.int(1, 3))) {
    add(c.code, 0, Math.round(scale * rng.between(0.08, 0.3)), `${c.name.replace(/支出$/, '')}专项经费`);
  }
  return items.sort((a, x) => compareText(a.code, x.code));
}

/** The data.yaml object and the narrative of one bureau-year. */
export function bureauYear(b: SyntheticBureau, year: number, firstYear: number, seed: number, classification: Classification) {
  const rng = new Rng(hash(seed, b.index, year));
  const items = pickItems(b, year, rng, classification);
  const rows = hierarchy(items, classification, year);
  const basic = items.reduce((s, i) => s + i.basic, 0);
  const project = items.reduce((s, i) => s + i.project, 0);
  const total = basic + project;
  const classes = rows.filter((r) => r.code.length === 3);

  // 06: 公用经费 from 行政运行, 人员经费 the rest of the basic expenditure.
  const publicTotal = Math.round(basic * rng.between(0.1, 0.18));
  const personnelTotal = basic - publicTotal;
  const pension = items.find((i) => i.code === '2080505')?.basic ?? 0;
  const medical = items.find((i) => i.code === '2101101')?.basic ?? 0;
  const housing = items.find((i) => i.code === '2210201')?.basic ?? 0;
  const households = Math.round(personnelTotal * rng.between(0.005, 0.02));
  const wagesRest = personnelTotal - households - pension - medical - housing;
  const [w1, w2, w3, w4] = split(wagesRest, [0.34, 0.38, 0.2, 0.08]);
  const wageItems: [string, string, number][] = [
    ['30101', '基本工资', w1!],
    ['30102', '津贴补贴', w2!],
    ['30103', '奖金', w3!],
    ['30108', '机关事业单位基本养老保险缴费', pension],
    ['30110', '职工基本医疗保险缴费', medical],
    ['30112', '其他社会保障缴费', w4!],
    ['30113', '住房公积金', housing],
  ];
  const reception = Math.round(publicTotal * rng.between(0, 0.04));
  const vehicleOperation = rng.next() < 0.5 ? Math.round(publicTotal * rng.between(0.03, 0.08)) : 0;
  const publicParts = split(publicTotal - reception - vehicleOperation, [0.22, 0.08, 0.1, 0.18, 0.07, 0.12, 0.08, 0.15]);
  const publicItems: [string, string, number][] = [
    ['30201', '办公费', publicParts[0]!],
    ['30206', '电费', publicParts[1]!],
    ['30207', '邮电费', publicParts[2]!],
    ['30211', '差旅费', publicParts[3]!],
    ['30213', '维修（护）费', publicParts[4]!],
    ['30217', '公务接待费', reception],
    ['30228', '工会经费', publicParts[5]!],
    ['30229', '福利费', publicParts[6]!],
    ['30231', '公务用车运行维护费', vehicleOperation],
    ['30299', '其他商品和服务支出', publicParts[7]!],
  ];
  const economicRows = (cls: string, clsName: string, list: [string, string, number][]) => {
    const kept = list.filter(([, , v]) => v > 0);
    return [
      { code: cls, name: clsName, amount: yuan(kept.reduce((s, [, , v]) => s + v, 0)) },
      ...kept.map(([code, name, amount]) => ({ code, name, amount: yuan(amount) })),
    ];
  };

  const t01Lines: Record<string, number> = { 1: yuan(total), 27: yuan(total), 30: yuan(total) };
  const t04Expenditure: Record<string, { total: number; gpb: number }> = {};
  for (const c of classes) {
    const i = EXPENDITURE_CLASS_CODES.indexOf(c.code);
    if (i < 0) continue;
    t01Lines[T01_FIRST_CLASS_LINE + i] = yuan(c.basic + c.project);
    t04Expenditure[T04_FIRST_CLASS_LINE + i] = { total: yuan(c.basic + c.project), gpb: yuan(c.basic + c.project) };
  }
  t01Lines[57] = yuan(total);
  t01Lines[60] = yuan(total);
  t04Expenditure[59] = { total: yuan(total), gpb: yuan(total) };
  t04Expenditure[64] = { total: yuan(total), gpb: yuan(total) };

  const receptionBudget = reception + Math.round(rng.between(0, 30000) / 100) * 100;
  const vehicleBudget = vehicleOperation + (vehicleOperation ? 50000 : 0);
  const budgetTotal = items.reduce((s, i) => s + i.budget, 0);
  const procurementTotal = Math.round(total * rng.between(0.01, 0.06));
  const [goods, works, services] = split(procurementTotal, [0.3, rng.next() < 0.3 ? 0.2 : 0, 0.5]);
  const smeGoods = Math.round(goods! * 0.9);
  const smeServices = Math.round(services! * 0.8);
  const sme = smeGoods + smeServices;
  const operatingBudget = Math.round(publicTotal * rng.between(1.0, 1.12));
  const projects = items.filter((i) => i.project > 0);
  const staffActual = Math.max(5, Math.round(personnelTotal / 1500000));

  const data: Record<string, unknown> = {
    year: Number(year),
    asOf: `${year}-12-31`,
    published: `${year + 1}-0${rng.int(6, 9)}-${String(rng.int(10, 28))}`,
    template: 'wuhan',
    source: { title: `${b.shortName}${year}年度部门决算` },
    scope: { kind: '本级', units: [`${b.shortName}本级`] },
    staff: { authorized: staffActual + rng.int(0, 4), actual: staffActual, inService: staffActual, retired: rng.int(0, 10) },
    tables: {
      t01: { lines: t01Lines },
      t02: {
        summary: { total: yuan(total), fiscal: yuan(total) },
        rows: rows.map((r) => ({ code: r.code, name: r.name, total: yuan(r.basic + r.project), fiscal: yuan(r.basic + r.project) })),
      },
      t03: { summary: { total: yuan(total), basic: yuan(basic), project: yuan(project) }, rows: rows.map((r) => tableRow(r, true)) },
      t04: { income: { 1: yuan(total), 27: yuan(total), 32: yuan(total) }, expenditure: t04Expenditure },
      t05: { summary: { total: yuan(total), basic: yuan(basic), project: yuan(project) }, rows: rows.map((r) => tableRow(r, true)) },
      t06: {
        personnel: [...economicRows('301', '工资福利支出', wageItems), ...economicRows('303', '对个人和家庭的补助', [['30399', '其他对个人和家庭的补助', households]])],
        public: economicRows('302', '商品和服务支出', publicItems),
        personnelTotal: yuan(personnelTotal),
        publicTotal: yuan(publicTotal),
      },
      t07: { empty: '本单位无政府性基金预算财政拨款收入及支出' },
      t08: { empty: '本单位无国有资本经营预算财政拨款支出' },
      t09: {
        budget: { total: yuan(receptionBudget + vehicleBudget), abroad: 0, vehicle: yuan(vehicleBudget), vehiclePurchase: 0, vehicleOperation: yuan(vehicleBudget), reception: yuan(receptionBudget) },
        actual: { total: yuan(reception + vehicleOperation), abroad: 0, vehicle: yuan(vehicleOperation), vehiclePurchase: 0, vehicleOperation: yuan(vehicleOperation), reception: yuan(reception) },
      },
    },
    budget: { total: yuan(budgetTotal), items: items.map((i) => ({ code: i.code, name: i.name, amount: yuan(i.budget) })) },
    threePublic: {
      abroadGroups: 0, abroadPeople: 0, vehiclesPurchased: 0, vehiclesHeld: vehicleOperation ? rng.int(1, 3) : 0,
      domesticReception: yuan(reception), domesticBatches: reception ? rng.int(3, 40) : 0, domesticVisitors: reception ? rng.int(20, 300) : 0,
      foreignReception: 0, foreignBatches: 0, foreignVisitors: 0,
    },
    operatingCost: { amount: yuan(publicTotal), comparedWith: 'budget', budget: yuan(operatingBudget) },
    procurement: { total: yuan(procurementTotal), goods: yuan(goods!), works: yuan(works!), services: yuan(services!), sme: yuan(sme), small: yuan(Math.round(sme * 0.7)), smeGoods: yuan(smeGoods), smeWorks: 0, smeServices: yuan(smeServices) },
    assets: { asOf: `${year}-12-31`, vehicles: vehicleOperation ? 2 : 0, equipmentOver100: 0 },
    performance: {
      projectCount: projects.length,
      projectAmount: yuan(project),
      department: {
        name: `${b.name}部门整体支出`, unit: b.name, budget: yuan(total), executed: yuan(total), publishedRate: '100%', score: String(rng.int(90, 100)),
        goals: b.type.keyWork.slice(0, 3).map((k) => `${k}。`),
        indicators: INDICATORS.map(([level1, level2, level3, target]) => ({ level1, level2, level3, target, actual: target, score: '10' })),
      },
      projects: projects.map((p) => ({
        name: p.project_name, department: b.name, unit: b.name, budget: yuan(p.project), executed: yuan(p.project), publishedRate: '100%', score: String(rng.int(88, 100)),
        indicators: rng.some(INDICATORS, 12).map(([level1, level2, level3, target]) => ({ level1, level2, level3, target, actual: target, score: '10' })),
      })),
    },
    ...(year === firstYear
      ? { prior: { year: year - 1, grandTotal: yuan(Math.round(total * 0.95)), incomeTotal: yuan(Math.round(total * 0.95)), expenditureTotal: yuan(Math.round(total * 0.95)), gpbExpenditure: yuan(Math.round(total * 0.95)), note: '合成数据' } }
      : {}),
    glossary: [
      ...GENERAL_TERMS.slice(0, 3),
      ...items.map((i) => {
        const k = classification.nameOf('functional', i.code.slice(0, 5), year);
        const c = classification.nameOf('functional', i.code.slice(0, 3), year);
        return { term: `${c}(类)${k}(款)${i.name}(项)`, definition: `反映${i.name === '行政运行' ? '行政单位（包括实行公务员管理的事业单位）的基本支出' : `用于${i.name}方面的支出`}。` };
      }),
      ...GENERAL_TERMS.slice(3),
    ],
  };
  return { data, narrative: narrative(b, year, rng, { total, basic, project, classes, items, projects, reception }) };
}

function narrative(
  b: SyntheticBureau,
  year: number,
  rng: Rng,
  n: { total: number; basic: number; project: number; classes: FunctionalRow[]; items: Item[]; projects: Item[]; reception: number },
): string {
  const reason = () => `主要原因是${rng.pick(rng.next() < 0.5 ? CHANGE_REASONS.up : CHANGE_REASONS.down)}`;
  /** `count` distinct sentences of `list`, for the bureau (and the key work `work`), as one paragraph. */
  const prose = (count: number, list: readonly string[], work = '') =>
    rng
      .some(work ? list : list.filter((s) => !s.includes('{w}')), count)
      .map((s) => `${s.replaceAll('{b}', b.shortName).replaceAll('{w}', work)}。`)
      .join('');
  const y = `:fig[${year}]{name=year}`;
  const py = `:fig[${year - 1}]{name=previousYear}`;
  const out: string[] = [];
  const duties = [...b.type.duties, ...PROSE.duties, `完成${b.district}党委、政府交办的其他任务`];
  out.push('# 部门主要职责', '', ...duties.map((d, i) => `${i + 1}. ${d}。`), '');
  out.push('# 机构设置', '', `从单位构成看，${b.shortName}部门决算由实行独立核算的${b.shortName}本级决算组成。内设办公室、综合业务科、财务审计科等科室。${prose(3, PROSE.work)}`, '', prose(3, PROSE.work), '');
  out.push('# 情况说明', '');
  out.push('## 一、收入支出决算总体情况说明', '', `${y} 年度收、支总计 :fig[${text(n.total)}]{name=grandTotal} 万元。与 ${py} 年度相比，收、支总计各:fig{name=grandTotal.direction} :fig{name=grandTotal.change} 万元，变动 :fig{name=grandTotal.changePct}，${reason()}。`, '', '::chart{n=1}', '');
  out.push('## 二、收入决算情况说明', '', `${y} 年度收入合计 :fig[${text(n.total)}]{name=incomeTotal} 万元，其中：财政拨款收入 :fig[${text(n.total)}]{name=income.fiscal} 万元，占本年收入 :fig{name=income.fiscal.share}。`, '', '::chart{n=2}', '');
  out.push('## 三、支出决算情况说明', '', `${y} 年度支出合计 :fig[${text(n.total)}]{name=expenditureTotal} 万元。其中：基本支出 :fig[${text(n.basic)}]{name=expenditure.basic} 万元，占本年支出 :fig{name=expenditure.basic.share}；项目支出 :fig[${text(n.project)}]{name=expenditure.project} 万元，占本年支出 :fig{name=expenditure.project.share}。`, '', '::chart{n=3}', '');
  out.push('## 四、财政拨款收入支出决算总体情况说明', '', `${y} 年度财政拨款收、支总计 :fig[${text(n.total)}]{name=fiscalGrandTotal} 万元，全部为一般公共预算财政拨款，${reason()}。`, '', '::chart{n=4}', '');
  out.push('## 五、一般公共预算财政拨款支出决算情况说明', '', '### (一)一般公共预算财政拨款支出决算总体情况', '');
  out.push(`${y} 年度一般公共预算财政拨款支出 :fig[${text(n.total)}]{name=gpbExpenditure} 万元，占本年支出合计的 :fig{name=gpbExpenditure.share}。与 ${py} 年度相比变动 :fig{name=gpbExpenditure.changePct}，${reason()}。`, '');
  out.push('### (二)一般公共预算财政拨款支出决算结构情况', '');
  n.classes.forEach((c, i) => out.push(`${i + 1}.${c.name}(类):fig[${text(c.basic + c.project)}]{name=gpbClass.${c.code}} 万元，占 :fig{name=gpbClass.${c.code}.share}。`, ''));
  out.push('### (三)一般公共预算财政拨款支出决算具体情况', '');
  out.push(`${y} 年度一般公共预算财政拨款支出年初预算为 :fig{name=budget.total} 万元，支出决算为 :fig[${text(n.total)}]{name=gpbExpenditure} 万元，完成年初预算的 :fig{name=budget.completion}。`, '');
  n.projects.forEach((p, i) => out.push(`${i + 1}.${p.project_name} :fig[${text(p.project)}]{name=performance.project.${i + 1}.executed} 万元，主要成效：${rng.pick(PROJECT_OUTCOMES)}。`, ''));
  n.items.forEach((it, i) =>
    out.push(`${i + 1}.${it.name}(项)。年初预算为 :fig[${text(it.budget)}]{name=item.${it.code}.budget} 万元，支出决算为 :fig[${text(it.basic + it.project)}]{name=item.${it.code}.actual} 万元，完成年初预算的 :fig{name=item.${it.code}.completion}，${reason()}。${prose(4, PROSE.work)}`, ''),
  );
  out.push('## 六、一般公共预算财政拨款基本支出决算情况说明', '', `${y} 年度一般公共预算财政拨款基本支出 :fig[${text(n.basic)}]{name=gpbExpenditure.basic} 万元，其中：人员经费 :fig{name=personnel} 万元，公用经费 :fig{name=public} 万元。`, '');
  out.push('## 七、政府性基金预算财政拨款收入支出决算情况说明', '', '本单位无政府性基金预算财政拨款收入及支出。', '');
  out.push('## 八、国有资本经营预算财政拨款支出决算情况说明', '', '本单位无国有资本经营预算财政拨款支出。', '');
  out.push('## 九、财政拨款“三公”经费支出决算情况说明', '', `${y} 年度“三公”经费财政拨款支出预算为 :fig{name=threePublic.budget} 万元，支出决算为 :fig{name=threePublic.actual} 万元，完成预算的 :fig{name=threePublic.completion}。其中公务接待费 :fig[${text(n.reception)}]{name=threePublic.reception.actual} 万元，${n.reception ? '主要用于接待上级部门检查指导工作' : '未发生公务接待'}。`, '');
  out.push('## 十、机关运行经费支出情况', '', `${y} 年度机关运行经费支出 :fig{name=operatingCost} 万元，比年初预算:fig{name=operatingCost.direction} :fig{name=operatingCost.change} 万元，${reason()}。`, '');
  out.push('## 十一、政府采购支出情况', '', `${y} 年度政府采购支出总额 :fig{name=procurement.total} 万元，其中：政府采购货物支出 :fig{name=procurement.goods} 万元、政府采购服务支出 :fig{name=procurement.services} 万元。授予中小企业合同金额 :fig{name=procurement.sme} 万元，占政府采购支出总额的 :fig{name=procurement.sme.share}。`, '');
  out.push('## 十二、国有资产占用情况', '', `截至 ${year} 年 12 月 31 日，${b.shortName}单价 100 万元（含）以上设备 0 台（套）。`, '');
  out.push('## 十三、预算绩效情况说明', '', '### （一）预算绩效管理工作开展情况', '', prose(5, PROSE.evaluation), '');
  out.push('### （二）项目支出自评结果', '', `${b.shortName}对 ${n.projects.length} 个项目开展了绩效自评，涉及资金 :fig[${text(n.project)}]{name=performance.projectAmount} 万元。`, '');
  n.projects.forEach((p, i) => out.push(`${i + 1}.${p.project_name}：${prose(4, PROSE.evaluation)}`, ''));
  out.push('### （三）绩效自评结果应用情况', '', prose(3, PROSE.nextSteps), '');
  out.push('# 重点工作完成情况', '', `${year} 年，${b.shortName}在${b.district}党委、政府的坚强领导下，${prose(3, PROSE.work)}`, '');
  b.type.keyWork.forEach((k, i) =>
    out.push(`## ${chineseNumber(i + 1)}、${k}`, '', `${year} 年，${b.shortName}${k}，${rng.pick(PROJECT_OUTCOMES)}。${prose(5, PROSE.work, k)}`, '', prose(6, PROSE.work, k), '', prose(5, PROSE.work, k), ''),
  );
  out.push('# 附件说明', '', `## 一、${year} 年度${b.shortName}部门整体绩效自评结果（摘要版）`, '');
  out.push('### 一、自评结论', '', prose(6, PROSE.evaluation), '', prose(4, PROSE.evaluation), '');
  out.push('### 二、存在的问题和原因', '', ...rng.some(PROSE.problems, 3).map((s, i) => `${i + 1}. ${s}。`), '');
  out.push('### 三、下一步改进措施', '', ...rng.some(PROSE.nextSteps, 3).map((s, i) => `${i + 1}. ${s}。`), '');
  out.push(`## 二、${year} 年度项目绩效自评结果（摘要版）`, '');
  n.projects.forEach((p, i) =>
    out.push(`### （${chineseNumber(i + 1)}）${p.project_name}`, '', prose(5, PROSE.evaluation), '', `存在的问题：${prose(3, PROSE.problems)}`, '', `改进措施：${prose(3, PROSE.nextSteps)}`, ''),
  );
  return out.join('\n');
}

// ---------------------------------------------------------------------------

export interface GenerateResult {
  dir: string;
  bureaus: number;
  bureauYears: number;
  years: number[];
  bytes: number;
}

/** Path of one synthetic bureau-year's files, e.g. to change one for an incremental rebuild. */
export function bureauYearDir(dir: string, bureauIndex: number, year: number): string {
  return join(dir, 'bureaus', bureauAt(bureauIndex).id, String(year));
}

/**
 * Change one figure of a synthetic bureau-year so that every identity still
 * holds, for a rebuild whose open data changes: 1.00 万元 moves from 基本工资
 * (30101) to 津贴补贴 (30102) in its 06表, both under 301.
 */
export function moveWages(dir: string, bureauIndex: number, year: number): void {
  const file = join(bureauYearDir(dir, bureauIndex, year), 'data.yaml');
  let text = readFileSync(file, 'utf8');
  for (const [code, by] of [['30101', -1], ['30102', 1]] as const) {
    const item = new RegExp(`(code: "${code}"\\n\\s+name: [^\\n]+\\n\\s+amount: )(\\d+\\.\\d{2})\\n`);
    if (!item.test(text)) throw new Error(`${file}: no 06表 item ${code} with an amount`);
    text = text.replace(item, (_, head: string, amount: string) => `${head}${new D(amount).plus(by).toFixed(2)}\n`);
  }
  writeFileSync(file, text);
}

export function generate(options: GenerateOptions): GenerateResult {
  const dir = resolve(options.dir);
  const seed = options.seed ?? 1;
  const lastYear = options.lastYear ?? 2024;
  const years = Array.from({ length: options.years }, (_, i) => lastYear - options.years + 1 + i);
  const classificationsDir = options.classificationsDir ?? resolve('content/classifications');
  const { classification, errors } = loadClassification(classificationsDir);
  if (errors.length > 0) throw new Error(`科目表有误 / classification errors in ${classificationsDir}`);

  mkdirSync(join(dir, 'classifications'), { recursive: true });
  for (const f of ['functional.yaml', 'economic.yaml']) copyFileSync(join(classificationsDir, f), join(dir, 'classifications', f));
  writeFileSync(
    join(dir, 'site.yaml'),
    stringify({ siteName: options.siteName ?? '示例省部门决算公开（合成数据）', organisation: '示例省财政厅', description: `合成数据：${options.bureaus} 个部门 × ${options.years} 个年度，用于性能测试。` }),
  );
  let bytes = 0;
  const write = (file: string, body: string) => {
    writeFileSync(file, body);
    bytes += Buffer.byteLength(body);
  };
  for (let i = 0; i < options.bureaus; i++) {
    const b = bureauAt(i);
    const bdir = join(dir, 'bureaus', b.id);
    mkdirSync(bdir, { recursive: true });
    write(join(bdir, 'bureau.yaml'), bureauYaml(b));
    for (const year of years) {
      const ydir = join(bdir, String(year));
      mkdirSync(ydir, { recursive: true });
      const { data, narrative } = bureauYear(b, year, years[0]!, seed, classification);
      write(join(ydir, 'data.yaml'), `# ${b.shortName} ${year} 年度部门决算（合成数据）\n${stringify(data, { lineWidth: 0, flowCollectionPadding: true })}`);
      write(join(ydir, 'narrative.md'), narrative);
    }
  }
  return { dir, bureaus: options.bureaus, bureauYears: options.bureaus * years.length, years, bytes };
}
