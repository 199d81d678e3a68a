/**
 * Comparisons across years and across bureaus, computed from the figures of
 * `analyse()` and the classification:
 *
 * - a bureau over its years: each of the nine tables side by side by year,
 *   with the change on the column before, and a chart of each table's total.
 *   Real bureau-years come first; a year known only from the `prior`
 *   comparatives of the next year's document is a column labelled 上年数;
 * - bureaus side by side in one year: totals, shares and per-capita figures;
 * - a functional subject (类/款/项) across every bureau-year, matched by its
 *   current code (`replaces` in the classification) so a renamed or re-coded
 *   subject stays one row;
 * - 三公 and 机关运行经费 across bureaus, one table per year.
 *
 * Pure functions; pages only render what they return (texts are formatted here).
 */
import type { Classification } from './classification.ts';
import type { ChartSpec } from './charts.ts';
import type { Disclosure } from './disclosure.ts';
import { formatFigure, tableData, THREE_PUBLIC_ITEMS, type FigureValue } from './figures.ts';
import { D, changePercent, formatAmount, formatPercent, minus, money, ratio, sumPrinted, type Dec, type Maybe } from './money.ts';
import type { Bureau, BureauYear, Table01, Table04, Table06, Table09, TableKey } from './schema.ts';
import { CODE_LENGTHS } from './classification.ts';
import {
  FUNCTIONAL_COLUMNS,
  TABLE_TITLES,
  T01_EXPENDITURE_LINES,
  T01_INCOME_LINES,
  T04_EXPENDITURE_LINES,
  T04_INCOME_LINES,
  TOTAL_LINES,
  type FunctionalTableKey,
} from './tables.ts';
import { compareText } from './order.ts';

const UNKNOWN = '—';
const text = (v: Maybe<Dec>) => (v === null ? UNKNOWN : formatAmount(v));
const num = (v: Maybe<Dec>) => (v === null ? null : v.toNumber());
/** A signed change: "+50.26", "−35.04", "0.00"; unknown "—". */
export function signedAmount(v: Maybe<Dec>): string {
  if (v === null) return UNKNOWN;
  if (v.isZero()) return '0.00';
  return `${v.isNegative() ? '−' : '+'}${formatAmount(v.abs())}`;
}
/** A signed percentage: "+4.2%", "−3.0%"; no base or unknown "—". */
export function signedPercent(v: Maybe<Dec>): string {
  if (v === null) return UNKNOWN;
  const t = formatPercent(v.abs());
  return v.isZero() ? t : `${v.isNegative() ? '−' : '+'}${t}`;
}

// ---------------------------------------------------------------------------
// A bureau over its years

/** A column of a bureau's year-by-year comparison. */
export interface Period {
  year: string;
  /** own: the bureau-year's disclosure; prior: only the 上年数 stated by the next year's disclosure. */
  source: 'own' | 'prior';
  /** For prior: the year whose disclosure states these figures. */
  statedBy?: string;
  /** Column heading: "2023年度" or "2022年度（上年数）". */
  label: string;
}

export interface ComparedCell {
  amount: string;
  /** Change on the column before (signed), "" in the first column. */
  change: string;
  changePct: string;
}

export interface ComparedRow {
  key: string;
  label: string;
  /** 0 = 类 / top line, 1 = 款, 2 = 项 (for indenting). */
  level: number;
  total: boolean;
  /** A renamed subject or a changed code, e.g. "2018年度名称：医疗卫生与计划生育支出". */
  note?: string;
  /** For functional rows: the current code (links to the subject page). */
  subject?: string;
  cells: ComparedCell[];
}

export interface ComparedTable {
  key: TableKey;
  title: string;
  /** Which column of the table is compared, e.g. 本年支出合计（第1栏）. */
  measure: string;
  rows: ComparedRow[];
  /** The table's total over the years, with its data table. */
  chart: ChartSpec;
}

export interface BureauComparison {
  periods: Period[];
  tables: ComparedTable[];
  /** Where 上年数 columns come from. */
  note?: string;
}

/** One row's value in one year: label and level as printed that year. */
interface RowValue {
  label: string;
  name?: string;
  code?: string;
  level: number;
  total: boolean;
  value: Maybe<Dec>;
}
type Column = Map<string, RowValue>;
/** The shape shared by 02/03/05/07/08. */
type FunctionalData = {
  from: 'table' | 'narrative';
  summary: Record<string, string | undefined>;
  rows: ({ code: string; name: string } & Record<string, string | undefined>)[];
};

