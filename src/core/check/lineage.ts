/** Links between bureaus (predecessors / successors in bureau.yaml) must name a bureau of the site. */
import { readFileSync } from 'node:fs';
import type { Content } from '../load.ts';
import type { Finding } from '../findings.ts';
import { brokenLinks } from '../lineage.ts';

/** The line of the first occurrence of the text in the file (1 when not found). */
function lineOfText(file: string, needle: string): number {
  try {
    const lines = readFileSync(file, 'utf8').split('\n');
    const i = lines.findIndex((l) => l.includes(needle));
    return i < 0 ? 1 : i + 1;
  } catch {
    return 1;
  }
}

export function checkLineage(content: Content): Finding[] {
  const files = new Map(content.bureaus.map((b) => [b.id, b.file]));
  return brokenLinks(content.bureaus).map((l) => {
    const file = files.get(l.bureauId)!;
    const relation = l.field === 'predecessors' ? '前身部门' : '后继部门';
    return {
      severity: 'error',
      rule: 'site.lineage-unknown',
      bureauYear: '',
      file,
      line: lineOfText(file, l.id),
      field: `${l.field}.${l.index}.id`,
      values: { [relation]: l.id },
      message: l.self
        ? `部门 ${l.bureauId} 把自己列为${relation}`
        : `部门 ${l.bureauId} 的${relation} ${l.id} 不存在（content/bureaus/ 下无此文件夹）：请写部门文件夹名`,
    } satisfies Finding;
  });
}
