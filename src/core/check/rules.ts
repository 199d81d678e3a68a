/**
 * THE RULE REGISTRY: every rule id the checker and the audit report, with what
 * it checks, whether a finding stops the build, how sure the audit is, and its
 * tolerance. The README's rule table (npm run audit -- --rules-md) and the
 * site's /audit/ page both render from this one list; a test asserts that no
 * finding carries an id missing here and that the README table is current.
 *
 * severity: 'error' stops `npm run check` and the build; 'warning' publishes and
 * is listed under 数据核对; 'tolerance' is an error beyond the rounding
 * tolerance and a warning (尾数误差) within it. An error the published document
 * itself contains, recorded under publishedAsIs in data.yaml, becomes a warning.
 * levels: the certainties (确定/疑似/提示) a finding of the rule can carry; the
 * first is the one given when the rule itself does not decide.
 */
import type { Certainty, Severity } from '../findings.ts';

export interface Rule {
  /** What the rule checks, in Chinese. */
  what: string;
  severity: Severity | 'tolerance';
  levels: readonly Certainty[];
  /** The tolerance, when the rule has one. */
  tolerance?: string;
}

const SUM = '每个加数 0.01 万元（尾数误差）';
const identity = (what: string): Rule => ({ what, severity: 'tolerance', levels: ['definite', 'note'], tolerance: SUM });
const definite = (what: string, severity: Severity = 'error'): Rule => ({ what, severity, levels: ['definite'] });

