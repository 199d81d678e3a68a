/**
 * The data model of a disclosure: one schema for the pages, the scripts and
 * the tests.
 *
 * YAML is read by `load.ts`, which turns every number scalar back into its
 * source text before validation, so amounts, codes and counts arrive here as
 * strings ("010101" stays "010101", "1,234.10" keeps both decimals).
 * Amounts stay strings after validation (canonical "1234.10"); arithmetic is
 * done with `money.ts`. Blank (absent, `~`, `null` or empty) means unknown.
 */
import { z } from 'zod';

const blank = (v: unknown) => v === undefined || v === null || v === '' || v === '~';

/** Accepts a YAML scalar text, keeps it as text; blank becomes undefined (unknown). */
export function optional<T extends z.ZodType>(inner: T) {
  return z.preprocess((v) => (blank(v) ? undefined : v), inner.optional());
}

const AMOUNT_RE = /^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/;

/** An amount in 万元 as printed: up to two decimals, thousands separators allowed, never negative. */
export const amount = z
  .union([z.string(), z.number()])
  .transform((v, ctx) => {
    const text = String(v).trim();
    if (!AMOUNT_RE.test(text)) {
      ctx.addIssue({
        code: 'custom',
        message: `应为金额（万元，非负，最多两位小数），实际为 "${text}" / expected an amount in 万元 with at most two decimals`,
      });
      return z.NEVER;
    }
    return text.replaceAll(',', '');
  });
/** An amount that may be blank (unknown). */
export const maybeAmount = optional(amount);

/** A whole count (people, vehicles, trips). */
export const count = z
  .union([z.string(), z.number()])
  .transform((v, ctx) => {
    const text = String(v).trim();
    if (!/^\d+$/.test(text)) {
      ctx.addIssue({ code: 'custom', message: `应为非负整数，实际为 "${text}" / expected a whole number` });
      return z.NEVER;
    }
    return Number(text);
  });
export const maybeCount = optional(count);

/** A percentage as published, e.g. "100" or "94.59"; kept as text. */
export const percentText = z
  .union([z.string(), z.number()])
  .transform((v, ctx) => {
    const text = String(v).trim().replace(/%$/, '');
    if (!/^-?\d+(\.\d+)?$/.test(text)) {
      ctx.addIssue({ code: 'custom', message: `应为百分数，实际为 "${String(v)}" / expected a percentage` });
      return z.NEVER;
    }
    return text;
  });

export const text = z.string().trim().min(1, '不能为空 / must not be empty');
/** A date YYYY-MM-DD that is in the calendar (a YAML date is accepted too). */
export const date = z
  .union([z.string(), z.date()])
  .transform((v, ctx) => {
    const s = v instanceof Date ? v.toISOString().slice(0, 10) : v.trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) {
      ctx.addIssue({ code: 'custom', message: `应为日期 YYYY-MM-DD，实际为 "${s}" / expected a date YYYY-MM-DD` });
      return z.NEVER;
    }
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const day = new Date(Date.UTC(y, m - 1, d));
    if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) {
      ctx.addIssue({ code: 'custom', message: `没有这一天："${s}"（月应为 01–12，日不超过该月天数）/ not a calendar date` });
      return z.NEVER;
    }
    return s;
  });
const year = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^\d{4}$/, '应为四位年份 / expected a four-digit year'));

/**
 * A functional classification code as printed. Normally 3/5/7 digits
 * (类/款/项); other lengths are kept (a damaged code is reported by the
 * checker, never silently corrected).
 */
export const functionalCode = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^\d{3,8}$/, '应为功能分类科目编码（3/5/7 位数字）/ expected a functional code of 3, 5 or 7 digits'));
/** An economic classification code (类 3 digits, 款 5 digits). */
export const economicCode = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^\d{3,6}$/, '应为经济分类科目编码（3/5 位数字）/ expected an economic code of 3 or 5 digits'));

// ---------------------------------------------------------------------------
// Bureau

