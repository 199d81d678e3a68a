/**
 * Import a published disclosure's text as a DRAFT bureau-year: data.yaml
 * (tables and stated facts), narrative.md (prose with `:fig` references
 * carrying the published wording) and the list of what a person must finish.
 */
import { bureauYearSchema, type BureauYear } from '../schema.ts';
import { computeFigures, type Figures } from '../figures.ts';
import { comparePublished } from '../published.ts';
import { formatFigure } from '../figures.ts';
import { D } from '../money.ts';
import { EXPENDITURE_CLASSES, type FunctionalTableKey } from '../tables.ts';
import { normalizeName, type Classification } from '../classification.ts';
import { sourceLines, type SourceLine } from './source.ts';
import { findParts, partOf, plain } from './parts.ts';
import { IssueList, type ImportIssue } from './issues.ts';
import { TABLE_KEYS, TABLE_TITLES, type TableKey } from '../tables.ts';
import {
  emptyStatement,
  findTables,
  readFunctionalTable,
  readTable01,
  readTable04,
  readTable06,
  readTable09,
} from './read-tables.ts';
import { proseBlocks, toMarkdown, type Block } from './prose.ts';
import { readGlossary } from './glossary.ts';
import { readPerformanceTables } from './performance.ts';
import { readStatements, type Statement, type StatementContext } from './statements.ts';

export interface KnownBureau {
  id: string;
  name: string;
  shortName: string;
  formerNames?: { name: string }[];
}

export interface ImportInput {
  text: string;
  /** Bureaus already in the content, to find the bureau id by name. */
  bureaus: readonly KnownBureau[];
  /** The classification lists, to name the full code of a code missing a digit. */
  classification?: Classification;
}

export interface ImportResult {
  /** The bureau id found by name, if exactly one matches. */
  bureauId?: string;
  /** The bureau's name as the document prints it. */
  bureauName?: string;
  year?: string;
  /** The draft data, in the shape of data.yaml (amounts as printed text). */
  data: Record<string, unknown>;
  narrative: string;
  issues: ImportIssue[];
  /** Figures linked in the narrative, and how many of them disagree with the computed value. */
  links: { name: string; published: string; line: number; differs: boolean }[];
}

type Obj = Record<string, unknown>;

