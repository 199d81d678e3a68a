/**
 * The prose of the document as Markdown blocks under the project's section
 * headings (src/core/narrative.ts NARRATIVE_SECTIONS). Lines broken by the PDF
 * are joined back into paragraphs; every block keeps its source line.
 */
import type { SourceLine } from './source.ts';
import { plain, type Part } from './parts.ts';
import type { IssueList } from './issues.ts';

export interface Block {
  kind: 'h1' | 'h2' | 'h3' | 'p' | 'chart';
  text: string;
  /** Source line of the block's first line. */
  line: number;
  /** The 情况说明 section (e.g. "五、一般公共预算财政拨款支出决算情况说明") the block sits in. */
  section?: string;
}

const CN = '一二三四五六七八九十';
const HEADING1 = new RegExp(`^[${CN}]+、`);
const HEADING2 = new RegExp(`^[(（][${CN}]+[)）]`);
const ITEM = /^(\d+[.．、](?!\d)|[(（]\d+[)）]|图\s*\d)/;

const OVERVIEW_SECTIONS: [RegExp, string][] = [
  [/职责|职能/, '部门主要职责'],
  [/机构设置|单位构成|基本情况/, '机构设置'],
  [/人员构成|人员情况/, '人员构成'],
];

/** A line ending a sentence or a clause that a list or a heading follows. */
const END = /[。！？；!?;]$/;
/** A line ending with a colon introduces what follows: a list (new blocks) or the rest of its sentence (joined). */
const COLON = /[：:]$/;

/**
 * Join wrapped lines into paragraphs; headings and list items start new ones.
 * A line continues on the next unless it ends a sentence. A numbered line
 * that looks like a heading is still a wrapped sentence when it fills the
 * printed line width or ends with a comma or 、 (南昌 "(一)贯彻执行国家、省、市
 * 医疗保障制度的法律法规、"). An item's title sentence ("5.卫生健康支出(类)…
 * (项)。") keeps its figures that follow ("年初预算为…").
 */
function paragraphs(lines: readonly SourceLine[], from: number, to: number): { text: string; line: number }[] {
  const texts: { text: string; no: number }[] = [];
  for (let i = from; i < to; i++) {
    const text = plain(lines[i]!.text).replace(/\t+/g, ' ');
    if (text === '' || /^[-\d\s]+$/.test(text)) continue;
    texts.push({ text, no: lines[i]!.no });
  }
  const width = lineWidth(texts.map((t) => t.text));
  const out: { text: string; line: number }[] = [];
  let open = false;
  for (const { text, no } of texts) {
    const last = out[out.length - 1];
    const starts = HEADING1.test(text) || HEADING2.test(text) || ITEM.test(text);
    const itemFigures = last && /[(（]项[)）]。$/.test(last.text) && /^年初预算/.test(text);
    if (last && ((open && !starts) || itemFigures)) {
      last.text += /[A-Za-z0-9%]$/.test(last.text) && /^[A-Za-z0-9]/.test(text) ? ` ${text}` : text;
    } else out.push({ text, line: no });
    const current = out[out.length - 1]!;
    const wrapped = /[、，,（(]$/.test(current.text) || current.text.length >= width || (/^\S+?[)）、].*、/.test(current.text) && current.text.length >= width * 0.8);
    const heading = (HEADING1.test(current.text) || HEADING2.test(current.text)) && isHeading(current.text) && !wrapped;
    open = !END.test(current.text) && !COLON.test(current.text) && !heading && !/^图\s*\d/.test(current.text);
    // After a colon, the next line continues the sentence unless it starts a list item or heading (checked above).
    if (COLON.test(current.text) && !heading) open = true;
  }
  return out;
}

/** The printed line width of a part: the length most full lines reach (90th percentile). */
function lineWidth(texts: readonly string[]): number {
  const lengths = texts.map((t) => t.length).sort((a, b) => a - b);
  if (lengths.length < 10) return Infinity;
  return lengths[Math.floor(lengths.length * 0.9)]! - 2;
}

const isHeading = (text: string) => text.length <= 40 && !/[。，,；;]/.test(text);

export function proseBlocks(lines: readonly SourceLine[], parts: readonly Part[], issues: IssueList): Block[] {
  const blocks: Block[] = [];
  for (const part of parts) {
    if (part.kind === 'overview') {
      let open = false;
      for (const p of paragraphs(lines, part.start + 1, part.end)) {
        if (HEADING1.test(p.text) && isHeading(p.text)) {
          const title = OVERVIEW_SECTIONS.find(([re]) => re.test(p.text))?.[1];
          if (title) {
            blocks.push({ kind: 'h1', text: title, line: p.line });
            open = true;
            continue;
          }
          issues.add({ kind: 'heading-unknown', line: p.line, message: `第 ${p.line} 行的标题"${p.text}"不是已知的概况栏目（部门主要职责、机构设置、人员构成），其内容已并入上一栏目，请检查` });
        }
        if (!open) continue;
        blocks.push({ kind: 'p', text: p.text, line: p.line });
      }
    } else if (part.kind === 'explanation') {
      blocks.push({ kind: 'h1', text: '情况说明', line: lines[part.start]!.no });
      let section: string | undefined;
      for (const p of paragraphs(lines, part.start + 1, part.end)) {
        const chart = /^图\s*([1-4])\s*[:：]/.exec(p.text);
        if (chart) blocks.push({ kind: 'chart', text: chart[1]!, line: p.line, section });
        else if (HEADING1.test(p.text) && isHeading(p.text)) {
          section = p.text;
          blocks.push({ kind: 'h2', text: p.text, line: p.line, section });
        } else if (HEADING2.test(p.text) && isHeading(p.text)) blocks.push({ kind: 'h3', text: p.text, line: p.line, section });
        else if (section === undefined && /部门决算情况说明$/.test(p.text)) continue;
        else blocks.push({ kind: 'p', text: p.text, line: p.line, section });
      }
    } else if (part.kind === 'keyWork') {
      blocks.push({ kind: 'h1', text: '重点工作完成情况', line: lines[part.start]!.no });
      for (const p of paragraphs(lines, part.start + 1, part.end)) blocks.push({ kind: 'p', text: p.text, line: p.line });
    }
  }
  return blocks;
}

/** Markdown characters that would change the meaning of imported prose. */
const escape = (text: string) => text.replace(/([*_`<>[\]])/g, '\\$1');

export function toMarkdown(blocks: readonly Block[], texts: ReadonlyMap<Block, string> = new Map()): string {
  return (
    blocks
      .map((b) => {
        const text = texts.get(b) ?? escape(b.text);
        if (b.kind === 'h1') return `# ${b.text}`;
        if (b.kind === 'h2') return `## ${b.text}`;
        if (b.kind === 'h3') return `### ${b.text}`;
        if (b.kind === 'chart') return `::chart{n=${b.text}}`;
        return text;
      })
      .join('\n\n') + '\n'
  );
}
