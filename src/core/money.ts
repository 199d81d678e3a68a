/**
 * Exact money and percentage arithmetic, and the one rounding rule.
 *
 * Amounts are in 万元 with two decimals and are kept as decimal strings in the
 * data ("1234.07"). All arithmetic goes through decimal.js: no binary floating
 * point touches a sum.
 *
 * THE ROUNDING RULE (the README repeats it): amounts are shown with two
 * decimals; percentages with one decimal unless a template shows two; both
 * round half up (四舍五入), as the official documents do: 0.05 → 0.1, 0.15 → 0.2.
 * A figure derived from an unknown input is unknown (null), and a rate on a
 * zero base has no value (null, shown as "—").
 */
import Decimal from 'decimal.js';

/** A private Decimal constructor, so no other code's settings leak in. */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

/** Unknown is null, never zero. */
export type Maybe<T> = T | null;

export const PERCENT_DECIMALS = 1;
export const AMOUNT_DECIMALS = 2;

/** Parse an amount string from the data; undefined/null (blank) stays unknown. */
export function money(value: string | undefined | null): Maybe<Dec> {
  if (value === undefined || value === null || value === '') return null;
  return new D(value.replaceAll(',', ''));
}

/** Sum of amounts; unknown if any input is unknown (use sumKnown to ignore blanks where blank means nil). */
export function sum(values: readonly Maybe<Dec>[]): Maybe<Dec> {
  let total = new D(0);
  for (const v of values) {
    if (v === null) return null;
    total = total.plus(v);
  }
  return total;
}

/**
 * Sum where a blank cell in a printed table means "nothing in this cell".
 * In a published table a blank amount cell is nil, so identities such as
 * 27 = 1+…+8 add the printed values; an empty list sums to null.
 */
export function sumPrinted(values: readonly Maybe<Dec>[]): Maybe<Dec> {
  const known = values.filter((v): v is Dec => v !== null);
  if (known.length === 0) return null;
  return known.reduce((a, b) => a.plus(b), new D(0));
}

export function minus(a: Maybe<Dec>, b: Maybe<Dec>): Maybe<Dec> {
  return a === null || b === null ? null : a.minus(b);
}

/** part / whole × 100, exact; null when unknown or the whole is zero. */
export function ratio(part: Maybe<Dec>, whole: Maybe<Dec>): Maybe<Dec> {
  if (part === null || whole === null || whole.isZero()) return null;
  return part.div(whole).times(100);
}

/** (this − last) / last × 100; null when unknown or last year is zero. */
export function changePercent(current: Maybe<Dec>, previous: Maybe<Dec>): Maybe<Dec> {
  return ratio(minus(current, previous), previous);
}

/** Round half up to the given decimals. */
export function round(value: Dec, decimals: number): Dec {
  return value.toDecimalPlaces(decimals, D.ROUND_HALF_UP);
}

/** "1,234.07" — two decimals, thousands separators, as the tables print. */
export function formatAmount(value: Maybe<Dec>, options: { grouping?: boolean } = {}): string {
  if (value === null) return '';
  const fixed = round(value, AMOUNT_DECIMALS).toFixed(AMOUNT_DECIMALS);
  if (options.grouping === false) return fixed;
  const [int = '0', frac] = fixed.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** "84.5%" — half up, PERCENT_DECIMALS unless told otherwise; unknown or no base is "—". */
export function formatPercent(value: Maybe<Dec>, decimals = PERCENT_DECIMALS): string {
  if (value === null) return '—';
  return `${round(value, decimals).toFixed(decimals)}%`;
}

/** Whether two amounts differ by more than a tolerance (in 万元). */
export function differs(a: Dec, b: Dec, tolerance: Dec = new D(0)): boolean {
  return a.minus(b).abs().greaterThan(tolerance);
}
