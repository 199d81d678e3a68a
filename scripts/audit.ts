/**
 * npm run audit — the data audit (数据核对) of all content.
 *
 *   npm run audit                  a summary per bureau-year: 确定 and 疑似 findings one per line, 提示 counted
 *   npm run audit -- --all         the same with every 提示 listed too
 *   npm run audit -- --json        every finding as JSON (stable keys and order) for machines
 *   npm run audit -- --rules-md    the rule and tolerance tables as Markdown (the README's copy)
 *
 * The audit never stops a build: findings about the bureau's published text are
 * published with the site. The exit code is 1 only when content cannot be read
 * (schema errors, unknown figure names): then `npm run check` explains them.
 * The content folder is ./content, or $CONTENT_DIR.
 */
import { formatContentError } from '../src/core/load.ts';
import { CONTENT_DIR } from '../src/core/paths.ts';
import { checkFolder } from '../src/core/check/cache.ts';
import { auditEntries, auditJson, byBureauYear, byCertainty, countByCertainty, rulesMarkdown } from '../src/core/audit.ts';

const args = new Set(process.argv.slice(2));

function main(): number {
  if (args.has('--rules-md')) {
    console.log(rulesMarkdown());
    return 0;
  }
  const { errors: contentErrors, findings, bureaus, bureauYears } = checkFolder(CONTENT_DIR);
  const counts = { bureaus, bureauYears };

  if (args.has('--json')) {
    process.stdout.write(auditJson(findings, counts));
    return contentErrors.length > 0 ? 1 : 0;
  }

  const out: string[] = [];
  for (const e of contentErrors) out.push(formatContentError(e));
  const entries = auditEntries(findings);
  for (const [bureauYear, list] of byBureauYear(entries)) {
    const n = countByCertainty(list);
    out.push(`== ${bureauYear || '（全站）'}：确定 ${n.definite}，疑似 ${n.suspected}，提示 ${n.note} ==`);
    for (const group of byCertainty(list)) {
      if (group.certainty === 'note' && !args.has('--all')) continue;
      for (const e of group.entries) out.push(`  [${group.label}] ${e.file}:${e.line} ${e.part ? `${e.part}：` : ''}${e.message}  (${e.rule})`);
    }
    out.push('');
  }
  const n = countByCertainty(entries);
  out.push(
    `数据核对：${counts.bureaus} 个部门，${counts.bureauYears} 个部门年度；共 ${entries.length} 条：确定 ${n.definite}，疑似 ${n.suspected}，提示 ${n.note}${args.has('--all') ? '' : '（提示未逐条列出，加 --all 显示）'}`,
  );
  console.log(out.join('\n'));
  return contentErrors.length > 0 ? 1 : 0;
}

process.exitCode = main();
