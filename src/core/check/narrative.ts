/**
 * The audit of the narrative: every figure the prose publishes (the label of
 * `:fig[…]{name=…}`) against the computed one, and the text rules around the
 * figures (units, dates, the direction a sentence states, the same figure
 * printed twice). The tolerance rules are in src/core/published.ts.
 *
 * An unknown figure name or heading is a content error (it breaks the page);
 * everything else here is a warning with a certainty (确定/疑似/提示): the
 * bureau's own wording is kept, the page notes it and 数据核对 explains it.
 */
import type { BureauYearEntry, ContentError } from '../load.ts';
import { referenceAnchor, anchorId, type Finding, type FindingInput, type Certainty } from '../findings.ts';
import { previousYear } from '../disclosure.ts';
import { renderNarrative, type FigureReference, type Passage, type RenderedNarrative } from '../narrative.ts';
import { computeFigures, formatFigure, type Figure, type Figures } from '../figures.ts';
import { parsePublished } from '../published.ts';
import { D, round } from '../money.ts';
import type { BureauYear } from '../schema.ts';

export function checkNarrative(
  entry: BureauYearEntry,
  all: readonly BureauYearEntry[],
): { errors: ContentError[]; findings: Finding[]; narrative: RenderedNarrative } {
  const figures = computeFigures(entry.data, previousYear(all, entry)?.data);
  // Rendered exactly as the page renders it: `npm run build` hands it to the pages (src/utils/site.ts), which then
  // do not parse the Markdown again.
  const narrative = renderNarrative(entry.narrative, figures, entry.data, entry.narrativeFile);
  const findings = auditNarrative(narrative, figures, {
    bureauYear: entry.id,
    file: entry.narrativeFile,
    data: entry.data,
  });
  if (entry.data.draft === undefined) return { errors: narrative.errors, findings, narrative };
  // In a draft (npm run new) a figure named by last year's prose may not exist until its table is filled.
  const pending = (e: ContentError) => e.field !== '' && !figures.has(e.field) && e.message.includes('unknown figure name');
  return {
    narrative,
    errors: narrative.errors.filter((e) => !pending(e)),
    findings: [
      ...findings,
      ...narrative.errors.filter(pending).map(
        (e): Finding => ({
          severity: 'error',
          rule: 'draft.todo',
          bureauYear: entry.id,
          file: e.file,
          line: e.line,
          field: e.field,
          values: { 数据名称: e.field },
          message: `narrative.md 第 ${e.line} 行引用的数据“${e.field}”在草稿中还没有：填写相应的表后即有数值；本年度不再有此项时删去这句`,
        }),
      ),
    ],
  };
}

interface Where {
  bureauYear: string;
  file: string;
  data: Pick<BureauYear, 'template' | 'year'>;
}

/** All findings about the narrative of one bureau-year. Pure. */
export function auditNarrative(rendered: RenderedNarrative, figures: Figures, where: Where): Finding[] {
  return [
    ...rendered.references.flatMap((ref) => (ref.verdict ? [publishedFinding(ref, rendered.references, figures, where)] : [])),
    ...directionFindings(rendered.references, figures, where),
    ...dateFindings(rendered.passages, where),
  ];
}

/** "，收、支总计增加 " → "收、支总计增加": the words just before a figure, back to the last punctuation (at most 10 characters). */
function leadIn(before: string): string {
  const tail = before.split(/[，。；：:,;（(）)\n]/).at(-1) ?? '';
  return tail.trim().slice(-10);
}

/** The published wording with its lead-in: "增长 6.4%", "年初预算为 823.58 元". */
function wordingOf(ref: FigureReference, withUnit: boolean): string {
  const lead = leadIn(ref.before);
  return `${lead}${lead ? ' ' : ''}${ref.published}${withUnit && ref.unit ? ` ${ref.unit}` : ''}`;
}

function inputsOf(figure: Figure, figures: Figures, data: Where['data']): FindingInput[] {
  return figure.inputs.flatMap((name) => {
    const f = figures.get(name);
    return f ? [{ name, label: f.label, value: formatFigure(f, data) }] : [];
  });
}

/** Where an amount in the data comes from, for the explanation of an amount finding. */
function sourceOf(name: string): string {
  if (/^(gpbClass|item\.\d+\.actual|gpbExpenditure)/.test(name)) return '公开05表';
  if (/^(item\.\d+\.budget|budget\.)/.test(name)) return '年初预算数据';
  if (/^performance\.(project|department)/.test(name)) return '附件 绩效自评表';
  if (/^(grandTotal|incomeTotal|expenditureTotal|income\.|openingBalance|closingBalance)/.test(name)) return '公开01表';
  if (/^expenditure\./.test(name)) return '公开03表';
  if (/^(fiscalGrandTotal|gpbIncome|govFundIncome|soeIncome)/.test(name)) return '公开04表';
  if (/^(personnel|public|econ\.)/.test(name)) return '公开06表';
  if (/^threePublic\./.test(name)) return '公开09表及"三公"说明';
  return '数据';
}

