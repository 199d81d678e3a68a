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
  return sortFindings(ctx.findings);
}

export function checkContent(content: Content, classification: Classification): Finding[] {
  const findings = content.years.flatMap((entry) => checkBureauYear(entry, classification));
  return sortFindings([...findings, ...checkSite(content)]);
}
