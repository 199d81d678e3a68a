/**
 * What has been published, and the proof of it: content/archive.yaml lists
 * every bureau-year ever published (one may be corrected, never dropped) and
 * every snapshot (BagIt bag) made of the site, with the SHA-256 of its
 * manifest. Earlier versions of a corrected bureau-year are kept under
 * content/bureaus/<bureau>/<year>/versions/<date>/ (data.yaml, narrative.md).
 *
 * `npm run snapshot -- --record` appends to archive.yaml (recordSnapshot);
 * the checker refuses a published bureau-year that disappeared (checkArchive).
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { z } from 'zod';
import { isMap, isSeq, parseDocument } from 'yaml';
import { readText, readYaml, type Content, type ContentError } from './load.ts';
import { bureauYearSchema, date, optional, text, type BureauYear } from './schema.ts';
import type { Finding } from './findings.ts';

const bureauYearId = z.string().regex(/^[a-z0-9][a-z0-9-]*\/\d{4}$/, '应为 部门标识/年度，如 wuhan-jiangan-yibao/2023 / expected <bureau>/<year>');

export const snapshotSchema = z.strictObject({
  /** Bagging date, YYYY-MM-DD. */
  date,
  /** SHA-256 of the bag's manifest-sha256.txt: it fixes every file of the snapshot. */
  manifestSha256: z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位十六进制 SHA-256 / expected a hex SHA-256'),
  /** The bag's folder (or archive file) name. */
  name: text,
  /** The content's commit (git), when known. */
  commit: optional(z.string()),
  /** The base path the site was built for. */
  base: optional(z.string()),
  /** Files and bytes in the payload, e.g. "123456.78" (BagIt Payload-Oxum). */
  payloadOxum: optional(z.string()),
});
export type Snapshot = z.output<typeof snapshotSchema>;

export const archiveSchema = z.strictObject({
  /** Every bureau-year ever published; a listed one must stay in content (correct it, never drop it). */
  published: z.array(bureauYearId).default([]),
  /** Snapshots made with `npm run snapshot -- --record`, oldest first. */
  snapshots: z.array(snapshotSchema).default([]),
});
export type Archive = z.output<typeof archiveSchema>;

export const archiveFile = (contentDir: string) => join(contentDir, 'archive.yaml');

const display = (file: string) => relative(process.cwd(), file) || file;

/** Read content/archive.yaml (an absent file is an empty archive). */
export function loadArchive(contentDir: string): { archive: Archive; errors: ContentError[]; lineOf: (p: (string | number)[]) => number } {
  const file = archiveFile(contentDir);
  const errors: ContentError[] = [];
  const empty = { archive: { published: [], snapshots: [] }, errors, lineOf: () => 1 };
  if (!existsSync(file)) return empty;
  const source = readText(file, display(file), errors);
  const parsed = source === null ? null : readYaml(source, display(file), archiveSchema, errors);
  if (!parsed) return empty;
  return { archive: parsed.data, errors, lineOf: parsed.lineOf };
}

// ---------------------------------------------------------------------------
// Earlier versions

export interface EarlierVersion {
  /** "<bureau>/<year>" */
  id: string;
  bureauId: string;
  year: string;
  /** Publication date of this version (its folder name). */
  date: string;
  dataFile: string;
  narrativeFile: string;
  data: BureauYear;
  narrative: string;
}

/** Whether the bureau-year "<bureau>/<year>" of the content folder `root` keeps earlier versions (a versions/ folder). */
export function hasEarlierVersions(root: string, id: string): boolean {
  return existsSync(join(root, 'bureaus', id, 'versions'));
}

/** The earlier versions kept under each bureau-year's versions/ folder, oldest first. */
export function loadVersions(content: Content): { versions: EarlierVersion[]; errors: ContentError[] } {
  const errors: ContentError[] = [];
  const versions: EarlierVersion[] = [];
  for (const entry of content.years) {
    const dir = join(dirname(join(process.cwd(), entry.dataFile)), 'versions');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const folder = join(dir, name);
      if (!statSync(folder).isDirectory()) continue;
      const dataFile = join(folder, 'data.yaml');
      const narrativeFile = join(folder, 'narrative.md');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(name) || !existsSync(dataFile)) {
        errors.push({ file: display(folder), line: 1, field: '', message: '旧版本文件夹名应为发布日期 YYYY-MM-DD，内含 data.yaml / a version folder is named by its date and holds data.yaml' });
        continue;
      }
      const source = readText(dataFile, display(dataFile), errors);
      const parsed = source === null ? null : readYaml(source, display(dataFile), bureauYearSchema, errors);
      if (!parsed) continue;
      const narrative = existsSync(narrativeFile) ? (readText(narrativeFile, display(narrativeFile), errors) ?? '') : '';
      versions.push({
        id: entry.id,
        bureauId: entry.bureauId,
        year: entry.year,
        date: name,
        dataFile: display(dataFile),
        narrativeFile: display(narrativeFile),
        data: parsed.data,
        narrative,
      });
    }
  }
  return { versions, errors };
}

