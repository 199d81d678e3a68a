/**
 * Earlier versions of corrected bureau-years and the archive record
 * (content/archive.yaml), for the archive page and the /v/<date>/ pages.
 */
import { loadContent, formatContentError } from '../core/load.ts';
import { hasEarlierVersions, loadArchive, loadVersions, type Archive } from '../core/archive.ts';
import { analyse, previousYear, type Disclosure } from '../core/disclosure.ts';
import { CONTENT_DIR } from '../core/paths.ts';
import type { BureauYear } from '../core/schema.ts';
import { url } from './url.ts';
import { perBuild } from './per-build.ts';

export interface VersionPage extends Disclosure {
  /** The date this earlier version was published. */
  date: string;
}

/** /<bureau>/<year>/v/<date>/ */
export const versionUrl = (bureauId: string, year: string, date: string) => url(`${bureauId}/${year}/v/${date}/`);

/**
 * Every earlier version, analysed like the current pages (oldest first per
 * bureau-year). Only the bureau-years with a versions/ folder, and the year
 * before each, are read: the others are not parsed again. Made once per build.
 */
async function load(): Promise<VersionPage[]> {
  const nextYearId = (id: string) => id.replace(/\/(\d+)$/, (_, y: string) => `/${Number(y) + 1}`);
  const kept = (id: string) => hasEarlierVersions(CONTENT_DIR, id);
  const { content } = loadContent(CONTENT_DIR, { skipYear: (id) => !kept(id) && !kept(nextYearId(id)) });
  const { versions, errors } = loadVersions(content);
  if (errors.length > 0) throw new Error(`旧版本有误 / earlier versions are invalid:\n${errors.map(formatContentError).join('\n')}`);
  return versions.map((v) => {
    const previous = previousYear<{ bureauId: string; year: string; data: BureauYear }>(content.years, v);
    // Object.assign, not a spread: the figures and narrative stay computed on first read.
    return Object.assign(
      analyse({ id: v.id, data: v.data, narrative: v.narrative, narrativeFile: v.narrativeFile, ...(previous ? { previous: previous.data } : {}) }),
      { date: v.date },
    );
  });
}

export const earlierVersions = perBuild(load);

/** content/archive.yaml: published bureau-years and snapshots. */
export function archiveRecord(): Archive {
  const { archive, errors } = loadArchive(CONTENT_DIR);
  if (errors.length > 0) throw new Error(`存档记录有误 / archive.yaml is invalid:\n${errors.map(formatContentError).join('\n')}`);
  return archive;
}
