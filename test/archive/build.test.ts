/**
 * Reproducible builds and snapshots, on real builds of the site:
 *
 * - the same content builds to byte-identical files (HTML, assets, the search
 *   index, open data) from two different project folders, in two time zones
 *   and locales, with SOURCE_DATE_EPOCH set in one and not in the other (it
 *   falls back to the last commit's time) and a stray BASE_URL variable;
 * - a snapshot of the build verifies, passes `sha256sum -c`, and verification
 *   names an altered, a missing and an extra file; the zipped snapshot is
 *   byte-identical when made twice.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../scripts/snapshot/bagit.ts';
import { buildEnv } from '../e2e/helpers/build.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BASE = '/zwgk/czzj/';
let tmp: string;
let siteA: string;
let siteB: string;

/** The environment of a production build, without what Vitest adds (buildEnv) and without SOURCE_DATE_EPOCH (each build sets its own). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = buildEnv();
  delete env.SOURCE_DATE_EPOCH;
  return env;
}

function build(projectDir: string, outDir: string, env: Record<string, string>): void {
  const clean = { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', SITE_BASE: BASE, ...env };
  for (const args of [['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], ['scripts/index-search.ts', outDir]]) {
    const r = spawnSync(process.execPath, args, { cwd: projectDir, env: clean, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed in ${projectDir}:\n${r.stdout}\n${r.stderr}`);
  }
}

/** A copy of the project (its tracked and new files) in another folder, sharing node_modules. */
function copyProject(target: string): void {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    mkdirSync(dirname(join(target, f)), { recursive: true });
    cpSync(join(ROOT, f), join(target, f));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(target, 'node_modules'));
}

function snapshot(site: string, out: string, extra: string[] = [], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['scripts/snapshot.ts', '--site', site, '--out', out, '--name', 'bag', ...extra], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}
const verify = (target: string) => spawnSync(process.execPath, ['scripts/snapshot-verify.ts', target], { cwd: ROOT, encoding: 'utf8' });

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'jsgk-repro-'));
  const commitTime = execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: ROOT, encoding: 'utf8' }).trim();
  siteA = join(tmp, 'a', 'site');
  siteB = join(tmp, 'b', 'out');
  build(ROOT, siteA, { TZ: 'Asia/Shanghai', LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8' });
  const copy = join(tmp, 'project-copy');
  copyProject(copy);
  // BASE_URL: a stray variable that Vite once let override the configured base (astro.config.mjs drops it).
  build(copy, siteB, { TZ: 'America/Los_Angeles', LANG: 'C', LC_ALL: 'C', SOURCE_DATE_EPOCH: commitTime, BASE_URL: '/stray/' });
}, 300_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('reproducible build', () => {
  it('two builds are byte-identical, file by file', () => {
    const a = listFiles(siteA);
    const b = listFiles(siteB);
    expect(b, 'the same files').toEqual(a);
    const differing = a.filter((f) => !readFileSync(join(siteA, f)).equals(readFileSync(join(siteB, f))));
    expect(differing, 'files that differ between the two builds').toEqual([]);
    // The comparison covers every kind of output.
    expect(a).toContain('index.html');
    expect(a.some((f) => f.startsWith('pagefind/'))).toBe(true);
    expect(a.some((f) => f.startsWith('_astro/') && f.endsWith('.js'))).toBe(true);
    expect(a).toContain('data/juesuan-gongkai-csv.zip');
    expect(a).toContain('data/datapackage.json');
  });

  it('dates come from the content\'s commit, not the clock', () => {
    const commitTime = Number(execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: ROOT, encoding: 'utf8' }).trim());
    const pkg = JSON.parse(readFileSync(join(siteA, 'data', 'datapackage.json'), 'utf8'));
    expect(pkg.created).toBe(new Date(commitTime * 1000).toISOString().replace(/\.000Z$/, 'Z'));
  });
});

