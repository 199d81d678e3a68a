/**
 * What every rule family shares: how a table's cells are read (blank is nil
 * in a printed table, unknown in one rebuilt from the narrative), and the one
 * comparison that turns a sum into a finding with the rounding tolerance.
 */
import type { BureauYearEntry } from '../load.ts';
import type { BureauYear, TableKey } from '../schema.ts';
import { D, formatAmount, money, type Dec, type Maybe } from '../money.ts';
import { roundingTolerance, type Finding, type Severity } from '../findings.ts';

export type Path = readonly (string | number)[];

/** Collects the findings of one bureau-year; every finding points at a line of its data.yaml. */
export interface Ctx {
  entry: BureauYearEntry;
  year: number;
  findings: Finding[];
}

export function newCtx(entry: BureauYearEntry): Ctx {
  return { entry, year: Number(entry.year), findings: [] };
}

export function report(
  ctx: Ctx,
  f: { severity: Severity; rule: string; path: Path; values?: Record<string, string>; message: string },
): void {
  ctx.findings.push({
    severity: f.severity,
    rule: f.rule,
    bureauYear: ctx.entry.id,
    file: ctx.entry.dataFile,
    line: ctx.entry.lineOf(f.path),
    field: f.path.join('.'),
    values: f.values ?? {},
    message: f.message,
  });
}

// ---------------------------------------------------------------------------
// Tables and cells

type Tables = BureauYear['tables'];
/** The data shape of a table (not its { empty } / { notProvided } forms). */
export type TableData<K extends TableKey> = Extract<NonNullable<Tables[K]>, { from: unknown }>;

export type TableView<K extends TableKey> =
  | { key: K; state: 'data'; printed: boolean; data: TableData<K> }
  | { key: K; state: 'empty' }
  | { key: K; state: 'notProvided'; reason: string }
  | { key: K; state: 'absent' };

export function view<K extends TableKey>(entry: BureauYearEntry, key: K): TableView<K> {
  const t = entry.data.tables[key] as Tables[K];
  if (t === undefined || t === null) return { key, state: 'absent' };
  if (typeof t === 'object' && 'empty' in t) return { key, state: 'empty' };
  if (typeof t === 'object' && 'notProvided' in t) return { key, state: 'notProvided', reason: String(t.notProvided) };
  const data = t as TableData<K>;
  return { key, state: 'data', printed: data.from !== 'narrative', data };
}

/** A value taking part in a rule: its label, its amount (null = unknown) and whether a number was printed. */
export interface Term {
  label: string;
  value: Maybe<Dec>;
  /** A number stands in the data (not a blank read as nil, not a stated-empty table). */
  printed: boolean;
}

const ZERO = new D(0);

/** roundingTolerance as a decimal, made once per number of addends. */
const tolerances: Dec[] = [];
function toleranceFor(addends: number): Dec {
  return (tolerances[addends] ??= new D(roundingTolerance(addends)));
}

/**
 * Read a cell of a table. In a table transcribed from its printed form a blank
 * cell is nil (0); in one rebuilt from the narrative it is unknown; a table
 * stated empty (空表说明) holds zeros; a table not provided or absent is unknown.
 */
export function cell(v: TableView<TableKey>, text: string | undefined, label: string): Term {
  switch (v.state) {
    case 'data':
      if (text !== undefined) return { label, value: money(text), printed: true };
      return { label, value: v.printed ? ZERO : null, printed: false };
    case 'empty':
      return { label, value: ZERO, printed: false };
    default:
      return { label, value: null, printed: false };
  }
}

/** A fact outside the tables: blank is unknown. */
export function fact(text: string | undefined, label: string): Term {
  return { label, value: money(text), printed: text !== undefined };
}

export const amountText = (v: Maybe<Dec>): string => (v === null ? '未知' : formatAmount(v, { grouping: false }));
const termText = (t: Term): string => (t.value === null ? '未知' : t.printed ? amountText(t.value) : `空（${amountText(t.value)}）`);

// ---------------------------------------------------------------------------
// The comparison

