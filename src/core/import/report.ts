/**
 * The import report: what was read, what was linked, and exactly what a
 * person must finish, in Chinese. Printed to the terminal and written next to
 * the draft as import-report.md.
 */
import { readYaml, type ContentError } from '../load.ts';
import { bureauYearSchema } from '../schema.ts';
import { ISSUE_TITLES, type ImportIssue, type IssueKind } from './issues.ts';
import { TABLE_KEYS, TABLE_TITLES } from '../tables.ts';
import type { ImportResult } from './index.ts';

/** Check the written draft the way `npm run check` reads it (YAML, then the schema). */
export function validateDraft(yamlText: string, display: string): ContentError[] {
  const errors: ContentError[] = [];
  readYaml(yamlText, display, bureauYearSchema, errors);
  return errors;
}

function tableState(data: Record<string, unknown>, key: string): string {
  const t = (data.tables as Record<string, Record<string, unknown>>)[key];
  if (!t) return '—';
  if ('empty' in t) return `空表：${String(t.empty)}`;
  if ('notProvided' in t) return '未找到（notProvided）';
  const rows = Array.isArray(t.rows) ? t.rows.length : Array.isArray(t.personnel) ? (t.personnel as unknown[]).length + ((t.public as unknown[]) ?? []).length : Object.keys((t.lines ?? t.income ?? t.budget ?? {}) as object).length;
  return t.from === 'narrative' ? `据情况说明填入部分数字（${rows} 项）` : `已从表格读取（${rows} 行）`;
}

export function formatReport(input: {
  file: string;
  target: string;
  bureauId: string;
  result: ImportResult;
  draftErrors: ContentError[];
}): string {
  const { result } = input;
  const out: string[] = [];
  out.push(`# 导入报告`, '');
  out.push(`- 原文：${input.file}`);
  out.push(`- 部门：${result.bureauName ?? '（未读出）'}（${input.bureauId}）`);
  out.push(`- 年度：${result.year ?? '（未读出）'}；口径：${(result.data.scope as { kind: string }).kind}`);
  out.push(`- 草稿：${input.target}（data.yaml、narrative.md、source.txt）`);
  out.push('', '这是草稿：表格和数字照原文录入，读不出的保持空白（未知），不会被补成 0。请按下面的清单逐项核对、补全，然后运行 `npm run check`。', '');
  out.push('## 公开表', '');
  for (const key of TABLE_KEYS) out.push(`- ${TABLE_TITLES[key]}：${tableState(result.data, key)}`);
  const differs = result.links.filter((l) => l.differs).length;
  out.push('', '## 情况说明中的数字', '');
  out.push(`- 已关联到计算值的原文数字：${result.links.length} 处（写作 \`:fig[原文]{name=…}\`，网站显示计算值）`);
  out.push(`- 其中原文与计算值不一致：${differs} 处（见下文，网站会注明原文）`);
  out.push('', '## 需要人工完成的事项', '');
  const groups = new Map<IssueKind, ImportIssue[]>();
  for (const issue of result.issues) groups.set(issue.kind, [...(groups.get(issue.kind) ?? []), issue]);
  if (input.draftErrors.length) {
    out.push(`### 草稿暂不能通过数据检查（${input.draftErrors.length} 处）`, '');
    for (const e of input.draftErrors) out.push(`- data.yaml 第 ${e.line} 行 ${e.field}：${e.message}`);
    out.push('');
  }
  if (groups.size === 0 && !input.draftErrors.length) out.push('无。');
  for (const [kind, issues] of groups) {
    out.push(`### ${ISSUE_TITLES[kind]}（${issues.length} 处）`, '');
    for (const i of issues) out.push(`- ${i.line ? `[原文第 ${i.line} 行] ` : ''}${i.message}`);
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}
