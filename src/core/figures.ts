/**
 * Every derived figure a disclosure states, computed from the data.
 *
 * This is the one place where a share, a change or a completion rate comes
 * from: pages, the narrative (`:fig[…]{name=…}`), the checker and the tests
 * all read `computeFigures`. Each figure is named (e.g. `grandTotal.changePct`)
 * and knows its inputs, so a reader can trace "增长 4.2%" back to two amounts.
 */
import { D, type Dec, type Maybe, money, sumPrinted, minus, ratio, formatAmount, formatPercent, PERCENT_DECIMALS } from './money.ts';
import type { BureauYear, Table01, Table02, Table03, Table04, Table05, Table06, Table07, Table08, Table09 } from './schema.ts';

export type FigureKind = 'amount' | 'percent' | 'text';

export interface Figure {
  name: string;
  /** What the figure is, in Chinese (e.g. 收、支总计较上年变动率). */
  label: string;
  kind: FigureKind;
  /** Exact value; null when unknown or without a base. */
  value: Maybe<Dec>;
  /** For text figures (增加/减少/持平, years). */
  text?: string;
  /** Names of the figures it is computed from. */
  inputs: string[];
  /** How it is computed, in Chinese, e.g. "(本年 − 上年) ÷ 上年 × 100". */
  formula?: string;
}

export type Figures = Map<string, Figure>;

// ---------------------------------------------------------------------------
// Reading the tables: a printed blank cell is nil inside a published table,
// unknown inside numbers gathered from the narrative or a missing table.

type AnyTable<T> = T | { empty: string } | { notProvided: string } | undefined;

/** The table's data, "empty" when the document states it is empty, null when not provided. */
export function tableData<T extends object>(t: AnyTable<T>): T | 'empty' | null {
  if (t === undefined) return null;
  if ('empty' in t) return 'empty';
  if ('notProvided' in t) return null;
  return t;
}

function cell(table: { from: 'table' | 'narrative' } | 'empty' | null, value: string | undefined): Maybe<Dec> {
  if (table === 'empty') return new D(0);
  if (table === null) return null;
  const v = money(value);
  if (v !== null) return v;
  return table.from === 'table' ? new D(0) : null;
}

/** One cell of a table: zero in a table stated empty, unknown in a table not provided. */
function read<T extends { from: 'table' | 'narrative' }>(table: T | 'empty' | null, pick: (t: T) => string | undefined): Maybe<Dec> {
  return table === 'empty' || table === null ? cell(table, undefined) : cell(table, pick(table));
}

// ---------------------------------------------------------------------------

/** The figures whose change on last year is computed (X.previous, X.change, X.changePct, X.direction). */
export const COMPARED = [
  'grandTotal',
  'incomeTotal',
  'expenditureTotal',
  'openingBalance',
  'closingBalance',
  'fiscalGrandTotal',
  'gpbIncome',
  'govFundIncome',
  'soeIncome',
  'gpbExpenditure',
  'personnel',
  'public',
  'threePublic.actual',
] as const;

const LABELS: Record<string, string> = {
  grandTotal: '收、支总计',
  incomeTotal: '本年收入合计',
  expenditureTotal: '本年支出合计',
  openingBalance: '年初结转和结余',
  closingBalance: '年末结转和结余',
  fiscalGrandTotal: '财政拨款收、支总计',
  gpbIncome: '一般公共预算财政拨款收入',
  govFundIncome: '政府性基金预算财政拨款收入',
  soeIncome: '国有资本经营预算财政拨款收入',
  gpbExpenditure: '一般公共预算财政拨款支出',
  personnel: '人员经费',
  public: '公用经费',
  'threePublic.actual': '“三公”经费决算数',
  operatingCost: '机关运行经费',
};

export const INCOME_SOURCES = {
  fiscal: '财政拨款收入',
  superior: '上级补助收入',
  business: '事业收入',
  operating: '经营收入',
  affiliated: '附属单位上缴收入',
  other: '其他收入',
} as const;

export const EXPENDITURE_COLUMNS = {
  basic: '基本支出',
  project: '项目支出',
  toSuperior: '上缴上级支出',
  operating: '经营支出',
  toAffiliated: '对附属单位补助支出',
} as const;

export const THREE_PUBLIC_ITEMS = {
  abroad: '因公出国（境）费',
  vehicle: '公务用车购置及运行费',
  vehiclePurchase: '公务用车购置费',
  vehicleOperation: '公务用车运行费',
  reception: '公务接待费',
} as const;

