/**
 * The checker over a content folder, with its result kept per bureau.
 *
 * What the checker finds in a bureau-year depends only on that bureau's files
 * (its data.yaml and narrative.md, and last year's), the classification lists
 * and the checker's own code. So the result of each bureau is stored under a
 * key made of exactly those: the bytes of the bureau's bureau.yaml, the names
 * of its folders and files and the bytes of every data.yaml and narrative.md,
 * the bytes of the classification lists, and the source of src/core with the
 * package-lock (library versions). A bureau whose key is unchanged is neither
 * parsed nor checked again; its findings are read back. The rules about the
 * bureau files across the site (two bureaus with one name, a parent that does
 * not exist) are cheap and always run.
 *
 * A bureau with a file that cannot be read or validated is never stored: its
 * errors are reported afresh on every run.
 *
 * The cache lives in node_modules/.cache/juesuan-check/ (one folder per content
 * folder, one JSON file per bureau); deleting it only makes the next check slower.
 * JUESUAN_CHECK_CACHE=0 turns it off.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { linkOrCopy } from '../files.ts';
import { join, resolve } from 'node:path';
import { loadClassification } from '../classification.ts';
import { errorsUnder, loadContent, type BureauEntry, type BureauYearEntry, type ContentError } from '../load.ts';
import { sortFindings, type Finding } from '../findings.ts';
import { checkBureauFiles, checkYears } from './index.ts';

/** Bump when the stored form changes. */
const FORMAT = 2;
/** Bureaus loaded and checked together. */
const BATCH = 32;

export interface CheckedFolder {
  bureaus: number;
  bureauYears: number;
  /** Content errors: unreadable or invalid files, unknown figure names. Any of them stops the build. */
  errors: ContentError[];
  findings: Finding[];
  /** Bureaus whose result came from the cache, and those checked in this run. */
  cached: number;
  checked: number;
}

export interface BureauResult {
  errors: ContentError[];
  findings: Finding[];
  /**
   * Write its bureau-years' rendered narratives (JSON by bureau-year id) whole to `file`: a result from the cache
   * hands on its stored file as it is (hard-linked, else copied), not read. False when they are not at hand.
   */
  shareNarratives: (file: string) => boolean;
}

/** Beside each bureau's stored result: its rendered narratives (large, read only when handed on). */
const narrativesFile = (file: string) => file.replace(/\.json$/, '.narratives.json');


interface Stored {
  format: number;
  key: string;
  years: number;
  errors: ContentError[];
  findings: Finding[];
}

const sha1 = () => createHash('sha1');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).sort();
}

let codeDigestMemo: string | null | undefined;
/** The checker's source (all of src/core, run from the project folder) and the library versions; null when they cannot be found. */
function codeDigest(): string | null {
  if (codeDigestMemo !== undefined) return codeDigestMemo;
  const core = resolve('src/core');
  const lock = resolve('package-lock.json');
  const files = filesUnder(core);
  if (files.length === 0 || !existsSync(lock)) return (codeDigestMemo = null);
  const h = sha1().update(`format ${FORMAT}\0`).update(readFileSync(lock));
  for (const f of files) h.update(`\0${f}\0`).update(readFileSync(join(core, f)));
  return (codeDigestMemo = h.digest('hex'));
}

function listDirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort();
}

/** The key of one bureau's result: everything its findings depend on (see the top of this file). */
function bureauKey(base: string, bureauDir: string): string {
  const h = sha1().update(base);
  const bureauFile = join(bureauDir, 'bureau.yaml');
  h.update('\0bureau.yaml\0').update(existsSync(bureauFile) ? readFileSync(bureauFile) : '(none)');
  for (const name of readdirSync(bureauDir).sort()) {
    h.update(`\0${name}`);
    const dir = join(bureauDir, name);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).sort()) {
      h.update(`\0${name}/${file}`);
      if (file === 'data.yaml' || file === 'narrative.md') h.update('\0').update(readFileSync(join(dir, file)));
    }
  }
  return h.digest('hex');
}

/**
 * The key of every bureau under `root` (by bureau id): what the checker's
 * result depends on, and so also what a page or file made from nothing but
 * that bureau's files depends on. Null when the checker's code or the
 * classification lists cannot be read (then nothing can be reused).
 */
export function bureauKeys(root: string): Map<string, string> | null {
  const code = codeDigest();
  const classificationDir = join(root, 'classifications');
  const lists = ['functional', 'economic'].map((kind) => join(classificationDir, `${kind}.yaml`));
  if (code === null || !lists.every((f) => existsSync(f))) return null;
  const base = sha1().update(code);
  for (const list of lists) base.update('\0').update(readFileSync(list));
  const baseDigest = base.digest('hex');
  const bureausDir = join(root, 'bureaus');
  return new Map(listDirs(bureausDir).map((bureauId) => [bureauId, bureauKey(baseDigest, join(bureausDir, bureauId))]));
}

function readStored(file: string, key: string): Stored | null {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Stored;
    return stored.format === FORMAT && stored.key === key ? stored : null;
  } catch {
    return null;
  }
}

/** Made under a temporary name and renamed, so a reader (another process) never sees half a file. */
function whole(file: string, make: (tmp: string) => void): void {
  const tmp = `${file}.${process.pid}.tmp`;
  make(tmp);
  renameSync(tmp, file);
}

export function writeWhole(file: string, text: string | Uint8Array): void {
  whole(file, (tmp) => writeFileSync(tmp, text));
}

/** `from` placed at `file` whole: hard-linked (every file here is only ever replaced, never changed), else copied. */
function copyWhole(from: string, file: string): void {
  whole(file, (tmp) => {
    rmSync(tmp, { force: true });
    linkOrCopy(from, tmp);
  });
}

