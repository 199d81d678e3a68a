/**
 * Open data: every bureau-year's nine tables, extra tables and derived figures
 * as rows with a Table Schema, written as CSV (UTF-8 with BOM, so Excel opens
 * it in Chinese) and JSON, plus the site's Fiscal Data Package descriptor.
 *
 * Pure functions of the loaded data and `computeFigures()`: the site's static
 * endpoints, the snapshot and the tests all call them, so a file's bytes (and
 * its SHA-256 in the index) are the same wherever they are produced.
 *
 * Amounts are exact decimal strings exactly as in the data (万元); percentages
 * are rounded half up to the template's decimals (the rounding rule in
 * money.ts). Unknown is an empty CSV cell and `null` in JSON, never 0.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { D, formatAmount, round } from './money.ts';
import { percentDecimals, tableData, type Figures } from './figures.ts';
import type { BureauYear, Table01, Table04, Table06, Table09 } from './schema.ts';
import {
  FUNCTIONAL_COLUMNS,
  FUNCTIONAL_TABLE_KEYS,
  LEVEL_NAMES,
  TABLE_TITLES,
  T01_EXPENDITURE_LINES,
  T01_INCOME_LINES,
  T04_EXPENDITURE_LINES,
  T04_INCOME_LINES,
  functionalLevel,
  type FunctionalTableKey,
} from './tables.ts';

/** A Table Schema field. `name` is the CSV header (Chinese, as the tables print); `key` is the JSON key. */
export interface Field {
  key: string;
  name: string;
  type: 'string' | 'number' | 'integer' | 'year';
  description?: string;
  required?: boolean;
}

/** A row: JSON key → exact text, or null when unknown. */
export type Row = Record<string, string | null>;

export type ResourceName = 't01' | 't02' | 't03' | 't04' | 't05' | 't06' | 't07' | 't08' | 't09' | 'extra' | 'figures';

export interface ResourceSpec {
  name: ResourceName;
  title: string;
  description: string;
  fields: readonly Field[];
}

/** A resource's rows for one bureau-year, and what the document says about the table. */
export interface ResourceData {
  spec: ResourceSpec;
  /** data: rows from the table; empty: the document states the table is empty; notProvided: not in the data. */
  status: 'data' | 'empty' | 'notProvided';
  /** The 空表说明 or the reason it is not provided. */
  statusNote?: string;
  /** Without the bureau and year (the LEAD fields), which the CSVs put first in every row (withLead). */
  rows: Row[];
}

export interface BureauYearRef {
  bureauId: string;
  bureauName: string;
  year: string;
  data: BureauYear;
  figures: Figures;
}

const amount = (key: string, name: string, description?: string): Field => ({
  key,
  name,
  type: 'number',
  description: description ?? `${name}（万元）`,
});

/** The fields every resource starts with, so the site-wide files stay one table per resource. */
const LEAD: readonly Field[] = [
  { key: 'bureauId', name: '部门标识', type: 'string', required: true, description: '部门文件夹名（网址中的标识）' },
  { key: 'bureauName', name: '部门名称', type: 'string', required: true },
  { key: 'year', name: '年度', type: 'year', required: true },
];

const functionalFields = (key: FunctionalTableKey): Field[] => [
  ...LEAD,
  { key: 'code', name: '科目编码', type: 'string', description: '支出功能分类科目编码（类 3 位、款 5 位、项 7 位）；合计行为空' },
  { key: 'subject', name: '科目名称', type: 'string', required: true },
  { key: 'level', name: '级次', type: 'string', required: true, description: '合计、类、款、项' },
  ...FUNCTIONAL_COLUMNS[key].map((c) => amount(c.key, c.label, `栏次 ${c.no}：${c.label}（万元）`)),
];

const TITLES: Record<ResourceName, string> = {
  ...TABLE_TITLES,
  extra: '其他公开表（省级模板增加的表）',
  figures: '计算数据（合计、占比、增减、完成率）',
};

