/**
 * Within a table coded by classification, a 类 row is the sum of its 款 rows
 * and a 款 row the sum of its 项 rows (by code prefix); the 合计 row is the sum
 * of the top rows. A row whose parent is not printed counts under its nearest
 * printed ancestor. In a table rebuilt from the narrative the rows may be
 * incomplete, so only a sum that exceeds its parent is reported there.
 *
 * 06 表 follows the same rule on economic codes: 人员经费合计 and 公用经费合计
 * are the sums of their 类 rows, and each 类 the sum of its 款 rows.
 */
import { cell, checkIdentity, view, type Ctx, type Path, type TableView, type Term } from './context.ts';
import { colTerm, rowLabel } from './identities.ts';
import { ancestorCodes, FUNCTIONAL_COLUMNS, FUNCTIONAL_TABLE_KEYS, LEVEL_NAMES, functionalLevel, economicLevel, type FunctionalTableKey } from '../tables.ts';

interface Coded {
  code: string;
}

/** For each row, the index of its nearest printed ancestor row, or -1 for a top row. */
export function parentIndexes(kind: 'functional' | 'economic', rows: readonly Coded[]): number[] {
  const firstIndex = new Map<string, number>();
  rows.forEach((r, i) => {
    if (!firstIndex.has(r.code)) firstIndex.set(r.code, i);
  });
  return rows.map((r) => {
    for (const a of ancestorCodes(kind, r.code)) {
      if (a === r.code) continue;
      const i = firstIndex.get(a);
      if (i !== undefined) return i;
    }
    return -1;
  });
}

function checkFunctionalTable(ctx: Ctx, key: FunctionalTableKey) {
  const v = view(ctx.entry, key) as TableView<FunctionalTableKey>;
  if (v.state !== 'data') return;
  const rows = v.data.rows as ({ code: string; name: string } & Record<string, string | undefined>)[];
  const parents = parentIndexes('functional', rows);
  const cols = FUNCTIONAL_COLUMNS[key];
  const boundOnly = !v.printed;

  rows.forEach((row, p) => {
    const children = rows.filter((_, i) => parents[i] === p);
    if (children.length === 0) return;
    const levels = [...new Set(children.map((c) => LEVEL_NAMES[functionalLevel(c.code)]))].join('/');
    for (const col of cols) {
      checkIdentity(ctx, {
        rule: 'hierarchy',
        path: ['tables', key, 'rows', p, col.key],
        target: colTerm(v, row, col, key),
        terms: children.map((c) => colTerm(v, c, col, key)),
        formula: `所属${levels}级科目之和（${children.map((c) => c.code).join('+')}）`,
        boundOnly,
        shortfallRule: 'hierarchy.unaccounted',
      });
    }
  });

  const top = rows.filter((_, i) => parents[i] === -1);
  if (top.length === 0) return;
  for (const col of cols) {
    checkIdentity(ctx, {
      rule: 'hierarchy.summary',
      path: ['tables', key, 'summary', col.key],
      target: colTerm(v, undefined, col, key),
      terms: top.map((c) => colTerm(v, c, col, key)),
      formula: `各${LEVEL_NAMES[functionalLevel(top[0]!.code)]}级科目之和（${top.map((c) => c.code).join('+')}）`,
      boundOnly,
      shortfallRule: 'hierarchy.unaccounted',
    });
  }
}

function checkT06(ctx: Ctx) {
  const v = view(ctx.entry, 't06');
  if (v.state !== 'data') return;
  const boundOnly = !v.printed;
  for (const section of ['personnel', 'public'] as const) {
    const rows = v.data[section];
    const name = section === 'personnel' ? '人员经费' : '公用经费';
    const term = (i: number): Term => cell(v, rows[i]!.amount, `06表 ${rows[i]!.code} ${rows[i]!.name}`);
    const parents = parentIndexes('economic', rows);
    rows.forEach((row, p) => {
      const children = rows.map((_, i) => i).filter((i) => parents[i] === p);
      if (children.length === 0) return;
      checkIdentity(ctx, {
        rule: 't06.class',
        path: ['tables', 't06', section, p, 'amount'],
        target: term(p),
        terms: children.map(term),
        formula: `所属款级科目之和（${children.map((i) => rows[i]!.code).join('+')}）`,
        boundOnly,
        shortfallRule: 'hierarchy.unaccounted',
      });
    });
    const top = rows.map((_, i) => i).filter((i) => parents[i] === -1);
    if (top.length === 0) continue;
    const totalKey = section === 'personnel' ? 'personnelTotal' : 'publicTotal';
    const path: Path = ['tables', 't06', totalKey];
    const level = economicLevel(rows[top[0]!]!.code) === 0 ? '类' : '款';
    checkIdentity(ctx, {
      rule: `t06.${totalKey}`,
      path,
      target: cell(v, v.data[totalKey], `06表 ${name}合计`),
      terms: top.map(term),
      formula: `${name}各${level}级科目之和（${top.map((i) => rows[i]!.code).join('+')}）`,
      boundOnly,
      shortfallRule: 'hierarchy.unaccounted',
    });
  }
}

export function checkHierarchy(ctx: Ctx): void {
  for (const key of FUNCTIONAL_TABLE_KEYS) checkFunctionalTable(ctx, key);
  checkT06(ctx);
}

export { rowLabel };
