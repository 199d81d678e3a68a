/**
 * What the charts show, computed from the figures of `analyse()`: the
 * template's 图1–图4 of a bureau-year and the multi-year trends of a bureau.
 *
 * A chart spec carries the plotted numbers, the same numbers formatted for
 * people (tooltips, the data table, the text summary) and whether the chart
 * can be drawn at all. A chart whose data is unknown is not drawn: the page
 * says 数据不全，无法绘制 instead of plotting zeros.
 */
import type { Disclosure } from './disclosure.ts';
import { EXPENDITURE_COLUMNS, INCOME_SOURCES, formatFigure, tableData, type Figure } from './figures.ts';
import { D, formatAmount, sum, type Dec, type Maybe } from './money.ts';
import { roundingTolerance } from './findings.ts';
import type { Table05 } from './schema.ts';
import { compareText } from './order.ts';

export type ChartKind = 'bar' | 'doughnut';

export interface ChartSeries {
  label: string;
  /** Plotted values in 万元; null is unknown (a gap, never a zero). */
  values: (number | null)[];
  /** The same values as printed, for tooltips. */
  text: string[];
}

export interface ChartTable {
  columns: string[];
  rows: { header: string; cells: string[] }[];
}

export interface ChartSpec {
  /** Element id, e.g. "fig-1" or "trend-total". */
  id: string;
  /** 图1–图4 for a bureau-year's template charts. */
  n?: number;
  title: string;
  kind: ChartKind;
  stacked?: boolean;
  categories: string[];
  series: ChartSeries[];
  /** False when the numbers needed are unknown: the page shows 数据不全，无法绘制. */
  drawable: boolean;
  /** One or two sentences saying what the chart shows, for the figcaption. */
  summary: string;
  /** The chart's numbers as a table (always printed, for screen readers, print and no-JS readers). */
  table: ChartTable;
  /** A remark under the table (where figures came from, what is unknown). */
  note?: string;
}

const UNKNOWN = '—';

function num(v: Maybe<Dec>): number | null {
  return v === null ? null : v.toNumber();
}

function amountText(v: Maybe<Dec>): string {
  return v === null ? UNKNOWN : formatAmount(v);
}

function fig(d: Disclosure, name: string): Figure | undefined {
  return d.figures.get(name);
}

function value(d: Disclosure, name: string): Maybe<Dec> {
  return fig(d, name)?.value ?? null;
}

function shown(d: Disclosure, name: string): string {
  const f = fig(d, name);
  return f ? formatFigure(f, d.data) : UNKNOWN;
}

/** "增加 50.26 万元，增长 4.2%" / "减少 …，下降 …" / "持平", from the X.change / X.changePct / X.direction figures. */
export function changeSentence(d: Disclosure, name: string): string {
  const direction = fig(d, `${name}.direction`)?.text;
  if (!direction) return '';
  if (direction === '持平') return '与上年持平';
  const pct = shown(d, `${name}.changePct`);
  const verb = direction === '增加' ? '增长' : '下降';
  return `${direction} ${shown(d, `${name}.change`)} 万元${pct === UNKNOWN ? '' : `，${verb} ${pct}`}`;
}

// ---------------------------------------------------------------------------
// 图1 and 图4: this year against last year.

function changeChart(d: Disclosure, n: number, name: string, title: string, label: string): ChartSpec {
  const year = d.year;
  const prevYear = fig(d, 'previousYear')?.text ?? String(Number(year) - 1);
  const current = value(d, name);
  const previous = value(d, `${name}.previous`);
  const drawable = current !== null && previous !== null;
  const change = changeSentence(d, name);
  const summary = drawable
    ? `${year} 年度${label} ${formatAmount(current)} 万元，${prevYear} 年度 ${formatAmount(previous)} 万元，${change}。`
    : `${year} 年度${label} ${amountText(current)} 万元，${prevYear} 年度 ${amountText(previous)} 万元。数据不全，无法绘制。`;
  return {
    id: `fig-${n}`,
    n,
    title,
    kind: 'bar',
    categories: [`${prevYear}年度`, `${year}年度`],
    series: [{ label: `${label}（万元）`, values: [num(previous), num(current)], text: [amountText(previous), amountText(current)] }],
    drawable,
    summary,
    table: {
      columns: ['年度', `${label}（万元）`],
      rows: [
        { header: `${prevYear}年度`, cells: [amountText(previous)] },
        { header: `${year}年度`, cells: [amountText(current)] },
      ],
    },
    ...(d.previous ? {} : previous !== null ? { note: `${prevYear} 年度数字取自本年度决算所列上年数。` } : {}),
  };
}

