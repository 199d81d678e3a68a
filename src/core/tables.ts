/**
 * The template's structure of the nine tables, used by the checker and the
 * pages alike: columns (栏次) of the functional-code tables, the line names
 * (行次) of 01 and 04, the 26 expenditure 类 behind their lines, and the
 * 类/款/项 level of a printed code.
 */
import type { TableKey } from './schema.ts';

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

/** The 26 expenditure 类 of 支出功能分类 in the template's order (01 lines 31–56, 04 lines 33–58). */
export const EXPENDITURE_CLASSES: readonly { code: string; name: string }[] = [
  { code: '201', name: '一般公共服务支出' },
  { code: '202', name: '外交支出' },
  { code: '203', name: '国防支出' },
  { code: '204', name: '公共安全支出' },
  { code: '205', name: '教育支出' },
  { code: '206', name: '科学技术支出' },
  { code: '207', name: '文化旅游体育与传媒支出' },
  { code: '208', name: '社会保障和就业支出' },
  { code: '210', name: '卫生健康支出' },
  { code: '211', name: '节能环保支出' },
  { code: '212', name: '城乡社区支出' },
  { code: '213', name: '农林水支出' },
  { code: '214', name: '交通运输支出' },
  { code: '215', name: '资源勘探工业信息等支出' },
  { code: '216', name: '商业服务业等支出' },
  { code: '217', name: '金融支出' },
  { code: '219', name: '援助其他地区支出' },
  { code: '220', name: '自然资源海洋气象等支出' },
  { code: '221', name: '住房保障支出' },
  { code: '222', name: '粮油物资储备支出' },
  { code: '223', name: '国有资本经营预算支出' },
  { code: '224', name: '灾害防治及应急管理支出' },
  { code: '229', name: '其他支出' },
  { code: '231', name: '债务还本支出' },
  { code: '232', name: '债务付息支出' },
  { code: '234', name: '抗疫特别国债安排的支出' },
];

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 20 → 二十, 26 → 二十六. */
export function chineseNumber(n: number): string {
  if (n <= 10) return NUMERALS[n - 1]!;
  if (n < 20) return `十${NUMERALS[n - 11]!}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${NUMERALS[tens - 1]!}十${ones ? NUMERALS[ones - 1]! : ''}`;
}

const classLines = (first: number): Record<number, string> =>
  Object.fromEntries(EXPENDITURE_CLASSES.map((c, i) => [first + i, `${chineseNumber(i + 1)}、${c.name}`]));

/** 公开01表, income side (lines 1–30); lines 9–26 are printed without a name. */
export const T01_INCOME_LINES: Record<number, string> = {
  1: '一、一般公共预算财政拨款收入',
  2: '二、政府性基金预算财政拨款收入',
  3: '三、国有资本经营预算财政拨款收入',
  4: '四、上级补助收入',
  5: '五、事业收入',
  6: '六、经营收入',
  7: '七、附属单位上缴收入',
  8: '八、其他收入',
  27: '本年收入合计',
  28: '使用非财政拨款结余',
  29: '年初结转和结余',
  30: '总计',
};

/** 公开01表, expenditure side (lines 31–60). */
export const T01_EXPENDITURE_LINES: Record<number, string> = {
  ...classLines(31),
  57: '本年支出合计',
  58: '结余分配',
  59: '年末结转和结余',
  60: '总计',
};

/** 公开04表, income side (lines 1–32); lines 4–26 are printed without a name. */
export const T04_INCOME_LINES: Record<number, string> = {
  1: '一、一般公共预算财政拨款',
  2: '二、政府性基金预算财政拨款',
  3: '三、国有资本经营预算财政拨款',
  27: '本年收入合计',
  28: '年初财政拨款结转和结余',
  29: '一般公共预算财政拨款',
  30: '政府性基金预算财政拨款',
  31: '国有资本经营预算财政拨款',
  32: '总计',
};

/** 公开04表, expenditure side (lines 33–64); 61–63 are the sub-lines of 60 by fund. */
export const T04_EXPENDITURE_LINES: Record<number, string> = {
  ...classLines(33),
  59: '本年支出合计',
  60: '年末财政拨款结转和结余',
  61: '一般公共预算财政拨款',
  62: '政府性基金预算财政拨款',
  63: '国有资本经营预算财政拨款',
  64: '总计',
};

/** Lines printed as totals (bold). */
export const TOTAL_LINES = { t01: new Set([27, 30, 57, 60]), t04: new Set([27, 32, 59, 64]) };

/** The codes of the 26 类, in line order. */
export const EXPENDITURE_CLASS_CODES: readonly string[] = EXPENDITURE_CLASSES.map((c) => c.code);
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

/** The nine 公开表's names as the template prints them, without the number. */
export const TABLE_NAMES: Record<TableKey, string> = {
  t01: '收入支出决算总表',
  t02: '收入决算表',
  t03: '支出决算表',
  t04: '财政拨款收入支出决算总表',
  t05: '一般公共预算财政拨款支出决算表',
  t06: '一般公共预算财政拨款基本支出决算明细表',
  t07: '政府性基金预算财政拨款收入支出决算表',
  t08: '国有资本经营预算财政拨款支出决算表',
  t09: '财政拨款“三公”经费支出决算表',
};

export const TABLE_KEYS = Object.keys(TABLE_NAMES) as TableKey[];

/** "公开01表 收入支出决算总表" */
export const TABLE_TITLES = Object.fromEntries(TABLE_KEYS.map((k) => [k, `公开${k.slice(1)}表 ${TABLE_NAMES[k]}`])) as Record<TableKey, string>;

export type { TableKey };