/** How a table's cells read: printed blank is nil, a table rebuilt from the narrative leaves blanks unknown. */
function reader(t: { from: 'table' | 'narrative' } | 'empty' | null) {
  return (v: string | undefined): Maybe<Dec> => {
    if (t === 'empty') return new D(0);
    if (t === null) return null;
    const m = money(v);
    if (m !== null) return m;
    return t.from === 'table' ? new D(0) : null;
  };
}

const TABLE_INFO: Record<TableKey, { title: string; measure: string; total: string; totalLabel: string }> = {
  t01: { title: TABLE_TITLES.t01, measure: '各行金额', total: 'line:30', totalLabel: '收入总计（行30）' },
  t02: { title: TABLE_TITLES.t02, measure: '本年收入合计（第1栏）', total: 'summary', totalLabel: '本年收入合计' },
  t03: { title: TABLE_TITLES.t03, measure: '本年支出合计（第1栏）', total: 'summary', totalLabel: '本年支出合计' },
  t04: { title: TABLE_TITLES.t04, measure: '收入各行；支出各行的合计栏', total: 'in:32', totalLabel: '财政拨款收入总计（行32）' },
  t05: { title: TABLE_TITLES.t05, measure: '小计（第1栏）', total: 'summary', totalLabel: '一般公共预算财政拨款支出合计' },
  t06: { title: TABLE_TITLES.t06, measure: '决算数', total: 'basicTotal', totalLabel: '人员经费与公用经费合计' },
  t07: { title: TABLE_TITLES.t07, measure: '本年支出小计（第3栏）', total: 'summary', totalLabel: '政府性基金预算财政拨款支出合计' },
  t08: { title: TABLE_TITLES.t08, measure: '合计（第1栏）', total: 'summary', totalLabel: '国有资本经营预算财政拨款支出合计' },
  t09: { title: TABLE_TITLES.t09, measure: '预算数合计与决算数', total: 'actual:total', totalLabel: '“三公”经费决算数合计' },
};
export const COMPARED_TABLES = Object.keys(TABLE_INFO) as TableKey[];

function lineColumn(lines: Record<number, string>, totals: Set<number>, prefix: string, read: (n: number) => Maybe<Dec>, out: Column) {
  for (const [n, label] of Object.entries(lines)) {
    const line = Number(n);
    out.set(`${prefix}:${line}`, { label: `${label}（行${line}）`, level: 0, total: totals.has(line), value: read(line) });
  }
}

/** The values of one table of one bureau-year, keyed by row. */
export function tableColumn(data: BureauYear, key: TableKey, classification: Classification): Column {
  const out: Column = new Map();
  switch (key) {
    case 't01': {
      const t = tableData<Table01>(data.tables.t01);
      const read = reader(t);
      const get = (n: number) => read(t && t !== 'empty' ? t.lines[String(n)] : undefined);
      lineColumn({ ...T01_INCOME_LINES, ...T01_EXPENDITURE_LINES }, TOTAL_LINES.t01, 'line', get, out);
      return out;
    }
    case 't04': {
      const t = tableData<Table04>(data.tables.t04);
      const read = reader(t);
      lineColumn(T04_INCOME_LINES, TOTAL_LINES.t04, 'in', (n) => read(t && t !== 'empty' ? t.income[String(n)] : undefined), out);
      lineColumn(T04_EXPENDITURE_LINES, TOTAL_LINES.t04, 'out', (n) => read(t && t !== 'empty' ? t.expenditure[String(n)]?.total : undefined), out);
      return out;
    }
    case 't06': {
      const t = tableData<Table06>(data.tables.t06);
      const read = reader(t);
      const d = t && t !== 'empty' ? t : undefined;
      const personnel = read(d?.personnelTotal);
      const pub = read(d?.publicTotal);
      out.set('basicTotal', { label: '人员经费与公用经费合计', level: 0, total: true, value: personnel === null || pub === null ? null : personnel.plus(pub) });
      out.set('personnelTotal', { label: '人员经费合计', level: 0, total: true, value: personnel });
      for (const row of d?.personnel ?? []) economicRow(out, row, read, classification);
      out.set('publicTotal', { label: '公用经费合计', level: 0, total: true, value: pub });
      for (const row of d?.public ?? []) economicRow(out, row, read, classification);
      return out;
    }
    case 't09': {
      const t = tableData<Table09>(data.tables.t09);
      const read = reader(t);
      const d = t && t !== 'empty' ? t : undefined;
      out.set('budget:total', { label: '预算数 合计', level: 0, total: true, value: read(d?.budget.total) });
      out.set('actual:total', { label: '决算数 合计', level: 0, total: true, value: read(d?.actual.total) });
      for (const [item, label] of Object.entries(THREE_PUBLIC_ITEMS)) {
        const level = item === 'vehiclePurchase' || item === 'vehicleOperation' ? 2 : 1;
        out.set(`actual:${item}`, { label: `决算数 ${label}`, level, total: false, value: read(d?.actual[item as keyof typeof THREE_PUBLIC_ITEMS]) });
      }
      return out;
    }
    default: {
      const fk = key as FunctionalTableKey;
      const t = tableData(data.tables[fk] as FunctionalData | { empty: string } | { notProvided: string } | undefined);
      const read = reader(t);
      const d = t && t !== 'empty' ? t : undefined;
      const col = FUNCTIONAL_COLUMNS[fk].find((c) => c.key === 'total')!.key;
      out.set('summary', { label: '合计', level: 0, total: true, value: read(d?.summary[col]) });
      for (const row of d?.rows ?? []) {
        const current = classification.currentCode('functional', row.code);
        const level = Math.max(0, CODE_LENGTHS.functional.indexOf(row.code.length));
        out.set(`code:${current}`, { label: row.name, name: row.name, code: row.code, level, total: false, value: read(row[col]) });
      }
      return out;
    }
  }
}