export interface IdentitySpec {
  rule: string;
  /** Where the checked value lives (the finding's line). */
  path: Path;
  /** The value that should equal the sum. */
  target: Term;
  /** The addends; sign −1 subtracts. */
  terms: readonly (Term & { sign?: 1 | -1 })[];
  /** How the sum is written, e.g. "行27+28+29". */
  formula: string;
  /**
   * Only report a sum that exceeds the target: used where the addends may be
   * incomplete (rows rebuilt from the narrative).
   */
  boundOnly?: boolean;
  /**
   * With boundOnly: the rule that reports, as a warning, known addends falling
   * short of the target (an item not listed, or a slip: the data cannot tell).
   */
  shortfallRule?: string;
}

/**
 * target = Σ terms. Unknown inputs skip the rule (unknown is not zero), except
 * that known non-negative addends already exceeding the target are reported.
 * A miss within roundingTolerance(addends) is a warning (尾数误差), beyond it an error.
 */
export function checkIdentity(ctx: Ctx, spec: IdentitySpec): void {
  const { target, terms } = spec;
  const allPlus = terms.every((t) => (t.sign ?? 1) === 1);
  const unknown = terms.some((t) => t.value === null);
  const addends = terms.filter((t) => t.printed).length;
  if (target.value === null) return;
  const tolerance = toleranceFor(addends);
  let total = ZERO;
  for (const t of terms) if (t.value !== null) total = t.sign === -1 ? total.minus(t.value) : total.plus(t.value);

  // The values a finding shows, formatted only when there is a finding (most identities hold).
  const shown = (): Record<string, string> => {
    const values: Record<string, string> = { [target.label]: termText(target), [spec.formula]: amountText(total) };
    for (const t of terms) if (t.printed && !(t.label in values)) values[t.label] = termText(t);
    return values;
  };
  if (unknown || spec.boundOnly) {
    // Only a bound is known: the known addends must not already exceed the target.
    if (!allPlus) return;
    const over = total.minus(target.value);
    if (!unknown && spec.shortfallRule && over.negated().gt(tolerance)) {
      const values = shown();
      values['未列明'] = amountText(over.negated());
      report(ctx, {
        severity: 'warning',
        rule: spec.shortfallRule,
        path: spec.path,
        values,
        message: `${target.label}为 ${termText(target)}，所列各项之和（${spec.formula}）只有 ${amountText(total)}，有 ${amountText(over.negated())} 未列明：或有科目未列出，或数字有误`,
      });
      return;
    }
    if (over.lte(tolerance)) return;
    const values = shown();
    values['超出'] = amountText(over);
    report(ctx, {
      severity: 'error',
      rule: spec.rule,
      path: spec.path,
      values,
      message: `${target.label}应不小于${unknown ? '已知各项' : '所列各项'}之和（${spec.formula}），但 ${termText(target)} < ${amountText(total)}，超出 ${amountText(over)}`,
    });
    return;
  }
  const diff = target.value.minus(total);
  if (diff.isZero()) return;
  const miss = diff.abs();
  const severity: Severity = miss.lte(tolerance) ? 'warning' : 'error';
  const values = shown();
  values['差额'] = amountText(diff);
  const tail =
    severity === 'warning'
      ? `相差 ${amountText(miss)}，在尾数误差允许范围（${tolerance.toFixed(2)}）内（尾数误差）`
      : `相差 ${amountText(miss)}，超出尾数误差允许范围（${tolerance.toFixed(2)}）`;
  report(ctx, {
    severity,
    rule: spec.rule,
    path: spec.path,
    values,
    message: `${target.label}应等于${spec.formula} = ${amountText(total)}，实为 ${termText(target)}，${tail}`,
  });
}

/** a ≤ b (+ tolerance); for amounts that are part of another. */
export function checkAtMost(ctx: Ctx, spec: { rule: string; path: Path; part: Term; whole: Term; why: string }): void {
  const { part, whole } = spec;
  if (part.value === null || whole.value === null) return;
  const over = part.value.minus(whole.value);
  if (over.lte(toleranceFor(1))) return;
  report(ctx, {
    severity: 'error',
    rule: spec.rule,
    path: spec.path,
    values: { [part.label]: termText(part), [whole.label]: termText(whole), 超出: amountText(over) },
    message: `${part.label}（${termText(part)}）不应大于${whole.label}（${termText(whole)}）：${spec.why}`,
  });
}

/** Short name used in messages: "01表". */
export const tableName = (key: TableKey): string => `${key.slice(1)}表`;