const RULE_OF_KIND: Record<NonNullable<FigureReference['verdict']>['kind'], string> = {
  amount: 'narrative.published-differs',
  percent: 'narrative.published-differs',
  text: 'narrative.published-differs',
  rounded: 'narrative.rounded',
  'no-base': 'narrative.no-base',
  unit: 'narrative.unit',
  denominator: 'narrative.share-denominator',
};

function publishedFinding(ref: FigureReference, all: FigureReference[], figures: Figures, where: Where): Finding {
  const verdict = ref.verdict!;
  const figure = figures.get(ref.name)!;
  const wording = wordingOf(ref, verdict.kind === 'unit');
  const inputs = inputsOf(figure, figures, where.data);
  const how = inputs.length ? `按${inputs.map((i) => `${i.label} ${i.value}`).join(' 与 ')} 计算，` : `按${sourceOf(ref.name)}，`;
  let message: string;
  let rule = RULE_OF_KIND[verdict.kind];
  let certainty = verdict.certainty;
  switch (verdict.kind) {
    case 'no-base':
      message = `原文"${wording}"：${figure.label}的基数为零（${inputs.map((i) => `${i.label} ${i.value}`).join('、')}），比率无意义，应写"—"`;
      break;
    case 'unit':
      message = `原文"${wording}"：${figure.label}为 ${verdict.expected}（${sourceOf(ref.name)}），${verdict.detail}`;
      break;
    case 'text':
      message = `原文"${wording}"，${how}${figure.label}应为"${verdict.expected}"`;
      break;
    default: {
      const others = verdict.certainty === 'definite' ? [] : samePrinted(ref, all, figures);
      const elsewhere = others.map((o) => `第 ${o.line} 行（${o.part.split(' / ').at(-1)}）印为 ${o.published}`).join('；');
      // The same amount printed elsewhere, at the same precision, as the computed value: the document contradicts itself.
      const mine = parsePublished(ref.published!)!;
      if (verdict.kind === 'amount' && others.some((o) => parsePublished(o.published!)!.decimals === mine.decimals && !o.differs)) {
        rule = 'narrative.same-figure';
        certainty = 'definite';
        message = `同一数字前后不一：此处原文"${wording}"，${elsewhere}；按${sourceOf(ref.name)}为 ${verdict.expected}`;
      } else {
        message = `原文"${wording}"，${how}${figure.label}应为 ${verdict.expected}${verdict.detail ? `；${verdict.detail}` : ''}${elsewhere ? `；同一数字${elsewhere}` : ''}`;
      }
    }
  }
  const values: Record<string, string> = { 原文: ref.published!, 计算值: verdict.expected };
  for (const i of inputs) values[i.label] = i.value;
  return {
    severity: 'warning',
    rule,
    bureauYear: where.bureauYear,
    file: where.file,
    line: ref.line,
    field: ref.name,
    values,
    message,
    certainty,
    part: ref.part,
    published: wording,
    computed: verdict.expected,
    inputs,
    anchor: ref.anchor ?? referenceAnchor(ref.line, ref.name),
  };
}

/** Other references of the same computed amount whose published number differs from this one. */
function samePrinted(ref: FigureReference, all: FigureReference[], figures: Figures): FigureReference[] {
  const figure = figures.get(ref.name);
  if (!figure || figure.kind !== 'amount' || figure.value === null || figure.value.isZero()) return [];
  const mine = parsePublished(ref.published ?? '');
  return all.filter((o) => {
    if (o === ref || o.published === undefined) return false;
    const f = figures.get(o.name);
    const theirs = parsePublished(o.published);
    if (f?.kind !== 'amount' || f.value === null || !f.value.equals(figure.value!) || theirs === null || mine === null) return false;
    // A far-off number is its own finding, not this amount printed differently (1272 for 1,700.00 is another quantity gone wrong).
    const close = theirs.value.minus(round(figure.value!, theirs.decimals)).abs().lte(new D(1).div(new D(10).pow(theirs.decimals)));
    return close && !theirs.value.equals(mine.value);
  });
}

const UP = /(增加|增长|上升|提高|上涨|超支)\s*$/;
const DOWN = /(减少|下降|降低|节约|压减|下滑)\s*$/;
const MORE_THAN_BUDGET = /(大于|高于|超过|超出|多于)(年初|全年)?预算/;
const LESS_THAN_BUDGET = /(小于|低于|少于)(年初|全年)?预算/;

/**
 * The direction a sentence states against the computed one:
 * - the word before a change ("增加 17.68", "下降 6.4%") against this year vs last year (or vs budget);
 * - the statement after a completion rate ("决算数小于年初预算数的主要原因") against 决算 vs 预算.
 */
