/**
 * Route data of the comparison pages: the classification, the subjects used
 * by any bureau-year and the links between bureaus, computed once per build
 * (afresh per request in `astro dev`) from the same site data as every page.
 */
import { join } from 'node:path';
import { loadClassification, type Classification } from '../core/classification.ts';
import { subjectSummaries, subjectUses, type SubjectSummary, type SubjectUse } from '../core/compare.ts';
import { bureauLineage, type Lineage } from '../core/lineage.ts';
import { allYears } from '../core/catalogue.ts';
import { CONTENT_DIR } from '../core/paths.ts';
import { site, type Site } from './site.ts';
import { perBuild } from './per-build.ts';

export interface CompareSite {
  site: Site;
  classification: Classification;
  /** Years with at least one disclosure, oldest first. */
  years: string[];
  uses: Map<string, SubjectUse[]>;
  subjects: Map<string, SubjectSummary>;
  lineage: Map<string, Lineage>;
  bureauName(id: string): string;
}

async function load(): Promise<CompareSite> {
  const s = await site();
  const { classification, errors } = loadClassification(join(CONTENT_DIR, 'classifications'));
  if (errors.length > 0) throw new Error(`科目表有错误，请运行 npm run check / the classification lists have errors`);
  const uses = subjectUses(s.disclosures, classification);
  const names = new Map(s.bureaus.map((b) => [b.id, b.data.name]));
  return {
    site: s,
    classification,
    years: allYears(s.disclosures),
    uses,
    subjects: subjectSummaries(uses, classification),
    lineage: bureauLineage(s.bureaus),
    bureauName: (id) => names.get(id) ?? id,
  };
}

/** Under the dev server the data is reused for 2 s: an edit and a reload take longer, a burst of pages does not. */
export const compareSite = perBuild(load, 2000);