/** Every resource, in the order of the document. */
export const RESOURCES: readonly ResourceSpec[] = [
  {
    name: 't01',
    title: TITLES.t01,
    description: '按行次：1–30 行为收入，31–60 行为支出。',
    fields: [
      ...LEAD,
      { key: 'side', name: '收支', type: 'string', required: true, description: '收入 或 支出' },
      { key: 'line', name: '行次', type: 'integer', required: true },
      { key: 'item', name: '项目', type: 'string', description: '行次名称（原表 9–26 行未印名称的为空）' },
      amount('amount', '金额'),
    ],
  },
  ...(['t02', 't03'] as const).map((key) => ({
    name: key,
    title: TITLES[key],
    description: '按支出功能分类科目；合计行的科目编码为空。',
    fields: functionalFields(key),
  })),
  {
    name: 't04',
    title: TITLES.t04,
    description: '按行次：1–32 行为收入（只有合计栏），33–64 行为支出（合计及三类财政拨款）。',
    fields: [
      ...LEAD,
      { key: 'side', name: '收支', type: 'string', required: true, description: '收入 或 支出' },
      { key: 'line', name: '行次', type: 'integer', required: true },
      { key: 'item', name: '项目', type: 'string' },
      amount('total', '合计'),
      amount('gpb', '一般公共预算财政拨款'),
      amount('govFund', '政府性基金预算财政拨款'),
      amount('soe', '国有资本经营预算财政拨款'),
    ],
  },
  { name: 't05', title: TITLES.t05, description: '按支出功能分类科目。', fields: functionalFields('t05') },
  {
    name: 't06',
    title: TITLES.t06,
    description: '按支出经济分类科目；人员经费合计、公用经费合计的科目编码为空。',
    fields: [
      ...LEAD,
      { key: 'group', name: '经费类型', type: 'string', required: true, description: '人员经费 或 公用经费' },
      { key: 'code', name: '科目编码', type: 'string', description: '支出经济分类科目编码（类 3 位、款 5 位）' },
      { key: 'subject', name: '科目名称', type: 'string', required: true },
      amount('amount', '决算数'),
    ],
  },
  { name: 't07', title: TITLES.t07, description: '按支出功能分类科目。', fields: functionalFields('t07') },
  { name: 't08', title: TITLES.t08, description: '按支出功能分类科目。', fields: functionalFields('t08') },
  {
    name: 't09',
    title: TITLES.t09,
    description: '预算数与决算数，按"三公"经费项目。',
    fields: [
      ...LEAD,
      { key: 'item', name: '项目', type: 'string', required: true },
      amount('budget', '预算数'),
      amount('actual', '决算数'),
    ],
  },
  {
    name: 'extra',
    title: TITLES.extra,
    description: '省级模板增加的公开表（如江西 公开10表），每个单元格一行。',
    fields: [
      ...LEAD,
      { key: 'table', name: '表号', type: 'string', required: true },
      { key: 'tableTitle', name: '表名', type: 'string', required: true },
      { key: 'row', name: '行', type: 'string', required: true },
      { key: 'column', name: '列', type: 'string' },
      amount('value', '数值', '数值（按原表单位）'),
    ],
  },
  {
    name: 'figures',
    title: TITLES.figures,
    description: '由决算表计算的数据（src/core/figures.ts），名称与 narrative.md 中 :fig 引用的名称一致。金额为精确值；百分比按模板位数四舍五入。',
    fields: [
      ...LEAD,
      { key: 'name', name: '名称', type: 'string', required: true },
      { key: 'label', name: '含义', type: 'string', required: true },
      { key: 'unit', name: '单位', type: 'string', description: '万元、% 或空（文字）' },
      { key: 'value', name: '数值', type: 'number', description: '空 = 未知或无基数' },
      { key: 'text', name: '文字', type: 'string', description: '文字类数据（增加/减少/持平、年度）' },
      { key: 'formula', name: '计算方法', type: 'string' },
    ],
  },
];