export const bureauSchema = z.strictObject({
  /** Full official name, e.g. 武汉市江岸区医疗保障局. */
  name: text,
  /** Short name as used in the documents, e.g. 江岸区医保局. */
  shortName: text,
  region: z.strictObject({
    province: text,
    city: optional(text),
    district: optional(text),
    /** 行政区划代码 of the smallest region named, six digits. */
    code: z.union([z.string(), z.number()]).transform((v) => String(v)).pipe(z.string().regex(/^\d{6}$/, '应为六位行政区划代码 / expected a six-digit division code')),
  }),
  level: z.enum(['省级', '市级', '区县级']),
  /** Contact phone exactly as published. */
  phone: optional(z.string()),
  /** Id of the parent bureau (a folder name under content/bureaus), if any. */
  parent: optional(z.string()),
  /** Names the bureau used to publish under (the last year of each; `from` when known). */
  formerNames: z.array(z.strictObject({ name: text, from: optional(year), until: year })).default([]),
  /** Bureaus (folder names) this one continues: renamed into a new folder, or merged into this one. */
  predecessors: z.array(z.strictObject({ id: text, until: optional(year), note: optional(z.string()) })).default([]),
  /** Bureaus (folder names) that continue this one: renamed, merged or split. */
  successors: z.array(z.strictObject({ id: text, from: optional(year), note: optional(z.string()) })).default([]),
});
export type Bureau = z.output<typeof bureauSchema>;

// ---------------------------------------------------------------------------
// The nine tables

/** A table that the document states is empty (空表说明), or one that was not provided. */
const emptyTable = z.strictObject({
  /** The 空表说明 as printed, e.g. 本单位无政府性基金预算财政拨款收入及支出. */
  empty: text,
});
const notProvided = z.strictObject({
  /** Why the table is not in the data, e.g. 原文表格为图片，未能提取. */
  notProvided: text,
});
/** Where the numbers came from when the table itself was not published as text. */
const origin = optional(z.enum(['table', 'narrative'])).default('table');
const note = optional(z.string());

/** 行次 → amount, for the line-numbered tables 01 and 04 (income side). */
const lineAmounts = z.record(
  z.string().regex(/^\d{1,2}$/, '行次应为数字 / a line number is expected'),
  maybeAmount,
);

/** 公开01表 收入支出决算总表: amounts by 行次 (1–8 income, 27–30, 31–56 expenditure by 类, 57–60). */
export const table01Schema = z.strictObject({ from: origin, note, lines: lineAmounts });

const fundColumns = z.strictObject({
  total: maybeAmount,
  gpb: maybeAmount,
  govFund: maybeAmount,
  soe: maybeAmount,
});
/** 公开04表 财政拨款收入支出决算总表. */
export const table04Schema = z.strictObject({
  from: origin,
  note,
  /** Lines 1–32 (income side), one amount each. */
  income: lineAmounts,
  /** Lines 33–64 (expenditure side): 合计 / 一般公共预算 / 政府性基金 / 国有资本经营. */
  expenditure: z.record(z.string().regex(/^\d{1,2}$/, '行次应为数字 / a line number is expected'), fundColumns),
});

function functionalTable<S extends z.ZodRawShape>(columns: S) {
  const row = z.strictObject({ code: functionalCode, name: text, ...columns });
  return z.strictObject({
    from: origin,
    note,
    /** The 合计 row. */
    summary: z.strictObject(columns),
    rows: z.array(row).default([]),
  });
}

/** 公开02表 收入决算表. Column 1 = 2+…+7. */
export const table02Schema = functionalTable({
  total: maybeAmount, // 1 本年收入合计
  fiscal: maybeAmount, // 2 财政拨款收入
  superior: maybeAmount, // 3 上级补助收入
  business: maybeAmount, // 4 事业收入
  operating: maybeAmount, // 5 经营收入
  affiliated: maybeAmount, // 6 附属单位上缴收入
  other: maybeAmount, // 7 其他收入
});
/** 公开03表 支出决算表. Column 1 = 2+…+6. */
export const table03Schema = functionalTable({
  total: maybeAmount, // 1 本年支出合计
  basic: maybeAmount, // 2 基本支出
  project: maybeAmount, // 3 项目支出
  toSuperior: maybeAmount, // 4 上缴上级支出
  operating: maybeAmount, // 5 经营支出
  toAffiliated: maybeAmount, // 6 对附属单位补助支出
});
const totalBasicProject = { total: maybeAmount, basic: maybeAmount, project: maybeAmount };
/** 公开05表 一般公共预算财政拨款支出决算表. 1 = 2+3. */
export const table05Schema = functionalTable(totalBasicProject);
/** 公开07表 政府性基金预算财政拨款收入支出决算表. 6 = 1+2−3; 3 = 4+5. */
export const table07Schema = functionalTable({
  opening: maybeAmount, // 1 年初结转和结余
  income: maybeAmount, // 2 本年收入
  total: maybeAmount, // 3 本年支出小计
  basic: maybeAmount, // 4 基本支出
  project: maybeAmount, // 5 项目支出
  closing: maybeAmount, // 6 年末结转和结余
});
/** 公开08表 国有资本经营预算财政拨款支出决算表. 1 = 2+3. */
export const table08Schema = functionalTable(totalBasicProject);