/** Percent decimals by template: Wuhan prints one decimal, Jiangxi two. */
export function percentDecimals(data: Pick<BureauYear, 'template'>): number {
  return data.template === 'jiangxi' ? 2 : PERCENT_DECIMALS;
}

/** The base amounts of one bureau-year, read from its tables and facts (no comparisons). */
export function baseAmounts(data: BureauYear): Map<string, Maybe<Dec>> {
  const out = new Map<string, Maybe<Dec>>();
  const t01 = tableData<Table01>(data.tables.t01);
  const t02 = tableData<Table02>(data.tables.t02);
  const t03 = tableData<Table03>(data.tables.t03);
  const t04 = tableData<Table04>(data.tables.t04);
  const t05 = tableData<Table05>(data.tables.t05);
  const t06 = tableData<Table06>(data.tables.t06);
  const t09 = tableData<Table09>(data.tables.t09);
  const line = (n: number) => read(t01, (t) => t.lines[String(n)]);
  const first = (...values: Maybe<Dec>[]) => values.find((v) => v !== null) ?? null;

  out.set('grandTotal', first(line(30), line(60)));
  out.set('incomeTotal', line(27));
  out.set('expenditureTotal', first(line(57), read(t03, (t) => t.summary.total)));
  out.set('openingBalance', line(29));
  out.set('closingBalance', line(59));
  const t04income = (n: number) => read(t04, (t) => t.income[String(n)]);
  out.set(
    'fiscalGrandTotal',
    first(t04income(32), read(t04, (t) => t.expenditure['64']?.total)),
  );
  out.set('gpbIncome', first(line(1), t04income(1)));
  out.set('govFundIncome', first(line(2), t04income(2)));
  out.set('soeIncome', first(line(3), t04income(3)));

  // Income by source (01 lines 1–8; 财政拨款 = 1+2+3).
  const fiscal = sumOrNull([out.get('gpbIncome')!, out.get('govFundIncome')!, out.get('soeIncome')!]);
  out.set('income.fiscal', first(fiscal, read(t02, (t) => t.summary.fiscal)));
  out.set('income.superior', line(4));
  out.set('income.business', line(5));
  out.set('income.operating', line(6));
  out.set('income.affiliated', line(7));
  out.set('income.other', line(8));

  // Expenditure by column (03 合计 row).
  for (const col of Object.keys(EXPENDITURE_COLUMNS) as (keyof typeof EXPENDITURE_COLUMNS)[]) {
    out.set(`expenditure.${col}`, read(t03, (t) => t.summary[col]));
  }

  // 一般公共预算财政拨款支出 (05).
  out.set('gpbExpenditure', read(t05, (t) => t.summary.total));
  out.set('gpbExpenditure.basic', read(t05, (t) => t.summary.basic));
  out.set('gpbExpenditure.project', read(t05, (t) => t.summary.project));
  if (t05 && t05 !== 'empty') {
    for (const row of t05.rows) {
      if (row.code.length === 3) out.set(`gpbClass.${row.code}`, cell(t05, row.total));
      out.set(`item.${row.code}.actual`, cell(t05, row.total));
    }
  }

  // 年初预算.
  out.set('budget.total', money(data.budget?.total));
  for (const item of data.budget?.items ?? []) out.set(`item.${item.code}.budget`, money(item.amount));

  // 人员经费 / 公用经费 (06).
  out.set('personnel', read(t06, (t) => t.personnelTotal));
  out.set('public', read(t06, (t) => t.publicTotal));
  if (t06 && t06 !== 'empty') {
    for (const row of [...t06.personnel, ...t06.public]) out.set(`econ.${row.code}`, cell(t06, row.amount));
  }

  // 三公 (09).
  for (const side of ['budget', 'actual'] as const) {
    out.set(`threePublic.${side}`, read(t09, (t) => t[side].total));
    for (const item of Object.keys(THREE_PUBLIC_ITEMS) as (keyof typeof THREE_PUBLIC_ITEMS)[]) {
      out.set(
        `threePublic.${item}.${side}`,
        read(t09, (t) => t[side][item]),
      );
    }
  }

  out.set('threePublic.domesticReception', money(data.threePublic?.domesticReception));
  out.set('threePublic.foreignReception', money(data.threePublic?.foreignReception));

  // 政府性基金 (07) and 国有资本经营 (08) 财政拨款支出.
  const t07 = tableData<Table07>(data.tables.t07);
  const t08 = tableData<Table08>(data.tables.t08);
  for (const [key, col] of [['govFundExpenditure', 'total'], ['govFundOpening', 'opening'], ['govFundClosing', 'closing']] as const) {
    out.set(key, read(t07, (t) => t.summary[col]));
  }
  out.set('soeExpenditure', read(t08, (t) => t.summary.total));

  out.set('operatingCost', money(data.operatingCost?.amount));

  // 政府采购.
  const p = data.procurement;
  for (const key of ['total', 'goods', 'works', 'services', 'sme', 'small', 'smeGoods', 'smeWorks', 'smeServices'] as const) {
    out.set(`procurement.${key}`, money(p?.[key]));
  }

  // 预算绩效.
  out.set('performance.projectAmount', money(data.performance?.projectAmount));
  return out;
}

