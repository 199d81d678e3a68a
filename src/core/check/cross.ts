/**
 * Agreement between tables of one document (and with the facts stated in
 * part 3). Each rule names the two sides, e.g. cross.t01-t03.
 */
import type { Classification } from '../classification.ts';
import { D } from '../money.ts';
import { cell, checkAtMost, checkIdentity, fact, report, view, type Ctx, type TableView, type Term } from './context.ts';
import { resolveCode } from './codes.ts';
import { colTerm, t01Line, t01Path, t04Expenditure, t04ExpenditurePath, t04Income, t04IncomePath, t09Term, type FundColumn } from './identities.ts';
import { EXPENDITURE_CLASS_CODES, FUNCTIONAL_COLUMNS, T01_FIRST_CLASS_LINE, T04_FIRST_CLASS_LINE, type FunctionalTableKey } from '../tables.ts';

type FRow = { code: string; name: string } & Record<string, string | undefined>;

const column = (key: FunctionalTableKey, col: string) => FUNCTIONAL_COLUMNS[key].find((c) => c.key === col)!;

/**
 * The amount of a 类 in a functional table: its 类 row; nil when a printed
 * table has no row of that 类 at all (or the table is stated empty); unknown
 * otherwise.
 */
function classTerm(v: TableView<FunctionalTableKey>, key: FunctionalTableKey, code: string, col: string): Term {
  const c = column(key, col);
  if (v.state !== 'data') return cell(v, undefined, `${key.slice(1)}表 ${code} 第${c.no}栏（${c.label}）`);
  const rows = v.data.rows as FRow[];
  const row = rows.find((r) => r.code === code);
  if (row) return colTerm(v, row, c, key);
  const label = `${key.slice(1)}表 ${code}类（无此行）`;
  if (v.printed && !rows.some((r) => r.code.startsWith(code))) return { label, value: new D(0), printed: false };
  return { label, value: null, printed: false };
}
const summaryTerm = (v: TableView<FunctionalTableKey>, key: FunctionalTableKey, col: string): Term => colTerm(v, undefined, column(key, col), key);

/** 01 lines 31–56 / 57 against the 类 rows and 合计 of 03; 01 lines 27, 1–8 against 02's 合计 row. */
function t01Against0203(ctx: Ctx) {
  const v1 = view(ctx.entry, 't01');
  if (v1.state !== 'data') return;
  const v3 = view(ctx.entry, 't03') as TableView<FunctionalTableKey>;
  EXPENDITURE_CLASS_CODES.forEach((code, i) => {
    const n = T01_FIRST_CLASS_LINE + i;
    checkIdentity(ctx, { rule: 'cross.t01-t03', path: t01Path(n), target: t01Line(v1, n), terms: [classTerm(v3, 't03', code, 'total')], formula: `03表 ${code}类 本年支出合计` });
  });
  checkIdentity(ctx, { rule: 'cross.t01-t03', path: t01Path(57), target: t01Line(v1, 57), terms: [summaryTerm(v3, 't03', 'total')], formula: '03表 合计行 本年支出合计' });

  const v2 = view(ctx.entry, 't02') as TableView<FunctionalTableKey>;
  const line = (n: number) => t01Line(v1, n);
  const pairs: [number[], string][] = [
    [[27], 'total'],
    [[1, 2, 3], 'fiscal'],
    [[4], 'superior'],
    [[5], 'business'],
    [[6], 'operating'],
    [[7], 'affiliated'],
    [[8], 'other'],
  ];
  for (const [lines, col] of pairs) {
    const target = summaryTerm(v2, 't02', col);
    const path = ['tables', 't02', 'summary', col];
    if (lines.length === 1) {
      // Point at 01 (the total table) for the single-line pairs.
      checkIdentity(ctx, { rule: 'cross.t01-t02', path: t01Path(lines[0]!), target: line(lines[0]!), terms: [target], formula: target.label });
    } else {
      checkIdentity(ctx, { rule: 'cross.t01-t02', path, target, terms: lines.map(line), formula: `01表 行${lines.join('+')}` });
    }
  }
}

/**
 * 02 and 03 by code: when 01 shows no balance at all (lines 28, 29, 58, 59
 * nil), every code's income is spent in the year, so 02 and 03 list the same
 * codes with the same 合计.
 */
