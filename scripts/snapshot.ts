/**
 * npm run snapshot — package the built site as a BagIt bag (RFC 8493).
 *
 *   npm run snapshot                        build, then bag dist/ into snapshots/<name>/
 *   npm run snapshot -- --record            also record it in content/archive.yaml (the site's 历史版本与存档 page)
 *   npm run snapshot -- --zip               also write snapshots/<name>.zip (deterministic)
 *   node scripts/snapshot.ts --site DIR --out DIR [--name NAME]   bag an existing build (no build step)
 *
 * Payload (data/): site/ (the site exactly as published), offline/ (a copy
 * with relative links that opens from disk), open-data/ (the site-wide data
 * files), reports/ (the checker's JSON report), sources/ (the original
 * documents, content/bureaus/<bureau>/<year>/source.txt) and README.md.
 * bag-info.txt names the organisation, the date, the content's commit, the
 * tool versions and the base path the site was built for.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { listFiles, writeBag } from './snapshot/bagit.ts';
import { offlineSite, type SiteFile } from './snapshot/offline.ts';
import { bagReadme } from './snapshot/readme.ts';
import { packageVersion, sourceCommit } from '../src/core/build-info.ts';
import { recordSnapshot } from '../src/core/archive.ts';
import { CONTENT_DIR } from '../src/core/paths.ts';
import { requireSiteConfig, siteConfigFile } from '../src/core/site-config.ts';
import { zipFiles } from '../src/core/zip.ts';

/**
 * Machine-readable reports put in the bag under reports/: one line each.
 * (When `npm run audit -- --json` lands, add: { file: 'audit.json', args: ['scripts/audit.ts', '--json'] }.)
 */
const REPORTS: { file: string; args: string[] }[] = [{ file: 'check.json', args: ['scripts/check.ts', '--json'] }];

interface DataIndex {
  base: string;
  bureauYears: { id: string }[];
}

/** The bagging date: SOURCE_DATE_EPOCH (UTC date) when set, else today on this machine's calendar. */
function baggingDate(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH?.trim();
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function runReport(args: string[]): string {
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.stdout.trim() === '') throw new Error(`报告生成失败 / report failed: node ${args.join(' ')}\n${result.stderr}`);
  return result.stdout;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      site: { type: 'string', default: 'dist' },
      out: { type: 'string', default: 'snapshots' },
      name: { type: 'string' },
      record: { type: 'boolean', default: false },
      zip: { type: 'boolean', default: false },
    },
  });
  const started = Date.now();
  const siteDir = resolve(values.site);
  const indexFile = join(siteDir, 'data', 'index.json');
  if (!existsSync(join(siteDir, 'index.html')) || !existsSync(indexFile)) {
    throw new Error(`未找到构建好的网站 / no built site at ${siteDir}：请先运行 npm run build / run npm run build first`);
  }
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as DataIndex;
  const config = requireSiteConfig(siteConfigFile(CONTENT_DIR));
  const commit = sourceCommit();
  const date = baggingDate();
  const name = values.name ?? `juesuan-snapshot-${date}${commit ? `-${commit.slice(0, 8)}` : ''}`;
  if (!/^[\w.-]+$/.test(name)) throw new Error(`快照名称只能用字母、数字、点、连字符 / a snapshot name may hold letters, digits, . and - only: ${name}`);
  const outDir = resolve(values.out);
  const bagDir = join(outDir, name);

  const siteFiles: SiteFile[] = listFiles(siteDir).map((path) => ({ path, content: readFileSync(join(siteDir, path)) }));
  const sources = listFiles(join(CONTENT_DIR, 'bureaus'))
    .filter((p) => /^[^/]+\/\d{4}\/source\.txt$/.test(p))
    .map((p) => ({ path: `sources/${p}`, content: readFileSync(join(CONTENT_DIR, 'bureaus', p)) }));
  const versions = {
    node: process.versions.node,
    astro: packageVersion('astro'),
    pagefind: packageVersion('pagefind'),
    tool: packageVersion('.'),
  };
  const payload = [
    { path: 'README.md', content: bagReadme({ name, base: index.base, date }) },
    ...siteFiles.map((f) => ({ path: `site/${f.path}`, content: f.content })),
    ...offlineSite(siteDir, index.base, siteFiles).map((f) => ({ path: `offline/${f.path}`, content: f.content })),
    ...siteFiles.filter((f) => f.path.startsWith('data/')).map((f) => ({ path: `open-data/${f.path.slice(5)}`, content: f.content })),
    ...REPORTS.map((r) => ({ path: `reports/${r.file}`, content: runReport(r.args) })),
    ...sources,
  ];
  mkdirSync(outDir, { recursive: true });
  const bag = writeBag(bagDir, payload, [
    ['Source-Organization', config.organisation],
    ['Bagging-Date', date],
    ['External-Description', `${config.siteName}：部门决算公开网站存档快照 / snapshot of the final-accounts disclosure site`],
    ['External-Identifier', name],
    ['Bag-Software-Agent', `juesuan-gongkai ${versions.tool} (scripts/snapshot.ts)`],
    ['Source-Commit', commit ?? 'unknown'],
    ['Site-Base-Path', index.base],
    ['Bureau-Years', String(index.bureauYears.length)],
    ['Tool-Version', versions.tool],
    ['Node-Version', versions.node],
    ['Astro-Version', versions.astro],
    ['Pagefind-Version', versions.pagefind],
  ]);
  let zipPath: string | undefined;
  if (values.zip) {
    const files = listFiles(bagDir).map((p) => ({ name: `${name}/${p}`, content: readFileSync(join(bagDir, p)) }));
    zipPath = `${bagDir}.zip`;
    writeFileSync(zipPath, await zipFiles(files, new Date(`${date}T00:00:00Z`)));
  }
  if (values.record) {
    recordSnapshot(
      CONTENT_DIR,
      { date, manifestSha256: bag.manifestSha256, name, ...(commit ? { commit } : {}), base: index.base, payloadOxum: bag.payloadOxum },
      index.bureauYears.map((b) => b.id),
    );
  }
  const shown = (p: string) => relative(process.cwd(), p) || p;
  console.log(
    [
      `快照已生成 / snapshot written: ${shown(bagDir)}`,
      `  文件 ${bag.files} 个，${(bag.bytes / 1024 / 1024).toFixed(1)} MB；基础路径 ${index.base}；${Date.now() - started} ms`,
      `  清单 SHA-256 / manifest SHA-256: ${bag.manifestSha256}`,
      ...(zipPath ? [`  归档文件 / archive: ${shown(zipPath)}`] : []),
      values.record ? `  已记入 / recorded in ${shown(join(CONTENT_DIR, 'archive.yaml'))}（重新构建后显示在“历史版本与存档”页）` : '  未记入存档页（加 --record 记入 content/archive.yaml）',
      `  核验 / verify: npm run snapshot:verify -- ${shown(bagDir)}`,
    ].join('\n'),
  );
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
