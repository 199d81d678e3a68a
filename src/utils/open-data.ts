/**
 * The site's open data files, made once per build from the same analysed
 * disclosures the pages show (src/core/open-data.ts does the work): each
 * bureau-year's JSON and CSVs, the site-wide CSVs, datapackage.json, the zip
 * of them all, and the index of every bureau-year with checksums.
 */
import {
  RESOURCES,
  bureauYearFiles,
  byteLength,
  dataPackage,
  sha256,
  siteCsv,
  siteCsvPath,
  type BureauYearRef,
  type DataFile,
  type ResourceName,
} from '../core/open-data.ts';
import { isoSeconds, sourceDate } from '../core/build-info.ts';
import { zipFiles } from '../core/zip.ts';
import { site, type Site } from './site.ts';
import { disclosureUrl, url } from './url.ts';
import { earlierVersions, versionUrl } from './versions.ts';

export const BULK_ZIP = 'data/juesuan-gongkai-csv.zip';
export const DATAPACKAGE = 'data/datapackage.json';
export const DATA_INDEX = 'data/index.json';

export interface OpenData {
  /** Per bureau-year files, by "<bureau>/<year>". */
  byBureauYear: Map<string, DataFile[]>;
  /** Site-wide files by path (under the base): CSVs, datapackage.json, index.json and the zip. */
  siteFiles: Map<string, string | Uint8Array>;
}

function refs(s: Site): BureauYearRef[] {
  return s.disclosures.map((d) => ({
    bureauId: d.bureauId,
    bureauName: s.bureau(d.bureauId).data.name,
    year: d.year,
    data: d.data,
    figures: d.figures,
  }));
}

const checksum = (path: string, content: string | Uint8Array) => ({ path: url(path), bytes: byteLength(content), sha256: sha256(content) });

async function make(): Promise<OpenData> {
  const s = await site();
  const all = refs(s);
  const date = sourceDate();
  const byBureauYear = new Map(all.map((r) => [`${r.bureauId}/${r.year}`, bureauYearFiles(r)]));
  const csvs = Object.fromEntries(RESOURCES.map((spec) => [spec.name, siteCsv(spec, all)])) as Record<ResourceName, string>;
  const pkg = dataPackage({
    title: s.config.siteName,
    organisation: s.config.organisation,
    years: all.map((r) => r.year),
    ...(date ? { created: isoSeconds(date) } : {}),
    files: csvs,
  });
  const siteFiles = new Map<string, string | Uint8Array>();
  for (const spec of RESOURCES) siteFiles.set(siteCsvPath(spec.name), csvs[spec.name]);
  siteFiles.set(DATAPACKAGE, pkg);
  const zip = zipFiles(
    [{ name: 'datapackage.json', content: pkg }, ...RESOURCES.map((spec) => ({ name: `${spec.name}.csv`, content: csvs[spec.name] }))],
    date,
  );
  siteFiles.set(BULK_ZIP, zip);

  const versions = await earlierVersions();
  const index = {
    name: 'juesuan-gongkai',
    title: `${s.config.siteName}：开放数据索引`,
    publisher: s.config.organisation,
    base: url(''),
    ...(date ? { created: isoSeconds(date) } : {}),
    unit: '万元',
    datapackage: checksum(DATAPACKAGE, pkg),
    bulk: checksum(BULK_ZIP, zip),
    resources: RESOURCES.map((spec) => ({ name: spec.name, title: spec.title, ...checksum(siteCsvPath(spec.name), csvs[spec.name]) })),
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
        files: (byBureauYear.get(d.id) ?? []).map((f) => ({ label: f.label, format: f.format, ...checksum(f.path, f.content) })),
      };
    }),
  };
  siteFiles.set(DATA_INDEX, `${JSON.stringify(index, null, 2)}\n`);
  return { byBureauYear, siteFiles };
}

let cached: Promise<OpenData> | undefined;

/** The open data of the whole site, made once per build. */
export function openData(): Promise<OpenData> {
  if (import.meta.env.DEV) return make();
  cached ??= make();
  return cached;
}

/** A file as the body of a static endpoint's response. */
export function fileResponse(path: string, content: string | Uint8Array): Response {
  const type = path.endsWith('.csv')
    ? 'text/csv; charset=utf-8'
    : path.endsWith('.json')
      ? 'application/json; charset=utf-8'
      : 'application/zip';
  return new Response(typeof content === 'string' ? content : new Uint8Array(content), { headers: { 'content-type': type } });
}