function economicRow(out: Column, row: { code: string; name: string; amount?: string | undefined }, read: (v: string | undefined) => Maybe<Dec>, c: Classification) {
  const current = c.currentCode('economic', row.code);
  out.set(`econ:${current}`, { label: row.name, name: row.name, code: row.code, level: row.code.length <= 3 ? 1 : 2, total: false, value: read(row.amount) });
}

/** The rows a year's `prior` comparatives fill, per table. */
export function priorColumn(prior: NonNullable<BureauYear['prior']>, key: TableKey): Map<string, Maybe<Dec>> {
  const m = (v: string | undefined) => money(v);
  const out = new Map<string, Maybe<Dec>>();
  const set = (k: string, v: string | undefined) => {
    if (v !== undefined) out.set(k, m(v));
  };
  switch (key) {
    case 't01':
      set('line:30', prior.grandTotal);
      set('line:60', prior.grandTotal);
      set('line:27', prior.incomeTotal);
      set('line:57', prior.expenditureTotal);
      set('line:29', prior.openingBalance);
      set('line:59', prior.closingBalance);
      set('line:1', prior.gpbIncome);
      set('line:2', prior.govFundIncome);
      set('line:3', prior.soeIncome);
      break;
    case 't02':
      set('summary', prior.incomeTotal);
      break;
    case 't03':
      set('summary', prior.expenditureTotal);
      break;
    case 't04':
      set('in:32', prior.fiscalGrandTotal);
      set('out:64', prior.fiscalGrandTotal);
      set('in:1', prior.gpbIncome);
      set('in:2', prior.govFundIncome);
      set('in:3', prior.soeIncome);
      break;
    case 't05':
      set('summary', prior.gpbExpenditure);
      break;
    case 't06':
      set('personnelTotal', prior.personnel);
      set('publicTotal', prior.public);
      if (prior.personnel !== undefined && prior.public !== undefined) out.set('basicTotal', m(prior.personnel)!.plus(m(prior.public)!));
      for (const e of prior.economic) set(`econ:${e.code}`, e.amount);
      break;
    case 't09':
      set('actual:total', prior.threePublic);
      for (const [item, v] of Object.entries(prior.threePublicItems ?? {})) set(`actual:${item}`, v);
      break;
    default:
      break;
  }
  return out;
}

/** The periods of a bureau: its own years, and years known only as 上年数 of the year after. */
export function comparisonPeriods(disclosures: readonly Pick<Disclosure, 'year' | 'data'>[]): Period[] {
  const own = new Set(disclosures.map((d) => d.year));
  const periods: Period[] = disclosures.map((d) => ({ year: d.year, source: 'own' as const, label: `${d.year}年度` }));
  for (const d of disclosures) {
    const p = d.data.prior;
    if (!p || own.has(p.year) || periods.some((x) => x.year === p.year)) continue;
    periods.push({ year: p.year, source: 'prior', statedBy: d.year, label: `${p.year}年度（上年数）` });
  }
  return periods.sort((a, b) => compareText(a.year, b.year));
}

