/**
 * Problems across the site: a bureau-year without its bureau, two bureaus with
 * one name, a parent that does not exist, and last year's figures restated in
 * a document that disagree with last year's own document.
 */
import type { Content, BureauYearEntry } from '../load.ts';
import { normalizeName } from '../classification.ts';
import type { Finding } from '../findings.ts';
import { cell, checkIdentity, fact, newCtx, view, type Path, type Term } from './context.ts';
import { t01Line, t04Income, t09Term } from './identities.ts';

function siteFinding(f: Omit<Finding, 'bureauYear' | 'values'> & { values?: Record<string, string> }, bureauYear = ''): Finding {
  return { bureauYear, values: {}, ...f };
}

export function bureauFindings(content: Content): Finding[] {
  const out: Finding[] = [];
  const ids = new Set(content.bureaus.map((b) => b.id));
  for (const entry of content.years) {
    if (!ids.has(entry.bureauId)) {
      out.push(
        siteFinding(
          {
            severity: 'error',
            rule: 'site.bureau-missing',
            file: entry.dataFile,
            line: 1,
            values: { 部门: entry.bureauId },
            message: `部门年度 ${entry.id} 没有可用的部门信息文件（content/bureaus/${entry.bureauId}/bureau.yaml 缺失或有误）`,
          },
          entry.id,
        ),
      );
    }
  }
  for (const [field, label, severity] of [
    ['name', '全称', 'error'],
    ['shortName', '简称', 'warning'],
  ] as const) {
    const seen = new Map<string, string>();
    for (const b of content.bureaus) {
      const key = normalizeName(b.data[field]);
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, b.id);
        continue;
      }
      out.push(
        siteFinding({
          severity,
          rule: field === 'name' ? 'site.duplicate-name' : 'site.duplicate-short-name',
          file: b.file,
          line: b.lineOf([field]),
          field,
          values: { [label]: b.data[field], 部门: b.id, 同名部门: first },
          message: `部门 ${b.id} 的${label}"${b.data[field]}"与部门 ${first} 相同`,
        }),
      );
    }
  }
  const current = new Map(content.bureaus.map((b) => [normalizeName(b.data.name), b.id]));
  for (const b of content.bureaus) {
    if (b.data.parent !== undefined && !ids.has(b.data.parent)) {
      out.push(
        siteFinding({
          severity: 'error',
          rule: 'site.parent-missing',
          file: b.file,
          line: b.lineOf(['parent']),
          field: 'parent',
          values: { parent: b.data.parent },
          message: `部门 ${b.id} 的上级部门 ${b.data.parent} 不存在（content/bureaus/ 下无此文件夹）`,
        }),
      );
    }
    b.data.formerNames.forEach((f, i) => {
      const other = current.get(normalizeName(f.name));
      if (other !== undefined && other !== b.id) {
        out.push(
          siteFinding({
            severity: 'warning',
            rule: 'site.duplicate-name',
            file: b.file,
            line: b.lineOf(['formerNames', i, 'name']),
            field: `formerNames.${i}.name`,
            values: { 曾用名: f.name, 部门: b.id, 同名部门: other },
            message: `部门 ${b.id} 的曾用名"${f.name}"是部门 ${other} 的现用名`,
          }),
        );
      }
    });
  }
  return out;
}

/** Last year's figures stated in a document against last year's own document. */
export function priorYearFindings(years: readonly BureauYearEntry[]): Finding[] {
  const out: Finding[] = [];
  const byId = new Map(years.map((e) => [e.id, e]));
  for (const entry of years) {
    const prior = entry.data.prior;
    if (!prior) continue;
    const last = byId.get(`${entry.bureauId}/${prior.year}`);
    if (!last) continue;
    const ctx = newCtx(entry);
    const v1 = view(last, 't01');
    const v4 = view(last, 't04');
    const v5 = view(last, 't05');
    const v6 = view(last, 't06');
    const v9 = view(last, 't09');
    const where = `${prior.year} 年度文件`;
    const relabel = (t: Term): Term => ({ ...t, label: `${where} ${t.label}` });
    const summary5 = v5.state === 'data' ? v5.data.summary.total : undefined;
    const t6 = v6.state === 'data' ? v6.data : undefined;
    const pairs: [keyof typeof prior, string, Term][] = [
      ['grandTotal', '收、支总计', t01Line(v1, 30)],
      ['incomeTotal', '本年收入合计', t01Line(v1, 27)],
      ['expenditureTotal', '本年支出合计', t01Line(v1, 57)],
      ['openingBalance', '年初结转和结余', t01Line(v1, 29)],
      ['closingBalance', '年末结转和结余', t01Line(v1, 59)],
      ['fiscalGrandTotal', '财政拨款收、支总计', t04Income(v4, 32)],
      ['gpbIncome', '一般公共预算财政拨款收入', t04Income(v4, 1)],
      ['govFundIncome', '政府性基金预算财政拨款收入', t04Income(v4, 2)],
      ['soeIncome', '国有资本经营预算财政拨款收入', t04Income(v4, 3)],
      ['gpbExpenditure', '一般公共预算财政拨款支出', cell(v5, summary5, '05表 合计')],
      ['personnel', '人员经费', cell(v6, t6?.personnelTotal, '06表 人员经费合计')],
      ['public', '公用经费', cell(v6, t6?.publicTotal, '06表 公用经费合计')],
      ['threePublic', '"三公"经费决算', t09Term(v9, 'actual', 'total')],
      ['operatingCost', '机关运行经费', fact(last.data.operatingCost?.amount, '机关运行经费')],
    ];
    for (const [field, label, term] of pairs) {
      const path: Path = ['prior', field];
      checkIdentity(ctx, { rule: 'cross.prior-year', path, target: fact(prior[field] as string | undefined, `上年数 ${label}`), terms: [relabel(term)], formula: `${where} ${term.label}` });
    }
    // A restated figure may be a legitimate restatement (口径调整): a warning, never an error.
    for (const f of ctx.findings) {
      f.severity = 'warning';
      f.message = `${f.message}（${last.dataFile}）`;
    }
    out.push(...ctx.findings);
  }
  return out;
}

export type { BureauYearEntry };
