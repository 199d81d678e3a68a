/**
 * One bureau-year made ready for publishing: its data, every computed figure
 * and its narrative rendered with them. Pages, scripts and tests all use this.
 */
import { computeFigures, type Figures } from './figures.ts';
import { renderNarrative, type RenderedNarrative } from './narrative.ts';
import type { BureauYear } from './schema.ts';
import { keepEach, type Remember } from './remember.ts';

export interface Disclosure {
  /** "<bureau-id>/<year>" */
  id: string;
  bureauId: string;
  year: string;
  readonly data: BureauYear;
  /** The previous year's data, when its file exists. */
  readonly previous?: BureauYear;
  readonly figures: Figures;
  readonly narrative: RenderedNarrative;
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

/**
 * A bureau-year with its figures and narrative, each computed the first time
 * it is read: the charts and trends need only the figures, the year page also
 * the narrative (the costliest part). The input's data, narrative and
 * previous year are read only when needed, each time (the site's content is
 * held serialised and read back on demand, src/core/content-cache.ts).
 */
export function analyse(
  input: {
    id: string;
    data: BureauYear;
    narrative: string;
    narrativeFile: string;
    previous?: BureauYear;
    /** The narrative already rendered elsewhere (the check renders it the same way), when it is at hand. */
    rendered?: () => RenderedNarrative | undefined;
  },
  remember: Remember = keepEach(),
): Disclosure {
  const [bureauId = '', year = ''] = input.id.split('/');
  const figures = () => remember(`${input.id}#figures`, () => computeFigures(input.data, input.previous));
  return {
    id: input.id,
    bureauId,
    year,
    get data() {
      return input.data;
    },
    get previous() {
      return input.previous;
    },
    get figures() {
      return figures();
    },
    get narrative() {
      return remember(`${input.id}#narrative`, () => input.rendered?.() ?? renderNarrative(input.narrative, figures(), input.data, input.narrativeFile));
    },
  };
}
