/**
 * The site's open data files, made once per build from the same analysed
 * disclosures the pages show (src/core/open-data.ts does the work): each
 * bureau-year's JSON and CSVs, the site-wide CSVs, datapackage.json, the zip
 * of them all, and the index of every bureau-year with checksums.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  RESOURCES,
  bureauYearFiles,
  byteLength,
  csvHeader,
  csvRows,
  dataPackage,
  resourceSpec,
  sha256,
  siteCsvPath,
  type BureauYearRef,
  type DataFile,
  type ResourceName,
  PREVIOUS_SITE_ENV,
} from '../core/open-data.ts';
import { isoSeconds, sourceDate } from '../core/build-info.ts';
import { zipFiles } from '../core/zip.ts';
import { headersFor } from '../core/security.ts';
import { site, type Site } from './site.ts';
import type { Disclosure } from '../core/disclosure.ts';
import { disclosureUrl, url } from './url.ts';
import { earlierVersions, versionUrl } from './versions.ts';
import { perBuild } from './per-build.ts';
import { buildKeys } from './build-keys.ts';
import { writeWhole } from '../core/check/cache.ts';
import { BUILD_CACHE_ENV, OUTPUT_DIR_ENV } from '../core/paths.ts';
import { linkOrCopy } from '../core/files.ts';

export const BULK_ZIP = 'data/juesuan-gongkai-csv.zip';
export const DATAPACKAGE = 'data/datapackage.json';
export const DATA_INDEX = 'data/index.json';

export interface FileInfo {
  /** Path under the base. */
  path: string;
  label: string;
  format: DataFile['format'] | 'zip';
  bytes: number;
  sha256: string;
}

export interface OpenData {
  /** Per bureau-year files by "<bureau>/<year>". */
  byBureauYear: Map<string, FileInfo[]>;
  /** Site-wide files by path: the CSVs, datapackage.json, index.json and the zip. */
  siteFiles: Map<string, FileInfo>;
  /** The bytes of a file (by its path under the base), from the folder the files were written to. */
  read(path: string): Buffer;
}

function ref(s: Site, d: Disclosure): BureauYearRef {
  return { bureauId: d.bureauId, bureauName: s.bureau(d.bureauId).data.name, year: d.year, data: d.data, figures: d.figures };
}

/**
 * Where the files go. Under `astro build`, straight into the output folder
 * (astro.config.mjs names it): a large site has tens of thousands of them
 * (about 2 GB for 15,000 bureau-years), too many to hold in memory or to pass
 * through Astro's endpoints one by one, whose routes are then empty. Under
 * `astro dev`, into a temporary folder their endpoints serve from, made
 * afresh on each request and removed when the server stops.
 */
export const writtenToOutput = (): boolean => !import.meta.env.DEV && !!process.env[OUTPUT_DIR_ENV];

