/**
 * The fixed wording of the nine 公开表 as the template prints it: titles,
 * line names (行次) of tables 01 and 04, the 26 expenditure 类 and the notes
 * printed under each table. Pure data, no dependency on the core.
 */

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

export type TableNo = '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09';

/** Title and printed notes of each 公开表. */
export const TABLES: Record<TableNo, { title: string; notes: string[] }> = {
  '01': {
    title: '收入支出决算总表',
    notes: [
      '注：本表反映部门本年度的总收支和年末结转结余情况。',
      '27 行＝（1＋2＋3＋4＋5＋6＋7＋8）行；30 行＝（27＋28＋29）行；57 行＝（31＋32＋…＋56）行；60 行＝（57＋58＋59）行。',
    ],
  },
  '02': {
    title: '收入决算表',
    notes: ['注：本表反映部门本年度取得的各项收入情况。', '1 栏各行＝（2＋3＋4＋5＋6＋7）栏各行。'],
  },
  '03': {
    title: '支出决算表',
    notes: ['注：本表反映部门本年度各项支出情况。', '1 栏各行＝（2＋3＋4＋5＋6）栏各行。'],
  },
  '04': {
    title: '财政拨款收入支出决算总表',
    notes: [
      '注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。',
      '27 行＝（1＋2＋3）行；28 行＝（29＋30＋31）行；32 行＝（27＋28）行；59 行＝（33＋34＋…＋58）行；64 行＝（59＋60）行。',
    ],
  },
  '05': {
    title: '一般公共预算财政拨款支出决算表',
    notes: ['注：本表反映部门本年度一般公共预算财政拨款支出情况。', '1 栏各行＝（2＋3）栏各行。'],
  },
  '06': {
    title: '一般公共预算财政拨款基本支出决算明细表',
    notes: ['注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。'],
  },
  '07': {
    title: '政府性基金预算财政拨款收入支出决算表',
    notes: [
      '注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。',
      '6 栏各行＝（1＋2－3）栏各行；3 栏各行＝（4＋5）栏各行。',
    ],
  },
  '08': {
    title: '国有资本经营预算财政拨款支出决算表',
    notes: ['注：本表反映部门本年度国有资本经营预算财政拨款支出情况。', '1 栏各行＝（2＋3）栏各行。'],
  },
  '09': {
    title: '财政拨款“三公”经费支出决算表',
    notes: [
      '注：本表反映部门本年度“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，反映按规定程序调整后的预算数；决算数是包括当年一般公共预算财政拨款和以前年度结转资金安排的实际支出。',
      '1 栏＝（2＋3＋6）栏；3 栏＝（4＋5）栏；7 栏＝（8＋9＋12）栏；9 栏＝（10＋11）栏。',
    ],
  },
};

/** "公开01表 收入支出决算总表" */
export function tableCaption(no: string, title: string): string {
  return `公开${no}表 ${title}`;
}
