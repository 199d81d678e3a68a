/**
 * How a table cell prints an amount from the data: formatAmount (the one
 * rounding and grouping rule, src/core/money.ts); a blank cell stays blank.
 */
import { formatAmount, money } from '../../core/money.ts';

export function cellAmount(value: string | undefined): string {
  return formatAmount(money(value));
}

/** Row anchors must be unique in a page even if a code repeats in a table. */
export function rowIds(prefix: string, codes: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return codes.map((code) => {
    const n = (seen.get(code) ?? 0) + 1;
    seen.set(code, n);
    return n === 1 ? `${prefix}-${code}` : `${prefix}-${code}-${n}`;
  });
}

/** What a table frame shows: the table, or why there is none. */
export type TableState =
  | { kind: 'data'; from: 'table' | 'narrative'; note?: string | undefined }
  | { kind: 'empty'; text: string }
  | { kind: 'notProvided'; reason: string }
  | { kind: 'missing' };

type AnyTable<T> = T | { empty: string } | { notProvided: string } | undefined;

/** The state a table is in, and its data when it has some. */
export function tableState<T extends { from: 'table' | 'narrative'; note?: string | undefined }>(
  t: AnyTable<T>,
): { state: TableState; data?: T } {
  if (t === undefined) return { state: { kind: 'missing' } };
  if ('empty' in t) return { state: { kind: 'empty', text: t.empty } };
  if ('notProvided' in t) return { state: { kind: 'notProvided', reason: t.notProvided } };
  return { state: { kind: 'data', from: t.from, note: t.note }, data: t };
}
