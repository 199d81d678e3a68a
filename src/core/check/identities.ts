/**
 * The identities printed under each table (the 注 lines of 公开01–09表).
 * Rule ids name the checked line or column as printed: t01.line27 is
 * "27行＝（1+2+…+8）行", t02.col1 is "1栏各行=（2+…+7）栏各行".
 */
import { cell, checkIdentity, view, type Ctx, type Path, type TableView, type Term } from './context.ts';
import { FUNCTIONAL_COLUMNS, type Column, type FunctionalTableKey } from '../tables.ts';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// ---------------------------------------------------------------------------
// 01 收入支出决算总表

const T01_LABELS: Record<number, string> = {
  27: '本年收入合计',
  28: '使用非财政拨款结余',
  29: '年初结转和结余',
  30: '收入总计',
  57: '本年支出合计',
  58: '结余分配',
  59: '年末结转和结余',
  60: '支出总计',
};

export function t01Line(v: TableView<'t01'>, n: number): Term {
  const text = v.state === 'data' ? v.data.lines[String(n)] : undefined;
  return cell(v, text, `01表 行${n}${T01_LABELS[n] ? `（${T01_LABELS[n]}）` : ''}`);
}
export const t01Path = (n: number): Path => ['tables', 't01', 'lines', String(n)];

function checkT01(ctx: Ctx) {
  const v = view(ctx.entry, 't01');
  if (v.state !== 'data') return;
  const line = (n: number) => t01Line(v, n);
  const sum = (rule: string, target: number, terms: number[], formula: string) =>
    checkIdentity(ctx, { rule, path: t01Path(target), target: line(target), terms: terms.map(line), formula });
  sum('t01.line27', 27, range(1, 8), '行1+2+…+8');
  sum('t01.line30', 30, [27, 28, 29], '行27+28+29');
  sum('t01.line57', 57, range(31, 56), '行31+32+…+56');
  sum('t01.line60', 60, [57, 58, 59], '行57+58+59');
  sum('t01.line30-60', 30, [60], '行60（支出总计）');
}

// ---------------------------------------------------------------------------
// 04 财政拨款收入支出决算总表

const T04_INCOME_LABELS: Record<number, string> = {
  1: '一般公共预算财政拨款',
  2: '政府性基金预算财政拨款',
  3: '国有资本经营预算财政拨款',
  27: '本年收入合计',
  28: '年初财政拨款结转和结余',
  29: '年初结转和结余 一般公共预算财政拨款',
  30: '年初结转和结余 政府性基金预算财政拨款',
  31: '年初结转和结余 国有资本经营预算财政拨款',
  32: '收入总计',
};
export const T04_FUND_COLUMNS = [
  { key: 'total', label: '合计' },
  { key: 'gpb', label: '一般公共预算财政拨款' },
  { key: 'govFund', label: '政府性基金预算财政拨款' },
  { key: 'soe', label: '国有资本经营预算财政拨款' },
] as const;
export type FundColumn = (typeof T04_FUND_COLUMNS)[number]['key'];

export function t04Income(v: TableView<'t04'>, n: number): Term {
  const text = v.state === 'data' ? v.data.income[String(n)] : undefined;
  return cell(v, text, `04表 行${n}${T04_INCOME_LABELS[n] ? `（${T04_INCOME_LABELS[n]}）` : ''}`);
}
export function t04Expenditure(v: TableView<'t04'>, n: number, col: FundColumn): Term {
  const text = v.state === 'data' ? v.data.expenditure[String(n)]?.[col] : undefined;
  const label = T04_FUND_COLUMNS.find((c) => c.key === col)!.label;
  return cell(v, text, `04表 行${n} ${label}`);
}
export const t04IncomePath = (n: number): Path => ['tables', 't04', 'income', String(n)];
export const t04ExpenditurePath = (n: number, col: FundColumn): Path => ['tables', 't04', 'expenditure', String(n), col];

function checkT04(ctx: Ctx) {
  const v = view(ctx.entry, 't04');
  if (v.state !== 'data') return;
  const inc = (n: number) => t04Income(v, n);
  const incSum = (rule: string, target: number, terms: number[], formula: string) =>
    checkIdentity(ctx, { rule, path: t04IncomePath(target), target: inc(target), terms: terms.map(inc), formula });
  incSum('t04.line27', 27, [1, 2, 3], '行1+2+3');
  incSum('t04.line28', 28, [29, 30, 31], '行29+30+31');
  incSum('t04.line32', 32, [27, 28], '行27+28');

  for (const { key } of T04_FUND_COLUMNS) {
    const exp = (n: number) => t04Expenditure(v, n, key);
    checkIdentity(ctx, { rule: 't04.line59', path: t04ExpenditurePath(59, key), target: exp(59), terms: range(33, 58).map(exp), formula: '行33+34+…+58' });
    checkIdentity(ctx, { rule: 't04.line64', path: t04ExpenditurePath(64, key), target: exp(64), terms: [exp(59), exp(60)], formula: '行59+60' });
  }
  // Each expenditure line: 合计 = 一般公共预算 + 政府性基金 + 国有资本经营.
  for (const n of Object.keys(v.data.expenditure).map(Number).sort((a, b) => a - b)) {
    checkIdentity(ctx, {
      rule: 't04.total',
      path: t04ExpenditurePath(n, 'total'),
      target: t04Expenditure(v, n, 'total'),
      terms: [t04Expenditure(v, n, 'gpb'), t04Expenditure(v, n, 'govFund'), t04Expenditure(v, n, 'soe')],
      formula: '一般公共预算+政府性基金+国有资本经营',
    });
  }
  checkIdentity(ctx, { rule: 't04.line32-64', path: t04IncomePath(32), target: inc(32), terms: [t04Expenditure(v, 64, 'total')], formula: '行64（支出总计 合计）' });
}