function rowOrder(key: string): [number, string] {
  const m = /^(line|in|out):(\d+)$/.exec(key);
  if (m) return [m[1] === 'out' ? 1000 + Number(m[2]) : Number(m[2]), ''];
  return [0, key];
}

/**
 * A bureau's nine tables side by side by year. Rows are matched across years
 * by line number, or by the subject's current code; the label is the newest
 * name, and a note keeps the earlier names and codes.
 */
export function compareBureauYears(disclosures: readonly Disclosure[], classification: Classification): BureauComparison {
  const sorted = [...disclosures].sort((a, b) => compareText(a.year, b.year));
  const periods = comparisonPeriods(sorted);
  const byYear = new Map(sorted.map((d) => [d.year, d]));
  const tables: ComparedTable[] = [];
  for (const key of COMPARED_TABLES) {
    const columns: (Column | Map<string, Maybe<Dec>>)[] = periods.map((p) =>
      p.source === 'own' ? tableColumn(byYear.get(p.year)!.data, key, classification) : priorColumn(byYear.get(p.statedBy!)!.data.prior!, key),
    );
    // Row identity and label from the newest own year that has the row.
    const info = new Map<string, RowValue>();
    const names = new Map<string, { year: string; name?: string; code?: string }[]>();
    periods.forEach((p, i) => {
      const col = columns[i]!;
      if (p.source !== 'own') return;
      for (const [k, v] of col as Column) {
        info.set(k, v);
        if (v.name !== undefined) names.set(k, [...(names.get(k) ?? []), { year: p.year, name: v.name, ...(v.code ? { code: v.code } : {}) }]);
      }
    });
    const valueAt = (i: number, k: string): Maybe<Dec> => {
      const col = columns[i]!;
      const v = col.get(k);
      if (periods[i]!.source === 'prior') return (v as Maybe<Dec> | undefined) ?? null;
      if (v !== undefined) return (v as RowValue).value;
      // A subject not printed in a year's printed table is nil there; unknown when the table is not in the data.
      return tablePresent(byYear.get(periods[i]!.year)!.data, key) ? new D(0) : null;
    };
    const keys = [...info.keys()].filter((k) => {
      const r = info.get(k)!;
      if (r.total || k.startsWith('code:') || k.startsWith('econ:') || k.startsWith('actual:') || k.startsWith('budget:')) return true;
      // Unnamed or empty template lines are left out when no year has an amount on them.
      return periods.some((_, i) => {
        const v = valueAt(i, k);
        return v !== null && !v.isZero();
      });
    });
    keys.sort((a, b) => {
      const [na, sa] = rowOrder(a);
      const [nb, sb] = rowOrder(b);
      if (na !== nb) return na - nb;
      if (a.startsWith('code:') && b.startsWith('code:')) return compareText(a, b);
      return 0;
    });
    const rows: ComparedRow[] = keys.map((k) => {
      const r = info.get(k)!;
      const values = periods.map((_, i) => valueAt(i, k));
      const cells = values.map((v, i) => {
        if (i === 0) return { amount: text(v), change: '', changePct: '' };
        const prev = values[i - 1]!;
        return { amount: text(v), change: signedAmount(minus(v, prev)), changePct: signedPercent(changePercent(v, prev)) };
      });
      const history = names.get(k) ?? [];
      const latest = history[history.length - 1];
      const current = k.startsWith('code:') || k.startsWith('econ:') ? k.split(':')[1]! : undefined;
      const notes: string[] = [];
      for (const h of history) {
        if (h.name !== latest?.name) notes.push(`${h.year}年度名称：${h.name}`);
        if (h.code && current && h.code !== current) notes.push(`${h.year}年度编码：${h.code}`);
      }
      const label = current && latest ? `${current} ${latest.name}` : r.label;
      return {
        key: k,
        label,
        level: r.level,
        total: r.total,
        ...(notes.length ? { note: notes.join('；') } : {}),
        ...(k.startsWith('code:') ? { subject: current! } : {}),
        cells,
      };
    });
    const t = TABLE_INFO[key];
    const totals = periods.map((_, i) => valueAt(i, t.total));
    const chart: ChartSpec = {
      id: `compare-${key}`,
      title: `${t.title.replace(/^公开(\d+)表 /, '$1表 ')}：${t.totalLabel}`,
      kind: 'bar',
      categories: periods.map((p) => p.label),
      series: [{ label: `${t.totalLabel}（万元）`, values: totals.map(num), text: totals.map(text) }],
      drawable: totals.some((v) => v !== null),
      summary: `${t.totalLabel}：${periods.map((p, i) => `${p.label} ${text(totals[i]!)} 万元`).join('，')}。`,
      table: { columns: ['年度', `${t.totalLabel}（万元）`], rows: periods.map((p, i) => ({ header: p.label, cells: [text(totals[i]!)] })) },
    };
    tables.push({ key, title: t.title, measure: t.measure, rows, chart });
  }
  const stated = periods.filter((p) => p.source === 'prior');
  return {
    periods,
    tables,
    ...(stated.length ? { note: `${stated.map((p) => `${p.year}年度“上年数”取自 ${p.statedBy} 年度决算公开所列上年数，只有其列明的合计数，其余为“—”`).join('；')}。` } : {}),
  };
}

