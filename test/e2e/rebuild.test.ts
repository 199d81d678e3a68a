/**
 * A rebuild (npm run build over the site it last built) renders and writes
 * again only what changed: a bureau's pages and open data files whose inputs
 * are unchanged are reused (src/utils/build-keys.ts), and the site it
 * publishes is byte for byte the site a fresh build of the same content gives.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bureauAt, bureauYearDir, generate } from '../../scripts/synthetic/generate.ts';
import { runBuild, siteFiles } from './helpers/build.ts';

const tmp = mkdtempSync(join(tmpdir(), 'jsgk-rebuild-'));
const content = join(tmp, 'content');
const out = join(tmp, 'site');
const BASE = '/zwgk/rebuild/';
const BUREAUS = 3;
const YEARS = 2;


/** Build `dir` from the content; returns the log. */
function build(dir: string): string {
  const run = runBuild(dir, { CONTENT_DIR: content, SITE_BASE: BASE });
  expect(run.status, run.output).toBe(0);
  return run.output;
}

/** Pages of single subjects (subjects/<code>/ and subjects/<code>/<year>/): keyed by the data they show. */
const subjectPages = () => (readdirSync(join(out, 'subjects'), { recursive: true }) as string[]).filter((f) => /[\\/]index\.html$/.test(f)).length;
/** The "N 个未变" count of the render step: pages copied from the last build. */
const reusedPages = (log: string) => Number(/生成页面 \/ render：\d+ 个页面（(\d+) 个未变/.exec(log)?.[1] ?? 0);
/** A fresh build of the current content into a new folder (its own cache), to compare with. */
const fresh = () => {
  const dir = join(tmp, `fresh-${Date.now()}`);
  build(dir);
  return siteFiles(dir);
};

const csv = (i: number, year: number) => join(out, `${bureauAt(i).id}/${year}/data/${bureauAt(i).id}-${year}-t03.csv`);
const page = (i: number, year: number) => join(out, `${bureauAt(i).id}/${year}/index.html`);
const bulkZip = () => join(out, 'data/juesuan-gongkai-csv.zip');
/** A site-wide CSV: every bureau-year's rows of one table. */
const siteCsv = () => join(out, 'data/t03.csv');
/** The 2024 index's page fragments (named by a hash of their content), with their inodes. */
const fragments = () => {
  const dir = join(out, 'pagefind/2024/0/fragment');
  return new Map(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).ino]));
};

beforeAll(() => {
  generate({ dir: content, bureaus: BUREAUS, years: YEARS });
  build(out);
}, 240_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a rebuild after one bureau-year changed', () => {
  let log: string;
  const inode = (file: string) => statSync(file).ino;
  let before: { unchanged: number; changed: number; siteCsv: number; zip: number; fragments: Map<string, number> };

  beforeAll(() => {
    before = { unchanged: inode(csv(0, 2024)), changed: inode(csv(1, 2024)), siteCsv: inode(siteCsv()), zip: inode(bulkZip()), fragments: fragments() };
    const narrative = join(bureauYearDir(content, 1, 2024), 'narrative.md');
    writeFileSync(narrative, `${readFileSync(narrative, 'utf8')}\n本段为增量构建测试新增的说明。\n`);
    log = build(out);
  }, 240_000);

  test('renders the changed bureau again and reuses the pages of the others', () => {
    expect(readFileSync(page(1, 2024), 'utf8')).toContain('本段为增量构建测试新增的说明');
    // Every bureau-year page, bureau page and subject page has a key; the changed bureau's 2 years and its bureau
    // page are rendered (the subjects show no narrative).
    expect(reusedPages(log)).toBe((BUREAUS - 1) * (YEARS + 1) + subjectPages());
    // One index part a year here (a few pages each): the changed year's is made again, the other years' kept.
    expect(log).toContain(`${YEARS} 个索引部分（${YEARS - 1} 个未变，沿用原索引`);
  });

  test("links the unchanged bureaus' open data files from the old site and writes the changed bureau's afresh", () => {
    expect(inode(csv(0, 2024))).toBe(before.unchanged);
    expect(inode(csv(1, 2024))).not.toBe(before.changed);
  });

  test("indexes the changed year again but keeps the unchanged pages' index files: only the changed page's fragment is new", () => {
    const after = fragments();
    const added = [...after.keys()].filter((f) => !before.fragments.has(f));
    const gone = [...before.fragments.keys()].filter((f) => !after.has(f));
    // The changed page's fragment is written afresh and its old one removed.
    expect(added).toHaveLength(1);
    expect(gone).toHaveLength(1);
    // The other pages' fragments are the previous site's files, linked: Pagefind did not write them again.
    const kept = [...after].filter(([f]) => before.fragments.has(f));
    expect(kept).toHaveLength(BUREAUS - 1);
    for (const [f, ino] of kept) expect(ino, f).toBe(before.fragments.get(f));
  });

  test('keeps the site-wide CSVs and the bulk zip when no CSV changed (only the narrative did)', () => {
    expect(inode(siteCsv())).toBe(before.siteCsv);
    expect(inode(bulkZip())).toBe(before.zip);
  });

  test('publishes exactly what a fresh build of the same content publishes', () => {
    expect(siteFiles(out)).toEqual(fresh());
  }, 240_000);
});

