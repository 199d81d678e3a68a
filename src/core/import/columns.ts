/**
 * Putting a row's printed numbers into its columns.
 *
 * The space-separated extraction drops blank cells, so "966.29 966.29" under
 * six columns could be 本年支出合计 + any one of five. A row's candidates are
 * the ways its numbers fit the columns in order that keep the row's printed
 * identity (e.g. 1 = 2+…+6); the tables' hierarchy (a parent row is the sum of
 * its children, column by column) then removes candidates that cannot add up.
 * Whatever stays ambiguous is reported, never guessed silently.
 */
import { D, type Dec } from '../money.ts';

/** Column key → amount text; a missing key is a blank cell. */
export type Cells = Record<string, string>;

/** An identity within one row: sum(plus) − sum(minus) = target. */
export interface RowIdentity {
  target: string;
  plus: string[];
  minus?: string[];
}

const val = (cells: Cells, key: string): Dec => new D(cells[key] ?? 0);
const TOLERANCE = new D('0.01');

export function holds(cells: Cells, identities: readonly RowIdentity[]): boolean {
  return identities.every((id) => {
    const terms = id.plus.length + (id.minus?.length ?? 0);
    const plus = id.plus.reduce((s, k) => s.plus(val(cells, k)), new D(0));
    const total = (id.minus ?? []).reduce((s, k) => s.minus(val(cells, k)), plus);
    return total.minus(val(cells, id.target)).abs().lte(TOLERANCE.times(Math.max(1, terms)));
  });
}

/** Every order-preserving placement of `numbers` into `columns` that keeps the identities. */
export function placements(numbers: readonly string[], columns: readonly string[], identities: readonly RowIdentity[]): Cells[] {
  const out: Cells[] = [];
  const pick = (from: number, i: number, cells: Cells) => {
    if (i === numbers.length) {
      if (holds(cells, identities)) out.push({ ...cells });
      return;
    }
    for (let c = from; c <= columns.length - (numbers.length - i); c++) {
      cells[columns[c]!] = numbers[i]!;
      pick(c + 1, i + 1, cells);
      delete cells[columns[c]!];
    }
  };
  pick(0, 0, {});
  return out;
}

export interface Group {
  parent: number;
  children: number[];
}

const MAX_COMBINATIONS = 200_000;

/**
 * Remove candidates that cannot take part in any placement of a group where
 * the parent row equals the sum of its children in every column. A group that
 * cannot add up at all (the bureau's own mistake) removes nothing.
 */
export function narrow(candidates: Cells[][], groups: readonly Group[], columns: readonly string[]): Cells[][] {
  const current = candidates.map((c) => [...c]);
  let changed = true;
  while (changed) {
    changed = false;
    for (const g of groups) {
      const members = [g.parent, ...g.children];
      if (members.some((m) => current[m]!.length === 0)) continue;
      const size = members.reduce((n, m) => n * current[m]!.length, 1);
      if (size > MAX_COMBINATIONS || size === 1) continue;
      const used = members.map(() => new Set<number>());
      const choice: number[] = [];
      const visit = (i: number) => {
        if (i === members.length) {
          const parent = current[g.parent]![choice[0]!]!;
          const ok = columns.every((col) => {
            const sum = g.children.reduce((s, child, j) => s.plus(val(current[child]![choice[j + 1]!]!, col)), new D(0));
            return sum.minus(val(parent, col)).abs().lte(TOLERANCE.times(Math.max(1, g.children.length)));
          });
          if (ok) choice.forEach((c, j) => used[j]!.add(c));
          return;
        }
        for (let c = 0; c < current[members[i]!]!.length; c++) {
          choice[i] = c;
          visit(i + 1);
        }
      };
      visit(0);
      if (used[0]!.size === 0) continue;
      members.forEach((m, j) => {
        if (used[j]!.size < current[m]!.length) {
          current[m] = current[m]!.filter((_, c) => used[j]!.has(c));
          changed = true;
        }
      });
    }
  }
  return current;
}

/** The cells every remaining candidate agrees on (value or blank); the others are left out. */
export function agreed(candidates: readonly Cells[], columns: readonly string[]): { cells: Cells; open: string[] } {
  const cells: Cells = {};
  const open: string[] = [];
  for (const col of columns) {
    const values = new Set(candidates.map((c) => c[col] ?? ''));
    if (values.size === 1) {
      const v = [...values][0]!;
      if (v !== '') cells[col] = v;
    } else open.push(col);
  }
  return { cells, open };
}

/** Rank of a placement by how far left its numbers sit (lower is further left). */
export const leftness = (cells: Cells, columns: readonly string[]) =>
  columns.reduce((rank, col, i) => (cells[col] !== undefined ? rank + i : rank), 0);
