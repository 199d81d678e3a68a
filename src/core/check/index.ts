/**
 * The checker: every rule family over one bureau-year, and over the site.
 * Pure: takes loaded content and the classification, returns findings.
 */
import type { Classification } from '../classification.ts';
import type { Content, BureauYearEntry } from '../load.ts';
import { sortFindings, type Finding } from '../findings.ts';
import { newCtx } from './context.ts';
import { checkIdentities } from './identities.ts';
import { checkHierarchy } from './hierarchy.ts';
import { checkCross } from './cross.ts';
import { checkCodes } from './codes.ts';
import { checkCompleteness } from './completeness.ts';
import { checkDuplicates } from './duplicates.ts';
import { checkFacts } from './facts.ts';
import { checkSite } from './site.ts';
import { checkDraft } from './draft.ts';

export { RULES } from './rules.ts';
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
  return sortFindings(ctx.findings.map((f) => acknowledge(f, entry)));
}

/** An error the published document itself contains, recorded in data.yaml under publishedAsIs, is a warning. */
function acknowledge(f: Finding, entry: BureauYearEntry): Finding {
  if (f.severity !== 'error') return f;
  const ack = entry.data.publishedAsIs.find((a) => a.rule === f.rule && (a.field === undefined || a.field === f.field));
  return ack ? { ...f, severity: 'warning', message: `${f.message}（原文如此：${ack.note}）` } : f;
}

export function checkContent(content: Content, classification: Classification): Finding[] {
  const findings = content.years.flatMap((entry) => checkBureauYear(entry, classification));
  return sortFindings([...findings, ...checkSite(content)]);
}