const writeStored = (file: string, stored: Stored) => writeWhole(file, JSON.stringify(stored));

/**
 * The environment variable naming a folder where `npm run check` writes its
 * findings: <bureau-id>.json ({ findings }) as soon as a bureau is checked,
 * and _all.json when the whole check passes (no bureau id starts with _). scripts/build.ts sets it so that
 * astro build, running beside the check, reads them instead of checking again
 * (src/utils/site.ts).
 */
export const CHECK_RESULT_ENV = 'JUESUAN_CHECK_RESULT';

export function defaultCacheDir(): string {
  return resolve('node_modules/.cache/juesuan-check');
}

/** Where the results of one content folder are kept. */
export function cacheFolderOf(root: string, cacheDir = defaultCacheDir()): string {
  return join(cacheDir, sha1().update(`${resolve(root)}\0${process.cwd()}`).digest('hex').slice(0, 16));
}

/**
 * Load and check the content folder `root` (holding bureaus/ and
 * classifications/). With a cache folder (the default; false turns it off),
 * only bureaus whose files changed since the last run are parsed and checked.
 * The result is the same either way.
 */
export function checkFolder(
  root: string,
  options: {
    cacheDir?: string | false;
    /**
     * Called with each bureau's result as soon as it is known (from the cache or checked), in name order.
     * `shareNarratives(file)` writes its bureau-years' rendered narratives there.
     */
    onBureau?: (bureauId: string, result: BureauResult) => void;
  } = {},
): CheckedFolder {
  const classificationDir = join(root, 'classifications');
  const { classification, errors: classificationErrors } = loadClassification(classificationDir);
  const code = options.cacheDir === false || process.env.JUESUAN_CHECK_CACHE === '0' ? null : codeDigest();
  // Display paths in findings are relative to the working folder: it is part of the key.
  const folder = code === null ? null : cacheFolderOf(root, options.cacheDir || defaultCacheDir());

  const bureausDir = join(root, 'bureaus');
  const stored = new Map<string, Stored>();
  const cached = folder !== null && classificationErrors.length === 0;
  const keys = (cached ? bureauKeys(root) : null) ?? new Map<string, string>();
  if (cached) {
    mkdirSync(folder, { recursive: true });
    for (const [bureauId, key] of keys) {
      const hit = readStored(join(folder, `${bureauId}.json`), key);
      if (hit) stored.set(bureauId, hit);
    }
    // Results of bureaus that are gone.
    for (const file of readdirSync(folder)) {
      if (file.endsWith('.json') && !keys.has(file.replace(/(\.narratives)?\.json$/, ''))) rmSync(join(folder, file), { force: true });
    }
  }

  // Bureaus are loaded and checked a batch at a time, and only their findings are kept: memory does not grow
  // with the size of the site (a parsed data.yaml with its line positions is many times the size of the file).
  const names = listDirs(bureausDir);
  const errors: ContentError[] = [...classificationErrors];
  const findings: Finding[] = [];
  const bureaus: BureauEntry[] = [];
  let bureauYears = 0;
  let checked = 0;
  for (let start = 0; start < names.length; start += BATCH) {
    const batch = new Set(names.slice(start, start + BATCH));
    const { content, errors: loadErrors } = loadContent(root, {
      bureaus: (bureauId) => batch.has(bureauId),
      skipYear: (id) => stored.has(id.slice(0, id.indexOf('/'))),
    });
    errors.push(...loadErrors);
    bureaus.push(...content.bureaus);
    const fresh = new Map<string, BureauYearEntry[]>();
    for (const entry of content.years) fresh.set(entry.bureauId, [...(fresh.get(entry.bureauId) ?? []), entry]);
    // Bureau by bureau in name order, stored or checked now: the same order as without the cache.
    for (const bureauId of batch) {
      const hit = stored.get(bureauId);
      if (hit) {
        errors.push(...hit.errors);
        findings.push(...hit.findings);
        bureauYears += hit.years;
        const file = narrativesFile(join(folder!, `${bureauId}.json`));
        const shareNarratives = (to: string) => existsSync(file) && (copyWhole(file, to), true);
        options.onBureau?.(bureauId, { errors: hit.errors, findings: hit.findings, shareNarratives });
        continue;
      }
      const years = fresh.get(bureauId);
      if (!years) continue;
      const result = checkYears(years, classification);
      checked++;
      errors.push(...result.errors);
      findings.push(...result.findings);
      bureauYears += years.length;
      let narratives: string | undefined;
      const narrativesText = () => (narratives ??= JSON.stringify(result.narratives));
      options.onBureau?.(bureauId, { errors: result.errors, findings: result.findings, shareNarratives: (to) => (writeWhole(to, narrativesText()), true) });
      const key = keys.get(bureauId);
      if (folder !== null && key !== undefined && !errorsUnder(loadErrors, join(bureausDir, bureauId))) {
        const file = join(folder, `${bureauId}.json`);
        // The narratives first: a stored result is only read back (and its narratives handed on) once its key is there.
        writeWhole(narrativesFile(file), narrativesText());
        writeStored(file, { format: FORMAT, key, years: years.length, errors: result.errors, findings: result.findings });
      }
    }
  }
  // The rules across bureaus. (A bureau-year without its bureau cannot come from a folder: loadContent drops it.)
  findings.push(...checkBureauFiles({ root, bureaus, years: [] }));
  return { bureaus: bureaus.length, bureauYears, errors, findings: sortFindings(findings), cached: stored.size, checked };
}