describe('snapshot', () => {
  let bag: string;
  beforeAll(() => {
    const r = snapshot(siteA, join(tmp, 'bags'));
    expect(r.status, r.stderr).toBe(0);
    bag = join(tmp, 'bags', 'bag');
  }, 120_000);

  it('is a BagIt bag with bag-info naming the organisation, commit, tool versions and base path', () => {
    expect(readFileSync(join(bag, 'bagit.txt'), 'utf8')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const info = readFileSync(join(bag, 'bag-info.txt'), 'utf8');
    expect(info).toMatch(/^Source-Organization: 部门决算公开平台$/m);
    expect(info).toMatch(/^Bagging-Date: \d{4}-\d{2}-\d{2}$/m);
    expect(info).toMatch(/^Source-Commit: [0-9a-f]{40}(\+dirty)?$/m);
    expect(info).toMatch(/^Site-Base-Path: \/zwgk\/czzj\/$/m);
    expect(info).toMatch(/^Astro-Version: 7\.3\.5$/m);
    expect(info).toMatch(/^Pagefind-Version: 1\.6\.0$/m);
    expect(info).toMatch(/^Node-Version: \d+\.\d+\.\d+$/m);
    expect(info).toMatch(/^Payload-Oxum: \d+\.\d+$/m);
    const files = listFiles(bag);
    expect(files).toContain('data/site/index.html');
    expect(files).toContain('data/offline/index.html');
    expect(files).toContain('data/open-data/datapackage.json');
    expect(files).toContain('data/reports/check.json');
    expect(files).toContain('data/sources/wuhan-jiangan-yibao/2023/source.txt');
    expect(files).toContain('data/README.md');
    // The site as published is kept byte for byte.
    for (const f of listFiles(siteA)) expect(readFileSync(join(bag, 'data/site', f)).equals(readFileSync(join(siteA, f))), f).toBe(true);
    expect(JSON.parse(readFileSync(join(bag, 'data/reports/check.json'), 'utf8')).ok).toBe(true);
    expect(readFileSync(join(bag, 'data/README.md'), 'utf8')).toContain('python3 -m http.server');
  });

  it('verifies, and its manifests pass sha256sum -c', () => {
    const r = verify(bag);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('快照完整');
    for (const manifest of ['manifest-sha256.txt', 'tagmanifest-sha256.txt']) {
      const sum = spawnSync('sha256sum', ['-c', '--strict', manifest], { cwd: bag, encoding: 'utf8' });
      expect(sum.status, `${manifest}: ${sum.stdout}${sum.stderr}`).toBe(0);
    }
  });

  it('verification names an altered, a missing and an extra file, and fails', () => {
    const copy = join(tmp, 'tampered');
    cpSync(bag, copy, { recursive: true });
    writeFileSync(join(copy, 'data/site/wuhan-jiangan-yibao/2023/index.html'), '<p>改过</p>');
    unlinkSync(join(copy, 'data/open-data/t03.csv'));
    writeFileSync(join(copy, 'data/site/extra.html'), 'x');
    const r = verify(copy);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('文件已被改动 / altered file: data/site/wuhan-jiangan-yibao/2023/index.html');
    expect(r.stderr).toContain('缺少文件 / missing file: data/open-data/t03.csv');
    expect(r.stderr).toContain('多出文件（不在清单中）/ extra file not in the manifest: data/site/extra.html');
    expect(r.stderr).toContain('快照核验未通过');
    // sha256sum agrees that the altered file fails.
    const sum = spawnSync('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], { cwd: copy, encoding: 'utf8' });
    expect(sum.status).not.toBe(0);
    expect(sum.stdout).toContain('data/site/wuhan-jiangan-yibao/2023/index.html: FAILED');
  });

  it('an altered bag-info.txt is caught by the tag manifest', () => {
    const copy = join(tmp, 'tampered-info');
    cpSync(bag, copy, { recursive: true });
    writeFileSync(join(copy, 'bag-info.txt'), readFileSync(join(copy, 'bag-info.txt'), 'utf8').replace(/Bagging-Date: .*/, 'Bagging-Date: 2000-01-01'));
    const r = verify(copy);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('altered file: bag-info.txt');
  });

  it('as a zip: the same bytes when made twice (SOURCE_DATE_EPOCH), and it verifies', () => {
    const env = { SOURCE_DATE_EPOCH: '1719748800' };
    const first = snapshot(siteA, join(tmp, 'zip1'), ['--zip'], env);
    const second = snapshot(siteA, join(tmp, 'zip2'), ['--zip'], { ...env, TZ: 'America/Los_Angeles' });
    expect(first.status, first.stderr).toBe(0);
    expect(second.status, second.stderr).toBe(0);
    const a = readFileSync(join(tmp, 'zip1', 'bag.zip'));
    expect(a.equals(readFileSync(join(tmp, 'zip2', 'bag.zip')))).toBe(true);
    expect(readFileSync(join(tmp, 'zip1', 'bag', 'bag-info.txt'), 'utf8')).toContain('Bagging-Date: 2024-06-30');
    const r = verify(join(tmp, 'zip1', 'bag.zip'));
    expect(r.status, r.stderr).toBe(0);
  });
});

describe('a corrected bureau-year', () => {
  let site: string;
  beforeAll(() => {
    // The real content with one correction: the version published on 2024-06-30 is kept under versions/.
    const content = join(tmp, 'content-corrected');
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    const year = join(content, 'bureaus', 'wuhan-jiangan-yibao', '2023');
    mkdirSync(join(year, 'versions', '2024-06-30'), { recursive: true });
    cpSync(join(year, 'data.yaml'), join(year, 'versions', '2024-06-30', 'data.yaml'));
    cpSync(join(year, 'narrative.md'), join(year, 'versions', '2024-06-30', 'narrative.md'));
    writeFileSync(
      join(year, 'data.yaml'),
      `${readFileSync(join(year, 'data.yaml'), 'utf8')}\ncorrections:\n  - { date: 2024-07-15, note: 更正公开05表行政运行决算数的录入错误, supersedes: 2024-06-30 }\n`,
    );
    site = join(tmp, 'corrected-site');
    const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', site], {
      cwd: ROOT,
      env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', SITE_BASE: BASE, CONTENT_DIR: content },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`${r.stdout}\n${r.stderr}`);
  }, 300_000);

  it('keeps the earlier version reachable at /<bureau>/<year>/v/<date>/ with the correction note', () => {
    const page = readFileSync(join(site, 'wuhan-jiangan-yibao/2023/v/2024-06-30/index.html'), 'utf8');
    expect(page).toContain('2024-06-30 发布、后经更正的原版本');
    expect(page).toContain('更正公开05表行政运行决算数的录入错误');
    expect(page).toContain(`href="${BASE}wuhan-jiangan-yibao/2023/"`);
    expect(page).toContain('公开05表');
    expect(page).not.toContain('data-pagefind-body');
  });

  it('the current page shows 更正说明 with the date, what changed and a link to the earlier version', () => {
    const page = readFileSync(join(site, 'wuhan-jiangan-yibao/2023/index.html'), 'utf8');
    expect(page).toContain('更正说明');
    const notice = /<aside class="corrections[^]*?<\/aside>/.exec(page)?.[0] ?? '';
    expect(notice).toContain('<time datetime="2024-07-15"');
    expect(notice).toContain('>2024-07-15</time> 更正：更正公开05表行政运行决算数的录入错误');
    expect(notice).toContain(`href="${BASE}wuhan-jiangan-yibao/2023/v/2024-06-30/"`);
  });

  it('the archive page and the data index list the correction and the earlier version', () => {
    const archive = readFileSync(join(site, 'archive/index.html'), 'utf8');
    expect(archive).toContain('更正公开05表行政运行决算数的录入错误');
    expect(archive).toContain(`${BASE}wuhan-jiangan-yibao/2023/v/2024-06-30/`);
    const index = JSON.parse(readFileSync(join(site, 'data/index.json'), 'utf8'));
    const entry = index.bureauYears.find((b: { id: string }) => b.id === 'wuhan-jiangan-yibao/2023');
    expect(entry.earlierVersions).toEqual([{ date: '2024-06-30', url: `${BASE}wuhan-jiangan-yibao/2023/v/2024-06-30/` }]);
    expect(entry.corrections[0].date).toBe('2024-07-15');
  });
});
