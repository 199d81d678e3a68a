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

let cached: Map<string, Finding[]> | undefined;

/** The errors that keep a bureau-year from publishing ("<bureau>/<year>"). */
export function blockingFindings(id: string, isDraft: boolean): Finding[] {
  if (import.meta.env.DEV) return run().get(id) ?? [];
  if (!isDraft) return [];
  cached ??= run();
  return cached.get(id) ?? [];
}
