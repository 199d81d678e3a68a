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
  return {
    errors: disclosure.narrative.errors,
    findings: narrativeFindings(disclosure.narrative, disclosure.figures, entry.id, entry.narrativeFile, entry.data),
  };
}