// ---------------------------------------------------------------------------
// 图2 and 图3: the structure of income and expenditure.

/**
 * Whether parts with some unknown members still describe the whole: the
 * amounts are never negative, so when the known parts already add up to the
 * whole (within the rounding allowance), the unknown parts are nil.
 */
export function knownPartsCoverWhole(parts: Maybe<Dec>[], whole: Maybe<Dec>): boolean {
  if (whole === null) return false;
  const known = parts.filter((p): p is Dec => p !== null);
  if (known.length === parts.length) return true;
  const total = sum(known) ?? new D(0);
  return total.minus(whole).abs().lessThanOrEqualTo(new D(roundingTolerance(known.length)));
}

function structureChart(
  d: Disclosure,
  n: number,
  title: string,
  prefix: 'income' | 'expenditure',
  whole: 'incomeTotal' | 'expenditureTotal',
  wholeLabel: string,
  parts: Record<string, string>,
): ChartSpec {
  const total = value(d, whole);
  const items = Object.entries(parts).map(([key, label]) => ({
    label,
    amount: value(d, `${prefix}.${key}`),
    share: shown(d, `${prefix}.${key}.share`),
  }));
  const covered = knownPartsCoverWhole(
    items.map((i) => i.amount),
    total,
  );
  const drawable = covered && total !== null && total.greaterThan(0);
  const plotted = items.filter((i) => i.amount !== null && i.amount.greaterThan(0));
  const unknown = items.filter((i) => i.amount === null);
  const listed = plotted.map((i) => `${i.label} ${formatAmount(i.amount)} 万元，占 ${i.share}`).join('；');
  const summary = drawable
    ? `${d.year} 年度${wholeLabel} ${formatAmount(total)} 万元${listed ? `，其中${listed}` : ''}。`
    : `${d.year} 年度${wholeLabel} ${amountText(total)} 万元。数据不全，无法绘制。`;
  const note =
    unknown.length > 0
      ? drawable
        ? `${unknown.map((i) => i.label).join('、')}原文未列明；已列明部分之和等于${wholeLabel}，故其余为零。`
        : `${unknown.map((i) => i.label).join('、')}原文未列明。`
      : undefined;
  return {
    id: `fig-${n}`,
    n,
    title,
    kind: 'doughnut',
    categories: plotted.map((i) => i.label),
    series: [
      {
        label: `${wholeLabel}（万元）`,
        values: plotted.map((i) => num(i.amount)),
        text: plotted.map((i) => `${formatAmount(i.amount)} 万元（${i.share}）`),
      },
    ],
    drawable,
    summary,
    table: {
      columns: ['项目', '金额（万元）', `占${wholeLabel}比重`],
      rows: [
        ...items.map((i) => ({ header: i.label, cells: [amountText(i.amount), i.amount === null ? UNKNOWN : i.share] })),
        { header: wholeLabel, cells: [amountText(total), total === null ? UNKNOWN : '100%'] },
      ],
    },
    ...(note ? { note } : {}),
  };
}

/** The template's 图1–图4 of one bureau-year, keyed by number. */
export function disclosureCharts(d: Disclosure): Map<number, ChartSpec> {
  return new Map([
    [1, changeChart(d, 1, 'grandTotal', '图1 收、支决算总计变动情况', '收、支总计')],
    [2, structureChart(d, 2, '图2 收入决算结构', 'income', 'incomeTotal', '本年收入合计', INCOME_SOURCES)],
    [3, structureChart(d, 3, '图3 支出决算结构', 'expenditure', 'expenditureTotal', '本年支出合计', EXPENDITURE_COLUMNS)],
    [4, changeChart(d, 4, 'fiscalGrandTotal', '图4 财政拨款收、支决算总计变动情况', '财政拨款收、支总计')],
  ]);
}

