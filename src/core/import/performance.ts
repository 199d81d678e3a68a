/**
 * 绩效自评表 in the annex → data.yaml `performance.department` and
 * `performance.projects`, in printed order.
 *
 * The tables come out of the PDF as text with their rows broken (one cell a
 * line, or several cells on a line, headers wrapped). What is read is only
 * what is unambiguous: the project name, 主管部门 / 实施单位, the row
 * "预算数 执行数 执行率" (three printed numbers in that order, the rate
 * agreeing with the two amounts) and the 总分. Goals and indicator rows are
 * not read (their cells lose their columns); each table is reported with its
 * source lines so a person enters them. Nothing is computed or guessed.
 */
import type { SourceLine } from './source.ts';
import { plain, type Part } from './parts.ts';
import type { IssueList } from './issues.ts';
import { D } from '../money.ts';

export interface Evaluation {
  name: string;
  department?: string;
  unit?: string;
  budget?: string;
  executed?: string;
  publishedRate?: string;
  score?: string;
}

export interface PerformanceTables {
  department?: Evaluation;
  projects: Evaluation[];
}

/** A table's title: "2021 年度医疗救助项目自评表", "…整体绩效自评表" (a wrapped title ends the same way). */
const TITLE = /(项目|整体)(绩效)?自评表\s*$/;
const AMOUNT = /^\d+(?:\.\d+)?$/;
const RATE = /^\d+(?:\.\d+)?%$/;

/** The cells of a line: tab-separated, or space-separated when the line has no tab. */
const cells = (text: string) =>
  plain(text)
    .split(/\t+|\s{2,}|(?<=[\d%])\s+|\s+(?=\d)/)
    .map((c) => c.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter(Boolean);

export function readPerformanceTables(lines: readonly SourceLine[], part: Part, issues: IssueList): PerformanceTables {
  const starts: { index: number; whole: boolean }[] = [];
  for (let i = part.start + 1; i < part.end; i++) {
    const m = TITLE.exec(plain(lines[i]!.text));
    if (m && !/^\d+[.．、]|说明|口径/.test(plain(lines[i]!.text))) starts.push({ index: i, whole: m[1] === '整体' });
  }
  const read = starts.map((start, k) => {
    const end = starts[k + 1]?.index ?? part.end;
    return { ...start, from: lines[start.index]!.no, to: lines[end - 1]!.no, title: plain(lines[start.index]!.text), e: readEvaluation(lines, start.index, end, start.whole) };
  });
  // Projects are numbered in printed order (performance.project.N): when one table cannot be
  // read, none is imported, so that N never shifts when a person adds the missing one.
  const unreadable = read.filter((t) => !t.whole && !t.e);
  const out: PerformanceTables = { projects: [] };
  for (const t of read) {
    if (!t.e || (!t.whole && unreadable.length)) {
      const why = t.e ? `另有 ${unreadable.length} 张项目自评表读不出（见本节），为保持项目顺序编号，各项目表均未导入` : '未能读出项目名称和"预算数、执行数、执行率"';
      issues.add({ kind: 'not-imported', line: t.from, message: `第 ${t.from}–${t.to} 行的"${t.title}"：${why}，请按印刷顺序录入 ${t.whole ? 'performance.department' : 'performance.projects'}` });
      continue;
    }
    const target = t.whole ? 'performance.department' : `performance.projects 第 ${out.projects.length + 1} 项`;
    issues.add({
      kind: 'not-imported',
      line: t.from,
      message: `第 ${t.from}–${t.to} 行的"${t.title}"：已导入名称、预算数、执行数、执行率${t.e.score ? '、总分' : ''}；年度目标和绩效指标（表格行在提取时错位）未导入，请对照原件录入 ${target} 的 goals、indicators`,
    });
    if (t.whole && !out.department) out.department = t.e;
    else out.projects.push(t.e);
  }
  return out;
}

function readEvaluation(lines: readonly SourceLine[], from: number, to: number, whole: boolean): Evaluation | undefined {
  const flat: string[] = [];
  for (let i = from + 1; i < to; i++) flat.push(...cells(lines[i]!.text));
  const joined = flat.join('\t');
  /** The cell after a label, or the rest of the label's cell ("项目名称 医疗救助"), up to the next label. */
  const after = (label: string): string | undefined => {
    const m = new RegExp(`${label}[\\s:：]*\\t?([^\\t]+)`).exec(joined);
    return m?.[1]!.replace(/\s*项目实施单位.*$/, '').trim() || undefined;
  };
  const name = whole ? after('单位名称') : after('项目名称');
  if (!name) return undefined;
  // The first "amount amount rate" after the 执行率 header, the rate agreeing with executed / budget.
  const header = flat.findIndex((c) => /执行率/.test(c));
  let numbers: [string, string, string] | undefined;
  for (let i = Math.max(header, 0); i + 2 < flat.length; i++) {
    const [a, b, r] = [flat[i]!, flat[i + 1]!, flat[i + 2]!];
    if (!AMOUNT.test(a) || !AMOUNT.test(b) || !RATE.test(r)) continue;
    const budget = new D(a);
    const stated = new D(r.slice(0, -1));
    if (budget.isZero() || new D(b).div(budget).times(100).minus(stated).abs().gt(1)) continue;
    numbers = [a, b, r];
    break;
  }
  if (!numbers) return undefined;
  const e: Evaluation = { name: name.replace(/\s+/g, '') };
  const department = whole ? undefined : after('主管部门');
  const unit = whole ? name : after('实施单位');
  if (department && !/实施单位/.test(department)) e.department = department;
  if (unit) e.unit = unit.replace(/\s+/g, '');
  [e.budget, e.executed, e.publishedRate] = numbers;
  const total = flat.findIndex((c) => /^总分/.test(c));
  const score = total >= 0 ? (flat[total]!.replace(/^总分/, '').trim() || flat[total + 1]) : undefined;
  const s = score && /^(\d+(?:\.\d+)?)\s*分?$/.exec(score);
  if (s) e.score = s[1];
  return e;
}