function tablePresent(data: BureauYear, key: TableKey): boolean {
  const t = data.tables[key];
  if (t === undefined) return false;
  if ('notProvided' in t) return false;
  if ('empty' in t) return true;
  return (t as { from?: string }).from !== 'narrative';
}

// ---------------------------------------------------------------------------
// Bureaus side by side in one year

export interface CompareMeasure {
  key: string;
  label: string;
  unit: '万元' | '%' | '人' | '万元/人';
}

/** The columns of the bureau comparison, in order. */
export const COMPARE_MEASURES: readonly CompareMeasure[] = [
  { key: 'grandTotal', label: '收、支总计', unit: '万元' },
  { key: 'incomeTotal', label: '本年收入合计', unit: '万元' },
  { key: 'income.fiscal.share', label: '财政拨款收入占本年收入比重', unit: '%' },
  { key: 'expenditureTotal', label: '本年支出合计', unit: '万元' },
  { key: 'expenditureTotal.yearShare', label: '占本年度各部门本年支出之和比重', unit: '%' },
  { key: 'expenditure.basic', label: '基本支出', unit: '万元' },
  { key: 'expenditure.basic.share', label: '基本支出占本年支出比重', unit: '%' },
  { key: 'expenditure.project', label: '项目支出', unit: '万元' },
  { key: 'expenditure.project.share', label: '项目支出占本年支出比重', unit: '%' },
  { key: 'gpbExpenditure', label: '一般公共预算财政拨款支出', unit: '万元' },
  { key: 'personnel', label: '人员经费', unit: '万元' },
  { key: 'public', label: '公用经费', unit: '万元' },
  { key: 'threePublic.actual', label: '“三公”经费决算数', unit: '万元' },
  { key: 'operatingCost', label: '机关运行经费', unit: '万元' },
  { key: 'staff', label: '在职人数', unit: '人' },
  { key: 'perCapita.expenditure', label: '人均本年支出', unit: '万元/人' },
  { key: 'perCapita.personnel', label: '人均人员经费', unit: '万元/人' },
  { key: 'perCapita.public', label: '人均公用经费', unit: '万元/人' },
];

export interface BureauYearRow {
  bureauId: string;
  name: string;
  shortName: string;
  /** Cells in the order of COMPARE_MEASURES, formatted. */
  cells: string[];
}

export interface YearComparison {
  year: string;
  measures: readonly CompareMeasure[];
  rows: BureauYearRow[];
  notes: string[];
}

/** What the pages across bureaus read of a bureau-year's data: its template (how percentages are rounded), staff and 机关运行经费's comparison. */
export type KeyedData = Pick<BureauYear, 'template' | 'staff' | 'operatingCost'>;

/**
 * A bureau-year as the pages across bureaus read it: what they read of its
 * data and those of its figures they show. A Disclosure is one; keyedYear()
 * makes a small one that can be kept for every bureau-year of a large site.
 */
export type KeyedYear = Pick<Disclosure, 'bureauId' | 'year'> & { readonly data: KeyedData; readonly figures: ReadonlyMap<string, FigureValue> };

/** Only what the pages across bureaus read of `data` (KeyedData). */
export function keyedData(data: BureauYear): KeyedData {
  return {
    template: data.template,
    ...(data.staff ? { staff: data.staff } : {}),
    ...(data.operatingCost ? { operatingCost: data.operatingCost } : {}),
  };
}

