/**
 * The checker's cache per bureau (src/core/check/cache.ts): the same result as
 * checking everything afresh, whatever changed; only the changed bureau is
 * checked again; a change to the classification lists checks everything again;
 * a broken file is reported on every run, never cached away.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '../../src/core/load.ts';
import { loadClassification } from '../../src/core/classification.ts';
import { checkAll } from '../../src/core/check/index.ts';
import { checkFolder } from '../../src/core/check/cache.ts';
import { analyse, previousYear } from '../../src/core/disclosure.ts';
import { bureauYearDir, generate, moveWages } from '../../scripts/synthetic/generate.ts';
import { D } from '../../src/core/money.ts';

const work = mkdtempSync(join(tmpdir(), 'check-cache-'));
const root = join(work, 'content');
const cacheDir = join(work, 'cache');
cpSync('content', root, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Everything checked afresh, without the cache. */
function afresh() {
  const { content, errors: loadErrors } = loadContent(root);
  const { classification, errors: classificationErrors } = loadClassification(join(root, 'classifications'));
  const checked = checkAll(content, classification);
  return { errors: [...classificationErrors, ...loadErrors, ...checked.errors], findings: checked.findings, bureauYears: content.years.length };
}

const jiangan = join(root, 'bureaus/wuhan-jiangan-yibao/2023/data.yaml');

describe('checkFolder with its cache', () => {
  it('first run: checks every bureau and finds what checkAll finds', () => {
    const cold = checkFolder(root, { cacheDir });
    const reference = afresh();
    expect(reference.findings.length).toBeGreaterThan(10); // the seeds have findings: the comparison means something
    expect(cold).toMatchObject({ cached: 0, checked: 5, bureaus: 5, bureauYears: reference.bureauYears });
    expect(cold.findings).toEqual(reference.findings);
    expect(cold.errors).toEqual(reference.errors);
  });

  it('second run: every bureau from the cache, the same findings', () => {
    const warm = checkFolder(root, { cacheDir });
    expect(warm).toMatchObject({ cached: 5, checked: 0, bureauYears: afresh().bureauYears });
    expect(warm.findings).toEqual(afresh().findings);
  });

  it('hands on each bureau-year\'s narrative exactly as the page renders it, checked or from the cache', () => {
    const { content } = loadContent(root);
    const page = Object.fromEntries(
      content.years.map((y) => {
        const previous = previousYear(content.years, y);
        const d = analyse({ id: y.id, data: y.data, narrative: y.narrative, narrativeFile: y.narrativeFile, ...(previous ? { previous: previous.data } : {}) });
        return [y.id, JSON.parse(JSON.stringify(d.narrative))];
      }),
    );
    expect(Object.keys(page).length).toBe(5);
    for (const run of [{ cacheDir: false as const }, { cacheDir }]) {
      const handed: Record<string, unknown> = {};
      const file = join(work, 'handed.narratives.json');
      checkFolder(root, { ...run, onBureau: (_, r) => r.shareNarratives(file) && Object.assign(handed, JSON.parse(readFileSync(file, 'utf8'))) });
      expect(handed).toEqual(page);
    }
  });

  it('a changed data.yaml: only its bureau is checked again, and its new finding is there', () => {
    writeFileSync(jiangan, readFileSync(jiangan, 'utf8').replace('      27: 1234.07   # 本年收入合计', '      27: 1234.08   # 本年收入合计'));
    const after = checkFolder(root, { cacheDir });
    expect(after).toMatchObject({ cached: 4, checked: 1 });
    const reference = afresh();
    expect(after.findings).toEqual(reference.findings);
    expect(after.findings.some((f) => f.bureauYear === 'wuhan-jiangan-yibao/2023' && f.field === 'tables.t01.lines.27')).toBe(true);
  });

  it('a changed classification list: every bureau is checked again', () => {
    appendFileSync(join(root, 'classifications/functional.yaml'), '\n# changed\n');
    expect(checkFolder(root, { cacheDir })).toMatchObject({ cached: 0, checked: 5 });
  });

  it('a site larger than one batch of bureaus: every bureau and bureau-year is loaded and checked once', () => {
    const big = join(work, 'big');
    generate({ dir: big, bureaus: 40, years: 1, seed: 3, classificationsDir: 'content/classifications' });
    const { content } = loadContent(big);
    const { classification } = loadClassification(join(big, 'classifications'));
    const result = checkFolder(big, { cacheDir: false });
    expect(result).toMatchObject({ bureaus: 40, bureauYears: 40, checked: 40, errors: [] });
    expect(result.findings).toEqual(checkAll(content, classification).findings);
  });

  it('moveWages (the bench\'s figure change) keeps every identity: its bureau is checked again and has no error', () => {
    const small = join(work, 'wages');
    generate({ dir: small, bureaus: 2, years: 1, seed: 5, classificationsDir: 'content/classifications' });
    const file = join(bureauYearDir(small, 1, 2024), 'data.yaml');
    const before = readFileSync(file, 'utf8');
    const smallCache = join(work, 'wages-cache');
    expect(checkFolder(small, { cacheDir: smallCache })).toMatchObject({ checked: 2, errors: [] });
    moveWages(small, 1, 2024);
    const after = readFileSync(file, 'utf8');
    expect(after).not.toBe(before);
    const amount = (text: string, code: string) => new D(new RegExp(`code: "${code}"\\n\\s+name: [^\\n]+\\n\\s+amount: ([\\d.]+)`).exec(text)![1]!);
    expect(amount(after, '30101').minus(amount(before, '30101')).toFixed(2)).toBe('-1.00');
    expect(amount(after, '30102').minus(amount(before, '30102')).toFixed(2)).toBe('1.00');
    const result = checkFolder(small, { cacheDir: smallCache });
    expect(result).toMatchObject({ cached: 1, checked: 1, errors: [] });
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a broken file is reported on every run, and its bureau is not stored', () => {
    writeFileSync(jiangan, `${readFileSync(jiangan, 'utf8')}\n  bad: [unclosed\n`);
    for (let run = 0; run < 2; run++) {
      const broken = checkFolder(root, { cacheDir });
      expect(broken.errors.map((e) => e.file)).toEqual([expect.stringContaining('wuhan-jiangan-yibao/2023/data.yaml')]);
      expect(broken).toMatchObject({ cached: 4, checked: 0 });
      expect(broken.errors).toEqual(afresh().errors);
    }
  });
});
