/**
 * The numbers the 情况说明 publishes, read with their meaning: which figure
 * (a subject such as 收、支总计) and which measure (the amount itself, a
 * change, a share, a completion rate). The meaning comes from the words
 * before the number in the same sentence; a number whose meaning is not
 * clear is left alone and reported, never matched by value alone.
 */
import { EXPENDITURE_CLASSES } from '../tables.ts';
import type { Block } from './prose.ts';

export type Measure = 'amount' | 'change' | 'changePct' | 'share' | 'completion';

export interface Statement {
  block: Block;
  /** Offset of the number in the block's text, and the number as printed ("1234.07", "4.2%"). */
  index: number;
  published: string;
  percent: boolean;
  /** The figure the words name, e.g. grandTotal.changePct; undefined when the meaning is unclear. */
  figure?: string;
  /** For amounts and changes: the subject's base figure (grandTotal) and the direction word. */
  subject?: string;
  measure?: Measure;
  direction?: 'up' | 'down';
  line: number;
}

interface Subject {
  words: RegExp;
  figure: (section: string) => string | undefined;
}

const fixed = (name: string) => () => name;
const bySection = (explanation: string, gpb: string) => (section: string) => (/^[五六]、/.test(section) ? gpb : /^三、/.test(section) ? explanation : undefined);

/** Subjects, longest wording first (a longer match wins over a shorter one inside it). */
const SUBJECTS: Subject[] = [
  { words: /财政拨款收[、,，]?支(决算)?总计/g, figure: fixed('fiscalGrandTotal') },
  { words: /收[、,，]?支(决算)?总计/g, figure: fixed('grandTotal') },
  { words: /一般公共预算财政拨款基本支出/g, figure: fixed('gpbExpenditure.basic') },
  { words: /一般公共预算财政拨款收入/g, figure: fixed('gpbIncome') },
  { words: /政府性基金预算财政拨款收入/g, figure: fixed('govFundIncome') },
  { words: /国有资本经营预算财政拨款收入/g, figure: fixed('soeIncome') },
  { words: /一般公共预算财政拨款支出/g, figure: fixed('gpbExpenditure') },
  { words: /收入合计/g, figure: fixed('incomeTotal') },
  { words: /支出合计/g, figure: fixed('expenditureTotal') },
  { words: /财政拨款收入/g, figure: (s) => (/^二、/.test(s) ? 'income.fiscal' : undefined) },
  { words: /上级补助收入/g, figure: fixed('income.superior') },
  { words: /事业收入/g, figure: fixed('income.business') },
  { words: /经营收入/g, figure: fixed('income.operating') },
  { words: /附属单位上缴收入/g, figure: fixed('income.affiliated') },
  { words: /其他收入/g, figure: fixed('income.other') },
  { words: /基本支出/g, figure: bySection('expenditure.basic', 'gpbExpenditure.basic') },
  { words: /项目支出/g, figure: bySection('expenditure.project', 'gpbExpenditure.project') },
  { words: /人员经费/g, figure: fixed('personnel') },
  { words: /公用经费/g, figure: fixed('public') },
  { words: /机关运行经费/g, figure: fixed('operatingCost') },
  { words: /政府采购支出总额/g, figure: fixed('procurement.total') },
  { words: /(政府采购)?货物支出/g, figure: fixed('procurement.goods') },
  { words: /(政府采购)?工程支出/g, figure: fixed('procurement.works') },
  { words: /(政府采购)?服务支出/g, figure: fixed('procurement.services') },
  { words: /授予中小企业合同金额/g, figure: fixed('procurement.sme') },
  { words: /货物采购授予中小企业合同金额/g, figure: fixed('procurement.smeGoods') },
  { words: /工程采购授予中小企业合同金额/g, figure: fixed('procurement.smeWorks') },
  { words: /服务采购授予中小企业合同金额/g, figure: fixed('procurement.smeServices') },
  { words: /授予小微企业合同金额/g, figure: fixed('procurement.small') },
  ...EXPENDITURE_CLASSES.map((c) => ({
    words: new RegExp(`${c.name}[(（]类[)）]`, 'g'),
    figure: (s: string) => (/^五、/.test(s) ? `gpbClass.${c.code}` : undefined),
  })),
];