function sumOrNull(values: Maybe<Dec>[]): Maybe<Dec> {
  return values.some((v) => v === null) ? null : sumPrinted(values);
}

/** Previous-year amounts from the prior comparatives stated in this year's file. */
function priorAmounts(data: BureauYear): Map<string, Maybe<Dec>> {
  const out = new Map<string, Maybe<Dec>>();
  const p = data.prior;
  if (!p) return out;
  const keys: [string, string | undefined][] = [
    ['grandTotal', p.grandTotal],
    ['incomeTotal', p.incomeTotal],
    ['expenditureTotal', p.expenditureTotal],
    ['openingBalance', p.openingBalance],
    ['closingBalance', p.closingBalance],
    ['fiscalGrandTotal', p.fiscalGrandTotal],
    ['gpbIncome', p.gpbIncome],
    ['govFundIncome', p.govFundIncome],
    ['soeIncome', p.soeIncome],
    ['gpbExpenditure', p.gpbExpenditure],
    ['personnel', p.personnel],
    ['public', p.public],
    ['threePublic.actual', p.threePublic],
    ['operatingCost', p.operatingCost],
  ];
  for (const [k, v] of keys) if (v !== undefined) out.set(k, money(v));
  for (const e of p.economic) out.set(`econ.${e.code}`, money(e.amount));
  for (const [item, value] of Object.entries(p.threePublicItems ?? {})) out.set(`threePublic.${item}.actual`, money(value));
  return out;
}

/**
 * Compute all figures of a bureau-year. `previous` is the previous year's
 * data when its file exists; otherwise the year's own `prior` comparatives are
 * used. A figure from an unknown input is unknown.
 */
