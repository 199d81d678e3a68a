/**
 * Next year's disclosure as a draft, made from the latest bureau-year
 * (`npm run new -- <bureau> <year>`):
 *
 * - bureau facts and prose are carried over for editing (scope, template,
 *   glossary, the narrative with a 待填写 mark under each heading);
 * - this year's figures become next year's comparatives (`prior`);
 * - the nine tables are emptied as `{ notProvided: 待填写 }`, which the schema
 *   accepts, so the draft loads and its page renders while it is edited;
 * - a checklist says what must be filled.
 *
 * The checker reports every 待填写 left (rule draft.todo), so a draft never
 * publishes. Pure: takes the latest year's data and figures, returns the files.
 */
import type { Figures } from './figures.ts';
import type { Bureau, BureauYear } from './schema.ts';
import { TODO_MARK } from './check/draft.ts';
import { THREE_PUBLIC_ITEMS } from './figures.ts';

export { TODO_MARK };

export interface Draft {
  /** data.yaml as a plain object (strings for amounts and codes), in the schema's field order. */
  data: Record<string, unknown>;
  narrative: string;
  /** What the officer must fill, one line each. */
  checklist: string[];
}

const TABLE_KEYS = ['t01', 't02', 't03', 't04', 't05', 't06', 't07', 't08', 't09'] as const;

/** A known amount as data text ("1234.07"); undefined when unknown. */
function amountOf(figures: Figures, name: string): string | undefined {
  const v = figures.get(name)?.value;
  return v === null || v === undefined ? undefined : v.toFixed(2);
}

/** This year's figures as next year's `prior` comparatives. */
export function priorFrom(data: BureauYear, figures: Figures): Record<string, unknown> {
  const prior: Record<string, unknown> = { year: data.year };
  const fields: [string, string][] = [
    ['grandTotal', 'grandTotal'],
    ['incomeTotal', 'incomeTotal'],
    ['expenditureTotal', 'expenditureTotal'],
    ['openingBalance', 'openingBalance'],
    ['closingBalance', 'closingBalance'],
    ['fiscalGrandTotal', 'fiscalGrandTotal'],
    ['gpbIncome', 'gpbIncome'],
    ['govFundIncome', 'govFundIncome'],
    ['soeIncome', 'soeIncome'],
    ['gpbExpenditure', 'gpbExpenditure'],
    ['personnel', 'personnel'],
    ['public', 'public'],
    ['threePublic', 'threePublic.actual'],
  ];
  for (const [field, figure] of fields) {
    const v = amountOf(figures, figure);
    if (v !== undefined) prior[field] = v;
  }
  const items: Record<string, string> = {};
  for (const item of Object.keys(THREE_PUBLIC_ITEMS)) {
    const v = amountOf(figures, `threePublic.${item}.actual`);
    if (v !== undefined) items[item] = v;
  }
  if (Object.keys(items).length > 0) prior.threePublicItems = items;
  const operating = amountOf(figures, 'operatingCost');
  if (operating !== undefined) prior.operatingCost = operating;
  const t06 = data.tables.t06;
  if (t06 && !('empty' in t06) && !('notProvided' in t06)) {
    const economic = [...t06.personnel, ...t06.public]
      .filter((r) => r.code.length === 3)
      .map((r) => ({ code: r.code, name: r.name, amount: amountOf(figures, `econ.${r.code}`) }))
      .filter((r) => r.amount !== undefined);
    if (economic.length > 0) prior.economic = economic;
  }
  prior.note = `由 ${data.year} 年度决算公开的数据生成（npm run new），即该年度决算数`;
  return prior;
}

/** The narrative carried over: last year's published wording of figures dropped, a 待填写 mark under each heading. */
export function draftNarrative(narrative: string, fromYear: string, year: string): string {
  const lines = narrative.split('\n').map((l) => l.replace(/:fig\[[^\]]*\]\{/g, ':fig{'));
  const out: string[] = [];
  for (const line of lines) {
    out.push(line);
    if (/^# /.test(line)) out.push('', `> ${TODO_MARK}：本节文字沿用 ${fromYear} 年度，请按 ${year} 年度改写，改完删除本行。`);
  }
  return out.join('\n');
}

/** The draft of `year` from the latest bureau-year's data and figures. */
export function makeDraft(bureau: Pick<Bureau, 'name'>, latest: { data: BureauYear; narrative: string; figures: Figures }, year: string): Draft {
  const from = latest.data;
  const data: Record<string, unknown> = {
    year,
    draft: `由 ${from.year} 年度生成的 ${year} 年度草稿（npm run new）`,
    asOf: `${year}-12-31`,
    template: from.template,
    source: { title: `${bureau.name}${year}年度部门决算（${TODO_MARK}：原文标题）` },
    scope: { kind: from.scope.kind, units: [...from.scope.units] },
    staff: { text: `${TODO_MARK}：${year} 年末人员情况（编制数、实有人数、在职、离退休）` },
    tables: Object.fromEntries(TABLE_KEYS.map((k) => [k, { notProvided: TODO_MARK }])),
    ...(from.extraTables.length > 0
      ? { extraTables: from.extraTables.map((t) => ({ number: t.number, title: t.title, notProvided: TODO_MARK, columns: [...t.columns] })) }
      : {}),
    ...(from.operatingCost ? { operatingCost: { comparedWith: from.operatingCost.comparedWith } } : {}),
    prior: priorFrom(from, latest.figures),
    ...(from.glossary.length > 0 ? { glossary: from.glossary.map((g) => ({ term: g.term, definition: g.definition })) } : {}),
  };
  const checklist = [
    `data.yaml source.title：填写 ${year} 年度公开文件的标题（及 file / url）`,
    'data.yaml published：填写发布日期（YYYY-MM-DD）',
    `data.yaml scope：核对纳入 ${year} 年度决算编制范围的单位（沿用 ${from.year} 年度）`,
    'data.yaml staff：填写年末人员情况（数字写在 authorized、actual、inService 等字段，删除 text 中的“待填写”）',
    ...TABLE_KEYS.map((k) => `data.yaml tables.${k}：按本年度决算填写公开${k.slice(1)}表；本年无数据的表写 { empty: 空表说明 }`),
    ...(from.extraTables.length > 0 ? ['data.yaml extraTables：填写附加的公开表（如国有资产占用情况表）'] : []),
    `data.yaml prior：已由 ${from.year} 年度数字生成；如本年度公开对上年数有调整，按公开文件改写`,
    '如公开文件有：budget（年初预算）、threePublic（出国团组、公务用车、接待批次）、operatingCost.amount（机关运行经费）、procurement（政府采购）、assets（国有资产）、performance（绩效自评）',
    `data.yaml glossary：核对名词解释（沿用 ${from.year} 年度）`,
    `narrative.md：每节按 ${year} 年度改写（沿用 ${from.year} 年度文字，数字引用 :fig{name=…} 会自动换成本年数），删除每个“待填写”标记`,
    'source.txt：放入本年度公开文件的原文（可选，用于存档与核对）',
    'data.yaml draft：以上完成、npm run check 无错误后，删除 draft 一行',
  ];
  return { data, narrative: draftNarrative(latest.narrative, from.year, year), checklist };
}
