/**
 * One bureau-year made ready for publishing: its data, every computed figure
 * and its narrative rendered with them. Pages, scripts and tests all use this.
 */
import { computeFigures, type Figures } from './figures.ts';
import { renderNarrative, type RenderedNarrative } from './narrative.ts';
import type { BureauYear } from './schema.ts';

export interface Disclosure {
  /** "<bureau-id>/<year>" */
  id: string;
  bureauId: string;
  year: string;
  data: BureauYear;
  /** The previous year's data, when its file exists. */
  previous?: BureauYear;
  figures: Figures;
  narrative: RenderedNarrative;
}

/** Lookup tables by "<bureau>/<year>", built once per list (the lists are not changed after loading). */
const byKey = new WeakMap<readonly object[], Map<string, unknown>>();

/** The previous bureau-year of the same bureau (year − 1), when it exists. Constant time after the first call on a list. */
export function previousYear<T extends { bureauId: string; year: string }>(all: readonly T[], entry: T): T | undefined {
  let index = byKey.get(all) as Map<string, T> | undefined;
  if (!index) {
    index = new Map(all.map((e) => [`${e.bureauId}/${e.year}`, e]));
    byKey.set(all, index);
  }
  return index.get(`${entry.bureauId}/${Number(entry.year) - 1}`);
}

export function analyse(input: {
  id: string;
  data: BureauYear;
  narrative: string;
  narrativeFile: string;
  previous?: BureauYear;
}): Disclosure {
  const [bureauId = '', year = ''] = input.id.split('/');
  const figures = computeFigures(input.data, input.previous);
  const narrative = renderNarrative(input.narrative, figures, input.data, input.narrativeFile);
  return {
    id: input.id,
    bureauId,
    year,
    data: input.data,
    ...(input.previous ? { previous: input.previous } : {}),
    figures,
    narrative,
  };
}