describe('a rebuild after a change other pages show', () => {
  test("a bureau's new name: its pages and every subject page listing it are rendered again, and the site equals a fresh build", () => {
    const file = join(content, 'bureaus', bureauAt(2).id, 'bureau.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: (.*)$/m, 'name: $1（更名）'));
    const zip = statSync(bulkZip()).ino;
    const log = build(out);
    // The CSVs name the bureau: the zip of them is made again.
    expect(statSync(bulkZip()).ino).not.toBe(zip);
    const reused = reusedPages(log);
    // The renamed bureau's pages and the subject-year pages naming it are rendered; the other bureaus' pages are not.
    expect(reused).toBeGreaterThanOrEqual((BUREAUS - 1) * (YEARS + 1));
    expect(reused).toBeLessThan(BUREAUS * (YEARS + 1) + subjectPages() - (YEARS + 1));
    const subjectYear = (readdirSync(join(out, 'subjects'), { recursive: true }) as string[]).find(
      (f) => /^\d+[\\/]\d{4}[\\/]index\.html$/.test(f) && readFileSync(join(out, 'subjects', f), 'utf8').includes(bureauAt(2).id),
    );
    expect(subjectYear).toBeDefined();
    expect(readFileSync(join(out, 'subjects', subjectYear!), 'utf8')).toContain('（更名）');
    expect(siteFiles(out)).toEqual(fresh());
  }, 240_000);
});

describe('what a rebuild does not reuse', () => {
  test('a change every page shows (the site name in site.yaml) renders every page again', () => {
    const file = join(content, 'site.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^siteName: .*$/m, 'siteName: 改名后的示例省部门决算公开'));
    const log = build(out);
    expect(reusedPages(log)).toBe(0);
    expect(readFileSync(page(0, 2023), 'utf8')).toContain('改名后的示例省部门决算公开');
  }, 240_000);

  test('after a build that stopped while rendering (its check failed), the next build renders every page', () => {
    const file = join(bureauYearDir(content, 0, 2024), 'data.yaml');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace(/^(\s+"?60"?: )([\d.]+)$/m, (_, k: string, v: string) => `${k}${(Number(v) + 100).toFixed(2)}`));
    expect(runBuild(out, { CONTENT_DIR: content, SITE_BASE: BASE }).status).toBe(1);
    writeFileSync(file, good);
    expect(reusedPages(build(out))).toBe(0);
    expect(reusedPages(build(out))).toBe(BUREAUS * (YEARS + 1) + subjectPages());
  }, 240_000);

  test('an open data file changed by hand in the published site is written again, not linked', () => {
    const file = csv(2, 2023);
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace(/\r\n$/, '\r\n手工改动,\r\n'));
    const zip = readFileSync(bulkZip());
    writeFileSync(bulkZip(), Buffer.concat([zip, Buffer.from('手工改动')]));
    const all = readFileSync(siteCsv(), 'utf8');
    writeFileSync(siteCsv(), all.replace(/\r\n$/, '\r\n手工改动,\r\n'));
    build(out);
    expect(readFileSync(file, 'utf8')).toBe(good);
    expect(readFileSync(bulkZip()).equals(zip)).toBe(true);
    expect(readFileSync(siteCsv(), 'utf8')).toBe(all);
    expect(siteFiles(out)).toEqual(fresh());
  }, 240_000);
});