/** The figures read by compareBureaus and topicYears. */
export function crossBureauFigures(): string[] {
  const names = new Set<string>(['expenditureTotal', 'personnel', 'public']);
  for (const m of COMPARE_MEASURES) names.add(m.key);
  for (const t of Object.values(TOPICS)) for (const c of t.columns) names.add(c.figure);
  return [...names];
}

/** `d` with only the figures the pages across bureaus read (about 30 of its 300). */
export function keyedYear(d: Pick<Disclosure, 'bureauId' | 'year' | 'data' | 'figures'>, names: readonly string[] = crossBureauFigures()): KeyedYear {
  const figures = new Map<string, FigureValue>();
  for (const name of names) {
    const f = d.figures.get(name);
    if (f) figures.set(name, { kind: f.kind, value: f.value, ...(f.text !== undefined ? { text: f.text } : {}) });
  }
  return { bureauId: d.bureauId, year: d.year, data: keyedData(d.data), figures };
}

/** The head count per-capita figures divide by: 在职人数, else 年末实有人数. */
export function staffCount(data: Pick<BureauYear, 'staff'>): number | undefined {
  return data.staff?.inService ?? data.staff?.actual;
}

/** Every bureau of one year side by side; shares and per-capita figures computed here. */
export function compareBureaus(
  year: string,
  disclosures: readonly KeyedYear[],
  bureaus: ReadonlyMap<string, Pick<Bureau, 'name' | 'shortName'>>,
): YearComparison {
  const list = disclosures.filter((d) => d.year === year).sort((a, b) => compareText(a.bureauId, b.bureauId));
  const value = (d: KeyedYear, name: string): Maybe<Dec> => d.figures.get(name)?.value ?? null;
  const known = list.map((d) => value(d, 'expenditureTotal')).filter((v): v is Dec => v !== null);
  const yearTotal = sumPrinted(known);
  const unknownTotals = list.length - known.length;
  const rows = list.map((d) => {
    const staff = staffCount(d.data);
    const head = staff === undefined ? null : new D(staff);
    const perCapita = (name: string) => (head === null || head.isZero() ? null : (value(d, name) === null ? null : value(d, name)!.div(head)));
    const cells = COMPARE_MEASURES.map((m) => {
      switch (m.key) {
        case 'staff':
          return staff === undefined ? UNKNOWN : String(staff);
        case 'expenditureTotal.yearShare':
          return formatPercent(ratio(value(d, 'expenditureTotal'), yearTotal));
        case 'perCapita.expenditure':
          return text(perCapita('expenditureTotal'));
        case 'perCapita.personnel':
          return text(perCapita('personnel'));
        case 'perCapita.public':
          return text(perCapita('public'));
        default: {
          const f = d.figures.get(m.key);
          return f ? formatFigure(f, d.data) : UNKNOWN;
        }
      }
    });
    const b = bureaus.get(d.bureauId);
    return { bureauId: d.bureauId, name: b?.name ?? d.bureauId, shortName: b?.shortName ?? d.bureauId, cells };
  });
  const notes = [
    '人均数 = 金额 ÷ 在职人数（未列明在职人数时用年末实有人数）；人数未列明时为“—”。',
    `“占本年度各部门本年支出之和比重”以本站 ${year} 年度全部 ${list.length} 个部门${unknownTotals ? `中列明本年支出合计的 ${known.length} 个` : ''}之和（${text(yearTotal)} 万元）为分母。`,
  ];
  return { year, measures: COMPARE_MEASURES, rows, notes };
}

// ---------------------------------------------------------------------------
// Functional subjects across bureau-years

/** One bureau-year's row of a subject. */
export interface SubjectUse {
  bureauId: string;
  year: string;
  /** Code and name as printed that year. */
  code: string;
  name: string;
  /** 03表 本年支出合计 and 05表 一般公共预算财政拨款支出 of the subject. */
  expenditure: Maybe<Dec>;
  gpb: Maybe<Dec>;
}

/**
 * Every subject used by any bureau-year, keyed by its current code. The cost
 * is one entry per printed row: constant per bureau-year.
 */
