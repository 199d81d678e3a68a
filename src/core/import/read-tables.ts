/**
 * The nine 公开表 read from the text: where each table is (its "公开 0N 表"
 * marker), its rows (code, name, numbers), and the numbers put into the
 * template's columns (src/core/tables.ts). A table stated empty becomes
 * `{ empty }`; a table not in the text is reported, not invented.
 */
import { FUNCTIONAL_COLUMNS, type FunctionalTableKey, ancestorCodes } from '../tables.ts';
import { agreed, leftness, narrow, placements, holds, type Cells, type Group, type RowIdentity } from './columns.ts';
import { amountText, cellsOf, isAmount, type SourceLine } from './source.ts';
import { plain } from './parts.ts';
import type { IssueList } from './issues.ts';

import { TABLE_KEYS, TABLE_TITLES, type TableKey } from '../tables.ts';

export interface Region {
  /** Index of the marker line in the lines array, and one past the region's end. */
  start: number;
  end: number;
}

const MARKER = /公开\s*0?([1-9])\s*表/;

/** Where each table's text is: from its marker to the next marker (or `limit`). */
export function findTables(lines: readonly SourceLine[], limit = lines.length): Map<TableKey, Region> {
  const marks: { n: number; index: number }[] = [];
  for (let i = 0; i < limit; i++) {
    const m = MARKER.exec(plain(lines[i]!.text));
    if (m && plain(lines[i]!.text).length < 30) marks.push({ n: Number(m[1]), index: i });
  }
  const out = new Map<TableKey, Region>();
  marks.forEach((m, i) => {
    const key = `t0${m.n}` as TableKey;
    if (!out.has(key)) out.set(key, { start: m.index, end: marks[i + 1]?.index ?? limit });
  });
  return out;
}

