/**
 * The parts of a disclosure (第一部分 … 第六部分) found in the text, and
 * the headings inside them. A table of contents at the top (东西湖) lists
 * the parts once before the document does; the last 第一部分 starts the body.
 */
import type { SourceLine } from './source.ts';

export type PartKind = 'overview' | 'tables' | 'explanation' | 'keyWork' | 'glossary' | 'annex';

export interface Part {
  kind: PartKind;
  /** The heading as printed (with the continuation line when the title wraps). */
  title: string;
  /** Index into the lines array of the heading line, and one past the part's last line. */
  start: number;
  end: number;
}

const PART = /^第([一二三四五六七八九十])部分\s*(.*)$/;
const NUMERALS = '一二三四五六七八九十';

/** Strip Markdown-ish decoration the extraction left: # headings, **bold**, list dashes. */
export function plain(text: string): string {
  return text
    .replace(/^\s*#{1,6}\s*/, '')
    .replace(/\*\*/g, '')
    .replace(/^\s*-\s+/, '')
    .trim();
}

const KINDS: [RegExp, PartKind][] = [
  [/情况说明/, 'explanation'],
  [/决算表/, 'tables'],
  [/重点工作/, 'keyWork'],
  [/名词解释/, 'glossary'],
  [/附\s*件/, 'annex'],
  [/概况|部门$/, 'overview'],
];

export function findParts(lines: readonly SourceLine[]): Part[] {
  const marks: { index: number; n: number; title: string }[] = [];
  lines.forEach((l, index) => {
    const m = PART.exec(plain(l.text));
    if (m) marks.push({ index, n: NUMERALS.indexOf(m[1]!) + 1, title: m[2]!.trim() });
  });
  // The body starts at the last 第一部分 (an earlier one belongs to a table of contents).
  const firstBody = marks.map((m) => m.n).lastIndexOf(1);
  const body = firstBody >= 0 ? marks.slice(firstBody) : marks;
  const parts: Part[] = [];
  body.forEach((m, i) => {
    const next = lines.slice(m.index + 1, m.index + 4).map((l) => plain(l.text)).find((t) => t !== '') ?? '';
    const title = /部门$|年度?$|\d{4}$/.test(m.title) && !/^[一二三四五六七八九十]+、/.test(next) ? `${m.title}${next}` : m.title;
    const kind = KINDS.find(([re]) => re.test(title))?.[1] ?? (m.n === 1 ? 'overview' : m.n === 2 ? 'tables' : m.n === 3 ? 'explanation' : undefined);
    if (!kind) return;
    parts.push({ kind, title, start: m.index, end: body[i + 1]?.index ?? lines.length });
  });
  return parts;
}

export const partOf = (parts: readonly Part[], kind: PartKind) => parts.find((p) => p.kind === kind);