export function subjectUses(disclosures: readonly Disclosure[], classification: Classification): Map<string, SubjectUse[]> {
  const out = new Map<string, SubjectUse[]>();
  for (const d of disclosures) {
    const t03 = tableColumn(d.data, 't03', classification);
    const t05 = tableColumn(d.data, 't05', classification);
    const keys = new Set([...t03.keys(), ...t05.keys()].filter((k) => k.startsWith('code:')));
    for (const k of keys) {
      const a = t03.get(k);
      const b = t05.get(k);
      const printed = (a ?? b)!;
      const use: SubjectUse = {
        bureauId: d.bureauId,
        year: d.year,
        code: printed.code!,
        name: printed.name!,
        expenditure: a ? a.value : tablePresent(d.data, 't03') ? new D(0) : null,
        gpb: b ? b.value : tablePresent(d.data, 't05') ? new D(0) : null,
      };
      const code = k.slice(5);
      const list = out.get(code);
      if (list) list.push(use);
      else out.set(code, [use]);
    }
  }
  return out;
}

export interface SubjectRef {
  code: string;
  name: string;
}

export interface SubjectYearSummary {
  year: string;
  /** Name the subject holds that year (classification, else as printed). */
  name: string;
  bureauYears: number;
  expenditure: string;
  gpb: string;
  /** Bureau-years whose amount is unknown (left out of the sums). */
  unknown: number;
}

export interface SubjectSummary {
  code: string;
  /** Newest name. */
  name: string;
  level: 0 | 1 | 2;
  /** Every name the subject held, with its years, oldest first (classification entries and the printed names). */
  names: { name: string; years: string }[];
  formerCodes: string[];
  parents: SubjectRef[];
  children: SubjectRef[];
  years: SubjectYearSummary[];
}

function yearsText(from?: number, until?: number): string {
  if (from === undefined && until === undefined) return '各年度';
  if (from === undefined) return `${until} 年度及以前`;
  if (until === undefined) return `${from} 年度起`;
  return from === until ? `${from} 年度` : `${from}—${until} 年度`;
}

const sumKnown = (values: Maybe<Dec>[]) => sumPrinted(values);

/** Subject summaries for every used code and its 类/款 above, keyed by current code. */
export function subjectSummaries(uses: ReadonlyMap<string, readonly SubjectUse[]>, classification: Classification): Map<string, SubjectSummary> {
  const codes = new Set<string>();
  for (const code of uses.keys()) {
    codes.add(code);
    if (code.length >= 5) codes.add(code.slice(0, 3));
    if (code.length >= 7) codes.add(code.slice(0, 5));
  }
  const out = new Map<string, SubjectSummary>();
  const yearsOf = (code: string) => [...new Set((uses.get(code) ?? []).map((u) => u.year))].sort();
  for (const code of codes) {
    const list = uses.get(code) ?? [];
    const entries = classification.entries('functional', code);
    const printedNames = [...new Set(list.map((u) => u.name))];
    const newestYear = yearsOf(code).at(-1);
    const name =
      (newestYear && classification.nameOf('functional', code, newestYear)) ||
      [...entries].sort((a, b) => (b.from ?? 0) - (a.from ?? 0))[0]?.name ||
      list.at(-1)?.name ||
      code;
    const names = entries.length
      ? [...entries].sort((a, b) => (a.from ?? 0) - (b.from ?? 0)).map((e) => ({ name: e.name, years: yearsText(e.from, e.until) }))
      : printedNames.map((n) => ({ name: n, years: [...new Set(list.filter((u) => u.name === n).map((u) => u.year))].join('、') + ' 年度（按原文）' }));
    const level = (code.length <= 3 ? 0 : code.length <= 5 ? 1 : 2) as 0 | 1 | 2;
    const parents: SubjectRef[] = [];
    if (level >= 1) parents.push(ref(code.slice(0, 3)));
    if (level === 2) parents.push(ref(code.slice(0, 5)));
    const children = [...codes]
      .filter((c) => c.length === (level === 0 ? 5 : 7) && c.startsWith(code) && level < 2)
      .sort()
      .map(ref);
    const years = yearsOf(code).map((year) => {
      const ys = list.filter((u) => u.year === year);
      const unknown = ys.filter((u) => u.expenditure === null && u.gpb === null).length;
      return {
        year,
        name: classification.nameOf('functional', code, year) ?? ys[0]?.name ?? name,
        bureauYears: ys.length,
        expenditure: text(sumKnown(ys.map((u) => u.expenditure))),
        gpb: text(sumKnown(ys.map((u) => u.gpb))),
        unknown,
      };
    });
    out.set(code, { code, name, level, names, formerCodes: classification.formerCodes('functional', code), parents, children, years });
  }
  function ref(c: string): SubjectRef {
    const list = uses.get(c) ?? [];
    const y = [...new Set(list.map((u) => u.year))].sort().at(-1);
    return { code: c, name: (y && classification.nameOf('functional', c, y)) || classification.entries('functional', c).at(-1)?.name || list.at(-1)?.name || c };
  }
  return out;
}

