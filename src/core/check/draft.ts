/**
 * A draft made by `npm run new` marks what the officer still has to fill with
 * the text 待填写 (TODO_MARK), and carries `draft:` at the top of data.yaml.
 * Every mark left is an error naming its field, so a draft cannot publish.
 */
import type { Finding } from '../findings.ts';
import { report, type Ctx, type Path } from './context.ts';

/** The text that marks a place still to fill, in data.yaml and narrative.md. */
export const TODO_MARK = '待填写';

const TABLE_NAMES: Record<string, string> = {
  t01: '公开01表',
  t02: '公开02表',
  t03: '公开03表',
  t04: '公开04表',
  t05: '公开05表',
  t06: '公开06表',
  t07: '公开07表',
  t08: '公开08表',
  t09: '公开09表',
};

function describe(path: Path): string {
  if (path[0] === 'tables' && typeof path[1] === 'string') return `${TABLE_NAMES[path[1]] ?? path[1]}的数字`;
  return `字段 ${path.join('.')}`;
}

function walk(value: unknown, path: Path, visit: (path: Path, text: string) => void): void {
  if (typeof value === 'string') {
    if (value.includes(TODO_MARK)) visit(path, value);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, [...path, i], visit));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(v, [...path, k], visit);
  }
}

export function checkDraft(ctx: Ctx): void {
  const { data, narrative, narrativeFile } = ctx.entry;
  if (data.draft !== undefined) {
    report(ctx, {
      severity: 'error',
      rule: 'draft.todo',
      path: ['draft'],
      values: { draft: data.draft },
      message: '本年度仍是草稿：各处填写完成、核对无误后，删除 data.yaml 中的 draft 一行才能发布',
    });
  }
  walk({ ...data, draft: undefined }, [], (path, text) => {
    report(ctx, {
      severity: 'error',
      rule: 'draft.todo',
      path,
      values: { 内容: text.length > 60 ? `${text.slice(0, 60)}…` : text },
      message: `${describe(path)} 待填写：请按本年度决算填写`,
    });
  });
  narrative.split('\n').forEach((line, i) => {
    if (!line.includes(TODO_MARK)) return;
    const finding: Finding = {
      severity: 'error',
      rule: 'draft.todo',
      bureauYear: ctx.entry.id,
      file: narrativeFile,
      line: i + 1,
      values: { 内容: line.trim().slice(0, 60) },
      message: `narrative.md 第 ${i + 1} 行待填写：按本年度改写文字后删除“${TODO_MARK}”标记`,
    };
    ctx.findings.push(finding);
  });
}
