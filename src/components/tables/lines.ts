/**
 * The titles of the nine 公开表 and the notes printed under each, as the
 * template prints them. Line names and columns are in src/core/tables.ts.
 */
import { TABLE_NAMES } from '../../core/tables.ts';

export type TableNo = '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09';

/** Title and printed notes of each 公开表. */
export const TABLES: Record<TableNo, { title: string; notes: string[] }> = {
  '01': {
    title: TABLE_NAMES.t01,
    notes: [
      '注：本表反映部门本年度的总收支和年末结转结余情况。',
      '27 行＝（1＋2＋3＋4＋5＋6＋7＋8）行；30 行＝（27＋28＋29）行；57 行＝（31＋32＋…＋56）行；60 行＝（57＋58＋59）行。',
    ],
  },
  '02': {
    title: TABLE_NAMES.t02,
    notes: ['注：本表反映部门本年度取得的各项收入情况。', '1 栏各行＝（2＋3＋4＋5＋6＋7）栏各行。'],
  },
  '03': {
    title: TABLE_NAMES.t03,
    notes: ['注：本表反映部门本年度各项支出情况。', '1 栏各行＝（2＋3＋4＋5＋6）栏各行。'],
  },
  '04': {
    title: TABLE_NAMES.t04,
    notes: [
      '注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。',
      '27 行＝（1＋2＋3）行；28 行＝（29＋30＋31）行；32 行＝（27＋28）行；59 行＝（33＋34＋…＋58）行；64 行＝（59＋60）行。',
    ],
  },
  '05': {
    title: TABLE_NAMES.t05,
    notes: ['注：本表反映部门本年度一般公共预算财政拨款支出情况。', '1 栏各行＝（2＋3）栏各行。'],
  },
  '06': {
    title: TABLE_NAMES.t06,
    notes: ['注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。'],
  },
  '07': {
    title: TABLE_NAMES.t07,
    notes: [
      '注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。',
      '6 栏各行＝（1＋2－3）栏各行；3 栏各行＝（4＋5）栏各行。',
    ],
  },
  '08': {
    title: TABLE_NAMES.t08,
    notes: ['注：本表反映部门本年度国有资本经营预算财政拨款支出情况。', '1 栏各行＝（2＋3）栏各行。'],
  },
  '09': {
    title: TABLE_NAMES.t09,
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