const economicRow = z.strictObject({ code: economicCode, name: text, amount: maybeAmount });
/** 公开06表 一般公共预算财政拨款基本支出决算明细表. */
export const table06Schema = z.strictObject({
  from: origin,
  note,
  /** 人员经费: economic 类 301, 303 and their 款. */
  personnel: z.array(economicRow).default([]),
  /** 公用经费: 302, 307, 310, 399 and their 款. */
  public: z.array(economicRow).default([]),
  personnelTotal: maybeAmount,
  publicTotal: maybeAmount,
});

const threePublicColumns = z.strictObject({
  total: maybeAmount, // 合计
  abroad: maybeAmount, // 因公出国（境）费
  vehicle: maybeAmount, // 公务用车购置及运行费 小计
  vehiclePurchase: maybeAmount, // 公务用车购置费
  vehicleOperation: maybeAmount, // 公务用车运行费
  reception: maybeAmount, // 公务接待费
});
/** 公开09表 财政拨款"三公"经费支出决算表: columns 1–6 预算数, 7–12 决算数. */
export const table09Schema = z.strictObject({
  from: origin,
  note,
  budget: threePublicColumns,
  actual: threePublicColumns,
});

type EmptyTable = z.output<typeof emptyTable>;
type NotProvided = z.output<typeof notProvided>;

/**
 * A table: its data, or { empty: 空表说明 }, or { notProvided: reason }.
 * The shape is chosen by its keys so that errors point inside the table
 * instead of saying "matches none of three shapes".
 */
function table<T extends z.ZodType>(shape: T) {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  return optional(
    z.unknown().transform((v, ctx): EmptyTable | NotProvided | z.output<T> => {
      const schema: z.ZodType = isObject(v) && 'empty' in v ? emptyTable : isObject(v) && 'notProvided' in v ? notProvided : shape;
      const result = schema.safeParse(v);
      if (result.success) return result.data as EmptyTable | NotProvided | z.output<T>;
      for (const issue of result.error.issues) ctx.addIssue({ ...issue, path: issue.path } as never);
      return z.NEVER;
    }),
  );
}

/** A provincial variant's extra table (e.g. Jiangxi 公开10表 国有资产占用情况表). */
const extraTable = z.strictObject({
  number: z.union([z.string(), z.number()]).transform((v) => String(v)),
  title: text,
  empty: optional(z.string()),
  notProvided: optional(z.string()),
  columns: z.array(text).default([]),
  rows: z.array(z.strictObject({ name: text, values: z.array(maybeAmount).default([]) })).default([]),
});

// ---------------------------------------------------------------------------
// Facts outside the tables

const staff = z.strictObject({
  authorized: maybeCount, // 编制数
  actual: maybeCount, // 年末实有人数
  inService: maybeCount, // 在职
  retired: maybeCount, // 离退休
  retiredCadres: maybeCount, // 离休
  retirees: maybeCount, // 退休
  pensionFundRetirees: maybeCount, // 由养老保险基金发放养老金的离退休人员
  other: maybeCount, // 其他人员
  students: maybeCount,
  /** The staff paragraph as published. */
  text: optional(z.string()),
});