function directionFindings(refs: FigureReference[], figures: Figures, where: Where): Finding[] {
  const out: Finding[] = [];
  const seenRates = new Set<string>();
  for (const ref of refs) {
    const change = /^(.+)\.(change|changePct)$/.exec(ref.name);
    const diff = /^(threePublic(?:\.\w+)?)\.diff$/.exec(ref.name);
    const rate = /\.(completion|rate)$/.test(ref.name);
    let actual: Figure | undefined;
    let base: Figure | undefined;
    let stated: 'up' | 'down' | undefined;
    let statement = '';
    if (change || diff) {
      const lead = ref.before.replace(/[（(]减少[）)]|[（(]增加[）)]/g, '');
      if (/增加\s*[（(]减少[）)]|增加\/减少/.test(ref.before)) continue; // the template's "增加(减少)": no direction stated
      const word = UP.exec(lead) ?? DOWN.exec(lead);
      stated = word ? (UP.test(word[0]) ? 'up' : 'down') : undefined;
      statement = word?.[1] ?? '';
      const f = figures.get(ref.name);
      [actual, base] = (f?.inputs ?? []).map((n) => figures.get(n));
    } else if (rate) {
      const m = MORE_THAN_BUDGET.exec(ref.after) ?? LESS_THAN_BUDGET.exec(ref.after);
      if (!m) continue;
      stated = MORE_THAN_BUDGET.test(m[0]) ? 'up' : 'down';
      statement = m[0];
      const f = figures.get(ref.name);
      [actual, base] = (f?.inputs ?? []).map((n) => figures.get(n));
      // One statement per rate name and line (the same rate printed twice in a sentence).
      const key = `${ref.line}:${ref.name}`;
      if (seenRates.has(key)) continue;
      seenRates.add(key);
    }
    if (!stated || !actual || !base || actual.value === null || base.value === null) continue;
    const cmp = actual.value.comparedTo(base.value);
    const truth = cmp > 0 ? 'up' : cmp < 0 ? 'down' : 'same';
    if (truth === stated) continue;
    // A rate on no change has no base: narrative.no-base reports it; the amount's "增加 0" is reported once.
    if (truth === 'same' && /changePct$/.test(ref.name)) continue;
    const certainty: Certainty = truth === 'same' ? 'note' : rate ? 'suspected' : 'definite';
    const real = truth === 'same' ? '持平（变动为零）' : rate ? (truth === 'up' ? '大于预算' : '小于预算') : truth === 'up' ? '增加' : '减少';
    const inputs = [actual, base].map((f) => ({ name: f.name, label: f.label, value: formatFigure(f, where.data) }));
    out.push({
      severity: 'warning',
      rule: 'narrative.direction',
      bureauYear: where.bureauYear,
      file: where.file,
      line: ref.line,
      field: ref.name,
      values: Object.fromEntries([['原文', statement], ...inputs.map((i) => [i.label, i.value])]),
      message: `原文说"${statement}"，但${inputs[0]!.label} ${inputs[0]!.value}、${inputs[1]!.label} ${inputs[1]!.value}，实为${real}`,
      certainty,
      part: ref.part,
      published: statement,
      computed: real,
      inputs,
      anchor: anchorId(`${referenceAnchor(ref.line, ref.name)}-direction`),
    });
  }
  return out;
}

/**
 * Dates against the year: the state-assets statement "截至 YYYY 年 12 月 31 日"
 * in 情况说明 must name the year's end (确定); a "截至 YYYY 年…" earlier than the
 * year in 重点工作 suggests last year's text was kept (疑似).
 */
function dateFindings(passages: Passage[], where: Where): Finding[] {
  const year = Number(where.data.year);
  const out: Finding[] = [];
  for (const p of passages) {
    const yearEnd = /截[至止]\s*(\d{4})\s*年\s*12\s*月\s*31\s*日/g;
    const anyDate = /截[至止]\s*(\d{4})\s*年\s*(\d{1,2})\s*月(底|末)?/g;
    const pattern = p.section === 'explanation' ? yearEnd : anyDate;
    for (const m of p.text.matchAll(pattern)) {
      const stated = Number(m[1]);
      if (p.section === 'explanation' ? stated === year : stated >= year) continue;
      const certainty: Certainty = p.section === 'explanation' ? 'definite' : 'suspected';
      out.push({
        severity: 'warning',
        rule: 'narrative.date',
        bureauYear: where.bureauYear,
        file: where.file,
        line: p.line,
        field: 'date',
        values: { 原文: m[0], 年度: String(year) },
        message:
          p.section === 'explanation'
            ? `原文"${m[0]}"与决算年度 ${year} 年不符：应为截至 ${year} 年 12 月 31 日`
            : `原文"${m[0]}"早于决算年度 ${year} 年：或沿用了上年的文字`,
        certainty,
        part: p.part,
        published: m[0],
        computed: p.section === 'explanation' ? `截至 ${year} 年 12 月 31 日` : `${year} 年度`,
        inputs: [{ label: '决算年度', value: String(year) }],
        anchor: anchorId(`check-n${p.line}-date-${m.index ?? 0}`),
      });
    }
  }
  return out;
}
