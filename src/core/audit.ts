/**
 * The audit (数据核对) as data: every finding grouped by bureau-year and by
 * certainty, in a stable order, and the rule registry as a table. The CLI
 * (scripts/audit.ts), the README's rule table and the site's pages read these.
 */
import { RULES } from './check/rules.ts';
import { TOLERANCES } from './published.ts';
import { CERTAINTIES, CERTAINTY_LABELS, certaintyOf, findingAnchor, sortFindings, type Certainty, type Finding } from './findings.ts';
import { compareText } from './order.ts';

/** A finding with every audit field filled in, keys in a fixed order (for stable JSON and for pages). */
export interface AuditEntry {
  bureauYear: string;
  rule: string;
  severity: Finding['severity'];
  certainty: Certainty;
  file: string;
  line: number;
  part: string;
  field: string;
  published: string;
  computed: string;
  inputs: NonNullable<Finding['inputs']>;
  message: string;
  values: Record<string, string>;
  anchor: string;
}

const CERTAINTY_ORDER: Record<Certainty, number> = { definite: 0, suspected: 1, note: 2 };

export function auditEntry(f: Finding): AuditEntry {
  return {
    bureauYear: f.bureauYear,
    rule: f.rule,
    severity: f.severity,
    certainty: certaintyOf(f),
    file: f.file,
    line: f.line,
    part: f.part ?? '',
    field: f.field ?? '',
    published: f.published ?? '',
    computed: f.computed ?? '',
    inputs: f.inputs ?? [],
    message: f.message,
    values: Object.fromEntries(Object.entries(f.values).sort(([a], [b]) => compareText(a, b))),
    anchor: findingAnchor(f),
  };
}

/** All findings as audit entries: by bureau-year, then file and line (the document's order). */
export function auditEntries(findings: readonly Finding[]): AuditEntry[] {
  return sortFindings([...findings]).map(auditEntry);
}

export interface CertaintyGroup {
  certainty: Certainty;
  label: string;
  entries: AuditEntry[];
}

/** One bureau-year's entries grouped 确定 → 疑似 → 提示 (empty groups left out). */
export function byCertainty(entries: readonly AuditEntry[]): CertaintyGroup[] {
  return CERTAINTIES.map((c) => ({ certainty: c, label: CERTAINTY_LABELS[c], entries: entries.filter((e) => e.certainty === c) })).filter(
    (g) => g.entries.length > 0,
  );
}

export function countByCertainty(entries: readonly AuditEntry[]): Record<Certainty, number> {
  const out: Record<Certainty, number> = { definite: 0, suspected: 0, note: 0 };
  for (const e of entries) out[e.certainty]++;
  return out;
}

/** The entries of each bureau-year, in bureau-year order; site-wide findings under "". */
export function byBureauYear(entries: readonly AuditEntry[]): Map<string, AuditEntry[]> {
  return Map.groupBy(entries, (e) => e.bureauYear);
}

/** The JSON `npm run audit -- --json` prints: stable keys and order. */
export function auditJson(findings: readonly Finding[], counts: { bureaus: number; bureauYears: number }): string {
  const entries = auditEntries(findings);
  const ordered = [...entries].sort(
    (a, b) => compareText(a.bureauYear, b.bureauYear) || CERTAINTY_ORDER[a.certainty] - CERTAINTY_ORDER[b.certainty] || compareText(a.file, b.file) || a.line - b.line || compareText(a.rule, b.rule) || compareText(a.field, b.field) || compareText(a.anchor, b.anchor),
  );
  const summary = { ...counts, findings: entries.length, ...countByCertainty(entries) };
  return `${JSON.stringify({ summary, findings: ordered }, null, 2)}\n`;
}

export interface RuleRow {
  id: string;
  what: string;
  severity: string;
  levels: string;
  tolerance: string;
}

const SEVERITY_TEXT = { error: '错误（阻止发布）', warning: '警告（发布并列入数据核对）', tolerance: '超出容差为错误，容差内为警告' } as const;

/** The registry as rows, for the README and the /audit/ page. */
export function ruleRows(): RuleRow[] {
  return Object.entries(RULES).map(([id, r]) => ({
    id,
    what: r.what,
    severity: SEVERITY_TEXT[r.severity],
    levels: r.levels.map((l) => CERTAINTY_LABELS[l]).join('、'),
    tolerance: r.tolerance ?? '—',
  }));
}

const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The README's rule and tolerance tables (between <!-- rules:start --> and <!-- rules:end -->). */
export function rulesMarkdown(): string {
  const lines = [
    '| 容差 | 一致 | 提示 | 疑似 | 确定 |',
    '|---|---|---|---|---|',
    ...TOLERANCES.map((t) => `| ${cell(t.what)} | ${cell(t.consistent)} | ${cell(t.note)} | ${cell(t.suspected)} | ${cell(t.definite)} |`),
    '',
    '| 规则 | 核对内容 | 严重程度 | 确定程度 | 容差 |',
    '|---|---|---|---|---|',
    ...ruleRows().map((r) => `| \`${r.id}\` | ${cell(r.what)} | ${r.severity} | ${r.levels} | ${cell(r.tolerance)} |`),
  ];
  return lines.join('\n');
}
