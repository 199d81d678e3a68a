/**
 * Every rule id the checker reports, with what it checks. Tests assert that
 * no finding carries an id missing here; pages can show the description.
 */
export const RULES: Record<string, string> = {
  // identities printed under the tables
  't01.line27': '01表 行27（本年收入合计）= 行1+…+8',
  't01.line30': '01表 行30（收入总计）= 行27+28+29',
  't01.line57': '01表 行57（本年支出合计）= 行31+…+56',
  't01.line60': '01表 行60（支出总计）= 行57+58+59',
  't01.line30-60': '01表 收入总计（行30）= 支出总计（行60）',
  't02.col1': '02表 每行第1栏（本年收入合计）= 第2+…+7栏，合计行在内',
  't03.col1': '03表 每行第1栏（本年支出合计）= 第2+…+6栏，合计行在内',
  't04.line27': '04表 行27（本年收入合计）= 行1+2+3',
  't04.line28': '04表 行28（年初财政拨款结转和结余）= 行29+30+31',
  't04.line32': '04表 行32（收入总计）= 行27+28',
  't04.line59': '04表 行59（本年支出合计）= 行33+…+58，每栏',
  't04.line64': '04表 行64（支出总计）= 行59+60，每栏',
  't04.total': '04表 支出每行 合计 = 一般公共预算+政府性基金+国有资本经营',
  't04.line32-64': '04表 收入总计（行32）= 支出总计（行64 合计）',
  't05.col1': '05表 每行第1栏（小计）= 第2+3栏',
  't06.personnelTotal': '06表 人员经费合计 = 人员经费各类级科目之和',
  't06.publicTotal': '06表 公用经费合计 = 公用经费各类级科目之和',
  't06.class': '06表 每个类级科目 = 其款级科目之和',
  't07.col6': '07表 每行第6栏（年末结转和结余）= 第1+2−3栏',
  't07.col3': '07表 每行第3栏（本年支出小计）= 第4+5栏',
  't08.col1': '08表 每行第1栏（合计）= 第2+3栏',
  't09.col1': '09表 第1栏（预算数合计）= 第2+3+6栏',
  't09.col3': '09表 第3栏（预算数 公务用车购置及运行费）= 第4+5栏',
  't09.col7': '09表 第7栏（决算数合计）= 第8+9+12栏',
  't09.col9': '09表 第9栏（决算数 公务用车购置及运行费）= 第10+11栏',
  // hierarchy
  hierarchy: '02/03/05/07/08表 类 = 所属款之和，款 = 所属项之和（按编码前缀），每栏',
  'hierarchy.summary': '02/03/05/07/08表 合计行 = 各类之和，每栏',
  'hierarchy.unaccounted': '据第三部分重建的表（from: narrative）：所列科目之和少于合计（警告：或有科目未列出，或数字有误）',
  // across tables
  'cross.t01-t03': '01表 行31–56 = 03表各类的本年支出合计；行57 = 03表合计',
  'cross.t01-t02': '01表 行27 = 02表合计；行1+2+3 = 02表财政拨款收入；行4–8 = 02表对应收入栏',
  'cross.t02-t03': '01表无任何结转结余时，02表与03表科目一一对应、金额相等',
  'cross.t03-t05': '05表每个科目都在03表中，且金额不大于03表（一般公共预算是本年支出的一部分）',
  'cross.t04-t05': '04表一般公共预算栏各类 = 05表各类；行59 = 05表合计',
  'cross.t04-t07': '04表政府性基金栏各类 = 07表各类本年支出；行59 = 07表合计；行2 = 07表本年收入',
  'cross.t04-t08': '04表国有资本经营栏各类 = 08表各类；行59 = 08表合计',
  'cross.t01-t04': '04表 行1、2、3 = 01表 行1、2、3',
  'cross.t05-t06': '05表合计行基本支出 = 06表人员经费合计 + 公用经费合计',
  'cross.t09-facts': '09表决算数公务接待费 = 第三部分国内公务接待 + 外宾接待支出',
  'cross.prior-year': '文件所述上年数 = 上年度文件的对应数字（警告）',
  // codes
  'code.unknown': '科目编码不在科目表中',
  'code.year': '科目编码在该年度不存在',
  'code.name': '科目名称与该年度科目表不符（给出应有名称）',
  'code.truncated': '科目编码少一位，按名称在上级科目的下级中找到应有编码',
  'code.length': '科目编码位数不对，且无法按名称找到应有编码',
  'code.section': '06表经济分类科目列在错误的栏（人员经费 / 公用经费）',
  // completeness and rows
  'table.missing': '公开表缺失：既无数据也未说明为空表',
  'table.not-provided': '公开表未提供数据（注明原因），相关核对跳过',
  'table.duplicate-row': '同一表中同一科目出现两次',
  // facts of part 3
  'facts.procurement': '政府采购：总额 = 货物+工程+服务；中小企业、小微企业金额不超过其所属金额',
  'facts.budget': '年初预算所列各项之和不超过年初预算合计',
  'facts.prior-year': '上年数的年度应为本年度减一',
  // the narrative's published figures
  'narrative.published-differs': '情况说明中写明的数字与按数据计算的结果不符（超出尾数误差或末位一个单位）',
  'narrative.no-base': '情况说明给出了基数为零的比率（应为"—"）',
  // site
  'site.bureau-missing': '部门年度没有可用的部门信息文件 bureau.yaml',
  'site.duplicate-name': '两个部门全称相同（或曾用名与另一部门现用名相同）',
  'site.duplicate-short-name': '两个部门简称相同',
  'site.parent-missing': '上级部门不存在',
  'site.lineage-unknown': '前身部门或后继部门（predecessors / successors）不存在',
  // drafts (npm run new)
  'draft.todo': '草稿中仍有待填写之处（“待填写”标记或 draft 字段），不能发布',
};
