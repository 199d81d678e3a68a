/**
 * The narrative against the numbers: every figure the prose publishes
 * (the label of `:fig[…]{name=…}`) is compared with the computed one.
 * An unknown figure name or heading is a content error (it breaks the page);
 * a published figure that disagrees is a warning: the bureau's own wording is
 * kept and the site notes it.
 */
import type { BureauYearEntry, ContentError } from '../load.ts';
import type { Finding } from '../findings.ts';
import { analyse, previousYear } from '../disclosure.ts';
import { narrativeFindings } from '../narrative.ts';

export function checkNarrative(
  entry: BureauYearEntry,
  all: readonly BureauYearEntry[],
): { errors: ContentError[]; findings: Finding[] } {
  const previous = previousYear(all, entry);
  const disclosure = analyse({
    id: entry.id,
    data: entry.data,
    narrative: entry.narrative,
    narrativeFile: entry.narrativeFile,
    ...(previous ? { previous: previous.data } : {}),
  });
  const findings = narrativeFindings(disclosure.narrative, disclosure.figures, entry.id, entry.narrativeFile, entry.data);
  if (entry.data.draft === undefined) return { errors: disclosure.narrative.errors, findings };
  // In a draft (npm run new) a figure named by last year's prose may not exist until its table is filled.
  const pending = (e: ContentError) => e.field !== '' && !disclosure.figures.has(e.field) && e.message.includes('unknown figure name');
  return {
    errors: disclosure.narrative.errors.filter((e) => !pending(e)),
    findings: [
      ...findings,
      ...disclosure.narrative.errors.filter(pending).map(
        (e): Finding => ({
          severity: 'error',
          rule: 'draft.todo',
          bureauYear: entry.id,
          file: e.file,
          line: e.line,
          field: e.field,
          values: { 数据名称: e.field },
          message: `narrative.md 第 ${e.line} 行引用的数据“${e.field}”在草稿中还没有：填写相应的表后即有数值；本年度不再有此项时删去这句`,
        }),
      ),
    ],
  };
}