export function resourceSpec(name: ResourceName): ResourceSpec {
  return RESOURCES.find((r) => r.name === name)!;
}

const v = (text: string | undefined): string | null => (text === undefined ? null : text);
const byLine = (record: Record<string, unknown>) => Object.keys(record).sort((a, b) => Number(a) - Number(b));

function functionalRows(key: FunctionalTableKey, table: { summary: Record<string, string | undefined>; rows: ({ code: string; name: string } & Record<string, string | undefined>)[] }): Row[] {
  const columns = FUNCTIONAL_COLUMNS[key];
  const values = (r: Record<string, string | undefined>) => Object.fromEntries(columns.map((c) => [c.key, v(r[c.key])]));
  return [
    { code: null, subject: '合计', level: '合计', ...values(table.summary) },
    ...table.rows.map((r) => ({ code: r.code, subject: r.name, level: LEVEL_NAMES[functionalLevel(r.code)], ...values(r) })),
  ];
}

function tableRows(name: ResourceName, ref: BureauYearRef): Omit<ResourceData, 'spec'> {
  const { data } = ref;
  if (name === 'figures') return { status: 'data', rows: figureRows(ref) };
  if (name === 'extra') {
    const rows: Row[] = [];
    for (const t of data.extraTables) {
      for (const r of t.rows) {
        r.values.forEach((value, i) => {
          // As the page shows it (ExtraTable.astro): one column 金额 when the table names none.
          const column = t.columns.length > 0 ? (t.columns[i] ?? null) : '金额';
          rows.push({ table: t.number, tableTitle: t.title, row: r.name, column, value: v(value) });
        });
      }
    }
    return { status: 'data', rows };
  }
  const raw = data.tables[name];
  if (raw !== undefined && 'empty' in raw) return { status: 'empty', statusNote: raw.empty, rows: [] };
  if (raw === undefined || 'notProvided' in raw) {
    return { status: 'notProvided', ...(raw ? { statusNote: raw.notProvided } : { statusNote: '数据中没有此表' }), rows: [] };
  }
  switch (name) {
    case 't01': {
      const t = tableData<Table01>(data.tables.t01) as Table01;
      return {
        status: 'data',
        rows: byLine(t.lines).map((line) => {
          const n = Number(line);
          const income = n <= 30;
          return { side: income ? '收入' : '支出', line, item: (income ? T01_INCOME_LINES : T01_EXPENDITURE_LINES)[n] ?? null, amount: v(t.lines[line]) };
        }),
      };
    }
    case 't04': {
      const t = tableData<Table04>(data.tables.t04) as Table04;
      return {
        status: 'data',
        rows: [
          ...byLine(t.income).map((line) => ({ side: '收入', line, item: T04_INCOME_LINES[Number(line)] ?? null, total: v(t.income[line]), gpb: null, govFund: null, soe: null })),
          ...byLine(t.expenditure).map((line) => {
            const c = t.expenditure[line]!;
            return { side: '支出', line, item: T04_EXPENDITURE_LINES[Number(line)] ?? null, total: v(c.total), gpb: v(c.gpb), govFund: v(c.govFund), soe: v(c.soe) };
          }),
        ],
      };
    }
    case 't06': {
      const t = tableData<Table06>(data.tables.t06) as Table06;
      const group = (label: string, list: Table06['personnel'], total: string | undefined): Row[] => [
        { group: label, code: null, subject: `${label}合计`, amount: v(total) },
        ...list.map((r) => ({ group: label, code: r.code, subject: r.name, amount: v(r.amount) })),
      ];
      return { status: 'data', rows: [...group('人员经费', t.personnel, t.personnelTotal), ...group('公用经费', t.public, t.publicTotal)] };
    }
    case 't09': {
      const t = tableData<Table09>(data.tables.t09) as Table09;
      const items = [
        ['total', '合计'],
        ['abroad', '因公出国（境）费'],
        ['vehicle', '公务用车购置及运行费'],
        ['vehiclePurchase', '公务用车购置费'],
        ['vehicleOperation', '公务用车运行费'],
        ['reception', '公务接待费'],
      ] as const;
      return { status: 'data', rows: items.map(([k, label]) => ({ item: label, budget: v(t.budget[k]), actual: v(t.actual[k]) })) };
    }
    default: {
      const key = name as FunctionalTableKey;
      return { status: 'data', rows: functionalRows(key, raw as Parameters<typeof functionalRows>[1]) };
    }
  }
}