export function computeFigures(data: BureauYear, previous?: BureauYear): Figures {
  const figures: Figures = new Map();
  const base = baseAmounts(data);
  const prev = previous ? baseAmounts(previous) : priorAmounts(data);
  const prevYear = previous?.year ?? data.prior?.year ?? String(Number(data.year) - 1);
  const pct = percentDecimals(data);
  void pct;

  const add = (f: Omit<Figure, 'inputs'> & { inputs?: string[] }) => figures.set(f.name, { inputs: [], ...f });
  const amount = (name: string, label: string, value: Maybe<Dec>) => add({ name, label, kind: 'amount', value });
  const share = (name: string, label: string, part: string, whole: string) =>
    add({
      name,
      label,
      kind: 'percent',
      value: ratio(figures.get(part)?.value ?? null, figures.get(whole)?.value ?? null),
      inputs: [part, whole],
      formula: `${labelOf(figures, part)} ÷ ${labelOf(figures, whole)} × 100`,
    });

  add({ name: 'year', label: '年度', kind: 'text', value: null, text: data.year });
  add({ name: 'previousYear', label: '上年度', kind: 'text', value: null, text: prevYear });

  for (const [name, value] of base) {
    amount(name, describe(name), value);
  }

  // Changes on last year.
  const compare = (name: string, previousValue: Maybe<Dec>, baseLabel = '上年') => {
    const label = LABELS[name] ?? describe(name);
    amount(`${name}.previous`, `${baseLabel}${label}`, previousValue);
    const current = figures.get(name)?.value ?? null;
    const delta = minus(current, previousValue);
    add({
      name: `${name}.change`,
      label: `${label}较${baseLabel}变动额`,
      kind: 'amount',
      value: delta === null ? null : delta.abs(),
      inputs: [name, `${name}.previous`],
      formula: `|本年 − ${baseLabel}|`,
    });
    add({
      name: `${name}.changePct`,
      label: `${label}较${baseLabel}变动率`,
      kind: 'percent',
      value: delta === null ? null : ratio(delta.abs(), previousValue),
      inputs: [name, `${name}.previous`],
      formula: `|本年 − ${baseLabel}| ÷ ${baseLabel} × 100`,
    });
    add({
      name: `${name}.direction`,
      label: `${label}较${baseLabel}变动方向`,
      kind: 'text',
      value: null,
      text: delta === null ? undefined : delta.isZero() ? '持平' : delta.isPositive() ? '增加' : '减少',
      inputs: [name, `${name}.previous`],
    });
  };
  for (const name of COMPARED) compare(name, prev.get(name) ?? null);
  for (const [name, value] of prev) if (name.startsWith('econ.') || /^threePublic\.\w+\.actual$/.test(name)) compare(name, value);
  if (data.operatingCost?.comparedWith === 'budget') {
    compare('operatingCost', money(data.operatingCost.budget), '年初预算');
  } else {
    compare('operatingCost', prev.get('operatingCost') ?? null);
  }

  // Shares of 本年收入合计 and 本年支出合计.
  for (const [key, label] of Object.entries(INCOME_SOURCES)) {
    share(`income.${key}.share`, `${label}占本年收入合计比重`, `income.${key}`, 'incomeTotal');
  }
  for (const [key, label] of Object.entries(EXPENDITURE_COLUMNS)) {
    share(`expenditure.${key}.share`, `${label}占本年支出合计比重`, `expenditure.${key}`, 'expenditureTotal');
  }
  share('gpbExpenditure.share', '一般公共预算财政拨款支出占本年支出合计比重', 'gpbExpenditure', 'expenditureTotal');
  for (const name of [...figures.keys()].filter((n) => /^gpbClass\.\d{3}$/.test(n))) {
    share(`${name}.share`, `${describe(name)}占一般公共预算财政拨款支出比重`, name, 'gpbExpenditure');
  }

  // Completion of 年初预算.
  share('budget.completion', '一般公共预算财政拨款支出完成年初预算比例', 'gpbExpenditure', 'budget.total');
  const items = new Set([...figures.keys()].filter((n) => /^item\.\d+\.(budget|actual)$/.test(n)).map((n) => n.split('.')[1]!));
  for (const code of [...items].sort()) {
    if (!figures.has(`item.${code}.budget`)) amount(`item.${code}.budget`, `${code} 年初预算`, null);
    if (!figures.has(`item.${code}.actual`)) amount(`item.${code}.actual`, `${code} 支出决算`, null);
    share(`item.${code}.completion`, `${code} 完成年初预算比例`, `item.${code}.actual`, `item.${code}.budget`);
  }

  // 三公: completion and difference per item.
  for (const [key, label] of [['', '“三公”经费'], ...Object.entries(THREE_PUBLIC_ITEMS).map(([k, l]) => [`.${k}`, l])] as [string, string][]) {
    const b = `threePublic${key}.budget`;
    const a = `threePublic${key}.actual`;
    share(`threePublic${key}.completion`, `${label}完成预算比例`, a, b);
    const d = minus(figures.get(a)?.value ?? null, figures.get(b)?.value ?? null);
    add({
      name: `threePublic${key}.diff`,
      label: `${label}决算较预算变动额`,
      kind: 'amount',
      value: d === null ? null : d.abs(),
      inputs: [a, b],
      formula: '|决算 − 预算|',
    });
  }

  // 政府采购.
  share('procurement.sme.share', '授予中小企业合同金额占政府采购支出总额比重', 'procurement.sme', 'procurement.total');
  share('procurement.small.share', '授予小微企业合同金额占授予中小企业合同金额比重', 'procurement.small', 'procurement.sme');
  for (const k of ['goods', 'works', 'services'] as const) {
    share(`procurement.${k}.share`, `${describe(`procurement.${k}`)}占政府采购支出总额比重`, `procurement.${k}`, 'procurement.total');
    const sme = `sme${k[0]!.toUpperCase()}${k.slice(1)}`;
    share(`procurement.${sme}.share`, `${describe(`procurement.${k}`)}授予中小企业合同金额占比`, `procurement.${sme}`, `procurement.${k}`);
  }

  // 预算绩效.
  share('performance.projectAmount.share', '绩效自评项目资金占一般公共预算项目支出比重', 'performance.projectAmount', 'gpbExpenditure.project');
  const perf = data.performance;
  const evaluations: [string, NonNullable<typeof perf>['department']][] = [
    ['performance.department', perf?.department],
    ...(perf?.projects ?? []).map((p, i) => [`performance.project.${i + 1}`, p] as [string, typeof p]),
  ];
  for (const [prefix, e] of evaluations) {
    if (!e) continue;
    amount(`${prefix}.budgetInitial`, `${e.name} 年初预算数`, money(e.budgetInitial));
    amount(`${prefix}.budget`, `${e.name} 全年预算数`, money(e.budget));
    amount(`${prefix}.executed`, `${e.name} 全年执行数`, money(e.executed));
    share(`${prefix}.rate`, `${e.name} 预算执行率`, `${prefix}.executed`, `${prefix}.budget`);
  }
  return figures;
}

