/**
 * A published figure against the computed one: THE TOLERANCE RULES of the audit.
 * The README (数据核对) and the site's /audit/ page print them from `TOLERANCES`.
 *
 * A published number is read with the decimals it was printed with (d) and
 * compared with the computed value rounded half up to d decimals ("r"):
 *
 * - Percent: p = r is consistent. p within one unit of the last printed digit
 *   of r (4.25 printed 4.2, 0.645 printed 0.64) is 提示 (note): a truncation or
 *   a rate worked from rounded amounts. More is 确定 (definite).
 * - Amount (万元), printed with two decimals: p = computed is consistent;
 *   0.01 off is 疑似 (suspected: the same amount printed twice must agree, but
 *   a separate 元 → 万元 conversion can leave one 分); more is 确定.
 * - Amount printed with fewer decimals: trailing zeros left out (78 for 78.00)
 *   is consistent; rounded (13.7 for 13.69) is 提示; one unit off the rounded
 *   value is 疑似; more is 确定.
 * - A rate on a zero base has no value: a printed 0% on 0 ÷ 0 is 提示, any
 *   other number (100% on a zero budget) is 确定.
 * - Words (增加/减少/持平, a year): must match, else 确定.
 * - An amount followed by 元 where the figure is in 万元 is 确定 (unit), unless
 *   the number is the amount correctly converted to 元.
 */
import { D, round, type Dec } from './money.ts';
import { formatAmount, formatPercent } from './money.ts';
import type { Figure, Figures } from './figures.ts';
import type { Certainty } from './findings.ts';

export type VerdictKind = 'amount' | 'rounded' | 'percent' | 'no-base' | 'text' | 'unit' | 'denominator';

export interface Verdict {
  certainty: Certainty;
  kind: VerdictKind;
  /** The computed value, at least as precise as the published one ("0.64%", "13.69"). */
  expected: string;
  /** A further sentence of explanation (decimal slip, the denominator evidently used, …). */
  detail?: string;
}

/** The tolerance rules as the README and the /audit/ page print them. */
export const TOLERANCES: readonly { what: string; consistent: string; note: string; suspected: string; definite: string }[] = [
  {
    what: '百分比（印 d 位小数）',
    consistent: '计算值四舍五入到 d 位后与原文相同',
    note: '与四舍五入结果相差末位 1 个单位（如 4.25% 印作 4.2%，0.645% 印作 0.64%）',
    suspected: '—',
    definite: '相差超过末位 1 个单位',
  },
  {
    what: '金额（万元，印两位小数）',
    consistent: '与计算值完全相同',
    note: '—',
    suspected: '相差 0.01（同一金额两处所印应一致，但单独由元折算时可能差 1 分）',
    definite: '相差超过 0.01',
  },
  {
    what: '金额（万元，少于两位小数）',
    consistent: '只是省略了末尾的 0（如 78 即 78.00）',
    note: '四舍五入后的写法（如 13.69 印作 13.7）',
    suspected: '与四舍五入结果相差末位 1 个单位',
    definite: '相差更多',
  },
  {
    what: '基数为零的比率',
    consistent: '写"—"或不写',
    note: '0 ÷ 0 印作 0%',
    suspected: '—',
    definite: '基数为零却印出其他数字（如年初预算为 0 而"完成年初预算的 100%"）',
  },
  {
    what: '增加/减少/持平、年度等文字',
    consistent: '与计算结果一致',
    note: '变动为零却写"增加 0"或"减少 0"',
    suspected: '说明"小于预算"而决算大于预算（或相反）',
    definite: '与计算结果相反',
  },
  {
    what: '表内与表间的合计（尾数误差）',
    consistent: '相等',
    note: '相差不超过每个加数 0.01 万元（单位换算的尾数误差），警告',
    suspected: '—',
    definite: '超出尾数误差，错误（原文如此者记入 publishedAsIs 后为警告）',
  },
];

export interface PublishedNumber {
  value: Dec;
  decimals: number;
}

/** "1,234.07", "6.4%", "107.06 %", "0.37" → value and printed decimals; words → null. */
export function parsePublished(text: string): PublishedNumber | null {
  const m = /^\s*(-?[\d,]*\.?\d+)\s*(%|万元)?\s*$/.exec(text);
  if (!m) return null;
  const digits = m[1]!.replaceAll(',', '');
  return { value: new D(digits), decimals: (digits.split('.')[1] ?? '').length };
}

const unit = (decimals: number): Dec => new D(1).div(new D(10).pow(decimals));

/** Compare a published wording with its figure. Null when consistent. `unitAfter` is the unit printed after the number ("元", "万元"). */
export function comparePublished(published: string, figure: Figure, figures: Figures, unitAfter?: string): Verdict | null {
  if (figure.kind === 'text') {
    if (figure.text === undefined || published.trim() === figure.text) return null;
    return { certainty: 'definite', kind: 'text', expected: figure.text };
  }
  const p = parsePublished(published);
  if (!p) return null; // words, not a number: nothing to compare
  if (figure.value === null) {
    if (!hasZeroBase(figure, figures)) return null; // an unknown input: nothing to compare
    const numerator = figures.get(figure.inputs[0] ?? '')?.value ?? null;
    const zeroOverZero = numerator !== null && numerator.isZero() && p.value.isZero();
    return { certainty: zeroOverZero ? 'note' : 'definite', kind: 'no-base', expected: '—' };
  }
  if (figure.kind === 'percent') return comparePercent(p, figure, figures);
  return compareAmount(p, figure.value, unitAfter);
}