function t02Against03(ctx: Ctx, classification: Classification) {
  const v1 = view(ctx.entry, 't01');
  const v2 = view(ctx.entry, 't02') as TableView<FunctionalTableKey>;
  const v3 = view(ctx.entry, 't03') as TableView<FunctionalTableKey>;
  if (v1.state !== 'data' || v2.state !== 'data' || v3.state !== 'data') return;
  const balances = [28, 29, 58, 59].map((n) => t01Line(v1, n).value);
  if (balances.some((b) => b === null || !b.isZero())) return;
  const key = (r: FRow) => resolveCode(classification, 'functional', r.code, r.name, ctx.year).code;
  const rows2 = v2.data.rows as FRow[];
  const rows3 = v3.data.rows as FRow[];
  const by3 = new Map(rows3.map((r) => [key(r), r]));
  const by2 = new Map(rows2.map((r) => [key(r), r]));
  rows2.forEach((r2, i) => {
    const code = key(r2);
    const r3 = by3.get(code);
    const t2 = colTerm(v2, r2, column('t02', 'total'), 't02');
    if (r3) {
      checkIdentity(ctx, { rule: 'cross.t02-t03', path: ['tables', 't02', 'rows', i, 'total'], target: t2, terms: [colTerm(v3, r3, column('t03', 'total'), 't03')], formula: `03表 ${r3.code} 本年支出合计` });
    } else if (v3.printed && t2.value !== null && !t2.value.isZero()) {
      report(ctx, {
        severity: 'error',
        rule: 'cross.t02-t03',
        path: ['tables', 't02', 'rows', i, 'code'],
        values: { [t2.label]: t2.value.toFixed(2) },
        message: `02表科目 ${r2.code} ${r2.name} 在 03表中没有：01表无结转结余时，收入与支出的科目应一一对应`,
      });
    }
  });
  rows3.forEach((r3, i) => {
    const t3 = colTerm(v3, r3, column('t03', 'total'), 't03');
    if (!by2.has(key(r3)) && v2.printed && t3.value !== null && !t3.value.isZero()) {
      report(ctx, {
        severity: 'error',
        rule: 'cross.t02-t03',
        path: ['tables', 't03', 'rows', i, 'code'],
        values: { [t3.label]: t3.value.toFixed(2) },
        message: `03表科目 ${r3.code} ${r3.name} 在 02表中没有：01表无结转结余时，收入与支出的科目应一一对应`,
      });
    }
  });
  checkIdentity(ctx, { rule: 'cross.t02-t03', path: ['tables', 't02', 'summary', 'total'], target: summaryTerm(v2, 't02', 'total'), terms: [summaryTerm(v3, 't03', 'total')], formula: '03表 合计行 本年支出合计' });
}

/** 05 is the 一般公共预算 part of 03: every 05 code is in 03, and no 05 amount exceeds 03's. */
function t03Against05(ctx: Ctx, classification: Classification) {
  const v3 = view(ctx.entry, 't03') as TableView<FunctionalTableKey>;
  const v5 = view(ctx.entry, 't05') as TableView<FunctionalTableKey>;
  if (v5.state !== 'data' || v3.state === 'absent' || v3.state === 'notProvided') return;
  const key = (r: FRow) => resolveCode(classification, 'functional', r.code, r.name, ctx.year).code;
  const rows3 = v3.state === 'data' ? (v3.data.rows as FRow[]) : [];
  const by3 = new Map(rows3.map((r) => [key(r), r]));
  const why = '一般公共预算财政拨款支出是本年支出的一部分';
  (v5.data.rows as FRow[]).forEach((r5, i) => {
    const r3 = by3.get(key(r5));
    const t5 = colTerm(v5, r5, column('t05', 'total'), 't05');
    if (!r3) {
      if ((v3.state === 'empty' || v3.printed) && t5.value !== null && !t5.value.isZero()) {
        report(ctx, {
          severity: 'error',
          rule: 'cross.t03-t05',
          path: ['tables', 't05', 'rows', i, 'code'],
          values: { [t5.label]: t5.value.toFixed(2) },
          message: `05表科目 ${r5.code} ${r5.name} 在 03表中没有：${why}`,
        });
      }
      return;
    }
    for (const col of ['total', 'basic', 'project'] as const) {
      checkAtMost(ctx, {
        rule: 'cross.t03-t05',
        path: ['tables', 't05', 'rows', i, col],
        part: colTerm(v5, r5, column('t05', col), 't05'),
        whole: colTerm(v3, r3, column('t03', col), 't03'),
        why,
      });
    }
  });
  for (const col of ['total', 'basic', 'project'] as const) {
    checkAtMost(ctx, { rule: 'cross.t03-t05', path: ['tables', 't05', 'summary', col], part: summaryTerm(v5, 't05', col), whole: summaryTerm(v3, 't03', col), why });
  }
}

