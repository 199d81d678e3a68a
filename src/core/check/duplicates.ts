/**
 * A row printed twice: two rows of one table standing for the same code
 * (after a code missing a digit is resolved to the code it stands for).
 */
import type { Classification, ClassificationKind } from '../classification.ts';
import { resolveCode } from './codes.ts';
import { report, view, type Ctx, type Path } from './context.ts';
import { FUNCTIONAL_TABLE_KEYS } from '../tables.ts';

interface Item {
  code: string;
  name?: string;
  path: Path;
}

function duplicates(ctx: Ctx, classification: Classification, kind: ClassificationKind, items: readonly Item[], where: string, year: number) {
  const seen = new Map<string, Item>();
  for (const item of items) {
    const code = resolveCode(classification, kind, item.code, item.name ?? '', year).code;
    const first = seen.get(code);
    if (!first) {
      seen.set(code, item);
      continue;
    }
    report(ctx, {
      severity: 'error',
      rule: 'table.duplicate-row',
      path: [...item.path, 'code'],
      values: { 科目编码: item.code, 科目名称: item.name ?? '', 首次出现: first.path.join('.') },
      message: `${where}科目 ${item.code}${item.name ? ` ${item.name}` : ''} 重复出现（第一次在第 ${ctx.entry.lineOf(first.path)} 行）`,
    });
  }
}

export function checkDuplicates(ctx: Ctx, classification: Classification): void {
  for (const key of FUNCTIONAL_TABLE_KEYS) {
    const v = view(ctx.entry, key);
    if (v.state !== 'data') continue;
    const items = v.data.rows.map((r, i): Item => ({ code: r.code, name: r.name, path: ['tables', key, 'rows', i] }));
    duplicates(ctx, classification, 'functional', items, `${key.slice(1)}表 `, ctx.year);
  }
  const v6 = view(ctx.entry, 't06');
  if (v6.state === 'data') {
    const items = (['personnel', 'public'] as const).flatMap((s) =>
      v6.data[s].map((r, i): Item => ({ code: r.code, name: r.name, path: ['tables', 't06', s, i] })),
    );
    duplicates(ctx, classification, 'economic', items, '06表 ', ctx.year);
  }
  const budget = ctx.entry.data.budget;
  if (budget) {
    const items = budget.items.map((r, i): Item => ({ code: r.code, ...(r.name ? { name: r.name } : {}), path: ['budget', 'items', i] }));
    duplicates(ctx, classification, 'functional', items, '年初预算 ', ctx.year);
  }
}