// ---------------------------------------------------------------------------
// 02 03 05 07 08: column identities on every row, the 合计 row included

type Row = { code?: string; name?: string } & Record<string, string | undefined>;

export function rowLabel(key: FunctionalTableKey | 't06', row: Row | undefined): string {
  return row ? `${key.slice(1)}表 ${row.code} ${row.name}` : `${key.slice(1)}表 合计行`;
}
export function colTerm(v: TableView<FunctionalTableKey>, row: Row | undefined, col: Column, key: FunctionalTableKey): Term {
  const text = v.state === 'data' ? (row ?? (v.data.summary as Row))[col.key] : undefined;
  return cell(v, text, `${rowLabel(key, row)} 第${col.no}栏（${col.label}）`);
}

/** target column = Σ (sign × columns), on the summary row and every row. */
function columnIdentity(ctx: Ctx, key: FunctionalTableKey, rule: string, target: number, terms: readonly number[], formula: string, signs: Record<number, -1> = {}) {
  const v = view(ctx.entry, key);
  if (v.state !== 'data') return;
  const cols = FUNCTIONAL_COLUMNS[key];
  const byNo = (no: number) => cols.find((c) => c.no === no)!;
  const rows: (Row | undefined)[] = [undefined, ...(v.data.rows as Row[])];
  rows.forEach((row, i) => {
    const path: Path = row ? ['tables', key, 'rows', i - 1, byNo(target).key] : ['tables', key, 'summary', byNo(target).key];
    checkIdentity(ctx, {
      rule,
      path,
      target: colTerm(v, row, byNo(target), key),
      terms: terms.map((no) => ({ ...colTerm(v, row, byNo(no), key), sign: signs[no] ?? 1 })),
      formula,
    });
  });
}

// ---------------------------------------------------------------------------
// 09 "三公"经费

const T09_COLUMNS = ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const;
const T09_LABELS = ['合计', '因公出国（境）费', '公务用车购置及运行费', '公务用车购置费', '公务用车运行费', '公务接待费'];
export function t09Term(v: TableView<'t09'>, part: 'budget' | 'actual', col: (typeof T09_COLUMNS)[number]): Term {
  const i = T09_COLUMNS.indexOf(col);
  const no = i + 1 + (part === 'actual' ? 6 : 0);
  const text = v.state === 'data' ? v.data[part][col] : undefined;
  return cell(v, text, `09表 第${no}栏（${part === 'budget' ? '预算数' : '决算数'} ${T09_LABELS[i]}）`);
}

function checkT09(ctx: Ctx) {
  const v = view(ctx.entry, 't09');
  if (v.state !== 'data') return;
  for (const part of ['budget', 'actual'] as const) {
    const base = part === 'budget' ? 0 : 6;
    const t = (col: (typeof T09_COLUMNS)[number]) => t09Term(v, part, col);
    checkIdentity(ctx, {
      rule: `t09.col${1 + base}`,
      path: ['tables', 't09', part, 'total'],
      target: t('total'),
      terms: [t('abroad'), t('vehicle'), t('reception')],
      formula: `第${2 + base}+${3 + base}+${6 + base}栏`,
    });
    checkIdentity(ctx, {
      rule: `t09.col${3 + base}`,
      path: ['tables', 't09', part, 'vehicle'],
      target: t('vehicle'),
      terms: [t('vehiclePurchase'), t('vehicleOperation')],
      formula: `第${4 + base}+${5 + base}栏`,
    });
  }
}

// ---------------------------------------------------------------------------
// 06: the totals are checked with the hierarchy (hierarchy.ts), as sums of 类 rows.

export function checkIdentities(ctx: Ctx): void {
  checkT01(ctx);
  columnIdentity(ctx, 't02', 't02.col1', 1, [2, 3, 4, 5, 6, 7], '第2+3+4+5+6+7栏');
  columnIdentity(ctx, 't03', 't03.col1', 1, [2, 3, 4, 5, 6], '第2+3+4+5+6栏');
  checkT04(ctx);
  columnIdentity(ctx, 't05', 't05.col1', 1, [2, 3], '第2+3栏');
  columnIdentity(ctx, 't07', 't07.col6', 6, [1, 2, 3], '第1+2−3栏', { 3: -1 });
  columnIdentity(ctx, 't07', 't07.col3', 3, [4, 5], '第4+5栏');
  columnIdentity(ctx, 't08', 't08.col1', 1, [2, 3], '第2+3栏');
  checkT09(ctx);
}