const threePublicFacts = z.strictObject({
  abroadGroups: maybeCount, // 出国（境）团组
  abroadPeople: maybeCount, // 出国（境）人次
  vehiclesPurchased: maybeCount, // 购置（更新）公务用车
  vehiclesHeld: maybeCount, // 公务用车保有量
  domesticReception: maybeAmount, // 国内公务接待支出
  domesticBatches: maybeCount, // 国内来访团组/批次
  domesticVisitors: maybeCount, // 国内接待人次
  foreignReception: maybeAmount, // 外宾接待支出
  foreignBatches: maybeCount,
  foreignVisitors: maybeCount,
});

const operatingCost = z.strictObject({
  /** 机关运行经费 this year. */
  amount: maybeAmount,
  /** What the document compares it with: 年初预算 (Wuhan 2023/2024) or 上年决算 (Wuhan 2021). */
  comparedWith: z.enum(['budget', 'previousYear']),
  /** 年初预算数 of 机关运行经费, when compared with the budget. */
  budget: maybeAmount,
});

const procurement = z.strictObject({
  total: maybeAmount, // 政府采购支出总额
  goods: maybeAmount,
  works: maybeAmount,
  services: maybeAmount,
  sme: maybeAmount, // 授予中小企业合同金额
  small: maybeAmount, // 授予小微企业合同金额
  smeGoods: maybeAmount,
  smeWorks: maybeAmount,
  smeServices: maybeAmount,
});

const assets = z.strictObject({
  asOf: optional(date),
  vehicles: maybeCount, // 车辆总数
  vehiclesByType: z.array(z.strictObject({ type: text, count: maybeCount })).default([]),
  /** 单价 50 万元（含）以上通用设备 */
  generalEquipmentOver50: maybeCount,
  /** 单价 100 万元（含）以上专用设备 / 设备 */
  equipmentOver100: maybeCount,
  text: optional(z.string()),
});

const indicator = z.strictObject({
  level1: text, // 一级指标
  level2: optional(z.string()), // 二级指标
  level3: text, // 三级指标
  target: optional(z.string()), // 年度指标值 / 年初目标值
  actual: optional(z.string()), // 实际完成值
  weight: optional(z.string()), // 分值
  score: optional(z.string()), // 得分
  note: optional(z.string()), // 偏差原因分析及改进措施
});
const evaluation = z.strictObject({
  name: text,
  /** 主管部门 / 实施单位 as printed. */
  department: optional(z.string()),
  unit: optional(z.string()),
  budgetInitial: maybeAmount, // 年初预算数
  budget: maybeAmount, // 全年预算数 (A)
  executed: maybeAmount, // 全年执行数 (B)
  /** Execution rate as published (B/A, %), kept to audit against the computed one. */
  publishedRate: optional(percentText),
  score: optional(z.string()),
  goals: z.array(z.string()).default([]),
  indicators: z.array(indicator).default([]),
  /** Reasons for deviation and improvements, as printed. */
  remarks: optional(z.string()),
});
const performance = z.strictObject({
  /** Projects self-evaluated and the funds they cover, as stated in part 3. */
  projectCount: maybeCount,
  projectAmount: maybeAmount,
  department: evaluation.optional(),
  projects: z.array(evaluation).default([]),
});

/** Prior-year figures stated in the document, used when no earlier bureau-year file exists. */
const prior = z.strictObject({
  year,
  grandTotal: maybeAmount, // 收、支总计 (01 行 30 / 60)
  incomeTotal: maybeAmount, // 本年收入合计
  expenditureTotal: maybeAmount, // 本年支出合计
  openingBalance: maybeAmount, // 年初结转和结余
  closingBalance: maybeAmount, // 年末结转和结余
  fiscalGrandTotal: maybeAmount, // 财政拨款收、支总计 (04 行 32 / 64)
  gpbIncome: maybeAmount, // 一般公共预算财政拨款收入
  govFundIncome: maybeAmount, // 政府性基金预算财政拨款收入
  soeIncome: maybeAmount, // 国有资本经营预算财政拨款收入
  gpbExpenditure: maybeAmount, // 一般公共预算财政拨款支出
  personnel: maybeAmount, // 人员经费
  public: maybeAmount, // 公用经费
  threePublic: maybeAmount, // "三公"经费决算
  /** "三公" items of last year, when the document compares them. */
  threePublicItems: z
    .strictObject({
      abroad: maybeAmount,
      vehicle: maybeAmount,
      vehiclePurchase: maybeAmount,
      vehicleOperation: maybeAmount,
      reception: maybeAmount,
    })
    .optional(),
  operatingCost: maybeAmount, // 机关运行经费
  /** Economic 类 totals (Jiangxi compares 301/302/303/310 with last year). */
  economic: z.array(z.strictObject({ code: economicCode, name: text, amount: maybeAmount })).default([]),
  /** Where the figures were read or how they were reconstructed. */
  note: optional(z.string()),
});