/** A 空表说明 within the region ("本单位无政府性基金预算财政拨款收入及支出"), if any. */
export function emptyStatement(lines: readonly SourceLine[], region: Region): string | undefined {
  for (let i = region.start; i < region.end; i++) {
    const m = /((?:本单位|本部门|本局)[^注]{0,30}?(?:无|没有|未)[^注]*?(?:收入|支出)[^。\t]*。?)/.exec(plain(lines[i]!.text));
    if (m) return m[1]!.trim();
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Tables by functional code: 02, 03, 05, 07, 08

const IDENTITIES: Record<FunctionalTableKey, RowIdentity[]> = {
  t02: [{ target: 'total', plus: ['fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'] }],
  t03: [{ target: 'total', plus: ['basic', 'project', 'toSuperior', 'operating', 'toAffiliated'] }],
  t05: [{ target: 'total', plus: ['basic', 'project'] }],
  t07: [
    { target: 'closing', plus: ['opening', 'income'], minus: ['total'] },
    { target: 'total', plus: ['basic', 'project'] },
  ],
  t08: [{ target: 'total', plus: ['basic', 'project'] }],
};

interface RawRow {
  line: number;
  code: string | null; // null: the 合计 row
  name: string;
  /** Cells after the name, as printed (blank cells kept when the line was tab-separated). */
  values: string[];
  tabbed: boolean;
}

const CODE_START = /^(\d{3,8})(?:\s+(.*))?$/;
const SKIP = /^(栏次|项目|类|功能分|科目|[-|:\s]+$)/;

function collectRows(lines: readonly SourceLine[], region: Region): RawRow[] {
  const rows: RawRow[] = [];
  let current: (RawRow & { parts: string[][] }) | null = null;
  let started = false;
  for (let i = region.start + 1; i < region.end; i++) {
    const text = lines[i]!.text;
    const p = plain(text);
    if (p === '' || /^[-\s|]+$/.test(p)) continue;
    if (/^注[:：]?/.test(p)) {
      current = null;
      if (started) break;
      continue;
    }
    const { cells, tabbed } = cellsOf(text);
    const first = cells.findIndex((c) => c !== '');
    const head = cells[first] ?? '';
    const code = CODE_START.exec(head);
    const summaryRow = head === '合计' && (tabbed || cells.slice(first + 1).some(isAmount));
    if (summaryRow || (code && started)) {
      started = true;
      const rest = cells.slice(first + 1);
      const name = code ? (code[2] ?? '') : '合计';
      current = { line: lines[i]!.no, code: code ? code[1]! : null, name, values: [], tabbed, parts: [rest] };
      rows.push(current);
      continue;
    }
    if (!started || SKIP.test(head)) continue;
    if (current) current.parts.push(cells.slice(first));
  }
  for (const row of rows as (RawRow & { parts: string[][] })[]) {
    const all = row.parts.flat();
    let k = 0;
    // Name cells (text) come before the numbers; a wrapped name continues on the next lines.
    if (row.code !== null) {
      while (k < all.length && all[k] !== '' && !isAmount(all[k]!)) row.name += all[k++]!;
    }
    row.values = row.parts.length === 1 && row.tabbed ? all.slice(k) : all.slice(k).filter((c) => c !== '');
    row.tabbed = row.parts.length === 1 && row.tabbed;
    row.name = row.name.replace(/\s+/g, '');
    delete (row as Partial<typeof row>).parts;
  }
  return rows;
}

export interface FunctionalRow extends Cells {
  code: string;
  name: string;
}
export interface FunctionalTable {
  summary: Cells;
  rows: FunctionalRow[];
}

/** Read one functional table; rows whose numbers do not fit are reported and left out. */
export function readFunctionalTable(
  key: FunctionalTableKey,
  lines: readonly SourceLine[],
  region: Region,
  issues: IssueList,
): FunctionalTable | null {
  const columns = FUNCTIONAL_COLUMNS[key].map((c) => c.key);
  const identities = IDENTITIES[key];
  const raw = collectRows(lines, region);
  if (raw.length === 0) return null;
  const candidates: Cells[][] = raw.map((row) => {
    const bad = row.values.find((v) => v !== '' && !isAmount(v));
    if (bad !== undefined) {
      issues.add({ kind: 'row-mismatch', table: key, line: row.line, message: `${TABLE_TITLES[key]}第 ${row.line} 行"${row.code ?? ''} ${row.name}"中的"${bad}"不是金额，整行未导入` });
      return [];
    }
    if (row.tabbed && row.values.length >= columns.length) {
      const cells: Cells = {};
      row.values.slice(-columns.length).forEach((v, i) => {
        if (v !== '') cells[columns[i]!] = amountText(v);
      });
      if (holds(cells, identities)) return [cells];
    }
    const numbers = row.values.filter((v) => v !== '').map(amountText);
    if (numbers.length > columns.length) {
      issues.add({ kind: 'row-mismatch', table: key, line: row.line, message: `${TABLE_TITLES[key]}第 ${row.line} 行"${row.code ?? '合计'} ${row.name}"有 ${numbers.length} 个数字，但表只有 ${columns.length} 栏，整行未导入` });
      return [];
    }
    const options = placements(numbers, columns, identities);
    if (options.length === 0) {
      issues.add({
        kind: 'row-mismatch',
        table: key,
        line: row.line,
        message: `${TABLE_TITLES[key]}第 ${row.line} 行"${row.code ?? '合计'} ${row.name}"的数字（${numbers.join('、') || '无'}）无论怎样放入 ${columns.length} 栏都不满足本行的勾稽关系（如 1栏=其余各栏之和），整行未导入，请对照原表录入`,
      });
    }
    return options;
  });

  const groups = hierarchy(raw);
  let narrowed = narrow(candidates, groups, columns);
  // The 合计 row decides the columns in use; when blanks were lost it is presumed to use the leftmost ones.
  const summaryIndex = raw.findIndex((r) => r.code === null);
  if (summaryIndex >= 0 && narrowed[summaryIndex]!.length > 1) {
    const best = [...narrowed[summaryIndex]!].sort((a, b) => leftness(a, columns) - leftness(b, columns))[0]!;
    narrowed[summaryIndex] = [best];
    narrowed = narrow(narrowed, groups, columns);
    issues.add({
      kind: 'row-ambiguous',
      table: key,
      line: raw[summaryIndex]!.line,
      message: `${TABLE_TITLES[key]}合计行（第 ${raw[summaryIndex]!.line} 行）提取时丢失了空白单元格，按最靠左的栏目推定为：${describeCells(best, key)}；各行据此与合计行相加一致。请对照原表确认`,
    });
  }

  const table: FunctionalTable = { summary: {}, rows: [] };
  raw.forEach((row, i) => {
    const options = narrowed[i]!;
    if (options.length === 0) return;
    let cells = options[0]!;
    if (options.length > 1) {
      const { cells: sure, open } = agreed(options, columns);
      cells = sure;
      issues.add({
        kind: 'row-ambiguous',
        table: key,
        line: row.line,
        message: `${TABLE_TITLES[key]}第 ${row.line} 行"${row.code ?? '合计'} ${row.name}"的数字可放入不同栏目（${open.map((c) => label(key, c)).join('、')}），这些栏未填，请对照原表补上`,
      });
    }
    if (row.code === null) table.summary = cells;
    else table.rows.push({ code: row.code, name: row.name, ...cells });
  });
  return table;
}

function label(key: FunctionalTableKey, col: string): string {
  return FUNCTIONAL_COLUMNS[key].find((c) => c.key === col)?.label ?? col;
}
function describeCells(cells: Cells, key: FunctionalTableKey): string {
  return Object.entries(cells)
    .map(([k, v]) => `${label(key, k)} ${v}`)
    .join('，');
}

/** 合计 ← 类 ← 款 ← 项, by code prefix (a code missing a digit keeps its level). */
function hierarchy(rows: readonly RawRow[]): Group[] {
  const groups: Group[] = [];
  const summary = rows.findIndex((r) => r.code === null);
  const byParent = new Map<number, number[]>();
  rows.forEach((row, i) => {
    if (row.code === null) return;
    const ancestors = ancestorCodes('functional', row.code);
    let parent = -1;
    // The nearest printed ancestor above this row.
    for (const a of ancestors) {
      for (let j = i - 1; j >= 0; j--) if (rows[j]!.code === a) { parent = j; break; }
      if (parent >= 0) break;
    }
    if (parent < 0 && ancestors.length === 0) parent = summary;
    if (parent < 0) return;
    byParent.set(parent, [...(byParent.get(parent) ?? []), i]);
  });
  for (const [parent, children] of byParent) groups.push({ parent, children });
  return groups;
}

// ---------------------------------------------------------------------------
// Tables by 行次: 01 and 04

/** Amounts by 行次 as printed; 04's expenditure lines carry up to four cells (合计 and three funds). */
export interface LineReading {
  line: number;
  amounts: string[];
  tabbed: boolean;
}

/**
 * Read "label 行次 amounts…" pairs. On each printed line the right-hand 行次
 * is the left one plus `offset` (30 in 01, 32 in 04), which tells a 行次
 * from an amount even where a label is missing.
 */
export function readLines(lines: readonly SourceLine[], region: Region, offset: number): Map<number, LineReading> {
  const out = new Map<number, LineReading>();
  for (let i = region.start + 1; i < region.end; i++) {
    const p = plain(lines[i]!.text);
    if (/^(注|栏次|项目|收\s*入)/.test(p)) continue;
    const { cells, tabbed } = cellsOf(lines[i]!.text);
    let left: number | null = null;
    let current: LineReading | null = null;
    let expectNumber = true;
    for (const cell of cells) {
      const isInt = /^\d{1,2}$/.test(cell);
      if (isInt && (expectNumber || (left !== null && Number(cell) === left + offset)) && Number(cell) <= 2 * offset) {
        const n = Number(cell);
        if (left === null && n <= offset) left = n;
        current = { line: lines[i]!.no, amounts: [], tabbed };
        out.set(n, current);
        expectNumber = false;
      } else if (cell === '' || isAmount(cell)) {
        if (current) current.amounts.push(cell === '' ? '' : amountText(cell));
      } else {
        current = null;
        expectNumber = true;
      }
    }
  }
  return out;
}

export interface Table01 {
  lines: Record<string, string>;
}

export function readTable01(lines: readonly SourceLine[], region: Region, issues: IssueList): Table01 | null {
  const readings = readLines(lines, region, 30);
  if (readings.size === 0) return null;
  const out: Table01 = { lines: {} };
  for (const [n, r] of [...readings].sort((a, b) => a[0] - b[0])) {
    const numbers = r.amounts.filter((a) => a !== '');
    if (numbers.length > 1) {
      issues.add({ kind: 'row-mismatch', table: 't01', line: r.line, message: `${TABLE_TITLES.t01}第 ${r.line} 行：行次 ${n} 后有 ${numbers.length} 个数字（${numbers.join('、')}），该栏只有一个金额，未导入` });
      continue;
    }
    if (numbers[0] !== undefined) out.lines[String(n)] = numbers[0];
  }
  return out;
}

const FUNDS = ['total', 'gpb', 'govFund', 'soe'];
const FUND_IDENTITY: RowIdentity[] = [{ target: 'total', plus: ['gpb', 'govFund', 'soe'] }];

export interface Table04 {
  income: Record<string, string>;
  expenditure: Record<string, Cells>;
}

export function readTable04(lines: readonly SourceLine[], region: Region, issues: IssueList): Table04 | null {
  const readings = readLines(lines, region, 32);
  if (readings.size === 0) return null;
  const out: Table04 = { income: {}, expenditure: {} };
  const expenditure: { n: number; r: LineReading; options: Cells[] }[] = [];
  for (const [n, r] of [...readings].sort((a, b) => a[0] - b[0])) {
    const numbers = r.amounts.filter((a) => a !== '');
    if (n <= 32) {
      if (numbers.length > 1) {
        issues.add({ kind: 'row-mismatch', table: 't04', line: r.line, message: `${TABLE_TITLES.t04}第 ${r.line} 行：行次 ${n} 后有 ${numbers.length} 个数字，该栏只有一个金额，未导入` });
      } else if (numbers[0] !== undefined) out.income[String(n)] = numbers[0];
      continue;
    }
    if (numbers.length === 0) continue;
    let options: Cells[] = [];
    if (r.tabbed && r.amounts.length >= 1) {
      const cells: Cells = {};
      r.amounts.slice(0, 4).forEach((v, i) => {
        if (v !== '') cells[FUNDS[i]!] = v;
      });
      if (holds(cells, FUND_IDENTITY)) options = [cells];
    }
    if (options.length === 0) options = numbers.length <= 4 ? placements(numbers, FUNDS, FUND_IDENTITY) : [];
    if (options.length === 0) {
      issues.add({ kind: 'row-mismatch', table: 't04', line: r.line, message: `${TABLE_TITLES.t04}第 ${r.line} 行：行次 ${n} 的数字（${numbers.join('、')}）放不进"合计 = 三项财政拨款之和"的四栏，未导入` });
      continue;
    }
    expenditure.push({ n, r, options });
  }
  // A fund column can only carry money where that fund has income or a balance (04 lines 1–3, 29–31).
  const funded = new Set(['total']);
  [['gpb', '1', '29'], ['govFund', '2', '30'], ['soe', '3', '31']].forEach(([fund, a, b]) => {
    if (Number(out.income[a!] ?? 0) !== 0 || Number(out.income[b!] ?? 0) !== 0) funded.add(fund!);
  });
  const candidates = expenditure.map((e) => {
    const fitting = e.options.filter((c) => Object.keys(c).every((k) => funded.has(k)));
    return fitting.length > 0 ? fitting : e.options;
  });
  const index = (n: number) => expenditure.findIndex((e) => e.n === n);
  const groups: Group[] = [];
  const classes = expenditure.map((e, i) => (e.n >= 33 && e.n <= 58 ? i : -1)).filter((i) => i >= 0);
  if (index(59) >= 0 && classes.length) groups.push({ parent: index(59), children: classes });
  const narrowed = narrow(candidates, groups, FUNDS);
  expenditure.forEach((e, i) => {
    const options = narrowed[i]!;
    if (options.length === 1) {
      out.expenditure[String(e.n)] = options[0]!;
      return;
    }
    const { cells, open } = agreed(options, FUNDS);
    out.expenditure[String(e.n)] = cells;
    issues.add({ kind: 'row-ambiguous', table: 't04', line: e.r.line, message: `${TABLE_TITLES.t04}第 ${e.r.line} 行：行次 ${e.n} 的数字可放入不同的资金栏（${open.join('、')}），这些栏未填，请对照原表补上` });
  });
  return out;
}

// ---------------------------------------------------------------------------
// 06: economic codes in three side-by-side column groups

export interface EconomicRow {
  code: string;
  name: string;
  amount: string;
  line: number;
}
export interface Table06 {
  personnel: EconomicRow[];
  public: EconomicRow[];
  personnelTotal?: string;
  publicTotal?: string;
}

const ECON_CODE = /^3\d{2,4}$/;

/**
 * Read the 06 table as one stream of cells: code, name (possibly wrapped over
 * lines), amount (absent when blank). Rows without an amount are left out,
 * as in the hand-made content.
 */
export function readTable06(lines: readonly SourceLine[], region: Region): Table06 | null {
  const out: Table06 = { personnel: [], public: [] };
  let current: EconomicRow | null = null;
  let seen = false;
  for (let i = region.start + 1; i < region.end; i++) {
    const p = plain(lines[i]!.text);
    if (/^注/.test(p)) break;
    const totals = /人员经费合计\s*([\d,.]+)?.*?公用经费合计\s*([\d,.]+)?/.exec(p.replace(/\t/g, ' '));
    if (totals) {
      if (totals[1] && isAmount(totals[1])) out.personnelTotal = amountText(totals[1]);
      if (totals[2] && isAmount(totals[2])) out.publicTotal = amountText(totals[2]);
      current = null;
      continue;
    }
    const { cells } = cellsOf(lines[i]!.text);
    for (const cell of cells) {
      if (cell === '') continue;
      if (ECON_CODE.test(cell) && !(current && current.name === '')) {
        current = { code: cell, name: '', amount: '', line: lines[i]!.no };
        seen = true;
        continue;
      }
      if (!current) continue;
      if (isAmount(cell) && current.name !== '') {
        current.amount = amountText(cell);
        (['301', '303'].includes(current.code.slice(0, 3)) ? out.personnel : out.public).push(current);
        current = null;
      } else if (current.amount === '') current.name += cell.replace(/\s+/g, '');
    }
  }
  if (!seen && out.personnelTotal === undefined) return null;
  // The three column groups interleave on the page; the table lists each 类 with its 款.
  const byClass = (rows: EconomicRow[]) => {
    const order = [...new Set(rows.map((r) => r.code.slice(0, 3)))];
    return rows.map((r, i) => ({ r, i })).sort((a, b) => order.indexOf(a.r.code.slice(0, 3)) - order.indexOf(b.r.code.slice(0, 3)) || a.i - b.i).map((x) => x.r);
  };
  out.personnel = byClass(out.personnel);
  out.public = byClass(out.public);
  return out;
}

// ---------------------------------------------------------------------------
// 09: twelve numbers, 预算数 1–6 and 决算数 7–12

const THREE_PUBLIC = ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'];

export interface Table09 {
  budget: Cells;
  actual: Cells;
}

export function readTable09(lines: readonly SourceLine[], region: Region, issues: IssueList): Table09 | null {
  for (let i = region.start + 1; i < region.end; i++) {
    const { cells, tabbed } = cellsOf(lines[i]!.text);
    if (cells.filter(Boolean).join(' ') !== '1 2 3 4 5 6 7 8 9 10 11 12') continue;
    for (let j = i + 1; j < region.end; j++) {
      const row = cellsOf(lines[j]!.text);
      if (row.cells.every((c) => c === '')) continue;
      const values = row.tabbed ? row.cells.slice(0, 12) : row.cells;
      if (!values.every((v) => v === '' || isAmount(v))) break;
      const numbers = values.filter((v) => v !== '');
      if (!(row.tabbed || tabbed) && numbers.length !== 12) {
        issues.add({ kind: 'row-ambiguous', table: 't09', line: lines[j]!.no, message: `${TABLE_TITLES.t09}第 ${lines[j]!.no} 行只有 ${numbers.length} 个数字（应为 12 栏），无法确定各栏，未导入，请对照原表录入` });
        return null;
      }
      const out: Table09 = { budget: {}, actual: {} };
      values.forEach((v, k) => {
        if (v === '' || k >= 12) return;
        (k < 6 ? out.budget : out.actual)[THREE_PUBLIC[k % 6]!] = amountText(v);
      });
      return out;
    }
  }
  return null;
}
