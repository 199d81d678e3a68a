/**
 * Classification codes: every functional and economic code printed in the
 * data exists in the list and carries the name it had that year.
 *
 * A code with a digit missing (extraction damage: 208050 printed for 2080505)
 * is recognised by its length and its name: among the codes one level down
 * from the parent it still shows (款 20805), the one whose name matches is
 * the intended code. It is reported, never silently corrected.
 */
import { CODE_LENGTHS, normalizeName, type Classification, type ClassificationKind } from '../classification.ts';
import { report, view, type Ctx, type Path } from './context.ts';
import { FUNCTIONAL_TABLE_KEYS } from '../tables.ts';

export interface CodeResolution {
  /** The code the row stands for: the printed one, or the intended one when a digit is missing. */
  code: string;
  status: 'ok' | 'unknown' | 'year' | 'truncated' | 'length';
  /** For 'truncated': the printed parent (款 or 类) the candidates were taken from. */
  parent?: string;
}

const sameName = (a: string, b: string) => normalizeName(a) === normalizeName(b);

/**
 * Find the code a damaged (one digit short) code stands for, by name, among
 * the codes one level down from its printed parent. A printed name cut short
 * (OCR) matches a list name it begins; only a single match counts.
 */
export function findIntendedCode(
  classification: Classification,
  kind: ClassificationKind,
  code: string,
  name: string,
  year: number,
): { code: string; parent: string } | undefined {
  const lengths = CODE_LENGTHS[kind];
  const full = lengths.find((l) => l === code.length + 1);
  if (full === undefined) return undefined;
  const parentLength = lengths[lengths.indexOf(full) - 1];
  if (parentLength === undefined) return undefined;
  const parent = code.slice(0, parentLength);
  const candidates = classification.children(kind, parent, year);
  const exact = candidates.filter((c) => sameName(c.name, name));
  if (exact.length === 1) return { code: exact[0]!.code, parent };
  const printed = normalizeName(name);
  if (printed.length < 4) return undefined;
  const partial = candidates.filter((c) => normalizeName(c.name).startsWith(printed));
  if (partial.length === 1) return { code: partial[0]!.code, parent };
  return undefined;
}

export function resolveCode(classification: Classification, kind: ClassificationKind, code: string, name: string, year: number): CodeResolution {
  if (!CODE_LENGTHS[kind].includes(code.length)) {
    const intended = findIntendedCode(classification, kind, code, name, year);
    return intended ? { code: intended.code, status: 'truncated', parent: intended.parent } : { code, status: 'length' };
  }
  const entries = classification.entries(kind, code);
  if (entries.length === 0) return { code, status: 'unknown' };
  if (classification.nameOf(kind, code, year) === undefined) return { code, status: 'year' };
  return { code, status: 'ok' };
}

const KIND_NAMES: Record<ClassificationKind, string> = { functional: '功能分类', economic: '经济分类' };
const span = (e: { from?: number; until?: number }) => `${e.from ?? '…'}–${e.until ?? '今'}`;