function labelOf(figures: Figures, name: string): string {
  return figures.get(name)?.label ?? name;
}

const DESCRIPTIONS: Record<string, string> = {
  ...LABELS,
  'income.fiscal': '财政拨款收入',
  'income.superior': '上级补助收入',
  'income.business': '事业收入',
  'income.operating': '经营收入',
  'income.affiliated': '附属单位上缴收入',
  'income.other': '其他收入',
  'expenditure.basic': '基本支出',
  'expenditure.project': '项目支出',
  'expenditure.toSuperior': '上缴上级支出',
  'expenditure.operating': '经营支出',
  'expenditure.toAffiliated': '对附属单位补助支出',
  'gpbExpenditure.basic': '一般公共预算财政拨款基本支出',
  'gpbExpenditure.project': '一般公共预算财政拨款项目支出',
  'budget.total': '一般公共预算财政拨款支出年初预算',
  'threePublic.budget': '“三公”经费预算数',
  'procurement.total': '政府采购支出总额',
  'procurement.goods': '政府采购货物支出',
  'procurement.works': '政府采购工程支出',
  'procurement.services': '政府采购服务支出',
  'procurement.sme': '授予中小企业合同金额',
  'procurement.small': '授予小微企业合同金额',
  'procurement.smeGoods': '货物采购授予中小企业合同金额',
  'procurement.smeWorks': '工程采购授予中小企业合同金额',
  'procurement.smeServices': '服务采购授予中小企业合同金额',
  'performance.projectAmount': '绩效自评项目资金',
  'threePublic.domesticReception': '国内公务接待费',
  'threePublic.foreignReception': '外宾接待费',
  govFundExpenditure: '政府性基金预算财政拨款支出',
  govFundOpening: '政府性基金预算财政拨款年初结转和结余',
  govFundClosing: '政府性基金预算财政拨款年末结转和结余',
  soeExpenditure: '国有资本经营预算财政拨款支出',
};

function describe(name: string): string {
  if (DESCRIPTIONS[name]) return DESCRIPTIONS[name];
  let m = /^gpbClass\.(\d+)$/.exec(name);
  if (m) return `${m[1]} 类一般公共预算财政拨款支出`;
  m = /^item\.(\d+)\.(budget|actual)$/.exec(name);
  if (m) return `${m[1]} ${m[2] === 'budget' ? '年初预算' : '支出决算'}`;
  m = /^econ\.(\d+)$/.exec(name);
  if (m) return `经济分类 ${m[1]}`;
  m = /^threePublic\.(\w+)\.(budget|actual)$/.exec(name);
  if (m) return `${THREE_PUBLIC_ITEMS[m[1] as keyof typeof THREE_PUBLIC_ITEMS] ?? m[1]}${m[2] === 'budget' ? '预算数' : '决算数'}`;
  return name;
}

/** What a figure's printed form depends on: its kind, value and text (the pages across bureaus keep only this, keyedYear()). */
export type FigureValue = Pick<Figure, 'kind' | 'value' | 'text'>;

/** A figure as shown on the page: amounts "1,234.07", percents "84.5%" (template decimals), unknown "—". */
export function formatFigure(f: FigureValue, data: Pick<BureauYear, 'template'>): string {
  if (f.kind === 'text') return f.text ?? '—';
  if (f.value === null) return '—';
  return f.kind === 'percent' ? formatPercent(f.value, percentDecimals(data)) : formatAmount(f.value);
}
