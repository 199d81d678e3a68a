/**
 * The checker's blocking findings of a bureau-year, for the draft banner.
 * `npm run build` runs the checker first and stops on any error, so a built
 * page only needs them for a draft (data.yaml `draft:`, which is itself an
 * error); under `npm run dev` every page is checked afresh on each request,
 * so an officer editing a year sees what still fails.
 */
import { join } from 'node:path';
import { loadContent } from '../core/load.ts';
import { loadClassification } from '../core/classification.ts';
import { checkContent, checkNarrative } from '../core/check/index.ts';
import { sortFindings, type Finding } from '../core/findings.ts';
import { CONTENT_DIR } from '../core/paths.ts';

function run(): Map<string, Finding[]> {
  const { content } = loadContent(CONTENT_DIR);
  const { classification } = loadClassification(join(CONTENT_DIR, 'classifications'));
  const narratives = content.years.map((entry) => ({ entry, ...checkNarrative(entry, content.years) }));
  const findings = [...checkContent(content, classification), ...narratives.flatMap((n) => n.findings)];
  // Unknown figure names are content errors of the narrative: shown with the findings.
  for (const n of narratives) {
    for (const e of n.errors) {
      findings.push({ severity: 'error', rule: 'narrative.unknown-name', bureauYear: n.entry.id, file: e.file, line: e.line, field: e.field, values: {}, message: e.message });
    }
  }
  const byYear = new Map<string, Finding[]>();
  for (const f of sortFindings(findings)) {
    if (f.severity !== 'error' || !f.bureauYear) continue;
    byYear.set(f.bureauYear, [...(byYear.get(f.bureauYear) ?? []), f]);
  }
  return byYear;
}

let cached: { at: number; byYear: Map<string, Finding[]> } | undefined;
/** Under the dev server a result is reused this long: an edit and a reload take longer, a burst of pages does not. */
const DEV_REUSE_MS = 2000;

/** The errors that keep a bureau-year from publishing ("<bureau>/<year>"). */
export function blockingFindings(id: string, isDraft: boolean): Finding[] {
  if (!import.meta.env.DEV && !isDraft) return [];
  const stale = !cached || (import.meta.env.DEV && Date.now() - cached.at > DEV_REUSE_MS);
  if (stale) cached = { at: Date.now(), byYear: run() };
  return cached!.byYear.get(id) ?? [];
}