// ---------------------------------------------------------------------------
// A bureau's trends over the years.

/** A year of a bureau's trend: its own disclosure, or only the comparatives the next year's document states. */
export interface TrendYear {
  year: string;
  /** The disclosure of that year, when its file exists. */
  own?: Disclosure;
  /** The next year's disclosure, whose "上年" figures give this year's numbers. */
  statedBy?: Disclosure;
}

/** The columns of a bureau's year-by-year table; figures with a `.previous` can be read from the next year. */
export const TREND_COLUMNS = [
  { name: 'grandTotal', label: '收、支总计' },
  { name: 'incomeTotal', label: '本年收入合计' },
  { name: 'expenditureTotal', label: '本年支出合计' },
  { name: 'expenditure.basic', label: '基本支出' },
  { name: 'expenditure.project', label: '项目支出' },
  { name: 'fiscalGrandTotal', label: '财政拨款收、支总计' },
  { name: 'gpbExpenditure', label: '一般公共预算财政拨款支出' },
  { name: 'threePublic.actual', label: '“三公”经费支出' },
] as const;

/** The bureau's years, oldest first, including a year known only from the next year's comparatives. */
export function trendYears(list: readonly Disclosure[]): TrendYear[] {
  const own = [...list].sort((a, b) => compareText(a.year, b.year));
  const years = new Map<string, TrendYear>(own.map((d) => [d.year, { year: d.year, own: d }]));
  for (const d of own) {
    const prevYear = fig(d, 'previousYear')?.text;
    if (!prevYear || years.has(prevYear)) continue;
    if (value(d, 'grandTotal.previous') === null) continue;
    years.set(prevYear, { year: prevYear, statedBy: d });
  }
  return [...years.values()].sort((a, b) => compareText(a.year, b.year));
}

/** A figure of a trend year: its own value, or the next year's `.previous` of it. */
export function trendValue(y: TrendYear, name: string): Maybe<Dec> {
  if (y.own) return value(y.own, name);
  if (y.statedBy && y.statedBy.figures.has(`${name}.previous`)) return value(y.statedBy, `${name}.previous`);
  return null;
}

/** 一般公共预算财政拨款支出 by 类 for one year: known 类 amounts, nil for absent 类 when the known ones cover the total. */
function classAmounts(d: Disclosure): { amounts: Map<string, Maybe<Dec>>; names: Map<string, string>; complete: boolean } {
  const amounts = new Map<string, Maybe<Dec>>();
  const names = new Map<string, string>();
  for (const [name, f] of d.figures) {
    const m = /^gpbClass\.(\d{3})$/.exec(name);
    if (m) amounts.set(m[1]!, f.value);
  }
  const t05 = tableData<Table05>(d.data.tables.t05);
  if (t05 && t05 !== 'empty') for (const row of t05.rows) if (row.code.length === 3) names.set(row.code, row.name);
  const complete = t05 === 'empty' || knownPartsCoverWhole([...amounts.values()], value(d, 'gpbExpenditure'));
  return { amounts, names, complete };
}

export interface BureauTrends {
  years: TrendYear[];
  charts: ChartSpec[];
  /** Year-by-year table of TREND_COLUMNS. */
  table: ChartTable;
  note?: string;
}