/** Derived figures, by name: amounts exact, percentages rounded half up to the template's decimals. */
function figureRows(ref: BureauYearRef): Row[] {
  const decimals = percentDecimals(ref.data);
  return [...ref.figures.values()]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((f) => ({
      name: f.name,
      label: f.label,
      unit: f.kind === 'amount' ? '万元' : f.kind === 'percent' ? '%' : null,
      value:
        f.kind === 'text' || f.value === null
          ? null
          : f.kind === 'percent'
            ? round(f.value, decimals).toFixed(decimals)
            : formatAmount(f.value, { grouping: false }),
      text: f.kind === 'text' ? (f.text ?? null) : null,
      formula: f.formula ?? null,
    }));
}

/** Rows prefixed with the bureau and year (the LEAD fields), as the CSVs have them. */
function withLead(ref: BureauYearRef, rows: readonly Row[]): Row[] {
  const lead = { bureauId: ref.bureauId, bureauName: ref.bureauName, year: ref.year };
  return rows.map((r) => ({ ...lead, ...r }));
}

/** Every resource of one bureau-year, in RESOURCES order. */
function resourcesOf(ref: BureauYearRef): ResourceData[] {
  return RESOURCES.map((spec) => ({ spec, ...tableRows(spec.name, ref) }));
}

// ---------------------------------------------------------------------------
// Files

const BOM = '\uFEFF';

/** CSV text: BOM, header of Chinese field names, CRLF line ends (RFC 4180); unknown is an empty cell. */
export function toCsv(spec: ResourceSpec, rows: readonly Row[]): string {
  const records = rows.map((r) => spec.fields.map((f) => r[f.key] ?? ''));
  return BOM + stringify([spec.fields.map((f) => f.name), ...records], { record_delimiter: 'windows' });
}

/** The file names of one bureau-year's downloads, e.g. wuhan-jiangan-yibao-2023-t03.csv. */
export function bureauYearFileName(bureauId: string, year: string, name: ResourceName | 'json'): string {
  return name === 'json' ? `${bureauId}-${year}.json` : `${bureauId}-${year}-${name}.csv`;
}

