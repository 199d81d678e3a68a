/**
 * Route data: the content (read through its cache, src/core/content-cache.ts) turned into what the pages render.
 * Every bureau-year goes through `analyse()`; its figures and narrative are
 * computed when a page first reads them, so every page reads the same figures.
 */
import { analyse, previousYear, type Disclosure } from '../core/disclosure.ts';
import { keepRecent } from '../core/remember.ts';
import type { Bureau } from '../core/schema.ts';
import { requireSiteConfig, type SiteConfig } from '../core/site-config.ts';
import { contentErrorsError } from '../core/load.ts';
import { loadContentCached } from '../core/content-cache.ts';
import { CONTENT_DIR } from '../core/paths.ts';
import { mergeGlossary, regionTree, type GlossaryTerm, type RegionTree } from '../core/catalogue.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFolder, CHECK_RESULT_ENV } from '../core/check/cache.ts';
import type { Finding } from '../core/findings.ts';
import type { RenderedNarrative } from '../core/narrative.ts';
import { auditEntries, byBureauYear, type AuditEntry } from '../core/audit.ts';
import { compareText } from '../core/order.ts';
import { perBuild } from './per-build.ts';
import type { KeyedYear } from '../core/compare.ts';
import { keyedYears } from './keyed-years.ts';

export interface BureauInfo {
  id: string;
  data: Bureau;
  /** Its disclosures, oldest first. */
  disclosures: Disclosure[];
}

export interface Site {
  config: SiteConfig;
  bureaus: BureauInfo[];
  disclosures: Disclosure[];
  /** Every bureau-year with only the figures the pages across bureaus show, computed once (or kept from the last build, src/utils/keyed-years.ts). */
  readonly keyedYears: KeyedYear[];
  regions: RegionTree;
  glossary: GlossaryTerm[];
  /** The checker's key of each bureau (src/core/check/cache.ts), which decides what a rebuild may reuse; null when there is none. */
  bureauKeys: Map<string, string> | null;
  /** Every finding of the checker and the audit (数据核对), in document order. */
  audit(): Promise<AuditEntry[]>;
  /**
   * The findings of one bureau-year ("<bureau-id>/<year>"). Under `npm run build` this waits for the check to
   * reach the bureau; a page that asks before reading the narrative gets the check's rendering of it.
   */
  auditOf(bureauYear: string): Promise<AuditEntry[]>;
  bureau(id: string): BureauInfo;
}

/**
 * Wait until `file` exists (another process writes it whole, by rename). The
 * wait lets Astro render other pages meanwhile (astro.config.mjs renders two
 * at a time): the site-wide 数据核对 page, which needs the whole check, does
 * not hold up the bureau-year pages of the bureaus already checked.
 */
async function waitFor(file: string): Promise<void> {
  while (!existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 50));
}

