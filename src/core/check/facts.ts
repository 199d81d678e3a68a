/**
 * Facts outside the nine tables (part 3): 政府采购 adds up, the 年初预算 items
 * do not exceed their total, and the prior year is the year before.
 */
import { checkAtMost, checkIdentity, fact, report, type Ctx } from './context.ts';

export function checkFacts(ctx: Ctx): void {
  const { data } = ctx.entry;
  const p = data.procurement;
  if (p) {
    checkIdentity(ctx, {
      rule: 'facts.procurement',
      path: ['procurement', 'total'],
      target: fact(p.total, '政府采购支出总额'),
      terms: [fact(p.goods, '货物'), fact(p.works, '工程'), fact(p.services, '服务')],
      formula: '货物+工程+服务',
    });
    const why = '授予中小企业的合同金额是采购总额的一部分';
    checkAtMost(ctx, { rule: 'facts.procurement', path: ['procurement', 'sme'], part: fact(p.sme, '授予中小企业合同金额'), whole: fact(p.total, '政府采购支出总额'), why });
    checkAtMost(ctx, { rule: 'facts.procurement', path: ['procurement', 'small'], part: fact(p.small, '授予小微企业合同金额'), whole: fact(p.sme, '授予中小企业合同金额'), why: '小微企业是中小企业的一部分' });
    for (const [k, whole, label] of [
      ['smeGoods', 'goods', '货物'],
      ['smeWorks', 'works', '工程'],
      ['smeServices', 'services', '服务'],
    ] as const) {
      checkAtMost(ctx, { rule: 'facts.procurement', path: ['procurement', k], part: fact(p[k], `授予中小企业的${label}合同金额`), whole: fact(p[whole], `${label}采购金额`), why });
    }
    checkIdentity(ctx, {
      rule: 'facts.procurement',
      path: ['procurement', 'sme'],
      target: fact(p.sme, '授予中小企业合同金额'),
      terms: [fact(p.smeGoods, '货物'), fact(p.smeWorks, '工程'), fact(p.smeServices, '服务')],
      formula: '授予中小企业的货物+工程+服务合同金额',
    });
  }

  const b = data.budget;
  if (b && b.items.length > 0) {
    checkIdentity(ctx, {
      rule: 'facts.budget',
      path: ['budget', 'total'],
      target: fact(b.total, '年初预算合计'),
      terms: b.items.map((item) => fact(item.amount, `年初预算 ${item.code}${item.name ? ` ${item.name}` : ''}`)),
      formula: '所列各项年初预算之和',
      boundOnly: true,
    });
  }

  if (data.prior && Number(data.prior.year) !== ctx.year - 1) {
    report(ctx, {
      severity: 'warning',
      rule: 'facts.prior-year',
      path: ['prior', 'year'],
      values: { 本年: String(ctx.year), 上年: data.prior.year },
      message: `上年数的年度为 ${data.prior.year}，应为 ${ctx.year - 1}`,
    });
  }
}
