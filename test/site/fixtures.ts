/** Small bureau-years for the site's unit tests, parsed by the real schema and analysed like the pages do. */
import { analyse, type Disclosure } from '../../src/core/disclosure.ts';
import { bureauYearSchema, type BureauYear } from '../../src/core/schema.ts';

export function bureauYear(y: string, extra: Record<string, unknown> = {}): BureauYear {
  return bureauYearSchema.parse({
    year: y,
    asOf: `${y}-12-31`,
    template: 'wuhan',
    source: { title: 'test' },
    scope: { kind: '本级', units: ['本级'] },
    tables: {},
    ...extra,
  });
}

export function disclosure(id: string, data: BureauYear, previous?: BureauYear, narrative = ''): Disclosure {
  return analyse({ id, data, narrative, narrativeFile: `${id}/narrative.md`, ...(previous ? { previous } : {}) });
}

/** A complete small year: 01, 02, 03, 05 with two 类. */
export function fullYear(y: string, total: string, basic: string, project: string, extra: Record<string, unknown> = {}): BureauYear {
  return bureauYear(y, {
    tables: {
      t01: { lines: { '1': total, '27': total, '30': total, '57': total, '60': total } },
      t02: { summary: { total, fiscal: total }, rows: [] },
      t03: { summary: { total, basic, project }, rows: [] },
      t05: {
        summary: { total, basic, project },
        rows: [
          { code: '208', name: '社会保障和就业支出', total: basic },
          { code: '210', name: '卫生健康支出', total: project },
        ],
      },
    },
    ...extra,
  });
}
