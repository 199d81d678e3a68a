import { compareText } from './order.ts';
/**
 * A finding of the checker: one place where the data breaks a rule.
 * Every rule (identities, codes, cross-table agreement, the narrative's
 * published figures) reports in this one shape.
 */
export type Severity = 'error' | 'warning';

/**
 * How sure the audit is that the published document is wrong (审计结论的确定程度):
 * definite 确定 — the numbers prove it (beyond any rounding);
 * suspected 疑似 — likely wrong, but a rounding or wording reading could explain it;
 * note 提示 — consistent within the rounding allowance, or a form worth knowing.
 * Independent of severity, which only says whether the build stops (error) or publishes (warning).
 */
export type Certainty = 'definite' | 'suspected' | 'note';
export const CERTAINTY_LABELS: Record<Certainty, string> = { definite: '确定', suspected: '疑似', note: '提示' };
export const CERTAINTIES: readonly Certainty[] = ['definite', 'suspected', 'note'];

/** One input of a computed figure, as shown: "收、支总计 2,776.88". */
export interface FindingInput {
  /** Figure name (src/core/figures.ts), when the input is a named figure. */
  name?: string;
  label: string;
  value: string;
}

export interface Finding {
  severity: Severity;
  /** Stable rule id, e.g. "t01.income-total" or "code.truncated". */
  rule: string;
  /** Bureau-year id ("wuhan-jiangan-yibao/2023"), or "" for a site-wide finding. */
  bureauYear: string;
  file: string;
  line: number;
  /** Dotted field path in the file, when there is one. */
  field?: string;
  /** The values involved, label → value as text (e.g. { "行27": "1234.07", "行1+…+8": "1234.08" }). */
  values: Record<string, string>;
  /** One line in Chinese saying what is wrong (the plain explanation). */
  message: string;
  // --- The audit's fields (optional, so older producers stay valid) ---
  /** How sure the audit is; `certaintyOf()` gives a value for findings without one. */
  certainty?: Certainty;
  /** The part of the disclosure, e.g. "第三部分 情况说明 / 一、收入支出决算总体情况说明". */
  part?: string;
  /** The wording the document published, e.g. "6.4%" or "823.58 元". */
  published?: string;
  /** The computed value, e.g. "0.64%". */
  computed?: string;
  /** The inputs the computed value comes from. */
  inputs?: FindingInput[];
  /** Anchor id on the bureau-year page (the 数据核对 entry), e.g. "check-30-grandTotal-changePct". */
  anchor?: string;
}

/** The certainty of a finding: its own, else definite for an error and note for a warning. */
export function certaintyOf(f: Pick<Finding, 'certainty' | 'severity'>): Certainty {
  return f.certainty ?? (f.severity === 'error' ? 'definite' : 'note');
}

/** A stable anchor id for a finding: from the explicit anchor, else file line, rule and field. */
export function findingAnchor(f: Pick<Finding, 'anchor' | 'line' | 'rule' | 'field' | 'file'>): string {
  if (f.anchor) return f.anchor;
  const kind = f.file.endsWith('narrative.md') ? 'n' : 'd';
  return anchorId(`check-${kind}${f.line}-${f.rule}${f.field ? `-${f.field}` : ''}`);
}

/** Letters, digits, "-" and "_" only: safe in an id and a URL fragment. */
export function anchorId(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-+$/, '');
}

/**
 * Tolerance for unit-conversion rounding (尾数误差): the documents convert
 * from 元 to 万元, each printed amount may be off by up to 0.005 万元, so a sum
 * of n printed amounts may miss its printed total by up to 0.005 × (n + 1).
 * The rule, written once: a miss of at most 0.01 万元 per addend (never less
 * than 0.01) is a warning (尾数误差); more is an error.
 */
export function roundingTolerance(addends: number): string {
  const cents = Math.max(1, addends);
  return (cents / 100).toFixed(2);
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1 };

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      compareText(a.bureauYear, b.bureauYear) ||
      compareText(a.file, b.file) ||
      a.line - b.line ||
      ORDER[a.severity] - ORDER[b.severity] ||
      compareText(a.rule, b.rule) ||
      compareText((a.field ?? ''), b.field ?? '') ||
      compareText(a.message, b.message),
  );
}

export function formatFinding(f: Finding): string {
  const values = Object.entries(f.values)
    .map(([k, v]) => `${k}=${v}`)
    .join('，');
  const level = f.severity === 'error' ? '错误' : '警告';
  return `${f.file}:${f.line} ${level} [${f.rule}] ${f.message}${values ? `（${values}）` : ''}`;
}

/** The anchor of the finding about a figure the narrative publishes (line and figure name): the page's note links to it. */
export function referenceAnchor(line: number, name: string): string {
  return anchorId(`check-n${line}-${name}`);
}
