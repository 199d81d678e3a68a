/**
 * The performance self-evaluations of 第六部分 附件, ready to print: the whole
 * department and each project, with the execution rate computed from the
 * budget (A) and execution (B) figures, and the rate the table printed kept
 * beside it when the two disagree.
 */
import type { Disclosure } from './disclosure.ts';
import { formatFigure } from './figures.ts';
import { formatAmount, money } from './money.ts';
import { comparePublished } from './published.ts';
import type { Evaluation } from './schema.ts';

export interface EvaluationView {
  /** Anchor, e.g. "perf-department" or "perf-project-2". */
  id: string;
  kind: 'department' | 'project';
  /** Figure prefix, e.g. performance.project.2 */
  figure: string;
  name: string;
  department?: string;
  unit?: string;
  budgetInitial: string;
  budget: string;
  executed: string;
  /** Computed B ÷ A, as shown ("100.0%", "—"). */
  rate: string;
  /** The rate as the table printed it, when it disagrees with the computed one. */
  publishedRate?: string;
  score?: string;
  goals: string[];
  indicators: Evaluation['indicators'];
  remarks?: string;
}

export function evaluations(d: Disclosure): EvaluationView[] {
  const perf = d.data.performance;
  if (!perf) return [];
  const list: [EvaluationView['kind'], string, string, Evaluation][] = [];
  if (perf.department) list.push(['department', 'perf-department', 'performance.department', perf.department]);
  perf.projects.forEach((p, i) => list.push(['project', `perf-project-${i + 1}`, `performance.project.${i + 1}`, p]));
  return list.map(([kind, id, prefix, e]) => {
    const show = (name: string) => {
      const f = d.figures.get(name);
      return f ? formatFigure(f, d.data) : '—';
    };
    const rateFigure = d.figures.get(`${prefix}.rate`);
    const published = e.publishedRate !== undefined ? `${e.publishedRate}%` : undefined;
    const differs = published !== undefined && rateFigure !== undefined && comparePublished(published, rateFigure, d.figures) !== null;
    const budgetInitial = money(e.budgetInitial);
    return {
      id,
      kind,
      figure: prefix,
      name: e.name,
      ...(e.department ? { department: e.department } : {}),
      ...(e.unit ? { unit: e.unit } : {}),
      budgetInitial: budgetInitial === null ? '' : formatAmount(budgetInitial),
      budget: e.budget === undefined ? '' : show(`${prefix}.budget`),
      executed: e.executed === undefined ? '' : show(`${prefix}.executed`),
      rate: show(`${prefix}.rate`),
      ...(differs && published ? { publishedRate: published } : {}),
      ...(e.score ? { score: e.score } : {}),
      goals: e.goals,
      indicators: e.indicators,
      ...(e.remarks ? { remarks: e.remarks } : {}),
    };
  });
}
