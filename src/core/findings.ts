/**
 * A finding of the checker: one place where the data breaks a rule.
 * Every rule (identities, codes, cross-table agreement, the narrative's
 * published figures) reports in this one shape.
 */
export type Severity = 'error' | 'warning';

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
  /** One line in Chinese saying what is wrong. */
  message: string;
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
      a.bureauYear.localeCompare(b.bureauYear) ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      ORDER[a.severity] - ORDER[b.severity] ||
      a.rule.localeCompare(b.rule),
  );
}

export function formatFinding(f: Finding): string {
  const values = Object.entries(f.values)
    .map(([k, v]) => `${k}=${v}`)
    .join('，');
  const level = f.severity === 'error' ? '错误' : '警告';
  return `${f.file}:${f.line} ${level} [${f.rule}] ${f.message}${values ? `（${values}）` : ''}`;
}