async function waitForJson<T>(file: string): Promise<T> {
  await waitFor(file);
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/**
 * The findings of the checker and the audit over the same content folder.
 * `npm run build` runs the check beside astro build and names the folder
 * where it writes them (CHECK_RESULT_ENV): one file per bureau as soon as that
 * bureau is checked, and _all.json at the end. A page waits for its bureau's
 * file only, so pages are rendered while the check is still running, and
 * nothing is checked twice. Otherwise (astro dev, astro build alone) the check
 * runs here, with its cache (src/core/check/cache.ts).
 */
function findingsSource(): {
  all: () => Promise<AuditEntry[]>;
  of: (bureauYear: string) => Promise<AuditEntry[]>;
  /** A narrative the check rendered, if its bureau is checked already (it never waits). */
  narrativeOf: (bureauYear: string) => RenderedNarrative | undefined;
} {
  const shared = import.meta.env.DEV ? undefined : process.env[CHECK_RESULT_ENV];
  let all: AuditEntry[] | undefined;
  if (!shared) {
    let grouped: Map<string, AuditEntry[]> | undefined;
    const local = () => (all ??= auditEntries(checkFolder(CONTENT_DIR).findings));
    return { all: async () => local(), of: async (id) => (grouped ??= byBureauYear(local())).get(id) ?? [], narrativeOf: () => undefined };
  }
  const bureaus = new Map<string, AuditEntry[]>();
  // The narratives of the bureau whose pages are being rendered (pages of one bureau come one after another).
  let narratives: { bureauId: string; byId: Record<string, RenderedNarrative> } | undefined;
  return {
    narrativeOf(id) {
      const bureauId = id.split('/')[0]!;
      if (narratives?.bureauId !== bureauId) {
        // The check writes a bureau's narratives before its findings: with the findings there, they are complete.
        if (!existsSync(join(shared, `${bureauId}.json`))) return undefined;
        const file = join(shared, `${bureauId}.narratives.json`);
        narratives = { bureauId, byId: existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, RenderedNarrative>) : {} };
      }
      return narratives.byId[id];
    },
    all: async () => (all ??= auditEntries((await waitForJson<{ findings: Finding[] }>(join(shared, '_all.json'))).findings)),
    async of(id) {
      const bureauId = id.split('/')[0]!;
      let list = bureaus.get(bureauId);
      if (!list) {
        list = auditEntries((await waitForJson<{ findings: Finding[] }>(join(shared, `${bureauId}.json`))).findings);
        bureaus.set(bureauId, list);
      }
      return list.filter((f) => f.bureauYear === id);
    },
  };
}

/**
 * Figures and narratives are computed when a page first reads them (see
 * analyse()), and only the most recently used are kept: memory stays flat
 * however many bureau-years the site has (Astro renders two pages at a time,
 * and a page needs at most its bureau's years). One store per load of the
 * content, so that under `astro dev` an edited bureau-year is computed afresh.
 */
const RECENT = 128;

async function load(): Promise<Site> {
  const config = requireSiteConfig();
  // A content error stops the build with its file:line; in `astro dev` the page shows it instead of stale content.
  const content = loadContentCached(CONTENT_DIR);
  if (content.errors.length > 0) throw contentErrorsError(content.errors);
  const raw = content.years;
  const findings = findingsSource();
  const remember = keepRecent(RECENT);
  const disclosures = raw
    .map((entry) => {
      const previous = previousYear(raw, entry);
      // The data and narrative are read when a page asks for them (the content is held serialised, src/core/content-cache.ts).
      return analyse({
        id: entry.id,
        get data() {
          return entry.data;
        },
        get narrative() {
          return entry.narrative;
        },
        narrativeFile: entry.narrativeFile,
        get previous() {
          return previous?.data;
        },
        // A narrative the check has already rendered (npm run build) is taken as it is, not rendered again.
        rendered: () => findings.narrativeOf(entry.id),
      }, remember);
    })
    .sort((a, b) => compareText(a.bureauId, b.bureauId) || compareText(a.year, b.year));
  const byBureau = Map.groupBy(disclosures, (d) => d.bureauId);
  const bureaus: BureauInfo[] = content.bureaus
    .map((b) => ({ id: b.id, data: b.data, disclosures: byBureau.get(b.id) ?? [] }))
    .sort((a, b) => compareText(a.data.region.code, b.data.region.code) || compareText(a.id, b.id));
  const byId = new Map(bureaus.map((b) => [b.id, b]));
  const glossary = mergeGlossary(
    disclosures.map((d) => ({
      bureauId: d.bureauId,
      bureauName: byId.get(d.bureauId)?.data.name ?? d.bureauId,
      year: d.year,
      glossary: d.data.glossary,
    })),
  );
  let keyed: KeyedYear[] | undefined;
  return {
    config,
    bureaus,
    disclosures,
    get keyedYears() {
      return (keyed ??= keyedYears(disclosures, content.keys));
    },
    regions: regionTree(bureaus),
    glossary,
    bureauKeys: content.keys,
    audit: findings.all,
    auditOf: findings.of,
    bureau(id: string) {
      const b = byId.get(id);
      if (!b) throw new Error(`未知部门 / unknown bureau: ${id}`);
      return b;
    },
  };
}

/** The whole site's data, loaded once per build (and afresh on every request in `astro dev`, so edits show). */
export const site = perBuild(load);