/** The trend charts and table of a bureau, from its disclosures. */
export function bureauTrends(list: readonly Disclosure[]): BureauTrends {
  const years = trendYears(list);
  const ownYears = years.filter((y) => y.own);
  const label = (y: TrendYear) => `${y.year}年度`;
  const stated = years.filter((y) => !y.own);
  const statedNote = stated.length
    ? `${stated.map((y) => `${y.year} 年度数字取自 ${y.statedBy!.year} 年度决算所列上年数`).join('；')}。`
    : undefined;

  // 收、支总计.
  const totals = years.map((y) => trendValue(y, 'grandTotal'));
  const totalChart: ChartSpec = {
    id: 'trend-total',
    title: '收、支总计',
    kind: 'bar',
    categories: years.map(label),
    series: [{ label: '收、支总计（万元）', values: totals.map(num), text: totals.map(amountText) }],
    drawable: totals.some((v) => v !== null),
    summary: `收、支总计：${years.map((y, i) => `${y.year} 年度 ${amountText(totals[i]!)} 万元`).join('，')}。`,
    table: { columns: ['年度', '收、支总计（万元）'], rows: years.map((y, i) => ({ header: label(y), cells: [amountText(totals[i]!)] })) },
    ...(statedNote ? { note: statedNote } : {}),
  };

  // 基本支出 vs 项目支出.
  const basic = ownYears.map((y) => value(y.own!, 'expenditure.basic'));
  const project = ownYears.map((y) => value(y.own!, 'expenditure.project'));
  const splitChart: ChartSpec = {
    id: 'trend-basic-project',
    title: '基本支出与项目支出',
    kind: 'bar',
    categories: ownYears.map(label),
    series: [
      { label: '基本支出（万元）', values: basic.map(num), text: basic.map(amountText) },
      { label: '项目支出（万元）', values: project.map(num), text: project.map(amountText) },
    ],
    drawable: [...basic, ...project].some((v) => v !== null),
    summary: `${ownYears
      .map((y, i) => `${y.year} 年度基本支出 ${amountText(basic[i]!)} 万元、项目支出 ${amountText(project[i]!)} 万元`)
      .join('；')}。`,
    table: {
      columns: ['年度', '基本支出（万元）', '项目支出（万元）'],
      rows: ownYears.map((y, i) => ({ header: label(y), cells: [amountText(basic[i]!), amountText(project[i]!)] })),
    },
  };

  // 一般公共预算财政拨款支出 by 类.
  const perYear = ownYears.map((y) => classAmounts(y.own!));
  const codes = [...new Set(perYear.flatMap((p) => [...p.amounts.keys()]))].sort();
  const nameOf = (code: string) => {
    for (let i = perYear.length - 1; i >= 0; i--) {
      const n = perYear[i]!.names.get(code);
      if (n) return n;
    }
    return `${code} 类`;
  };
  const classSeries = codes.map((code) => {
    const values = perYear.map((p) => (p.amounts.has(code) ? (p.amounts.get(code) ?? null) : p.complete ? new D(0) : null));
    return { code, label: `${code} ${nameOf(code)}`, values };
  });
  const incompleteYears = ownYears.filter((_, i) => !perYear[i]!.complete).map((y) => y.year);
  const classChart: ChartSpec = {
    id: 'trend-classes',
    title: '一般公共预算财政拨款支出（按支出功能分类科目类级）',
    kind: 'bar',
    stacked: true,
    categories: ownYears.map(label),
    series: classSeries.map((s) => ({ label: s.label, values: s.values.map(num), text: s.values.map(amountText) })),
    drawable: classSeries.some((s) => s.values.some((v) => v !== null)),
    summary: codes.length
      ? `${ownYears
          .map((y, i) => `${y.year} 年度：${classSeries.filter((s) => s.values[i] !== null && !s.values[i]!.isZero()).map((s) => `${nameOf(s.code)} ${amountText(s.values[i]!)} 万元`).join('，') || '数据不全'}`)
          .join('；')}。`
      : '各年度均未列明按类划分的一般公共预算财政拨款支出。数据不全，无法绘制。',
    table: {
      columns: ['年度', ...classSeries.map((s) => `${s.label}（万元）`)],
      rows: ownYears.map((y, i) => ({ header: label(y), cells: classSeries.map((s) => amountText(s.values[i]!)) })),
    },
    ...(incompleteYears.length ? { note: `${incompleteYears.join('、')} 年度按类划分的数字不全，未列明的类记为未知。` } : {}),
  };

  const table: ChartTable = {
    columns: ['年度', ...TREND_COLUMNS.map((c) => `${c.label}（万元）`)],
    rows: years.map((y) => ({
      header: label(y),
      cells: TREND_COLUMNS.map((c) => amountText(trendValue(y, c.name))),
    })),
  };
  return { years, charts: [totalChart, splitChart, classChart], table, ...(statedNote ? { note: statedNote } : {}) };
}