/** Every resource of a bureau-year as JSON: the document's facts, each table's status and rows, the figures. */
function bureauYearJson(ref: BureauYearRef, resources: readonly ResourceData[]): string {
  const { data } = ref;
  const body = {
    id: `${ref.bureauId}/${ref.year}`,
    bureauId: ref.bureauId,
    bureauName: ref.bureauName,
    year: ref.year,
    asOf: data.asOf,
    published: data.published ?? null,
    template: data.template,
    source: data.source,
    scope: data.scope,
    unit: '万元',
    corrections: data.corrections,
    tables: Object.fromEntries(
      resources
        .filter((r) => r.spec.name !== 'figures')
        .map((r) => [
          r.spec.name,
          {
            title: r.spec.title,
            status: r.status,
            ...(r.statusNote ? { statusNote: r.statusNote } : {}),
            rows: r.rows,
          },
        ]),
    ),
    figures: resources.find((r) => r.spec.name === 'figures')!.rows,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

export interface DataFile {
  /** Path under the site's base, e.g. wuhan-jiangan-yibao/2023/data/wuhan-jiangan-yibao-2023-t03.csv */
  path: string;
  /** What it holds, for the download list. */
  label: string;
  format: 'csv' | 'json';
  /** The resource a CSV holds. */
  resource?: ResourceName;
  content: string;
}

/** All download files of one bureau-year: the JSON, then one CSV per resource. */
export function bureauYearFiles(ref: BureauYearRef): DataFile[] {
  const dir = `${ref.bureauId}/${ref.year}/data/`;
  // Each resource's rows are made once, for the JSON and for its CSV.
  const resources = resourcesOf(ref);
  return [
    { path: dir + bureauYearFileName(ref.bureauId, ref.year, 'json'), label: '全部表格与计算数据', format: 'json', content: bureauYearJson(ref, resources) },
    ...resources.map(({ spec, rows }) => ({
      path: dir + bureauYearFileName(ref.bureauId, ref.year, spec.name),
      label: spec.title,
      format: 'csv' as const,
      resource: spec.name,
      content: toCsv(spec, withLead(ref, rows)),
    })),
  ];
}

/**
 * A site-wide CSV is its resource's header followed by the rows of every
 * bureau-year's CSV (bureau, then year), so it can be written one bureau-year
 * at a time: csvHeader(), then csvRows() of each file.
 */
export function csvHeader(name: ResourceName): string {
  return toCsv(resourceSpec(name), []);
}

/** A bureau-year's CSV file without its BOM and header line: its part of the site-wide CSV, as bytes. */
export function csvRows(file: Pick<DataFile, 'path' | 'resource'> & { content: Uint8Array }): Uint8Array {
  if (!file.resource) throw new Error(`${file.path} is not a CSV of a resource`);
  const head = Buffer.from(csvHeader(file.resource));
  if (Buffer.compare(file.content.subarray(0, head.length), head) !== 0) throw new Error(`${file.path}: header differs from ${file.resource}`);
  return file.content.subarray(head.length);
}

/**
 * The environment variable naming the site a build replaces (scripts/build.ts
 * sets it): an unchanged bureau-year's files are reused from it (src/utils/open-data.ts).
 */
export const PREVIOUS_SITE_ENV = 'JUESUAN_PREVIOUS_SITE';

export const siteCsvPath = (name: ResourceName) => `data/${name}.csv`;

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

export function byteLength(content: string | Uint8Array): number {
  return typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
}

// ---------------------------------------------------------------------------
// Fiscal Data Package

/** A measure of the Fiscal Data Package model: an amount column with its direction and phase. */
interface Measure {
  resource: ResourceName;
  source: string;
  direction?: 'expenditure' | 'revenue';
  phase?: 'approved' | 'executed';
}

function measures(): Record<string, Measure & { currency: string; factor: number }> {
  const out: Record<string, Measure & { currency: string; factor: number }> = {};
  const add = (key: string, m: Measure) => (out[key] = { ...m, currency: 'CNY', factor: 10000 });
  const fieldName = (r: ResourceName, key: string) => resourceSpec(r).fields.find((f) => f.key === key)!.name;
  for (const t of FUNCTIONAL_TABLE_KEYS) {
    for (const c of FUNCTIONAL_COLUMNS[t]) {
      // 07 has balances (opening, closing) and income beside its expenditure columns.
      const direction = t === 't02' || (t === 't07' && c.key === 'income') ? 'revenue' : t === 't07' && (c.key === 'opening' || c.key === 'closing') ? undefined : 'expenditure';
      add(`${t}_${c.key}`, { resource: t, source: fieldName(t, c.key), ...(direction ? { direction } : {}), phase: 'executed' });
    }
  }
  add('t06_amount', { resource: 't06', source: fieldName('t06', 'amount'), direction: 'expenditure', phase: 'executed' });
  add('t09_budget', { resource: 't09', source: fieldName('t09', 'budget'), direction: 'expenditure', phase: 'approved' });
  add('t09_actual', { resource: 't09', source: fieldName('t09', 'actual'), direction: 'expenditure', phase: 'executed' });
  return out;
}

function dimensions() {
  const dims: Record<string, unknown> = {
    bureau: {
      dimensionType: 'entity',
      primaryKey: ['bureau_id'],
      attributes: { bureau_id: { source: '部门标识' }, bureau_name: { source: '部门名称', labelfor: 'bureau_id' } },
    },
    fiscal_year: { dimensionType: 'datetime', primaryKey: ['year'], attributes: { year: { source: '年度' } } },
  };
  for (const t of FUNCTIONAL_TABLE_KEYS) {
    dims[`functional_${t}`] = {
      dimensionType: 'classification',
      classificationType: 'functional',
      primaryKey: ['code'],
      attributes: {
        code: { source: '科目编码', resource: t },
        label: { source: '科目名称', resource: t, labelfor: 'code' },
        level: { source: '级次', resource: t },
      },
    };
  }
  dims.economic = {
    dimensionType: 'classification',
    classificationType: 'economic',
    primaryKey: ['code'],
    attributes: {
      code: { source: '科目编码', resource: 't06' },
      label: { source: '科目名称', resource: 't06', labelfor: 'code' },
      group: { source: '经费类型', resource: 't06' },
    },
  };
  dims.three_public_item = { dimensionType: 'activity', primaryKey: ['item'], attributes: { item: { source: '项目', resource: 't09' } } };
  return dims;
}

function tableSchema(spec: ResourceSpec) {
  return {
    fields: spec.fields.map((f) => ({
      name: f.name,
      type: f.type,
      ...(f.description ? { description: f.description } : {}),
      ...(f.required ? { constraints: { required: true } } : {}),
    })),
    missingValues: [''],
  };
}

export interface PackageInput {
  title: string;
  /** Organisation that publishes the site (content/site.yaml). */
  organisation: string;
  years: readonly string[];
  /** The content's date (SOURCE_DATE_EPOCH or the last commit), ISO 8601, when known. */
  created?: string;
  /** Size and SHA-256 of each site-wide CSV, by resource name. */
  files: Record<ResourceName, { bytes: number; sha256: string }>;
}

/** datapackage.json: a Tabular Data Package with the Fiscal Data Package model over the site-wide CSVs. */
export function dataPackage(input: PackageInput): string {
  const years = [...input.years].sort();
  const body = {
    profile: 'tabular-data-package',
    name: 'juesuan-gongkai',
    title: `${input.title}：部门决算公开数据`,
    description: '各部门年度决算公开的九张公开表及计算数据。金额单位：万元（factor 10000，CNY）；空单元格表示原表空白或未知，不是 0。',
    ...(input.created ? { created: input.created } : {}),
    contributors: [{ title: input.organisation, role: 'publisher' }],
    licenses: [{ name: 'other-pd', title: '政府信息公开 / public government information' }],
    countryCode: 'CN',
    granularity: 'aggregated',
    ...(years.length > 0 ? { fiscalPeriod: { start: `${years[0]}-01-01`, end: `${years.at(-1)}-12-31` } } : {}),
    resources: RESOURCES.map((spec) => ({
      profile: 'tabular-data-resource',
      name: spec.name,
      path: `${spec.name}.csv`,
      title: spec.title,
      description: spec.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8-sig',
      bytes: input.files[spec.name].bytes,
      hash: `sha256:${input.files[spec.name].sha256}`,
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
      schema: tableSchema(spec),
    })),
    model: { measures: measures(), dimensions: dimensions() },
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** "4.2 KB", "1.3 MB", "512 B": a download's size for the link text (half up, one decimal). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const [unit, size] = bytes < 1024 * 1024 ? ['KB', 1024] : ['MB', 1024 * 1024];
  return `${round(new D(bytes).div(size), 1).toFixed(1)} ${unit}`;
}
