/**
 * The archive record (content/archive.yaml) and corrections: a published
 * bureau-year may not disappear, a correction keeps its earlier version, and
 * `--record` appends a snapshot without losing the file's comments.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchive, loadArchive, loadVersions, recordSnapshot } from '../../src/core/archive.ts';
import { loadContent } from '../../src/core/load.ts';
import { BUREAU, CLEAN, writeContent } from '../check/fixtures.ts';

const HASH = 'a'.repeat(64);

function fixture(archive: string, options: { corrections?: string; version?: string } = {}) {
  const data = options.corrections ? `${CLEAN}corrections:\n${options.corrections}` : CLEAN;
  const { root } = writeContent({ test: { bureau: BUREAU, years: { '2023': data } } });
  writeFileSync(join(root, 'archive.yaml'), archive);
  if (options.version) {
    const dir = join(root, 'bureaus', 'test', '2023', 'versions', options.version);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'data.yaml'), CLEAN);
    writeFileSync(join(dir, 'narrative.md'), '# 情况说明\n');
  }
  const { content } = loadContent(root);
  return { root, content };
}

const findingsOf = (root: string, content: ReturnType<typeof loadContent>['content']) => checkArchive(content, root, loadVersions(content).versions);

describe('published bureau-years', () => {
  it('a published bureau-year present in the content passes', () => {
    const { root, content } = fixture('published:\n  - test/2023\n');
    expect(findingsOf(root, content)).toEqual([]);
  });

  it('a published bureau-year that disappeared is an error naming it and its line in archive.yaml', () => {
    const { root, content } = fixture('published:\n  - test/2023\n  - test/2022\n');
    const findings = findingsOf(root, content);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', rule: 'archive.published-missing', bureauYear: 'test/2022', line: 3 });
    expect(findings[0]!.file).toMatch(/archive\.yaml$/);
    expect(findings[0]!.message).toContain('不得删除');
  });

  it('npm run check fails on it, with file and line', () => {
    const { root } = fixture('published:\n  - test/2023\n  - gone-bureau/2021\n');
    const r = spawnSync(process.execPath, ['scripts/check.ts', '--quiet'], { encoding: 'utf8', env: { ...process.env, CONTENT_DIR: root } });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/archive\.yaml:3 错误 \[archive\.published-missing\] 已发布的部门年度 gone-bureau\/2021/);
  });

  it('a malformed entry is a content error with its line', () => {
    const { root } = fixture('published:\n  - test-2023\n');
    const { errors } = loadArchive(root);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 2, field: 'published.0' });
  });
});

describe('corrections and earlier versions', () => {
  const correction = '  - { date: 2024-07-15, note: 更正 05 表行政运行金额, supersedes: 2024-06-30 }\n';

  it('a correction with its earlier version kept passes, and the version loads', () => {
    const { root, content } = fixture('published: [test/2023]\n', { corrections: correction, version: '2024-06-30' });
    expect(findingsOf(root, content)).toEqual([]);
    const { versions, errors } = loadVersions(content);
    expect(errors).toEqual([]);
    expect(versions.map((v) => [v.id, v.date])).toEqual([['test/2023', '2024-06-30']]);
    expect(content.years[0]!.data.corrections).toEqual([{ date: '2024-07-15', note: '更正 05 表行政运行金额', supersedes: '2024-06-30' }]);
  });

  it('a correction whose earlier version is missing is an error at its line', () => {
    const { root, content } = fixture('', { corrections: correction });
    const findings = findingsOf(root, content);
    expect(findings.map((f) => f.rule)).toEqual(['archive.version-missing']);
    expect(findings[0]!.field).toBe('corrections.0.supersedes');
    expect(findings[0]!.message).toContain('versions/2024-06-30/data.yaml');
  });

  it('an earlier version without a correction note is an error', () => {
    const { root, content } = fixture('', { version: '2024-06-30' });
    expect(findingsOf(root, content).map((f) => f.rule)).toEqual(['archive.version-unexplained']);
  });
});

describe('recordSnapshot', () => {
  it('appends the snapshot, adds the bureau-years to published (sorted, once) and keeps comments', () => {
    const { root } = fixture('# 说明：不要删除\npublished:\n  - test/2023\nsnapshots: []\n');
    const snapshot = { date: '2024-07-01', manifestSha256: HASH, name: 'juesuan-snapshot-2024-07-01', base: '/zwgk/czzj/' };
    recordSnapshot(root, snapshot, ['test/2023', 'a-bureau/2022']);
    recordSnapshot(root, { ...snapshot, date: '2024-08-01', name: 'second' }, ['test/2023']);
    const text = readFileSync(join(root, 'archive.yaml'), 'utf8');
    expect(text).toContain('# 说明：不要删除');
    const { archive, errors } = loadArchive(root);
    expect(errors).toEqual([]);
    expect(archive.published).toEqual(['a-bureau/2022', 'test/2023']);
    expect(archive.snapshots.map((s) => [s.date, s.name, s.manifestSha256])).toEqual([
      ['2024-07-01', 'juesuan-snapshot-2024-07-01', HASH],
      ['2024-08-01', 'second', HASH],
    ]);
  });

  it('creates archive.yaml when there is none', () => {
    const { root } = fixture('');
    rmSync(join(root, 'archive.yaml'));
    recordSnapshot(root, { date: '2024-07-01', manifestSha256: HASH, name: 'x' }, ['test/2023']);
    expect(loadArchive(root).archive).toEqual({ published: ['test/2023'], snapshots: [{ date: '2024-07-01', manifestSha256: HASH, name: 'x' }] });
  });
});
