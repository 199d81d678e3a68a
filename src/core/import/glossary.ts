/**
 * 名词解释 → data.yaml `glossary` (term / definition), as printed.
 *
 * Entries start with a marker: "(一)" or "一、" (Wuhan) or "1." (Jiangxi).
 * The term is the text before the first colon, the definition the rest;
 * lines broken by the PDF are joined. An entry without a colon followed by
 * numbered sub-items ("(十)本部门使用的支出功能分类科目(到项级)" then
 * "1.社会保障和就业支出(类)…") becomes one entry listing them, unless each
 * sub-item has its own colon (江岸: "1.…(项)：反映…"), when each is an entry.
 * Lines that belong to no entry (a table fragment printed into the part, a
 * contact telephone) are not imported and are reported with their line.
 */
import type { SourceLine } from './source.ts';
import { plain, type Part } from './parts.ts';
import type { IssueList } from './issues.ts';

export interface GlossaryEntry {
  term: string;
  definition: string;
}

const CN = '一二三四五六七八九十';
const TOP = new RegExp(`^(?:[(（][${CN}]+[)）]|[${CN}]+、)\\s*`);
const SUB = /^\d+\s*[.．、](?!\d)\s*/;
const COLON = /[：:]/;

interface Raw {
  text: string;
  line: number;
  subs: { text: string; line: number }[];
}

/** Join wrapped lines: no space between CJK text, one space between Latin letters or digits. */
function join(a: string, b: string): string {
  return /[A-Za-z0-9%]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/** Spaces the extraction put inside Chinese text ("反映 单位") are dropped; spaces between Latin words stay. */
const tidy = (text: string) => text.replace(/\s+/g, ' ').replace(/(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])/g, '').trim();

function split(text: string): GlossaryEntry | undefined {
  const m = COLON.exec(text);
  if (!m) return undefined;
  const term = text.slice(0, m.index).replace(/\s+/g, '');
  const definition = tidy(text.slice(m.index + 1));
  return term && definition ? { term, definition } : undefined;
}

export function readGlossary(lines: readonly SourceLine[], part: Part, issues: IssueList): GlossaryEntry[] {
  const texts: { text: string; line: number }[] = [];
  for (let i = part.start + 1; i < part.end; i++) {
    const text = plain(lines[i]!.text);
    if (text !== '') texts.push({ text, line: lines[i]!.no });
  }
  // The marker of the top-level entries is the first one printed: (一) / 一、 or 1.
  const first = texts.find((t) => TOP.test(t.text) || SUB.test(t.text));
  if (!first) return [];
  const top = TOP.test(first.text) ? TOP : SUB;
  const sub = top === TOP ? SUB : undefined;

  const raws: Raw[] = [];
  /** Indexes into texts of the lines that belong to no entry. */
  const stray: number[] = [];
  /** Where a line that starts no entry goes: the open entry or sub-item, or nowhere (stray). */
  let open: { text: string } | undefined;
  let openIsTop = false;
  texts.forEach((t, index) => {
    if (top.test(t.text)) {
      const raw: Raw = { text: t.text.replace(top, ''), line: t.line, subs: [] };
      raws.push(raw);
      open = raw;
      openIsTop = true;
    } else if (sub?.test(t.text) && raws.length && !COLON.test(raws[raws.length - 1]!.text)) {
      const s = { text: t.text.replace(sub, ''), line: t.line };
      raws[raws.length - 1]!.subs.push(s);
      open = s;
      openIsTop = false;
    } else if (open && !/。$/.test(open.text)) {
      open.text = join(open.text, t.text); // a wrapped line
    } else if (open && openIsTop && !COLON.test(open.text) && (open as Raw).subs.length === 0) {
      // An entry printed as a title only, its text on the next line ("(十八)其他专用名词。" then "无。").
      open.text = `${open.text.replace(/。$/, '')}：${t.text}`;
    } else {
      stray.push(index);
      open = undefined;
    }
  });

  const entries: GlossaryEntry[] = [];
  for (const raw of raws) {
    if (raw.subs.length && raw.subs.every((s) => COLON.test(s.text))) {
      // Sub-items that each explain a term are entries of their own.
      const own = split(raw.text);
      if (own) entries.push(own);
      for (const s of raw.subs) {
        const e = split(s.text);
        if (e) entries.push(e);
        else issues.add({ kind: 'not-imported', line: s.line, message: `名词解释第 ${s.line} 行"${s.text.slice(0, 30)}"：未能分出名词和解释，未导入，请录入 glossary` });
      }
      continue;
    }
    if (raw.subs.length && !COLON.test(raw.text)) {
      const term = raw.text.replace(/\s+/g, '').replace(/[。：:]$/, '');
      entries.push({ term, definition: raw.subs.map((s, i) => `${i + 1}.${tidy(s.text)}`).join('\n') });
      continue;
    }
    const e = split(raw.text);
    if (e) entries.push(e);
    else issues.add({ kind: 'not-imported', line: raw.line, message: `名词解释第 ${raw.line} 行"${raw.text.slice(0, 30)}"：原文只有名词、没有解释，未导入，请补录或删去` });
  }
  if (stray.length) {
    // Consecutive stray lines (blank lines between them aside) are named as one range.
    const runs: string[] = [];
    stray.forEach((index, i) => {
      if (i > 0 && stray[i - 1] === index - 1) return;
      let end = index;
      while (stray.includes(end + 1)) end++;
      const from = texts[index]!.line;
      const to = texts[end]!.line;
      runs.push(from === to ? `${from}` : `${from}–${to}`);
    });
    issues.add({
      kind: 'not-imported',
      line: texts[stray[0]!]!.line,
      message: `名词解释中第 ${runs.join('、')} 行不属于任何一条解释（可能是混入的表格碎片或联系电话），未导入，请核对原件`,
    });
  }
  return entries;
}