export function importDisclosure(input: ImportInput): ImportResult {
  const lines = sourceLines(input.text);
  const issues = new IssueList();
  const parts = findParts(lines);
  const head = lines.slice(0, 80).map((l) => plain(l.text)).join('\n');

  // --- Facts of the document.
  const year = /(\d{4})\s*年度/.exec(head)?.[1] ?? /(\d{4})\s*年度/.exec(input.text)?.[1];
  if (!year) issues.add({ kind: 'fact-missing', message: '未能读出决算年度（如"2023 年度"），请在 data.yaml 中填写 year' });
  const bureau = findBureau(input.text, input.bureaus);
  const bureauName = /部门[:：]\s*([^\s(（\t]+)/.exec(input.text)?.[1] ?? bureau?.name;
  const template = /江西|南昌/.test(head) ? 'jiangxi' : 'wuhan';
  const title =
    lines.map((l) => plain(l.text)).find((t) => /\d{4}\s*年度.*决\s*算/.test(t) && t.length < 60 && !/^第/.test(t)) ??
    `${bureau?.shortName ?? bureauName ?? ''}${year ?? ''}年度部门决算`;

  const data: Obj = {
    year: year ?? '',
    asOf: year ? `${year}-12-31` : '',
    template,
    source: { title: title.replace(/\s+/g, ' ').replace(/决 算/, '决算'), file: 'source.txt' },
    scope: readScope(lines, parts, issues),
  };
  const staff = readStaff(input.text);
  if (staff) data.staff = staff;

  // --- Tables.
  const explanation = partOf(parts, 'explanation');
  const regions = findTables(lines, explanation?.start ?? lines.length);
  const tables: Partial<Record<TableKey, Obj>> = {};
  const tablesPart = partOf(parts, 'tables');
  for (const key of TABLE_KEYS) {
    const region = regions.get(key);
    if (!region) continue;
    const empty = emptyStatement(lines, region);
    if (empty) {
      tables[key] = { empty };
      continue;
    }
    const read =
      key === 't01' ? readTable01(lines, region, issues)
      : key === 't04' ? readTable04(lines, region, issues)
      : key === 't06' ? readTable06(lines, region)
      : key === 't09' ? readTable09(lines, region, issues)
      : readFunctionalTable(key as FunctionalTableKey, lines, region, issues);
    if (read) tables[key] = stripLines(read as unknown as Obj);
  }
  reportTruncatedCodes(tables, lines, year ?? '', input.classification, issues);
  // 空表说明 printed in part 2 without the table (the tables were images).
  if (tablesPart) {
    for (let i = tablesPart.start; i < tablesPart.end; i++) {
      const t = plain(lines[i]!.text).replace(/^说明[:：]/, '');
      const full = t.endsWith('拨') ? t + plain(lines[i + 2]?.text ?? '') : t;
      const key: TableKey | undefined = /三公/.test(full) ? 't09' : /国有资本经营/.test(full) ? 't08' : /政府性基金/.test(full) ? 't07' : undefined;
      if (key && !tables[key] && /^本(部门|单位)/.test(full) && /(无|没有|未)/.test(full)) tables[key] = { empty: full };
    }
  }

  // --- Prose and the numbers it publishes.
  const blocks = proseBlocks(lines, parts, issues);
  const context = itemContext(tables.t05);
  const statements = blocks.filter((b) => b.kind === 'p' && b.section).flatMap((b) => readStatements(b, context));
  unlinkPerUnitPerformance(statements, issues);
  const facts: Obj = {};
  fillFromNarrative(statements, tables, facts, issues);
  for (const key of TABLE_KEYS) {
    if (tables[key]) continue;
    tables[key] = { notProvided: '原文没有此表的文字（表格可能为图片），情况说明中也未写明其数字' };
    issues.add({ kind: 'table-missing', table: key, message: `未找到${TABLE_TITLES[key]}：原文没有此表的文字，情况说明中也没有它的数字。已写为 notProvided，请对照原件补录或保留` });
  }
  data.tables = tables;
  Object.assign(data, facts);
  Object.assign(data, readOtherFacts(input.text, year));
  const glossaryPart = partOf(parts, 'glossary');
  const glossary = glossaryPart ? readGlossary(lines, glossaryPart, issues) : [];
  if (glossary.length) data.glossary = glossary;
  readPerformance(lines, parts, input.text, data, issues);
  linkProjectStatements(statements, ((data.performance as Obj | undefined)?.projects ?? []) as { name: string }[]);
  const operating = data.operatingCost as Obj | undefined;
  if (operating) operating.comparedWith = /机关运行经费[^。]*年初预算/.test(input.text) ? 'budget' : 'previousYear';

  // --- Figures: first without last year, to derive last year's amounts from the stated changes.
  let figures = figuresOf(data);
  const prior = derivePrior(statements, figures, data, input.text, year);
  if (prior) {
    data.prior = prior;
    figures = figuresOf(data);
  }

  // --- Link the published numbers to the computed figures.
  const links: ImportResult['links'] = [];
  const texts = new Map<Block, string>();
  const byBlock = new Map<Block, Statement[]>();
  for (const s of statements) byBlock.set(s.block, [...(byBlock.get(s.block) ?? []), s]);
  for (const [block, list] of byBlock) {
    let text = block.text;
    for (const s of [...list].sort((a, b) => b.index - a.index)) {
      const figure = s.figure ? figures?.get(s.figure) : undefined;
      if (!s.figure) {
        if (s.percent) issues.add({ kind: 'figure-unlinked', line: s.line, message: `第 ${s.line} 行起的段落中"${s.published}"：未能从上下文判断是哪一个比率，保留原文` });
        continue;
      }
      if (!figure || (figure.value === null && figure.kind !== 'text')) {
        issues.add({ kind: 'figure-unlinked', line: s.line, message: `第 ${s.line} 行起的段落中"${s.published}"（${figure?.label ?? s.figure}）：缺少计算所需的数字，未关联，保留原文` });
        continue;
      }
      const verdict = comparePublished(s.published, figure, figures!);
      const differs = verdict !== null && verdict.certainty !== 'note';
      if (differs) {
        issues.add({ kind: 'figure-differs', line: s.line, message: `第 ${s.line} 行起的段落原文"${s.published}"，${figure.label}按数据计算为 ${formatFigure(figure, { template })}。已关联（:fig[${s.published}]{name=${s.figure}}），网站显示计算值并注明原文` });
      }
      links.push({ name: s.figure, published: s.published, line: s.line, differs });
      const number = s.percent ? s.published.slice(0, -1) : s.published;
      text = `${text.slice(0, s.index)}:fig[${s.published}]{name=${s.figure}}${text.slice(s.index + number.length + (s.percent ? text.slice(s.index + number.length).indexOf('%') + 1 : 0))}`;
    }
    texts.set(block, text.replace(/([*_`<>])/g, '\\$1'));
  }
  const narrative = toMarkdown(blocks, texts);
  if (!blocks.some((b) => b.kind === 'h1' && b.text === '情况说明')) {
    issues.add({ kind: 'heading-unknown', message: '未找到"第三部分 情况说明"，narrative.md 中没有情况说明，请检查原文的部分标题' });
  }
  return {
    ...(bureau ? { bureauId: bureau.id } : {}),
    ...(bureauName ? { bureauName } : {}),
    ...(year ? { year } : {}),
    data,
    narrative,
    issues: issues.items.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    links: links.sort((a, b) => a.line - b.line),
  };
}

/** 绩效自评: the number of projects stated in part 3, and the self-evaluation tables of the annex. */
function readPerformance(lines: readonly SourceLine[], parts: ReturnType<typeof findParts>, text: string, data: Obj, issues: IssueList) {
  const flat = text.replace(/\s+/g, '');
  const counts = [...flat.matchAll(/(?:共涉及项目|二级项目)(\d+)个/g)].map((m) => m[1]!);
  const performance = (data.performance ?? {}) as Obj;
  // Stated once per unit (蔡甸) there is no department count: left missing, as projectAmount.
  if (new Set(counts).size === 1) performance.projectCount = counts[0];
  const annex = partOf(parts, 'annex');
  const tables = annex ? readPerformanceTables(lines, annex, issues) : { projects: [] };
  if (tables.department) performance.department = tables.department;
  if (tables.projects.length) performance.projects = tables.projects;
  if (annex && !tables.department && !tables.projects.length) {
    issues.add({ kind: 'not-imported', line: lines[annex.start]!.no, message: `第 ${lines[annex.start]!.no} 行起的"附件"中未找到可读的绩效自评表，未导入，请录入 data.yaml 的 performance.department 和 performance.projects` });
  }
  if (Object.keys(performance).length) data.performance = performance;
}

/** A project's name without year, unit in brackets and the word 项目: "2022年两定稽核" and "两定稽核项目" are one. */
const projectKey = (name: string) =>
  name.replace(/\s+/g, '').replace(/^\d{4}年度?/, '').replace(/[(（][^)）]*[)）]/g, '').replace(/项目$/, '');

/**
 * "1.医疗救助项目绩效自评综述：项目全年预算数为 826 万元，执行数为 824.57 万元，完成预算的 99.8%":
 * the numbers of a project named in the text, linked to the self-evaluation table with that name
 * (performance.project.N, N in printed order of the tables). A name matching no table, or more
 * than one, links nothing.
 */
function linkProjectStatements(statements: readonly Statement[], projects: readonly { name: string }[]) {
  if (projects.length === 0) return;
  const keys = projects.map((p) => projectKey(p.name));
  for (const s of statements) {
    const head = /^(?:\d+[.．、])?\s*(.+?)绩效自评综述[:：]/.exec(s.block.text);
    if (!head || s.index < head[0].length) continue;
    const key = projectKey(head[1]!);
    let n = keys.indexOf(key);
    if (n < 0 || keys.lastIndexOf(key) !== n) {
      const near = keys.flatMap((k, i) => (k.includes(key) || key.includes(k) ? [i] : []));
      n = near.length === 1 ? near[0]! : -1;
    }
    if (n < 0) continue;
    const before = s.block.text.slice(0, s.index);
    const clause = before.slice(Math.max(before.lastIndexOf('，'), before.lastIndexOf(','), before.lastIndexOf('。'), before.lastIndexOf('：')) + 1);
    const measure = s.percent
      ? /(完成预算|执行率)[的为达]?\s*$/.test(clause) ? 'rate' : undefined
      : /全年预算数\s*为\s*$/.test(clause) ? 'budget' : /执行数\s*为\s*$/.test(clause) ? 'executed' : undefined;
    if (!measure) continue;
    s.figure = `performance.project.${n + 1}.${measure}`;
    s.subject = undefined;
    s.measure = undefined;
  }
}

function figuresOf(data: Obj): Figures | undefined {
  const parsed = bureauYearSchema.safeParse(data);
  return parsed.success ? computeFigures(parsed.data as BureauYear) : undefined;
}

function findBureau(text: string, bureaus: readonly KnownBureau[]): KnownBureau | undefined {
  const scored = bureaus
    .map((b) => {
      const names = [b.name, b.shortName, ...(b.formerNames ?? []).map((f) => f.name)];
      return { b, n: names.reduce((n, name) => n + (name ? text.split(name).length - 1 : 0), 0) };
    })
    .filter((s) => s.n > 0)
    .sort((a, b) => b.n - a.n);
  if (scored.length === 0 || (scored.length > 1 && scored[0]!.n === scored[1]!.n)) return undefined;
  return scored[0]!.b;
}

/** Written in scope.units when the text does not list the units: the draft loads, the page shows it needs finishing. */
export const UNITS_TO_FILL = '待补：纳入决算的单位（见导入报告）';

function readScope(lines: readonly SourceLine[], parts: ReturnType<typeof findParts>, issues: IssueList) {
  const overview = partOf(parts, 'overview');
  const text = overview ? lines.slice(overview.start, overview.end).map((l) => plain(l.text)).join('\n') : '';
  const units: string[] = [];
  for (const m of text.matchAll(/^\s*\d+[.．、]\s*(\S*?(?:局|中心|所|站|处)(?:[(（]本级[)）])?)\s*$/gm)) units.push(m[1]!);
  const joined = text.replace(/\n/g, '');
  const kind = /汇总|下属单位|二级预算单位|所属单位/.test(joined + lines.slice(0, 200).map((l) => l.text).join('')) || units.length > 1 ? '汇总' : '本级';
  if (units.length === 0) {
    const m = /由(?:实行独立核算的|纳入独立核算的)?(\S+?本级)决算组成/.exec(joined);
    if (m && kind === '本级') units.push(m[1]!);
  }
  // Stated in a sentence: "武汉市汉阳区医疗保障局部门决算由纳入独立核算的单位本级决算单位组成，无下属二级单位".
  const own = /([^，,。：:\s]+?)部门决算由[^。]*?本级决算(?:单位)?组成[，,]\s*无下属/.exec(joined);
  if (units.length === 0 && own && kind === '本级') units.push(own[1]!);
  // Or counted: "纳入本套部门决算汇编范围的单位共 1 个，包括：南昌市东湖区医疗保障局本级".
  const listed = /单位共\s*(\d+)\s*个[，,]\s*包括[:：]\s*([^。]+)。/.exec(joined);
  if (units.length === 0 && listed) {
    const names = listed[2]!.split(/[、，,]/).map((n) => n.trim().replace(/本级$/, '')).filter(Boolean);
    if (names.length === Number(listed[1])) units.push(...names);
  }
  if (units.length === 0) {
    units.push(UNITS_TO_FILL);
    issues.add({ kind: 'fact-missing', message: `未能读出决算单位构成（第一部分 机构设置）：scope.units 暂写为"${UNITS_TO_FILL}"，请改为纳入决算的单位名单` });
  }
  return { kind, units };
}

function readStaff(text: string): Obj | undefined {
  const flat = text.replace(/\s+/g, '');
  const pick = (re: RegExp) => re.exec(flat)?.[1];
  const staff: Obj = {};
  const set = (key: string, v: string | undefined) => v !== undefined && (staff[key] = v);
  set('authorized', pick(/编制(?:数)?(\d+)人/));
  set('inService', pick(/在职(?:实有)?(?:人数|人员)?(\d+)人/));
  set('retired', pick(/离退休(?:人员)?(\d+)人/));
  set('retiredCadres', pick(/离休(\d+)人/));
  set('retirees', pick(/[，,：:]退休(\d+)人/));
  return Object.keys(staff).length ? staff : undefined;
}

function readOtherFacts(text: string, year: string | undefined): Obj {
  const flat = text.replace(/\s+/g, '');
  const out: Obj = {};
  const three: Obj = {};
  const m1 = /出国[（(]境[)）]团组(\d+)个[，,]累计(\d+)人次/.exec(flat);
  if (m1) Object.assign(three, { abroadGroups: m1[1], abroadPeople: m1[2] });
  const m2 = /购置[（(]更新[)）]公务用车(\d+)辆/.exec(flat);
  if (m2) three.vehiclesPurchased = m2[1];
  const m3 = /公务用车保有量(\d+)辆/.exec(flat);
  if (m3) three.vehiclesHeld = m3[1];
  const m4 = /外宾接待支出([\d.]+)万元[，,][^。]*?接待来访团组(\d+)个[，,](\d+)人次/.exec(flat);
  if (m4) Object.assign(three, { foreignReception: m4[1], foreignBatches: m4[2], foreignVisitors: m4[3] });
  const m5 = /国内公务接待支出([\d.]+)万元[，,][^。]*?接待国内来访团组(\d+)个[，,](\d+)人次/.exec(flat);
  if (m5) Object.assign(three, { domesticReception: m5[1], domesticBatches: m5[2], domesticVisitors: m5[3] });
  if (Object.keys(three).length) out.threePublic = three;
  const assets: Obj = {};
  const a1 = /共有车辆(\d+)辆/.exec(flat);
  if (a1) assets.vehicles = a1[1];
  const a2 = /单价100万元[（(]含[)）]以上(?:专用)?设备[（(]不含车辆[)）](\d+)台/.exec(flat);
  if (a2) assets.equipmentOver100 = a2[1];
  if (Object.keys(assets).length && year) assets.asOf = `${year}-12-31`;
  if (Object.keys(assets).length) out.assets = assets;
  return out;
}

/** Where a stated amount goes in the data when its table was not published as text. */
function fillFromNarrative(statements: readonly Statement[], tables: Partial<Record<TableKey, Obj>>, facts: Obj, issues: IssueList) {
  const fromNarrative = new Set<TableKey>(TABLE_KEYS.filter((k) => !tables[k]));
  const table = (key: TableKey): Obj | undefined => {
    if (!fromNarrative.has(key)) return undefined;
    return (tables[key] ??= { from: 'narrative', note: '原文表格没有文字；只填情况说明中写明的数（导入生成，请核对）' });
  };
  const put = (key: TableKey, path: string[], value: string) => {
    const t = table(key);
    if (!t) return;
    let node = t;
    for (const p of path.slice(0, -1)) node = (node[p] ??= {}) as Obj;
    const last = path[path.length - 1]!;
    if (node[last] === undefined) node[last] = value;
  };
  const set = (group: string, key: string, value: string) => {
    const g = (facts[group] ??= {}) as Obj;
    if (g[key] === undefined) g[key] = value;
  };
  const lineOf: Record<string, [TableKey, string[]][]> = {
    grandTotal: [['t01', ['lines', '30']], ['t01', ['lines', '60']]],
    incomeTotal: [['t01', ['lines', '27']], ['t02', ['summary', 'total']]],
    expenditureTotal: [['t01', ['lines', '57']], ['t03', ['summary', 'total']]],
    gpbIncome: [['t01', ['lines', '1']], ['t04', ['income', '1']]],
    govFundIncome: [['t01', ['lines', '2']], ['t04', ['income', '2']]],
    soeIncome: [['t01', ['lines', '3']], ['t04', ['income', '3']]],
    fiscalGrandTotal: [['t04', ['income', '32']]],
    'income.fiscal': [['t02', ['summary', 'fiscal']]],
    'income.superior': [['t01', ['lines', '4']], ['t02', ['summary', 'superior']]],
    'income.business': [['t01', ['lines', '5']], ['t02', ['summary', 'business']]],
    'income.operating': [['t01', ['lines', '6']], ['t02', ['summary', 'operating']]],
    'income.affiliated': [['t01', ['lines', '7']], ['t02', ['summary', 'affiliated']]],
    'income.other': [['t01', ['lines', '8']], ['t02', ['summary', 'other']]],
    'expenditure.basic': [['t03', ['summary', 'basic']]],
    'expenditure.project': [['t03', ['summary', 'project']]],
    gpbExpenditure: [['t05', ['summary', 'total']]],
    'gpbExpenditure.basic': [['t05', ['summary', 'basic']]],
    'gpbExpenditure.project': [['t05', ['summary', 'project']]],
    personnel: [['t06', ['personnelTotal']]],
    public: [['t06', ['publicTotal']]],
  };
  for (const s of statements) {
    if (s.measure !== 'amount' || !s.subject) continue;
    const value = s.published.replaceAll(',', '');
    for (const [key, path] of lineOf[s.subject] ?? []) put(key, path, value);
    const cls = /^gpbClass\.(\d{3})$/.exec(s.subject);
    if (cls) {
      const t = table('t05');
      if (t) {
        const rows = (t.rows ??= []) as Obj[];
        if (!rows.some((r) => r.code === cls[1])) rows.push({ code: cls[1], name: EXPENDITURE_CLASSES.find((c) => c.code === cls[1])!.name, total: value });
      }
    }
    const proc = /^procurement\.(\w+)$/.exec(s.subject);
    if (proc) set('procurement', proc[1]!, value);
    if (s.subject === 'operatingCost') set('operatingCost', 'amount', value);
    if (s.subject === 'budget.total') set('budget', 'total', value);
    if (s.subject === 'performance.projectAmount') set('performance', 'projectAmount', value);
    const item = /^item\.(\d+)\.(budget|actual)$/.exec(s.subject);
    if (item && item[2] === 'budget') {
      const budget = (facts.budget ??= {}) as Obj;
      const items = (budget.items ??= []) as Obj[];
      if (!items.some((i) => i.code === item[1])) items.push({ code: item[1], name: s.itemName, amount: value });
    }
    if (item && item[2] === 'actual') {
      const t = table('t05');
      const rows = t ? ((t.rows ??= []) as Obj[]) : [];
      if (t && !rows.some((r) => r.code === item[1])) rows.push({ code: item[1], name: s.itemName, total: value });
    }
    const three = /^threePublic(?:\.(\w+))?\.(budget|actual)$/.exec(s.subject);
    if (three) put('t09', [three[2]!, three[1] ?? 'total'], value);
  }
  for (const key of fromNarrative) {
    const t = tables[key];
    if (!t) continue;
    if (key === 't05' && !t.summary) t.summary = {};
    if (['t02', 't03', 't05', 't07', 't08'].includes(key) && !t.summary) t.summary = {};
    if (key === 't04' && !t.expenditure) t.expenditure = {};
    if (key === 't04' && !t.income) t.income = {};
    if (key === 't01' && !t.lines) t.lines = {};
    issues.add({ kind: 'table-missing', table: key, message: `原文没有${TABLE_TITLES[key]}的文字（表格可能为图片）；已按情况说明写明的数字填入部分栏目（from: narrative），其余未知，请对照原件补录` });
  }
}

/**
 * 绩效自评 funds stated once per unit (蔡甸: 本级 2703.28, 服务中心 81.42, …) with
 * no total: the department's figure is not stated, so none is filled or linked.
 */
function unlinkPerUnitPerformance(statements: Statement[], issues: IssueList) {
  const stated = statements.filter((s) => s.figure === 'performance.projectAmount');
  if (new Set(stated.map((s) => s.published)).size <= 1) return;
  for (const s of statements) {
    if (s.figure !== 'performance.projectAmount' && s.figure !== 'performance.projectAmount.share') continue;
    s.figure = undefined;
    s.subject = undefined;
  }
  issues.add({
    kind: 'fact-missing',
    line: stated[0]!.line,
    message: `绩效自评资金按单位分别写明（${stated.map((s) => `${s.published} 万元`).join('、')}），没有部门合计：performance.projectAmount 未填写、未关联，请人工决定`,
  });
}

/** The code of a 年初预算 item named in the text: a 项 of 公开05表 when the table was read, else the 类. */
function itemContext(t05: Obj | undefined): StatementContext {
  const rows = t05 && t05.from !== 'narrative' && Array.isArray(t05.rows) ? (t05.rows as { code: string; name: string }[]) : [];
  return {
    itemCode(head: string) {
      const cls = EXPENDITURE_CLASSES.filter((c) => head.includes(c.name)).sort((a, b) => head.indexOf(a.name) - head.indexOf(b.name))[0];
      if (!cls) return undefined;
      if (rows.length === 0) return { code: cls.code, name: cls.name };
      // "…(款)机关事业单位基本养老保险缴费支出(项)": the 项 of that 类 with that name.
      const named = /[)）]\s*([^()（）]+?)\s*[(（]项[)）]/.exec(head.replace(/\s+/g, ''));
      if (!named || /、/.test(named[1]!)) return undefined;
      const row = rows.find((r) => r.code.length === 7 && r.code.startsWith(cls.code) && normalizeName(r.name) === normalizeName(named[1]!));
      return row && { code: row.code, name: row.name };
    },
  };
}

const PRIOR_KEYS: Record<string, string> = {
  grandTotal: 'grandTotal',
  incomeTotal: 'incomeTotal',
  expenditureTotal: 'expenditureTotal',
  fiscalGrandTotal: 'fiscalGrandTotal',
  gpbIncome: 'gpbIncome',
  govFundIncome: 'govFundIncome',
  soeIncome: 'soeIncome',
  gpbExpenditure: 'gpbExpenditure',
  personnel: 'personnel',
  public: 'public',
  operatingCost: 'operatingCost',
  'threePublic.actual': 'threePublic',
};

/** Last year's amounts from the stated changes ("比上年增加 50.26 万元" → this year − 50.26); never from a percentage. */
function derivePrior(statements: readonly Statement[], figures: Figures | undefined, data: Obj, text: string, year: string | undefined): Obj | undefined {
  if (!figures) return undefined;
  const prior: Obj = {};
  const byBudget = (data.operatingCost as Obj | undefined)?.comparedWith === 'budget';
  for (const s of statements) {
    if (s.measure !== 'change' || !s.subject || !s.direction) continue;
    const current = figures.get(s.subject)?.value;
    if (current === null || current === undefined) continue;
    const change = new D(s.published.replaceAll(',', ''));
    const before = s.direction === 'up' ? current.minus(change) : current.plus(change);
    if (before.isNegative()) continue;
    if (s.subject === 'operatingCost' && byBudget) {
      const oc = data.operatingCost as Obj;
      oc.budget ??= before.toFixed(2);
      continue;
    }
    const key = PRIOR_KEYS[s.subject];
    if (key && prior[key] === undefined) prior[key] = before.toFixed(2);
    const item = /^threePublic\.(\w+)\.actual$/.exec(s.subject);
    if (item) {
      const items = (prior.threePublicItems ??= {}) as Obj;
      items[item[1]!] ??= before.toFixed(2);
    }
  }
  if (Object.keys(prior).length === 0) return undefined;
  const y = /与\s*(\d{4})\s*年度?相比|比\s*(\d{4})\s*年度?/.exec(text);
  return {
    year: y?.[1] ?? y?.[2] ?? (year ? String(Number(year) - 1) : ''),
    ...prior,
    note: '导入时由情况说明所述增减额推得（本年数 ± 增减额），未用百分比反推；请核对',
  };
}

function stripLines(table: Obj): Obj {
  for (const key of ['personnel', 'public']) {
    const rows = table[key] as Obj[] | undefined;
    if (rows) table[key] = rows.map(({ line: _line, ...row }) => row);
  }
  return table;
}

function reportTruncatedCodes(
  tables: Partial<Record<TableKey, Obj>>,
  lines: readonly SourceLine[],
  year: string,
  classification: Classification | undefined,
  issues: IssueList,
) {
  const lineOf = (code: string, name: string) =>
    lines.find((l) => l.text.includes(code) && l.text.replace(/\s+/g, '').includes(name.slice(0, 4)))?.no;
  for (const key of ['t02', 't03', 't05', 't07', 't08'] as const) {
    for (const row of ((tables[key]?.rows as Obj[] | undefined) ?? [])) {
      const code = String(row.code);
      if (![4, 6].includes(code.length)) continue;
      // A code missing its last digit: the code one level down from the printed parent whose name matches.
      const parent = code.slice(0, code.length - 1);
      const full = classification && /^\d{4}$/.test(year)
        ? classification.children('functional', parent, year).find((c) => normalizeName(c.name) === normalizeName(String(row.name)))?.code
        : undefined;
      const line = lineOf(code, String(row.name));
      issues.add({
        kind: 'code-truncated',
        table: key,
        ...(line ? { line } : {}),
        message: `${TABLE_TITLES[key]}第 ${line ?? '?'} 行科目编码 ${code}（${row.name}）少一位${full ? `，按科目名称应为 ${full}` : ''}。已照原文录入，请核对`,
      });
    }
  }
  const t06 = tables.t06;
  for (const row of [...((t06?.personnel as Obj[] | undefined) ?? []), ...((t06?.public as Obj[] | undefined) ?? [])]) {
    const code = String(row.code);
    if (code.length !== 4) continue;
    const line = (row.line as number | undefined) ?? lineOf(code, String(row.name));
    issues.add({ kind: 'code-truncated', table: 't06', ...(line ? { line } : {}), message: `${TABLE_TITLES.t06}第 ${line ?? '?'} 行经济分类编码 ${code}（${row.name}）少一位（款级应为 5 位）。已照原文录入，请核对` });
  }
}
