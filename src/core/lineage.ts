/**
 * Bureaus that were renamed, merged or split stay linked across years: a
 * bureau.yaml lists its `predecessors` and `successors` (folder names), and
 * each link shows on both bureaus' pages even when only one side records it.
 */
import type { Bureau } from './schema.ts';

export interface BureauLink {
  id: string;
  /** predecessor: last year of the earlier bureau; successor: first year of the later one. */
  year?: string;
  note?: string;
}

export interface Lineage {
  predecessors: BureauLink[];
  successors: BureauLink[];
}

type Ref = { id: string; data: Pick<Bureau, 'predecessors' | 'successors'> };

function add(list: BureauLink[], link: BureauLink) {
  const existing = list.find((l) => l.id === link.id);
  if (!existing) list.push(link);
  else {
    existing.year ??= link.year;
    existing.note ??= link.note;
  }
}

const link = (id: string, year: string | undefined, note: string | undefined): BureauLink => ({
  id,
  ...(year !== undefined ? { year } : {}),
  ...(note !== undefined ? { note } : {}),
});

/** Both directions of every link, for every bureau; links to unknown bureaus are left out (the checker reports them). */
export function bureauLineage(bureaus: readonly Ref[]): Map<string, Lineage> {
  const ids = new Set(bureaus.map((b) => b.id));
  const out = new Map<string, Lineage>(bureaus.map((b) => [b.id, { predecessors: [], successors: [] }]));
  for (const b of bureaus) {
    const own = out.get(b.id)!;
    for (const p of b.data.predecessors) {
      if (!ids.has(p.id) || p.id === b.id) continue;
      add(own.predecessors, link(p.id, p.until, p.note));
      add(out.get(p.id)!.successors, link(b.id, undefined, p.note));
    }
    for (const s of b.data.successors) {
      if (!ids.has(s.id) || s.id === b.id) continue;
      add(own.successors, link(s.id, s.from, s.note));
      add(out.get(s.id)!.predecessors, link(b.id, undefined, s.note));
    }
  }
  return out;
}

/** Links that name no bureau of the site (or the bureau itself). */
export function brokenLinks(bureaus: readonly Ref[]): { bureauId: string; field: 'predecessors' | 'successors'; index: number; id: string; self: boolean }[] {
  const ids = new Set(bureaus.map((b) => b.id));
  const out: ReturnType<typeof brokenLinks> = [];
  for (const b of bureaus) {
    for (const field of ['predecessors', 'successors'] as const) {
      b.data[field].forEach((l, index) => {
        if (l.id === b.id || !ids.has(l.id)) out.push({ bureauId: b.id, field, index, id: l.id, self: l.id === b.id });
      });
    }
  }
  return out;
}
