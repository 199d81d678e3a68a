/**
 * The checker's blocking findings of a bureau-year, for the draft banner.
 * `npm run build` runs the checker first and stops on any error, so a built
 * page only needs them for a draft (data.yaml `draft:`, which is itself an
 * error); under `npm run dev` every page is checked afresh on each request,
 * so an officer editing a year sees what still fails.
 */
import { checkFolder } from '../core/check/cache.ts';
import { sortFindings, type Finding } from '../core/findings.ts';
import { CONTENT_DIR } from '../core/paths.ts';
import { perBuild } from './per-build.ts';

/** The blocking findings by bureau-year, from the same checker (and cache) as `npm run check`. */
function run(): Map<string, Finding[]> {
  const blocking: Finding[] = [];
  checkFolder(CONTENT_DIR, {
    onBureau: (bureauId, { errors, findings }) => {
      for (const f of findings) if (f.severity === 'error' && f.bureauYear) blocking.push(f);
      // Unknown figure names are content errors of the narrative: shown with the findings.
      for (const e of errors) {
        const year = /[\\/](\d{4})[\\/][^\\/]+$/.exec(e.file)?.[1];
        if (year) blocking.push({ severity: 'error', rule: 'narrative.unknown-name', bureauYear: `${bureauId}/${year}`, file: e.file, line: e.line, field: e.field, values: {}, message: e.message });
      }
    },
  });
  return new Map([...Map.groupBy(blocking, (f) => f.bureauYear)].map(([id, list]) => [id, sortFindings(list)]));
}

/** Under the dev server a result is reused for 2 s: an edit and a reload take longer, a burst of pages does not. */
const findingsByYear = perBuild(run, 2000);

/** The errors that keep a bureau-year from publishing ("<bureau>/<year>"). */
export function blockingFindings(id: string, isDraft: boolean): Finding[] {
  if (!import.meta.env.DEV && !isDraft) return [];
  return findingsByYear().get(id) ?? [];
}