function checkCode(ctx: Ctx, classification: Classification, kind: ClassificationKind, code: string, printedName: string | undefined, year: number, path: Path, where: string) {
  const name = printedName ?? '';
  const r = resolveCode(classification, kind, code, name, year);
  const k = KIND_NAMES[kind];
  const codePath = [...path, 'code'];
  switch (r.status) {
    case 'truncated':
      report(ctx, {
        severity: 'warning',
        rule: 'code.truncated',
        path: codePath,
        values: { 印刷编码: code, 科目名称: name, 应为编码: r.code },
        message: `${where}科目编码 ${code} 少一位（${code.length} 位）：按名称"${name}"在 ${r.parent} 的下级科目中应为 ${r.code}`,
      });
      return;
    case 'length':
      report(ctx, {
        severity: 'error',
        rule: 'code.length',
        path: codePath,
        values: { 印刷编码: code, 科目名称: name },
        message: `${where}${k}科目编码 ${code} 为 ${code.length} 位，应为 ${CODE_LENGTHS[kind].join('/')} 位，且无法按名称"${name}"找到对应科目`,
      });
      return;
    case 'unknown':
      report(ctx, {
        severity: 'error',
        rule: 'code.unknown',
        path: codePath,
        values: { 科目编码: code, 科目名称: name },
        message: `${where}${k}科目 ${code}（${name}）不在科目表中：请核对编码，若确为有效科目请补入 content/classifications/${kind}.yaml`,
      });
      return;
    case 'year': {
      const entries = classification.entries(kind, code);
      report(ctx, {
        severity: 'warning',
        rule: 'code.year',
        path: codePath,
        values: { 科目编码: code, 科目名称: name, 年度: String(year) },
        message: `${where}${k}科目 ${code} 在 ${year} 年不存在（使用年度：${entries.map((e) => `${e.name} ${span(e)}`).join('；')}）`,
      });
      return;
    }
    case 'ok': {
      const expected = classification.nameOf(kind, code, year)!;
      if (printedName === undefined || sameName(expected, name)) return;
      const other = classification.entries(kind, code).find((e) => sameName(e.name, name));
      report(ctx, {
        severity: 'warning',
        rule: 'code.name',
        path: [...path, 'name'],
        values: { 科目编码: code, 印刷名称: name, 应为名称: expected },
        message: other
          ? `${where}科目 ${code} 名称"${name}"是 ${span(other)} 年的旧名，${year} 年应为"${expected}"`
          : `${where}科目 ${code} 名称"${name}"与科目表不符，${year} 年应为"${expected}"`,
      });
    }
  }
}

/** Economic 类 of the two sections of 06 表. */
const SECTION_CLASSES = { personnel: ['301', '303'], public: ['302', '307', '309', '310', '399'] } as const;

export function checkCodes(ctx: Ctx, classification: Classification): void {
  const { data } = ctx.entry;
  for (const key of FUNCTIONAL_TABLE_KEYS) {
    const v = view(ctx.entry, key);
    if (v.state !== 'data') continue;
    v.data.rows.forEach((row, i) =>
      checkCode(ctx, classification, 'functional', row.code, row.name, ctx.year, ['tables', key, 'rows', i], `${key.slice(1)}表 `),
    );
  }
  const v6 = view(ctx.entry, 't06');
  if (v6.state === 'data') {
    for (const section of ['personnel', 'public'] as const) {
      v6.data[section].forEach((row, i) => {
        const path: Path = ['tables', 't06', section, i];
        checkCode(ctx, classification, 'economic', row.code, row.name, ctx.year, path, '06表 ');
        const cls = row.code.slice(0, 3);
        const here = SECTION_CLASSES[section] as readonly string[];
        const there = SECTION_CLASSES[section === 'personnel' ? 'public' : 'personnel'] as readonly string[];
        if (!here.includes(cls) && there.includes(cls)) {
          report(ctx, {
            severity: 'warning',
            rule: 'code.section',
            path: [...path, 'code'],
            values: { 科目编码: row.code, 科目名称: row.name },
            message: `06表 经济分类科目 ${row.code}（${row.name}）属于${section === 'personnel' ? '公用经费' : '人员经费'}，却列在${section === 'personnel' ? '人员经费' : '公用经费'}下`,
          });
        }
      });
    }
  }
  data.budget?.items.forEach((item, i) =>
    checkCode(ctx, classification, 'functional', item.code, item.name, ctx.year, ['budget', 'items', i], '年初预算 '),
  );
  if (data.prior) {
    const y = Number(data.prior.year);
    data.prior.economic.forEach((item, i) =>
      checkCode(ctx, classification, 'economic', item.code, item.name, y, ['prior', 'economic', i], `上年（${y}）数 `),
    );
  }
}
