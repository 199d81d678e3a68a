/**
 * npm run check — validate all content and run the checker.
 *
 *   npm run check              schema errors and findings, grouped by bureau-year, and a summary line
 *   npm run check -- --json    everything as one JSON object (also: node scripts/check.ts --json)
 *   npm run check -- --quiet   only errors and the summary (also: node scripts/check.ts --quiet)
 *
 * Exit code 1 when there is any schema error or any error-severity finding.
 * One exception: `npm run check --json` (flag before `--`) goes to npm, which
 * appends its own JSON error object to stdout whenever the script exits
 * non-zero, so the output would no longer parse. In that form the script exits
 * 0 and the JSON's `ok: false` carries the result; use `-- --json` for both.
 * Content problems are printed as file:line messages, never as stack traces;
 * a bug in the checker itself exits 2 with a one-line message (DEBUG=1 for the stack).
 * The content folder is ./content, or $CONTENT_DIR (src/core/paths.ts).
 */
import { formatContentError, loadContent, type ContentError } from '../src/core/load.ts';
import { CONTENT_DIR } from '../src/core/paths.ts';
import { loadSiteConfig, siteConfigFile } from '../src/core/site-config.ts';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BureauResult, checkFolder, CHECK_RESULT_ENV, writeWhole } from '../src/core/check/cache.ts';
import { sortFindings, type Finding } from '../src/core/findings.ts';
import { checkArchive, hasEarlierVersions, loadArchive, loadVersions } from '../src/core/archive.ts';

const args = new Set(process.argv.slice(2));
// `npm run check --json` hands --json to npm, not to the script: npm exports it as npm_config_json.
const npmJson = !args.has('--json') && process.env.npm_config_json === 'true';
const json = args.has('--json') || npmJson;
const quiet = args.has('--quiet') || ['warn', 'error', 'silent'].includes(process.env.npm_config_loglevel ?? '');

/** Two lines per finding: where, rule and message; then the field and the values the message does not already name. */
function describe(f: Finding): string {
  const level = f.severity === 'error' ? '错误' : '警告';
  const extra = Object.entries(f.values)
    .filter(([k, v]) => !(f.message.includes(k) && f.message.includes(v)) && !['差额', '超出', '未列明'].includes(k))
    .map(([k, v]) => `${k}=${v}`)
    .join('，');
  const detail = [f.field, extra].filter(Boolean).join(' · ');
  return `  ${f.file}:${f.line} ${level} [${f.rule}] ${f.message}${detail ? `\n      ${detail}` : ''}`;
}

function main(): number {
  // Only bureaus whose files changed since the last run are parsed and checked again (src/core/check/cache.ts).
  // The narrative: unknown figure names are content errors, disagreeing published figures are findings (warnings).
  // For astro build running beside the check (scripts/build.ts): each bureau's findings as soon as they are known.
  const shared = process.env[CHECK_RESULT_ENV];
  const share = (name: string, text: string) => writeWhole(join(shared!, `${name}.json`), text);
  if (shared) mkdirSync(shared, { recursive: true });
  // A bureau's rendered narratives go first: a page reads them once the bureau's findings are there.
  const onBureau = (bureauId: string, { findings, shareNarratives }: BureauResult) => {
    shareNarratives(join(shared!, `${bureauId}.narratives.json`));
    share(bureauId, JSON.stringify({ findings }));
  };
  const checked = checkFolder(CONTENT_DIR, shared ? { onBureau } : {});
  const { errors: siteErrors } = loadSiteConfig(siteConfigFile(CONTENT_DIR));
  // Published bureau-years and earlier versions (content/archive.yaml, versions/<date>/). Only the bureau-years with a
  // history (a versions/ folder, or corrections in data.yaml) are read again; the others only need to exist.
  const withHistory = (id: string) => {
    const data = join(CONTENT_DIR, 'bureaus', id, 'data.yaml');
    return hasEarlierVersions(CONTENT_DIR, id) || (existsSync(data) && readFileSync(data, 'utf8').includes('corrections'));
  };
  const archived = loadContent(CONTENT_DIR, { skipYear: (id) => !withHistory(id) });
  const { versions, errors: versionErrors } = loadVersions(archived.content);
  const presentIds = [...archived.unchanged, ...archived.content.years.map((y) => y.id)];
  const errors: ContentError[] = [...siteErrors, ...checked.errors, ...loadArchive(CONTENT_DIR).errors, ...versionErrors];
  const findings = sortFindings([...checked.findings, ...checkArchive(archived.content, CONTENT_DIR, versions, presentIds)]);
  const count = {
    bureaus: checked.bureaus,
    bureauYears: checked.bureauYears,
    contentErrors: errors.length,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
  const failed = count.contentErrors > 0 || count.errors > 0;
  if (shared && !failed) share('_all', JSON.stringify({ findings }));

  if (json) {
    process.stdout.write(`${JSON.stringify({ ok: !failed, summary: count, contentErrors: errors, findings }, null, 2)}\n`);
    return failed && !npmJson ? 1 : 0;
  }

  const out: string[] = [];
  if (errors.length > 0) {
    out.push(`== 内容错误（格式、必填字段）：${errors.length} 个 ==`);
    for (const e of errors) out.push(`  ${formatContentError(e)}`);
    out.push('');
  }
  const shown = quiet ? findings.filter((f) => f.severity === 'error') : findings;
  const groups = new Map<string, Finding[]>();
  for (const f of shown) {
    const key = f.bureauYear || '（全站）';
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  for (const [key, list] of groups) {
    const e = list.filter((f) => f.severity === 'error').length;
    const w = list.length - e;
    out.push(`== ${key}：错误 ${e} 个${quiet ? '' : `，警告 ${w} 个`} ==`);
    for (const f of list) out.push(describe(f));
    out.push('');
  }
  out.push(
    `${failed ? '未通过' : '通过'}：${count.bureaus} 个部门，${count.bureauYears} 个部门年度；内容错误 ${count.contentErrors} 个，核对错误 ${count.errors} 个，警告 ${count.warnings} 个` +
      (checked.cached > 0 ? `（${checked.cached} 个部门未改动，结果取自缓存 / unchanged, from the cache）` : ''),
  );
  console.log(out.join('\n'));
  return failed ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (err) {
  // Content problems never get here (they are reported above); this is a bug in the checker: say so in one line.
  console.error(`检查程序内部错误，请报告 / internal error in the checker: ${err instanceof Error ? err.message : String(err)}`);
  if (process.env.DEBUG) console.error(err);
  else console.error('（设置 DEBUG=1 重新运行可看到详细信息 / rerun with DEBUG=1 for details）');
  process.exitCode = 2;
}
