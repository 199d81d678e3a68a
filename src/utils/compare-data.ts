/** The bureau comparison of one year as the page and its JSON file carry it (computed in src/core/compare.ts). */
import { compareBureaus } from '../core/compare.ts';
import type { Site } from './site.ts';
import { disclosureUrl } from './url.ts';

export interface CompareData {
  year: string;
  measures: { key: string; label: string; unit: string }[];
  bureaus: { id: string; name: string; shortName: string; href: string; cells: string[] }[];
  notes: string[];
}

export function compareData(s: Site, year: string): CompareData {
  const cmp = compareBureaus(year, s.keyedYears, new Map(s.bureaus.map((b) => [b.id, b.data])));
  return {
    year,
    measures: cmp.measures.map((m) => ({ ...m })),
    bureaus: cmp.rows.map((r) => ({ id: r.bureauId, name: r.name, shortName: r.shortName, href: disclosureUrl(r.bureauId, year), cells: r.cells })),
    notes: cmp.notes,
  };
}