export const RULES: Record<string, Rule> = {
  // identities printed under the tables
  't01.line27': identity('01表 行27（本年收入合计）= 行1+…+8'),
  't01.line30': identity('01表 行30（收入总计）= 行27+28+29'),
  't01.line57': identity('01表 行57（本年支出合计）= 行31+…+56'),
  't01.line60': identity('01表 行60（支出总计）= 行57+58+59'),
  't01.line30-60': identity('01表 收入总计（行30）= 支出总计（行60）'),
  't02.col1': identity('02表 每行第1栏（本年收入合计）= 第2+…+7栏，合计行在内'),
  't03.col1': identity('03表 每行第1栏（本年支出合计）= 第2+…+6栏，合计行在内'),
  't04.line27': identity('04表 行27（本年收入合计）= 行1+2+3'),
  't04.line28': identity('04表 行28（年初财政拨款结转和结余）= 行29+30+31'),
  't04.line32': identity('04表 行32（收入总计）= 行27+28'),
  't04.line59': identity('04表 行59（本年支出合计）= 行33+…+58，每栏'),
  't04.line64': identity('04表 行64（支出总计）= 行59+60，每栏'),
  't04.total': identity('04表 支出每行 合计 = 一般公共预算+政府性基金+国有资本经营'),
  't04.line32-64': identity('04表 收入总计（行32）= 支出总计（行64 合计）'),
  't05.col1': identity('05表 每行第1栏（小计）= 第2+3栏'),
  't06.personnelTotal': identity('06表 人员经费合计 = 人员经费各类级科目之和'),
  't06.publicTotal': identity('06表 公用经费合计 = 公用经费各类级科目之和'),
  't06.class': identity('06表 每个类级科目 = 其款级科目之和'),
  't07.col6': identity('07表 每行第6栏（年末结转和结余）= 第1+2−3栏'),
  't07.col3': identity('07表 每行第3栏（本年支出小计）= 第4+5栏'),
  't08.col1': identity('08表 每行第1栏（合计）= 第2+3栏'),
  't09.col1': identity('09表 第1栏（预算数合计）= 第2+3+6栏'),
  't09.col3': identity('09表 第3栏（预算数 公务用车购置及运行费）= 第4+5栏'),
  't09.col7': identity('09表 第7栏（决算数合计）= 第8+9+12栏'),
  't09.col9': identity('09表 第9栏（决算数 公务用车购置及运行费）= 第10+11栏'),
  // hierarchy
  hierarchy: identity('02/03/05/07/08表 类 = 所属款之和，款 = 所属项之和（按编码前缀），每栏'),
  'hierarchy.summary': identity('02/03/05/07/08表 合计行 = 各类之和，每栏'),
  'hierarchy.unaccounted': { what: '据第三部分重建的表（from: narrative）：所列科目之和少于合计（警告：或有科目未列出，或数字有误）', severity: 'warning', levels: ['suspected'], tolerance: SUM },
  // across tables
  'cross.t01-t03': identity('01表 行31–56 = 03表各类的本年支出合计；行57 = 03表合计'),
  'cross.t01-t02': identity('01表 行27 = 02表合计；行1+2+3 = 02表财政拨款收入；行4–8 = 02表对应收入栏'),
  'cross.t02-t03': identity('01表无任何结转结余时，02表与03表科目一一对应、金额相等'),
  'cross.t03-t05': definite('05表每个科目都在03表中，且金额不大于03表（一般公共预算是本年支出的一部分）'),
  'cross.t04-t05': identity('04表一般公共预算栏各类 = 05表各类；行59 = 05表合计'),
  'cross.t04-t07': identity('04表政府性基金栏各类 = 07表各类本年支出；行59 = 07表合计；行2 = 07表本年收入'),
  'cross.t04-t08': identity('04表国有资本经营栏各类 = 08表各类；行59 = 08表合计'),
  'cross.t01-t04': identity('04表 行1、2、3 = 01表 行1、2、3'),
  'cross.t05-t06': identity('05表合计行基本支出 = 06表人员经费合计 + 公用经费合计'),
  'cross.t09-facts': identity('09表决算数公务接待费 = 第三部分国内公务接待 + 外宾接待支出'),
  'cross.prior-year': { what: '文件所述上年数 = 上年度文件的对应数字（警告）', severity: 'warning', levels: ['suspected'], tolerance: '0.01 万元' },
  // codes
  'code.unknown': definite('科目编码不在科目表中'),
  'code.year': { what: '科目编码在该年度不存在', severity: 'warning', levels: ['suspected'] },
  'code.name': { what: '科目名称与该年度科目表不符（给出应有名称）', severity: 'warning', levels: ['note'] },
  'code.truncated': { what: '科目编码少一位，按名称在上级科目的下级中找到应有编码', severity: 'warning', levels: ['note'] },
  'code.length': definite('科目编码位数不对，且无法按名称找到应有编码'),
  'code.section': definite('06表经济分类科目列在错误的栏（人员经费 / 公用经费）', 'warning'),
  // completeness and rows
  'table.missing': definite('公开表缺失：既无数据也未说明为空表'),
  'table.not-provided': { what: '公开表未提供数据（注明原因），相关核对跳过', severity: 'warning', levels: ['note'] },
  'table.duplicate-row': definite('同一表中同一科目出现两次'),
  // facts of part 3
  'facts.procurement': identity('政府采购：总额 = 货物+工程+服务；中小企业、小微企业金额不超过其所属金额'),
  'facts.budget': { what: '年初预算所列各项之和不超过年初预算合计', severity: 'error', levels: ['definite'], tolerance: SUM },
  'facts.prior-year': definite('上年数的年度应为本年度减一', 'warning'),
  // the narrative's published figures
  'narrative.published-differs': {
    what: '情况说明中写明的数字（金额、百分比、增加/减少等文字）与按数据计算的结果不符',
    severity: 'warning',
    levels: ['definite', 'suspected', 'note'],
    tolerance: '百分比：四舍五入后相差末位 1 个单位为提示，更多为确定；金额：相差 0.01 为疑似，更多为确定',
  },
  'narrative.rounded': {
    what: '金额少印了小数位（如 13.69 印作 13.7）：四舍五入后一致，但与表中和他处所印不同',
    severity: 'warning',
    levels: ['note'],
    tolerance: '四舍五入（half up）到原文所印位数',
  },
  'narrative.no-base': {
    what: '情况说明给出了基数为零的比率（应为"—"），如年初预算为 0 却"完成年初预算的 100%"',
    severity: 'warning',
    levels: ['definite', 'note'],
    tolerance: '0 ÷ 0 印作 0% 为提示，其余为确定',
  },
  'narrative.unit': {
    what: '金额单位错误：以万元计的金额写成了"元"（如"年初预算为 823.58 元"）',
    severity: 'warning',
    levels: ['definite'],
    tolerance: '数值按万元与计算值一致（差额在金额容差内）时报告；正确折算为元的数字不报告',
  },
  'narrative.share-denominator': {
    what: '占比或变动率所用分母与所述分母不符：原文与另一分母的结果相符，或按所述分母占比超过 100%',
    severity: 'warning',
    levels: ['definite'],
    tolerance: '按原文所印位数四舍五入后完全相符才认定所用分母',
  },
  'narrative.same-figure': {
    what: '同一数字（计算值相同）在文中不同位置以相同位数印成不同数值（如一处 16.84、一处 16.83）',
    severity: 'warning',
    levels: ['definite'],
    tolerance: '无：同一金额两处所印应完全相同',
  },
  'narrative.direction': {
    what: '文字所述方向与数字相反：说"增加"实为减少（确定），说"小于预算"实为大于预算（疑似），变动为零却说增加/减少（提示）',
    severity: 'warning',
    levels: ['definite', 'suspected', 'note'],
  },
  'narrative.date': {
    what: '日期与决算年度不符：情况说明"截至 YYYY 年 12 月 31 日"应为本年度末（确定）；重点工作所述截至日期早于本年度（疑似，或沿用上年文字）',
    severity: 'warning',
    levels: ['definite', 'suspected'],
  },
  // site
  'site.bureau-missing': definite('部门年度没有可用的部门信息文件 bureau.yaml'),
  'site.duplicate-name': definite('两个部门全称相同（或曾用名与另一部门现用名相同）'),
  'site.duplicate-short-name': definite('两个部门简称相同'),
  'site.parent-missing': definite('上级部门不存在'),
  'site.lineage-unknown': definite('前身部门或后继部门（predecessors / successors）不存在'),
  // drafts (npm run new)
  'draft.todo': definite('草稿中仍有待填写之处（“待填写”标记或 draft 字段），不能发布'),
};
