/**
 * The checker: every rule family over one bureau-year, and over the site.
 * Pure: takes loaded content and the classification, returns findings.
 */
import type { RenderedNarrative } from '../narrative.ts';
import type { Classification } from '../classification.ts';
import type { Content, BureauYearEntry } from '../load.ts';
import { sortFindings, type Finding } from '../findings.ts';
import type { ContentError } from '../load.ts';
import { newCtx } from './context.ts';
import { TABLE_TITLES } from '../tables.ts';
import { checkIdentities } from './identities.ts';
import { checkHierarchy } from './hierarchy.ts';
import { checkCross } from './cross.ts';
import { checkCodes } from './codes.ts';
import { checkCompleteness } from './completeness.ts';
import { checkDuplicates } from './duplicates.ts';
import { checkFacts } from './facts.ts';
import { bureauFindings, priorYearFindings } from './site.ts';
import { checkLineage } from './lineage.ts';
import { checkNarrative } from './narrative.ts';
import { RULES } from './rules.ts';
import { checkDraft } from './draft.ts';

export { RULES, type Rule } from './rules.ts';
export { checkNarrative } from './narrative.ts';

export function checkBureauYear(entry: BureauYearEntry, classification: Classification): Finding[] {
  const ctx = newCtx(entry);
  checkCompleteness(ctx);
  checkIdentities(ctx);
  checkHierarchy(ctx);
  checkCross(ctx, classification);
  checkCodes(ctx, classification);
  checkDuplicates(ctx, classification);
  checkFacts(ctx);
  checkDraft(ctx);
  return sortFindings(ctx.findings.map((f) => withAudit(acknowledge(f, entry), entry.data.template)));
}

/**
 * The audit's fields for a finding about the data: its certainty (error →
 * 确定; a warning takes its rule's first level, 尾数误差 is 提示) and the part of
 * the disclosure its field belongs to.
 */
export function withAudit(f: Finding, template: 'wuhan' | 'jiangxi' = 'wuhan'): Finding {
  const rule = RULES[f.rule];
  const certainty =
    f.certainty ?? (f.severity === 'error' || f.message.includes('原文如此') ? 'definite' : rule?.severity === 'tolerance' ? 'note' : (rule?.levels[0] ?? 'note'));
  const part = f.part ?? partOfField(f.field ?? '', template);
  return { ...f, certainty, ...(part ? { part } : {}) };
}

function partOfField(field: string, template: 'wuhan' | 'jiangxi'): string | undefined {
  const table = /^tables\.(t0\d)/.exec(field)?.[1] as keyof typeof TABLE_TITLES | undefined;
  if (table) return `第二部分 决算表 / ${TABLE_TITLES[table]}`;
  const top = field.split('.')[0];
  const annex = template === 'jiangxi' ? '第五部分 附件' : '第六部分 附件';
  const parts: Record<string, string> = {
    budget: '第三部分 情况说明 / 一般公共预算财政拨款支出决算具体情况（年初预算）',
    threePublic: '第三部分 情况说明 / 财政拨款“三公”经费支出决算情况说明',
    operatingCost: '第三部分 情况说明 / 机关运行经费支出说明',
    procurement: '第三部分 情况说明 / 政府采购支出说明',
    assets: '第三部分 情况说明 / 国有资产占用情况说明',
    performance: `${annex} / 绩效自评`,
    prior: '第三部分 情况说明 / 上年数',
    scope: '第一部分 概况 / 决算单位构成',
  };
  return top ? parts[top] : undefined;
}

/** An error the published document itself contains, recorded in data.yaml under publishedAsIs, is a warning. */
function acknowledge(f: Finding, entry: BureauYearEntry): Finding {
  if (f.severity !== 'error') return f;
  const ack = entry.data.publishedAsIs.find((a) => a.rule === f.rule && (a.field === undefined || a.field === f.field));
  return ack ? { ...f, severity: 'warning', message: `${f.message}（原文如此：${ack.note}）` } : f;
}

export function checkContent(content: Content, classification: Classification): Finding[] {
  return sortFindings([...checkBureauFiles(content), ...checkYearRules(content.years, classification)]);
}

/** The rules about the bureau files (names, parents, predecessors and successors): cheap, over the whole site. */
export function checkBureauFiles(content: Content): Finding[] {
  return [...bureauFindings(content), ...checkLineage(content)].map((f) => withAudit({ ...f, part: f.part ?? '部门信息' }));
}

/** The rules over the data of these bureau-years; last year's document is looked up among them. */
function checkYearRules(years: readonly BureauYearEntry[], classification: Classification): Finding[] {
  return [
    ...years.flatMap((entry) => checkBureauYear(entry, classification)),
    ...priorYearFindings(years).map((f) => withAudit({ ...f, part: f.part ?? '部门信息' })),
  ];
}

/**
 * Everything the checker and the audit find in some bureau-years: the rules
 * over their data and the audit of their narratives. The result of a
 * bureau-year depends only on it and the other years of its bureau (last
 * year's data), so the years of one bureau can be checked on their own
 * (src/core/check/cache.ts keeps the result per bureau).
 */
export function checkYears(
  years: readonly BureauYearEntry[],
  classification: Classification,
): { errors: ContentError[]; findings: Finding[]; narratives: Record<string, RenderedNarrative> } {
  const narratives = years.map((entry) => checkNarrative(entry, years));
  return {
    errors: narratives.flatMap((n) => n.errors),
    findings: [...checkYearRules(years, classification), ...narratives.flatMap((n) => n.findings)],
    // Each bureau-year's narrative as its page shows it.
    narratives: Object.fromEntries(years.map((entry, i) => [entry.id, narratives[i]!.narrative])),
  };
}

/**
 * Everything the checker and the audit find in the content: the rules over the
 * data and the site, and the audit of each narrative. `errors` are content
 * errors (bad files, unknown figure names) that stop the build.
 */
export function checkAll(content: Content, classification: Classification): { errors: ContentError[]; findings: Finding[] } {
  const years = checkYears(content.years, classification);
  return { errors: years.errors, findings: sortFindings([...checkBureauFiles(content), ...years.findings]) };
}