/** Temporary folders made under `astro dev`, oldest first. */
const staged: string[] = [];
function targetFolder(): string {
  if (writtenToOutput()) return process.env[OUTPUT_DIR_ENV]!;
  if (staged.length === 0) process.once('exit', () => staged.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  staged.push(mkdtempSync(join(tmpdir(), 'juesuan-open-data-')));
  return staged.at(-1)!;
}

/**
 * A folder is complete: the folders made before the one before it go. (Requests run side by side: one that
 * started before this folder was made may still be reading the folder before it.)
 */
function completed(dir: string): void {
  while (staged.length > 2 && staged[0] !== dir && staged[1] !== dir) rmSync(staged.shift()!, { recursive: true, force: true });
}

/** Folders made in this process: a large site writes tens of thousands of files into a few thousand folders. */
const madeFolders = new Set<string>();
function folderFor(file: string): void {
  const folder = dirname(file);
  if (madeFolders.has(folder)) return;
  mkdirSync(folder, { recursive: true });
  madeFolders.add(folder);
}

/** A file written whole, with its size and checksum. */
function writeFile(dir: string, path: string, label: string, format: FileInfo['format'], content: string | Uint8Array): FileInfo {
  const file = join(dir, path);
  folderFor(file);
  writeFileSync(file, content);
  return { path, label, format, bytes: byteLength(content), sha256: sha256(content) };
}

/** A site-wide CSV written piece by piece (header, then each bureau-year's rows), hashed as it goes. */
function csvSink(dir: string, name: ResourceName) {
  const path = siteCsvPath(name);
  const file = join(dir, path);
  folderFor(file);
  const fd = openSync(file, 'w');
  const hash = createHash('sha256');
  let bytes = 0;
  const write = (text: string | Uint8Array) => {
    const chunk = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    writeSync(fd, chunk);
    hash.update(chunk);
    bytes += chunk.byteLength;
  };
  write(csvHeader(name));
  return {
    write,
    close: (): FileInfo => {
      closeSync(fd);
      return { path, label: resourceSpec(name).title, format: 'csv', bytes, sha256: hash.digest('hex') };
    },
  };
}

/** A bureau-year's file as written, with what a later build needs to reuse it. */
interface WrittenFile extends FileInfo {
  resource?: ResourceName;
  /** When it was written: a file changed since (by hand) is not reused. */
  mtimeMs: number;
}

/**
 * What a build wrote for each bureau-year, and of the site-wide files for
 * which a key says what they are made from (the site-wide CSVs, the bulk zip),
 * under which key (src/utils/build-keys.ts), and the checksum of the
 * index.json it wrote. `npm run build` keeps it in its build cache
 * (BUILD_CACHE_ENV) and names the site it is replacing (PREVIOUS_SITE_ENV): a
 * bureau-year or site-wide file whose key is unchanged is linked from that
 * site instead of made again, if that site is the one the manifest describes
 * (same index.json) and each file is still as written.
 */
interface Manifest {
  index: string;
  bureauYears: Record<string, { key: string; files: WrittenFile[] }>;
  /** By path. */
  siteFiles?: Record<string, { key: string; file: WrittenFile }>;
}

const manifestFile = (): string | undefined =>
  writtenToOutput() && process.env[BUILD_CACHE_ENV] ? join(process.env[BUILD_CACHE_ENV], 'open-data.json') : undefined;

/** The files of a bureau-year in the site being replaced, if they can be reused under `key`. */
function previousSite():
  | {
      dir: string;
      files: (id: string, key: string) => WrittenFile[] | undefined;
      /** The site-wide file at `path` made under `key`, still as written. */
      siteFile: (path: string, key: string) => WrittenFile | undefined;
    }
  | undefined {
  const file = manifestFile();
  const dir = process.env[PREVIOUS_SITE_ENV];
  if (!file || !dir) return undefined;
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    if (sha256(readFileSync(join(dir, DATA_INDEX))) !== manifest.index) return undefined;
  } catch {
    return undefined;
  }
  const unchanged = (f: WrittenFile) => {
    try {
      const stat = statSync(join(dir, f.path));
      return stat.size === f.bytes && stat.mtimeMs === f.mtimeMs;
    } catch {
      return false;
    }
  };
  return {
    dir,
    files(id, key) {
      const entry = manifest.bureauYears[id];
      return entry?.key === key && entry.files.every(unchanged) ? entry.files : undefined;
    },
    siteFile(path, key) {
      const entry = manifest.siteFiles?.[path];
      return entry?.key === key && unchanged(entry.file) ? entry.file : undefined;
    },
  };
}

/** The same file in the new output: a hard link (the old site is removed once the new one is published), else a copy. */
function reuse(from: string, dir: string, path: string): void {
  const file = join(dir, path);
  folderFor(file);
  linkOrCopy(join(from, path), file);
}

/** A file as written, with the time a later build checks it by. */
const written = (dir: string, info: FileInfo): WrittenFile => ({ ...info, mtimeMs: statSync(join(dir, info.path)).mtimeMs });

/** A site-wide CSV: the header, then the rows of each bureau-year's CSV of it, bureau then year, read back from `dir`. */
function joinedCsv(dir: string, name: ResourceName, parts: readonly WrittenFile[]): WrittenFile {
  const sink = csvSink(dir, name);
  for (const f of parts) sink.write(csvRows({ ...f, resource: name, content: readFileSync(join(dir, f.path)) }));
  return written(dir, sink.close());
}

/**
 * Every bureau-year, bureau then year: its files are made, written, measured
 * and hashed (or, unchanged since the site being replaced, linked from it);
 * then the site-wide CSVs (each joining every bureau-year's CSV of it),
 * datapackage.json, the zip and index.json. Only names, sizes and checksums
 * stay in memory.
 */
