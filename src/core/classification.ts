/**
 * The classification lists (支出功能分类 and 部门预算支出经济分类) as data:
 * content/classifications/functional.yaml and economic.yaml.
 *
 * Each entry is a code with one name and the fiscal years that name holds
 * (`from` / `until`, both inclusive, either absent = open). A renamed code has
 * one entry per name. Codes stay strings ("2080505").
 *
 * Levels follow the length: 类 3 digits, 款 5, 项 7 (economic: 类 3, 款 5).
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { readText, readYaml, type ContentError } from './load.ts';
import { CONTENT_DIR } from './paths.ts';
import { compareText } from './order.ts';

export type ClassificationKind = 'functional' | 'economic';

/** The valid code lengths per kind, from the top level down. */
export const CODE_LENGTHS: Record<ClassificationKind, readonly number[]> = {
  functional: [3, 5, 7],
  economic: [3, 5],
};

const yearNumber = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^\d{4}$/, '应为四位年份 / expected a four-digit year'))
  .transform(Number);

const entrySchema = z.strictObject({
  code: z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .pipe(z.string().regex(/^\d+$/, '科目编码应为数字 / a code is digits')),
  name: z.string().trim().min(1, '不能为空 / must not be empty'),
  /** First fiscal year the name holds. */
  from: yearNumber.optional(),
  /** Last fiscal year the name holds. */
  until: yearNumber.optional(),
  /**
   * Codes this code continues (a subject moved to a new code): the same
   * subject across years for comparisons. The old code keeps its own entry
   * with `until`.
   */
  replaces: z
    .array(z.union([z.string(), z.number()]).transform((v) => String(v).trim()))
    .optional(),
});

export const classificationFileSchema = z.strictObject({
  kind: z.enum(['functional', 'economic']),
  codes: z.array(entrySchema).min(1, '至少一个科目 / at least one code'),
});

export type ClassificationEntry = z.output<typeof entrySchema>;

export interface Classification {
  /** The name a code carries in a fiscal year; undefined when the code does not exist that year. */
  nameOf(kind: ClassificationKind, code: string, year: number | string): string | undefined;
  /** Every entry (all names, all years) of a code; empty when the list does not know it. */
  entries(kind: ClassificationKind, code: string): readonly ClassificationEntry[];
  /** Codes one level down (e.g. the 项 of a 款) that exist in that year, with their names. */
  children(kind: ClassificationKind, code: string, year: number | string): { code: string; name: string }[];
  /**
   * The code a subject carries now: follows `replaces` forward (2100799 →
   * 2101599 when the newer entry says `replaces: [2100799]`); the code itself
   * when it was never replaced. Used to match one subject across years.
   */
  currentCode(kind: ClassificationKind, code: string): string;
  /** Codes that an entry of this code says it replaces, transitively, oldest last. */
  formerCodes(kind: ClassificationKind, code: string): string[];
}

const holds = (e: ClassificationEntry, year: number) => (e.from === undefined || e.from <= year) && (e.until === undefined || year <= e.until);

/** Build the lookup from entries (already validated). */
export function buildClassification(lists: Record<ClassificationKind, readonly ClassificationEntry[]>): Classification {
  const index: Record<ClassificationKind, Map<string, ClassificationEntry[]>> = { functional: new Map(), economic: new Map() };
  for (const kind of ['functional', 'economic'] as const) {
    for (const e of lists[kind]) {
      const list = index[kind].get(e.code) ?? [];
      list.push(e);
      index[kind].set(e.code, list);
    }
  }
  const nameOf = (kind: ClassificationKind, code: string, year: number | string) =>
    index[kind].get(code)?.find((e) => holds(e, Number(year)))?.name;
  // old code → the code that replaces it
  const replacedBy: Record<ClassificationKind, Map<string, string>> = { functional: new Map(), economic: new Map() };
  const replaces: Record<ClassificationKind, Map<string, string[]>> = { functional: new Map(), economic: new Map() };
  for (const kind of ['functional', 'economic'] as const) {
    for (const e of lists[kind]) {
      for (const old of e.replaces ?? []) {
        if (old === e.code) continue;
        replacedBy[kind].set(old, e.code);
        replaces[kind].set(e.code, [...(replaces[kind].get(e.code) ?? []), old]);
      }
    }
  }
  return {
    nameOf,
    currentCode(kind, code) {
      let c = code;
      const seen = new Set([c]);
      for (let next = replacedBy[kind].get(c); next !== undefined && !seen.has(next); next = replacedBy[kind].get(c)) {
        seen.add(next);
        c = next;
      }
      return c;
    },
    formerCodes(kind, code) {
      const out: string[] = [];
      const queue = [...(replaces[kind].get(code) ?? [])];
      while (queue.length > 0) {
        const c = queue.shift()!;
        if (c === code || out.includes(c)) continue;
        out.push(c);
        queue.push(...(replaces[kind].get(c) ?? []));
      }
      return out;
    },
    entries: (kind, code) => index[kind].get(code) ?? [],
    children(kind, code, year) {
      const lengths = CODE_LENGTHS[kind];
      const next = lengths[lengths.indexOf(code.length) + 1];
      if (next === undefined) return [];
      const out: { code: string; name: string }[] = [];
      for (const [c] of index[kind]) {
        if (c.length !== next || !c.startsWith(code)) continue;
        const name = nameOf(kind, c, year);
        if (name !== undefined) out.push({ code: c, name });
      }
      return out.sort((a, b) => compareText(a.code, b.code));
    },
  };
}