// ---------------------------------------------------------------------------
// Checks

/**
 * A published bureau-year that is no longer in the content is an error (it
 * must be corrected, not removed); a correction must point at a kept earlier
 * version, and an earlier version must be named by a correction.
 */
export function checkArchive(
  content: Content,
  contentDir: string,
  versions: readonly EarlierVersion[],
  /** Every bureau-year in the content, when `content` holds only those with a history (the rest were not read). */
  presentIds: Iterable<string> = content.years.map((y) => y.id),
): Finding[] {
  const { archive, lineOf } = loadArchive(contentDir);
  const file = display(archiveFile(contentDir));
  const present = new Set(presentIds);
  const findings: Finding[] = [];
  archive.published.forEach((id, i) => {
    if (present.has(id)) return;
    findings.push({
      severity: 'error',
      rule: 'archive.published-missing',
      bureauYear: id,
      file,
      line: lineOf(['published', i]),
      values: { 部门年度: id },
      message: `已发布的部门年度 ${id} 不在内容中：已发布的年度不得删除；如需更正，请修改数据并在 data.yaml 的 corrections 中写明更正说明，旧版本放在 versions/<日期>/ 下`,
    });
  });
  for (const entry of content.years) {
    entry.data.corrections.forEach((c, i) => {
      if (versions.some((v) => v.id === entry.id && v.date === c.supersedes)) return;
      findings.push({
        severity: 'error',
        rule: 'archive.version-missing',
        bureauYear: entry.id,
        file: entry.dataFile,
        line: entry.lineOf(['corrections', i, 'supersedes']),
        field: `corrections.${i}.supersedes`,
        values: { 旧版本: c.supersedes },
        message: `更正说明指向的旧版本 ${c.supersedes} 不存在：应保留在 versions/${c.supersedes}/data.yaml`,
      });
    });
  }
  for (const v of versions) {
    const entry = content.years.find((y) => y.id === v.id);
    if (!entry || entry.data.corrections.some((c) => c.supersedes === v.date)) continue;
    findings.push({
      severity: 'error',
      rule: 'archive.version-unexplained',
      bureauYear: v.id,
      file: entry.dataFile,
      line: entry.lineOf(['corrections']),
      field: 'corrections',
      values: { 旧版本: v.date },
      message: `保留了旧版本 ${v.date}，但 data.yaml 的 corrections 中没有对应的更正说明（date、note、supersedes: ${v.date}）`,
    });
  }
  return findings;
}

// ---------------------------------------------------------------------------
// Recording

/**
 * Append a snapshot to content/archive.yaml and add the bureau-years it
 * published to `published` (kept sorted). Comments and the rest of the file
 * are kept as they are.
 */
export function recordSnapshot(contentDir: string, snapshot: Snapshot, bureauYears: readonly string[]): void {
  const file = archiveFile(contentDir);
  const header =
    '# 已发布的部门年度与存档快照（npm run snapshot -- --record 自动追加）。\n' +
    '# published 中的部门年度一经发布不得删除：npm run check 会报错。更正见 README「存档快照」。\n';
  const doc = parseDocument(existsSync(file) ? (readText(file, display(file), []) ?? '') : `${header}published: []\nsnapshots: []\n`);
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as never;
  const published = doc.get('published');
  const list = new Set<string>([...(isSeq(published) ? (published.toJSON() as string[]) : []), ...bureauYears]);
  doc.set('published', doc.createNode([...list].sort()));
  const snapshots = doc.get('snapshots');
  const entry = Object.fromEntries(Object.entries(snapshot).filter(([, v]) => v !== undefined));
  if (isSeq(snapshots)) {
    snapshots.add(doc.createNode(entry));
    snapshots.flow = false; // one snapshot per block, also when the file said `snapshots: []`
  } else doc.set('snapshots', doc.createNode([entry]));
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
}