/** 04's fund columns by 类 against 05 (一般公共预算), 07 (政府性基金), 08 (国有资本经营); 04 income against 01 and 07. */
function t04Against(ctx: Ctx) {
  const v4 = view(ctx.entry, 't04');
  if (v4.state !== 'data') return;
  const sides: [FundColumn, FunctionalTableKey, string][] = [
    ['gpb', 't05', 'cross.t04-t05'],
    ['govFund', 't07', 'cross.t04-t07'],
    ['soe', 't08', 'cross.t04-t08'],
  ];
  for (const [col, key, rule] of sides) {
    const other = view(ctx.entry, key) as TableView<FunctionalTableKey>;
    EXPENDITURE_CLASS_CODES.forEach((code, i) => {
      const n = T04_FIRST_CLASS_LINE + i;
      const term = classTerm(other, key, code, 'total');
      checkIdentity(ctx, { rule, path: t04ExpenditurePath(n, col), target: t04Expenditure(v4, n, col), terms: [term], formula: term.label });
    });
    const total = summaryTerm(other, key, 'total');
    checkIdentity(ctx, { rule, path: t04ExpenditurePath(59, col), target: t04Expenditure(v4, 59, col), terms: [total], formula: total.label });
  }
  const v7 = view(ctx.entry, 't07') as TableView<FunctionalTableKey>;
  const income7 = summaryTerm(v7, 't07', 'income');
  checkIdentity(ctx, { rule: 'cross.t04-t07', path: t04IncomePath(2), target: t04Income(v4, 2), terms: [income7], formula: income7.label });

  const v1 = view(ctx.entry, 't01');
  for (const n of [1, 2, 3]) {
    checkIdentity(ctx, { rule: 'cross.t01-t04', path: t04IncomePath(n), target: t04Income(v4, n), terms: [t01Line(v1, n)], formula: `01表 行${n}` });
  }
}

/** 05's 基本支出 = 06's 人员经费合计 + 公用经费合计. */
function t05Against06(ctx: Ctx) {
  const v5 = view(ctx.entry, 't05') as TableView<FunctionalTableKey>;
  const v6 = view(ctx.entry, 't06');
  if (v5.state === 'absent' || v6.state === 'absent') return;
  const t6 = v6.state === 'data' ? v6.data : undefined;
  checkIdentity(ctx, {
    rule: 'cross.t05-t06',
    path: ['tables', 't05', 'summary', 'basic'],
    target: summaryTerm(v5, 't05', 'basic'),
    terms: [cell(v6, t6?.personnelTotal, '06表 人员经费合计'), cell(v6, t6?.publicTotal, '06表 公用经费合计')],
    formula: '06表 人员经费合计+公用经费合计',
  });
}

/** 09's 公务接待费 决算 = 国内公务接待 + 外宾接待 as stated in part 3. */
function t09AgainstFacts(ctx: Ctx) {
  const facts = ctx.entry.data.threePublic;
  const v9 = view(ctx.entry, 't09');
  if (!facts || v9.state === 'absent') return;
  checkIdentity(ctx, {
    rule: 'cross.t09-facts',
    path: ['tables', 't09', 'actual', 'reception'],
    target: t09Term(v9, 'actual', 'reception'),
    terms: [fact(facts.domesticReception, '国内公务接待支出'), fact(facts.foreignReception, '外宾接待支出')],
    formula: '国内公务接待支出+外宾接待支出（第三部分）',
  });
}

export function checkCross(ctx: Ctx, classification: Classification): void {
  t01Against0203(ctx);
  t02Against03(ctx, classification);
  t03Against05(ctx, classification);
  t04Against(ctx);
  t05Against06(ctx);
  t09AgainstFacts(ctx);
}