/** Validate one list: lengths, a parent for every 款/项, no two names of one code in the same year. */
function checkList(
  kind: ClassificationKind,
  entries: readonly ClassificationEntry[],
  display: string,
  lineOf: (p: readonly (string | number)[]) => number,
  errors: ContentError[],
) {
  const lengths = CODE_LENGTHS[kind];
  const codes = new Set(entries.map((e) => e.code));
  entries.forEach((e, i) => {
    const at = (field: string, message: string) =>
      errors.push({ file: display, line: lineOf(['codes', i, field]), field: `codes.${i}.${field}`, message });
    const level = lengths.indexOf(e.code.length);
    if (level < 0) {
      at('code', `科目编码 ${e.code} 位数不对：应为 ${lengths.join('/')} 位 / a ${kind} code has ${lengths.join(', ')} digits`);
      return;
    }
    if (level > 0) {
      const parent = e.code.slice(0, lengths[level - 1]);
      if (!codes.has(parent)) at('code', `科目 ${e.code} 的上级科目 ${parent} 不在表中 / its parent code ${parent} is not listed`);
    }
    for (const old of e.replaces ?? []) {
      if (!codes.has(old)) at('replaces', `被接续的科目 ${old} 不在表中：旧编码也要列出（带 until）/ a replaced code must be listed too`);
      else if (old.length !== e.code.length) at('replaces', `科目 ${e.code} 接续的 ${old} 级次不同 / a code continues one of the same level`);
    }
    if (e.from !== undefined && e.until !== undefined && e.from > e.until) at('until', `until（${e.until}）早于 from（${e.from}）/ until is before from`);
    for (let j = 0; j < i; j++) {
      const other = entries[j]!;
      if (other.code !== e.code) continue;
      const lo = Math.max(e.from ?? -Infinity, other.from ?? -Infinity);
      const hi = Math.min(e.until ?? Infinity, other.until ?? Infinity);
      if (lo <= hi) {
        at('code', `科目 ${e.code} 在同一年有两个名称（"${other.name}" 与 "${e.name}"），请用 from/until 分开 / two names of one code overlap in years`);
      }
    }
  });
}

/**
 * Load content/classifications/{functional,economic}.yaml. Errors carry
 * file:line like every content error; nothing is thrown for bad input.
 */
export function loadClassification(dir = join(CONTENT_DIR, 'classifications')): { classification: Classification; errors: ContentError[] } {
  const errors: ContentError[] = [];
  const lists: Record<ClassificationKind, ClassificationEntry[]> = { functional: [], economic: [] };
  for (const kind of ['functional', 'economic'] as const) {
    const file = join(dir, `${kind}.yaml`);
    const display = relative(process.cwd(), file) || file;
    if (!existsSync(file)) {
      errors.push({ file: display, line: 1, field: '', message: `缺少科目表 ${kind}.yaml / the ${kind} classification list is missing` });
      continue;
    }
    const text = readText(file, display, errors);
    const parsed = text === null ? null : readYaml(text, display, classificationFileSchema, errors);
    if (!parsed) continue;
    const { data } = parsed;
    if (data.kind !== kind) {
      errors.push({ file: display, line: parsed.lineOf(['kind']), field: 'kind', message: `kind 应为 ${kind} / kind must be ${kind}` });
      continue;
    }
    checkList(kind, data.codes, display, parsed.lineOf, errors);
    lists[kind] = data.codes;
  }
  return { classification: buildClassification(lists), errors };
}

/**
 * Names compare after normalising what extraction and templates vary:
 * full/half-width brackets and punctuation, spaces, and quotation marks.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u3000]/g, '')
    .replace(/[“”"‘’'「」]/g, '')
    .replace(/[，]/g, ',')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')');
}