export interface SubjectYearRow {
  bureauId: string;
  year: string;
  /** As printed that year. */
  code: string;
  name: string;
  expenditure: string;
  gpb: string;
}

/** The bureaus of one subject in one year, largest 03表 amount first. */
export function subjectYearRows(uses: readonly SubjectUse[], year: string): { rows: SubjectYearRow[]; expenditure: string; gpb: string } {
  const ys = uses.filter((u) => u.year === year);
  const sorted = [...ys].sort((a, b) => {
    const x = a.expenditure ?? new D(-1);
    const y = b.expenditure ?? new D(-1);
    return y.comparedTo(x) || compareText(a.bureauId, b.bureauId);
  });
  return {
    rows: sorted.map((u) => ({ bureauId: u.bureauId, year: u.year, code: u.code, name: u.name, expenditure: text(u.expenditure), gpb: text(u.gpb) })),
    expenditure: text(sumKnown(ys.map((u) => u.expenditure))),
    gpb: text(sumKnown(ys.map((u) => u.gpb))),
  };
}

// ---------------------------------------------------------------------------
// 三公 and 机关运行经费 across bureaus

export type TopicKey = 'three-public' | 'operating-cost';

export interface TopicYear {
  year: string;
  columns: string[];
  rows: { bureauId: string; cells: string[] }[];
  /** The sums of the amount columns over bureaus with known values ("" for columns that do not add). */
  totals: string[];
  bureauYears: number;
}

const figureText = (d: KeyedYear, name: string) => {
  const f = d.figures.get(name);
  return f ? formatFigure(f, d.data) : UNKNOWN;
};

const TOPICS: Record<TopicKey, { columns: { label: string; figure: string; adds: boolean }[] }> = {
  'three-public': {
    columns: [
      { label: '预算数合计（万元）', figure: 'threePublic.budget', adds: true },
      { label: '决算数合计（万元）', figure: 'threePublic.actual', adds: true },
      { label: '完成预算比例', figure: 'threePublic.completion', adds: false },
      ...Object.entries(THREE_PUBLIC_ITEMS).map(([k, l]) => ({ label: `${l}决算数（万元）`, figure: `threePublic.${k}.actual`, adds: true })),
      { label: '较上年增减率', figure: 'threePublic.actual.changePct', adds: false },
    ],
  },
  'operating-cost': {
    columns: [
      { label: '机关运行经费（万元）', figure: 'operatingCost', adds: true },
      { label: '比较基数（万元）', figure: 'operatingCost.previous', adds: false },
      { label: '变动方向', figure: 'operatingCost.direction', adds: false },
      { label: '变动率', figure: 'operatingCost.changePct', adds: false },
    ],
  },
};

/** One topic (三公 or 机关运行经费) across the bureaus of each year, newest year first. */
export function topicYears(topic: TopicKey, disclosures: readonly KeyedYear[]): TopicYear[] {
  const spec = TOPICS[topic];
  const years = [...new Set(disclosures.map((d) => d.year))].sort().reverse();
  return years.map((year) => {
    const list = disclosures.filter((d) => d.year === year).sort((a, b) => compareText(a.bureauId, b.bureauId));
    const columns = spec.columns.map((c) => c.label);
    if (topic === 'operating-cost') columns[1] = '比较基数（年初预算或上年，万元）';
    const rows = list.map((d) => ({
      bureauId: d.bureauId,
      cells: spec.columns.map((c) => {
        const t = figureText(d, c.figure);
        if (topic === 'operating-cost' && c.figure === 'operatingCost.previous' && t !== UNKNOWN) {
          return `${t}（${d.data.operatingCost?.comparedWith === 'budget' ? '年初预算' : '上年'}）`;
        }
        return t;
      }),
    }));
    const totals = spec.columns.map((c) => (c.adds ? text(sumKnown(list.map((d) => d.figures.get(c.figure)?.value ?? null))) : ''));
    return { year, columns, rows, totals, bureauYears: list.length };
  });
}