const NUMBER = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?=\s*(%|万元))/g;
const UP = /(增加|增长|上升|提高)/;
const DOWN = /(减少|下降|降低)/;

/** The subject named last before `end` in the sentence (text after 占 names the whole, not the part). */
function subjectBefore(sentence: string, end: number, section: string): { name: string; at: number; end: number } | undefined {
  let best: { name: string; at: number; length: number } | undefined;
  for (const s of SUBJECTS) {
    for (const m of sentence.slice(0, end).matchAll(s.words)) {
      const name = s.figure(section);
      if (!name) continue;
      const at = m.index;
      const stop = at + m[0].length;
      if (!best || stop > best.at + best.length || (stop === best.at + best.length && m[0].length > best.length)) best = { name, at, length: m[0].length };
    }
  }
  return best && { name: best.name, at: best.at, end: best.at + best.length };
}

/** Read the published numbers of one 情况说明 paragraph. */
export function readStatements(block: Block): Statement[] {
  const out: Statement[] = [];
  const section = block.section ?? '';
  const text = block.text;
  for (const m of text.matchAll(NUMBER)) {
    const percent = m[2] === '%';
    const published = percent ? `${m[0]}%` : m[0];
    const sentenceStart = Math.max(text.lastIndexOf('。', m.index), text.lastIndexOf('；', m.index)) + 1;
    const sentence = text.slice(sentenceStart, m.index);
    const clauseStart = Math.max(sentence.lastIndexOf('，'), sentence.lastIndexOf(',')) + 1;
    const clause = sentence.slice(clauseStart);
    const share = clause.lastIndexOf('占');
    const subject = subjectBefore(sentence, share >= 0 ? clauseStart + share : sentence.length, section);
    const statement: Statement = { block, index: m.index, published, percent, line: block.line };
    out.push(statement);
    if (!subject) continue;
    // A subject named in an earlier clause carries over only to the change and share of the same sentence.
    const sameClause = subject.at >= clauseStart;
    let measure: Measure | undefined;
    if (percent) {
      if (share >= 0) measure = 'share';
      else if (/完成.*预算/.test(clause)) measure = 'completion';
      else if (UP.test(clause) || DOWN.test(clause)) measure = 'changePct';
    } else if (subject.name === 'gpbExpenditure' && /年初预算(数)?为?\s*$/.test(clause)) {
      statement.subject = 'budget.total';
      statement.measure = 'amount';
      statement.figure = 'budget.total';
      continue;
    } else if (subject.name === 'gpbExpenditure' && /支出决算(数)?为?\s*$/.test(clause)) {
      measure = 'amount';
    } else if (UP.test(clause) || DOWN.test(clause)) {
      measure = /预算/.test(sentence.slice(Math.max(subject.end, clauseStart))) ? undefined : 'change';
    } else if (sameClause && !/预算|上年|年度决算数/.test(sentence.slice(subject.end))) measure = 'amount';
    if (!measure) continue;
    statement.subject = subject.name;
    statement.measure = measure;
    if (measure === 'change' || measure === 'changePct') statement.direction = UP.test(clause) ? 'up' : 'down';
    statement.figure = figureName(subject.name, measure);
  }
  return out;
}

function figureName(subject: string, measure: Measure): string | undefined {
  switch (measure) {
    case 'amount':
      return subject;
    case 'change':
      return `${subject}.change`;
    case 'changePct':
      return `${subject}.changePct`;
    case 'share':
      return `${subject}.share`;
    case 'completion':
      return subject === 'gpbExpenditure' ? 'budget.completion' : undefined;
  }
}