const glossaryEntry = z.strictObject({ term: text, definition: text });

/**
 * A correction after publication (更正说明). The version it replaces is kept
 * unchanged under versions/<supersedes>/ (data.yaml, narrative.md) and stays
 * online at /<bureau>/<year>/v/<supersedes>/.
 */
const correction = z.strictObject({
  /** The date the corrected version was published. */
  date,
  /** What changed, in one or two sentences (shown on the page). */
  note: text,
  /** The publication date of the earlier version, which is its folder name under versions/. */
  supersedes: date,
});

// ---------------------------------------------------------------------------
// Bureau-year

export const bureauYearSchema = z.strictObject({
  year,
  /**
   * Set by `npm run new` on a draft of next year's disclosure (草稿): the
   * checker refuses to publish while it is there, and the page shows a banner.
   */
  draft: optional(text),
  /** Publication date printed on the document, if any. */
  published: optional(date),
  /** The date the figures are as of (normally 31 December of the year). */
  asOf: date,
  /** Which provincial template the document follows. */
  template: z.enum(['wuhan', 'jiangxi']),
  /** The source document this content was transcribed from. */
  source: z.strictObject({ title: text, file: optional(z.string()), url: optional(z.string()) }),
  scope: z.strictObject({
    kind: z.enum(['本级', '汇总']),
    /** The units included, as listed in part 1. */
    units: z.array(text).min(1, '至少一个单位 / at least one unit'),
  }),
  staff: staff.optional(),
  tables: z.strictObject({
    t01: table(table01Schema),
    t02: table(table02Schema),
    t03: table(table03Schema),
    t04: table(table04Schema),
    t05: table(table05Schema),
    t06: table(table06Schema),
    t07: table(table07Schema),
    t08: table(table08Schema),
    t09: table(table09Schema),
  }),
  extraTables: z.array(extraTable).default([]),
  /** 年初预算 of 一般公共预算财政拨款支出: the total and per functional item. */
  budget: z
    .strictObject({
      total: maybeAmount,
      items: z.array(z.strictObject({ code: functionalCode, name: optional(z.string()), amount: maybeAmount })).default([]),
    })
    .optional(),
  threePublic: threePublicFacts.optional(),
  operatingCost: operatingCost.optional(),
  procurement: procurement.optional(),
  assets: assets.optional(),
  performance: performance.optional(),
  prior: prior.optional(),
  glossary: z.array(glossaryEntry).default([]),
  /**
   * Mistakes of the published document itself, kept as published (原文如此):
   * a checker error with this rule (and field, when given) becomes a warning.
   */
  publishedAsIs: z
    .array(z.strictObject({ rule: text, field: optional(z.string()), note: text }))
    .default([]),
  /** Corrections after publication, oldest first. */
  corrections: z.array(correction).default([]),
});
export type BureauYear = z.output<typeof bureauYearSchema>;
export type Table01 = z.output<typeof table01Schema>;
export type Table02 = z.output<typeof table02Schema>;
export type Table03 = z.output<typeof table03Schema>;
export type Table04 = z.output<typeof table04Schema>;
export type Table05 = z.output<typeof table05Schema>;
export type Table06 = z.output<typeof table06Schema>;
export type Table07 = z.output<typeof table07Schema>;
export type Table08 = z.output<typeof table08Schema>;
export type Table09 = z.output<typeof table09Schema>;
export type TableKey = keyof BureauYear['tables'];
export type Evaluation = z.output<typeof evaluation>;
export type Correction = z.output<typeof correction>;
