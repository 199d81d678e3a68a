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
  /** For a 年初预算 item: its name as the data keeps it. */
  itemName?: string;
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

/** What the reader needs from the tables: the code of a 年初预算 item from the words naming it. */
export interface StatementContext {
  itemCode(head: string): { code: string; name: string } | undefined;
}

/** Read the published numbers of one 情况说明 paragraph. */
export function readStatements(block: Block, context?: StatementContext): Statement[] {
  if (/三公/.test(block.section ?? '')) return readThreePublic(block);
  const items = context ? readItems(block, context) : [];
  const out: Statement[] = [...items];
  const section = block.section ?? '';
  const text = block.text;
  for (const m of text.matchAll(NUMBER)) {
    if (items.some((s) => s.index === m.index)) continue;
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
    // 预算绩效: "开展绩效自评，共涉及项目 11 个，资金 870.31 万元，占一般公共预算项目支出总额的 82.9%".
    if (/绩效自评/.test(sentence) && /(涉及|资金)/.test(sentence) && !/整体支出/.test(sentence)) {
      if (!percent && /资金\s*$/.test(clause)) Object.assign(statement, { subject: 'performance.projectAmount', measure: 'amount', figure: 'performance.projectAmount' });
      else if (percent && share >= 0 && /项目支出/.test(clause.slice(share))) statement.figure = 'performance.projectAmount.share';
      continue;
    }
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

const AMOUNT_TEXT = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';
/**
 * 年初预算 items (五(三)): "…(类)…(款)…(项)。年初预算为 10.05 万元，支出决算为
 * 18.69 万元，完成年初预算的 186.0%". The words before the figures name the
 * item; the context finds its code in 公开05表 (or the 类 when there is no table).
 */
const ITEM_FIGURES = new RegExp(
  `年初预算(?:数)?为?\\s*(${AMOUNT_TEXT})\\s*万?元[，,]\\s*(?:支出)?决算(?:数)?为?\\s*(${AMOUNT_TEXT})\\s*万元(?:[，,]\\s*完成年初预算的?\\s*(${AMOUNT_TEXT}\\s*%))?`,
  'g',
);

function readItems(block: Block, context: StatementContext): Statement[] {
  const out: Statement[] = [];
  const text = block.text;
  let from = 0;
  for (const m of text.matchAll(ITEM_FIGURES)) {
    const head = text.slice(from, m.index);
    from = m.index + m[0].length;
    if (!EXPENDITURE_CLASSES.some((c) => head.includes(c.name))) continue;
    const item = context.itemCode(head);
    if (!item) continue;
    const at = (value: string, after: number) => m.index + m[0].indexOf(value, after);
    const budgetAt = at(m[1]!, 0);
    const actualAt = at(m[2]!, budgetAt - m.index + m[1]!.length);
    const base = { block, line: block.line, itemName: item.name };
    out.push({ ...base, index: budgetAt, published: m[1]!, percent: false, subject: `item.${item.code}.budget`, measure: 'amount', figure: `item.${item.code}.budget` });
    out.push({ ...base, index: actualAt, published: m[2]!, percent: false, subject: `item.${item.code}.actual`, measure: 'amount', figure: `item.${item.code}.actual` });
    if (m[3]) {
      const rateAt = at(m[3], actualAt - m.index + m[2]!.length);
      out.push({ ...base, index: rateAt, published: m[3], percent: true, measure: 'completion', figure: `item.${item.code}.completion` });
    }
  }
  return out;
}

/** The "三公" items, longest wording first; '' is the "三公" total. */
const THREE_PUBLIC_WORDS: [RegExp, string][] = [
  [/公务用车购置及运行费/g, '.vehicle'],
  [/公务用车购置费/g, '.vehiclePurchase'],
  [/公务用车运行费/g, '.vehicleOperation'],
  [/因公出国[(（]境[)）]费/g, '.abroad'],
  [/外宾接待(支出|费)/g, 'foreignReception'],
  [/国内公务接待(支出|费)/g, 'domesticReception'],
  [/公务接待费/g, '.reception'],
  [/“?三公”?经费/g, ''],
];

/** 九、"三公"经费: budget, actual, completion, difference from the budget and change on last year per item. */
function readThreePublic(block: Block): Statement[] {
  const out: Statement[] = [];
  const text = block.text;
  for (const m of text.matchAll(NUMBER)) {
    const percent = m[2] === '%';
    const published = percent ? `${m[0]}%` : m[0];
    const statement: Statement = { block, index: m.index, published, percent, line: block.line };
    out.push(statement);
    const sentenceStart = Math.max(text.lastIndexOf('。', m.index), text.lastIndexOf('；', m.index)) + 1;
    const sentence = text.slice(sentenceStart, m.index);
    // The item named last in the paragraph ("…完成全年预算的 13.8%。较上年减少 0.27 万元" continues the item).
    let item: { key: string; end: number } | undefined;
    for (const [re, key] of THREE_PUBLIC_WORDS) {
      for (const w of text.slice(0, m.index).matchAll(re)) {
        const end = w.index + w[0].length;
        if (!item || end > item.end) item = { key, end };
      }
    }
    if (!item) continue;
    const itemEnd = Math.max(0, item.end - sentenceStart);
    const clause = sentence.slice(Math.max(sentence.lastIndexOf('，') + 1, sentence.lastIndexOf(',') + 1, itemEnd));
    const after = text.slice(item.end, m.index);
    if (item.key === 'foreignReception' || item.key === 'domesticReception') {
      if (!percent && /^\s*(为)?\s*$/.test(after)) Object.assign(statement, { subject: `threePublic.${item.key}`, measure: 'amount', figure: `threePublic.${item.key}` });
      continue;
    }
    const name = `threePublic${item.key}`;
    const lastYear = /(上年|上一年|\d{4}\s*年度?)/.test(clause) && !/预算/.test(clause);
    const change = UP.test(clause) || DOWN.test(clause);
    let figure: string | undefined;
    let measure: Measure | undefined;
    if (percent) {
      if (/完成(年初|全年)?预算/.test(clause)) figure = `${name}.completion`;
      else if (change && lastYear) [figure, measure] = [`${name}.actual.changePct`, 'changePct'];
    } else if (change && /预算/.test(clause)) figure = `${name}.diff`;
    else if (change && lastYear) [figure, measure] = [`${name}.actual.change`, 'change'];
    else if (/预算(数)?为?\s*$/.test(clause)) [figure, measure] = [`${name}.budget`, 'amount'];
    else if (/(决算(数)?为?|支出|费)\s*$/.test(clause) || /^\s*$/.test(after)) [figure, measure] = [`${name}.actual`, 'amount'];
    if (!figure) continue;
    statement.figure = figure;
    if (measure) {
      statement.measure = measure;
      statement.subject = measure === 'amount' ? figure : `${name}.actual`;
      if (measure !== 'amount') statement.direction = UP.test(clause) ? 'up' : 'down';
    }
  }
  return out;
}