function compareAmount(p: PublishedNumber, c: Dec, unitAfter: string | undefined): Verdict | null {
  const expected = formatAmount(c);
  if (unitAfter === '元') {
    // 823.58 元 for 823.58 万元 is a wrong unit; 35838.35 元 for 3.58 万元 is the same amount.
    if (round(c.times(10000), p.decimals).equals(p.value)) return null;
    const inTenThousands = compareAmount(p, c, undefined);
    if (inTenThousands === null || inTenThousands.certainty !== 'definite') {
      return { certainty: 'definite', kind: 'unit', expected: `${expected} 万元`, detail: `金额单位应为"万元"，原文写作"元"，相差一万倍` };
    }
    return inTenThousands;
  }
  if (p.value.equals(c)) return null;
  const r = round(c, p.decimals);
  const off = p.value.minus(r).abs();
  if (p.decimals < 2 && off.isZero()) {
    return { certainty: 'note', kind: 'rounded', expected, detail: `原文只印到 ${p.decimals === 0 ? '整数' : `${p.decimals} 位小数`}，四舍五入后一致` };
  }
  if (off.lte(unit(p.decimals))) return { certainty: 'suspected', kind: 'amount', expected, detail: '相差末位 1 个单位' };
  return { certainty: 'definite', kind: 'amount', expected };
}

function comparePercent(p: PublishedNumber, figure: Figure, figures: Figures): Verdict | null {
  const c = figure.value!;
  const r = round(c, p.decimals);
  if (r.equals(p.value)) return null;
  const expected = formatPercent(c, Math.max(p.decimals, 2));
  if (p.value.minus(r).abs().lte(unit(p.decimals))) {
    return { certainty: 'note', kind: 'percent', expected, detail: `按四舍五入应为 ${formatPercent(c, p.decimals)}，相差末位 1 个单位` };
  }
  const matches = (v: Dec) => round(v, p.decimals).equals(p.value);
  for (const k of [1, 2, -1, -2]) {
    if (matches(c.times(new D(10).pow(k)))) {
      return { certainty: 'definite', kind: 'percent', expected, detail: `原文是计算值的 ${k > 0 ? new D(10).pow(k).toString() : `1/${new D(10).pow(-k).toString()}`} 倍，疑为小数点错位` };
    }
  }
  const denominator = otherDenominator(p, figure, figures);
  if (denominator) return { certainty: 'definite', kind: 'denominator', expected, detail: denominator };
  if (figure.name.endsWith('.share') && c.gt(100)) {
    const [part, whole] = figure.inputs.map((n) => figures.get(n));
    if (part && whole) {
      return {
        certainty: 'definite',
        kind: 'denominator',
        expected,
        detail: `${part.label}（${formatAmount(part.value)}）大于所述分母${whole.label}（${formatAmount(whole.value)}），占比超过 100%，所述分母有误`,
      };
    }
  }
  return { certainty: 'definite', kind: 'percent', expected };
}

/** Wholes a document may have divided by instead of the stated one (收入 → 本年收入合计, 支出 → 本年支出合计, …). */
const DENOMINATORS = [
  'incomeTotal',
  'expenditureTotal',
  'grandTotal',
  'fiscalGrandTotal',
  'gpbExpenditure',
  'gpbExpenditure.project',
  'gpbExpenditure.basic',
  'expenditure.project',
  'expenditure.basic',
  'budget.total',
  'threePublic.actual',
  'threePublic.budget',
  'procurement.total',
  'procurement.sme',
];

/**
 * A share or rate that matches the part over another whole: the document used
 * a different denominator than the one it names (e.g. 绩效自评项目资金 over 项目支出
 * where it says 一般公共预算项目支出). A change rate over this year instead of last year too.
 */
function otherDenominator(p: PublishedNumber, figure: Figure, figures: Figures): string | undefined {
  if (figure.inputs.length !== 2) return undefined;
  const [partName, wholeName] = figure.inputs as [string, string];
  const part = figures.get(partName);
  const whole = figures.get(wholeName);
  if (!part || !whole || part.value === null) return undefined;
  const matches = (v: Dec) => round(v, p.decimals).equals(p.value);
  if (figure.name.endsWith('.changePct')) {
    // (本年 − 上年) ÷ 本年 instead of ÷ 上年
    const current = part.value;
    const previous = whole.value;
    if (previous !== null && !current.isZero() && matches(current.minus(previous).abs().div(current).times(100))) {
      return `原文与以本年数（${formatAmount(current)}）为基数计算的结果相符，变动率应以上年数（${formatAmount(previous)}）为基数`;
    }
    return undefined;
  }
  for (const name of DENOMINATORS) {
    if (name === wholeName || name === partName) continue;
    const alt = figures.get(name);
    if (!alt || alt.value === null || alt.value.isZero()) continue;
    if (matches(part.value.div(alt.value).times(100))) {
      const over = figure.name.endsWith('.share') && whole.value !== null && part.value.gt(whole.value) ? `；且${part.label}大于所述分母，占比超过 100%` : '';
      return `原文与以${alt.label}（${formatAmount(alt.value)}）为分母计算的结果相符，而所述分母是${whole.label}（${formatAmount(whole.value)}）${over}`;
    }
  }
  return undefined;
}

/** A percent whose inputs are all known but whose value is null: its base is zero. */
export function hasZeroBase(figure: Figure, figures: Figures): boolean {
  return (
    figure.kind === 'percent' &&
    figure.value === null &&
    figure.inputs.length > 0 &&
    figure.inputs.every((n) => (figures.get(n)?.value ?? null) !== null)
  );
}
