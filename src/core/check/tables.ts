/**
 * The shapes of the nine tables as the rules need them: columns of the
 * functional-code tables, the 类 behind each expenditure line of 01/04, and
 * the 类/款/项 level of a printed code.
 */
import type { TableKey } from '../schema.ts';

export type FunctionalTableKey = 't02' | 't03' | 't05' | 't07' | 't08';

export interface Column {
  key: string;
  /** 栏次 as printed. */
  no: number;
  label: string;
}

export const FUNCTIONAL_COLUMNS: Record<FunctionalTableKey, readonly Column[]> = {
  t02: [
    { key: 'total', no: 1, label: '本年收入合计' },
    { key: 'fiscal', no: 2, label: '财政拨款收入' },
    { key: 'superior', no: 3, label: '上级补助收入' },
    { key: 'business', no: 4, label: '事业收入' },
    { key: 'operating', no: 5, label: '经营收入' },
    { key: 'affiliated', no: 6, label: '附属单位上缴收入' },
    { key: 'other', no: 7, label: '其他收入' },
  ],
  t03: [
    { key: 'total', no: 1, label: '本年支出合计' },
    { key: 'basic', no: 2, label: '基本支出' },
    { key: 'project', no: 3, label: '项目支出' },
    { key: 'toSuperior', no: 4, label: '上缴上级支出' },
    { key: 'operating', no: 5, label: '经营支出' },
    { key: 'toAffiliated', no: 6, label: '对附属单位补助支出' },
  ],
  t05: [
    { key: 'total', no: 1, label: '小计' },
    { key: 'basic', no: 2, label: '基本支出' },
    { key: 'project', no: 3, label: '项目支出' },
  ],
  t07: [
    { key: 'opening', no: 1, label: '年初结转和结余' },
    { key: 'income', no: 2, label: '本年收入' },
    { key: 'total', no: 3, label: '本年支出小计' },
    { key: 'basic', no: 4, label: '基本支出' },
    { key: 'project', no: 5, label: '项目支出' },
    { key: 'closing', no: 6, label: '年末结转和结余' },
  ],
  t08: [
    { key: 'total', no: 1, label: '合计' },
    { key: 'basic', no: 2, label: '基本支出' },
    { key: 'project', no: 3, label: '项目支出' },
  ],
};

export const FUNCTIONAL_TABLE_KEYS = Object.keys(FUNCTIONAL_COLUMNS) as FunctionalTableKey[];

/**
 * The 类 of the expenditure lines, in the order of 01 表 lines 31–56 and
 * 04 表 lines 33–58 (Wuhan and national template since 2020).
 */
export const EXPENDITURE_CLASSES: readonly string[] = [
  '201', '202', '203', '204', '205', '206', '207', '208', '210', '211', '212', '213', '214',
  '215', '216', '217', '219', '220', '221', '222', '223', '224', '229', '231', '232', '234',
];
export const T01_FIRST_CLASS_LINE = 31;
export const T04_FIRST_CLASS_LINE = 33;

/** 0 = 类, 1 = 款, 2 = 项, from the printed length (a code missing a digit keeps its level). */
export function functionalLevel(code: string): 0 | 1 | 2 {
  return code.length <= 3 ? 0 : code.length <= 5 ? 1 : 2;
}
export function economicLevel(code: string): 0 | 1 {
  return code.length <= 3 ? 0 : 1;
}

/** The codes a row may sit under, nearest first (by prefix: 项 → 款 → 类). */
export function ancestorCodes(kind: 'functional' | 'economic', code: string): string[] {
  if (kind === 'economic') return economicLevel(code) === 1 ? [code.slice(0, 3)] : [];
  const level = functionalLevel(code);
  if (level === 2) return [code.slice(0, 5), code.slice(0, 3)];
  if (level === 1) return [code.slice(0, 3)];
  return [];
}

export const LEVEL_NAMES = ['类', '款', '项'] as const;

export type { TableKey };