async function make(): Promise<OpenData> {
  const s = await site();
  const dir = targetFolder();
  const date = sourceDate();
  const keys = await buildKeys();
  const previous = previousSite();
  const manifest: Manifest = { index: '', bureauYears: {}, siteFiles: {} };
  /**
   * The site-wide file at `path`, made under `key`: linked from the site being replaced when it was made
   * there under the same key and is still as written (a site-wide CSV whose bureau-year CSVs are the same,
   * in the same order: a rebuild after a narrative changed), else made.
   */
  const keptOrMade = async (path: string, key: string | undefined, make: () => WrittenFile | Promise<WrittenFile>): Promise<WrittenFile> => {
    const kept = key === undefined ? undefined : previous?.siteFile(path, key);
    if (kept) reuse(previous!.dir, dir, path);
    const file = kept ?? (await make());
    if (key !== undefined) manifest.siteFiles![path] = { key, file };
    return file;
  };
  const byBureauYear = new Map<string, FileInfo[]>();
  const parts = new Map<ResourceName, WrittenFile[]>(RESOURCES.map((spec) => [spec.name, []]));
  for (const d of s.disclosures) {
    const key = keys.bureauYearFiles(d);
    let files = key === undefined ? undefined : previous?.files(d.id, key);
    if (files) for (const f of files) reuse(previous!.dir, dir, f.path);
    else {
      files = bureauYearFiles(ref(s, d)).map((f) => ({
        ...written(dir, writeFile(dir, f.path, f.label, f.format, f.content)),
        ...(f.resource ? { resource: f.resource } : {}),
      }));
    }
    for (const f of files) if (f.resource) parts.get(f.resource)!.push(f);
    byBureauYear.set(d.id, files);
    if (key !== undefined) manifest.bureauYears[d.id] = { key, files };
  }
  const csvs = new Map<ResourceName, FileInfo>();
  for (const [name, files] of parts) {
    csvs.set(name, await keptOrMade(siteCsvPath(name), keys.siteCsv(name, files.map((f) => f.sha256)), () => joinedCsv(dir, name, files)));
  }
  const siteFiles = new Map<string, FileInfo>();
  for (const info of csvs.values()) siteFiles.set(info.path, info);
  const pkg = dataPackage({
    title: s.config.siteName,
    organisation: s.config.organisation,
    years: s.disclosures.map((d) => d.year),
    ...(date ? { created: isoSeconds(date) } : {}),
    files: Object.fromEntries(csvs) as Record<ResourceName, FileInfo>,
  });
  siteFiles.set(DATAPACKAGE, writeFile(dir, DATAPACKAGE, '数据说明', 'json', pkg));
  // The same datapackage.json (every CSV's checksum, the date) makes the same zip: a rebuild where no CSV changed keeps it.
  const bulk = await keptOrMade(BULK_ZIP, keys.bulkZip(pkg), async () => {
    const zip = await zipFiles(
      [{ name: 'datapackage.json', content: pkg }, ...RESOURCES.map((spec) => ({ name: `${spec.name}.csv`, content: readFileSync(join(dir, siteCsvPath(spec.name))) }))],
      date,
    );
    return written(dir, writeFile(dir, BULK_ZIP, '全部数据', 'zip', zip));
  });
  siteFiles.set(BULK_ZIP, bulk);

  const versions = await earlierVersions();
  const checksum = (f: FileInfo) => ({ path: url(f.path), bytes: f.bytes, sha256: f.sha256 });
  const index = {
    name: 'juesuan-gongkai',
    title: `${s.config.siteName}：开放数据索引`,
    publisher: s.config.organisation,
    base: url(''),
    ...(date ? { created: isoSeconds(date) } : {}),
    unit: '万元',
    datapackage: checksum(siteFiles.get(DATAPACKAGE)!),
    bulk: checksum(siteFiles.get(BULK_ZIP)!),
    resources: RESOURCES.map((spec) => ({ name: spec.name, title: spec.title, ...checksum(csvs.get(spec.name)!) })),
    bureauYears: s.disclosures.map((d) => {
      const bureau = s.bureau(d.bureauId).data;
      return {
        id: d.id,
        bureauId: d.bureauId,
        bureauName: bureau.name,
        shortName: bureau.shortName,
        region: bureau.region,
        year: d.year,
        published: d.data.published ?? null,
        asOf: d.data.asOf,
        url: disclosureUrl(d.bureauId, d.year),
        corrections: d.data.corrections,
        earlierVersions: versions.filter((v) => v.id === d.id).map((v) => ({ date: v.date, url: versionUrl(v.bureauId, v.year, v.date) })),
        files: (byBureauYear.get(d.id) ?? []).map((f) => ({ label: f.label, format: f.format, ...checksum(f) })),
      };
    }),
  };
  siteFiles.set(DATA_INDEX, writeFile(dir, DATA_INDEX, '部门年度索引', 'json', `${JSON.stringify(index, null, 2)}\n`));
  const kept = manifestFile();
  if (kept) {
    manifest.index = siteFiles.get(DATA_INDEX)!.sha256;
    mkdirSync(dirname(kept), { recursive: true });
    writeWhole(kept, JSON.stringify(manifest));
  }
  if (!writtenToOutput()) completed(dir);
  return { byBureauYear, siteFiles, read: (path) => readFileSync(join(dir, path)) };
}

/** The open data of the whole site, made once per build (afresh per request in `astro dev`). */
export const openData = perBuild(make);

/** A written file as the body of a static endpoint's response (under `astro dev`), typed as the server types it. */
export async function fileResponse(path: string): Promise<Response> {
  return new Response((await openData()).read(path) as Uint8Array<ArrayBuffer>, { headers: { 'content-type': headersFor(path)['Content-Type']! } });
}
