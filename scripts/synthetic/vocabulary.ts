/**
 * Words for synthetic disclosures: bureau types with the functional 款 of
 * their work, duties, key work, reasons for changes and project names.
 * Only the generator (scripts/generate.ts) uses this; it is test data.
 */

export interface BureauType {
  /** Folder-name part, e.g. yibao. */
  key: string;
  /** Full name suffix, e.g. 医疗保障局; the bureau is "<district><suffix>". */
  suffix: string;
  /** Short name suffix, e.g. 医保局. */
  short: string;
  /** The 款 of its administration (its 行政运行 / 一般行政管理事务 项 live here). */
  admin: string;
  /** Further 款 its projects come from. */
  programmes: string[];
  duties: string[];
  keyWork: string[];
}

export const BUREAU_TYPES: BureauType[] = [
  {
    key: 'yibao', suffix: '医疗保障局', short: '医保局', admin: '21015', programmes: ['21013'],
    duties: ['贯彻执行医疗保险、生育保险、医疗救助等医疗保障制度的法律法规和政策', '组织实施药品、医用耗材价格和医疗服务项目收费政策', '监督管理定点医药机构的医疗服务行为和医疗费用', '负责医疗保障信访投诉举报的办理工作'],
    keyWork: ['开展困难群众医疗救助工作', '常态化实施药品耗材集中带量采购', '严厉打击欺诈骗保行为', '推进 DRG 支付方式改革'],
  },
  {
    key: 'weijian', suffix: '卫生健康局', short: '卫健局', admin: '21001', programmes: ['21004', '21007'],
    duties: ['拟订卫生健康事业发展规划并组织实施', '负责疾病预防控制和突发公共卫生事件应急处置', '组织实施基本公共卫生服务项目', '负责计划生育管理和服务工作'],
    keyWork: ['做好重大传染病防控', '推进基本公共卫生服务均等化', '实施健康促进行动', '落实计划生育奖励扶助政策'],
  },
  {
    key: 'minzheng', suffix: '民政局', short: '民政局', admin: '20802', programmes: ['20810', '20819', '20820'],
    duties: ['贯彻执行社会救助政策，负责最低生活保障和特困人员救助供养工作', '负责养老服务体系建设和老年人福利工作', '负责社会组织登记和监督管理', '负责行政区划、地名和婚姻登记管理'],
    keyWork: ['兜牢基本民生保障底线', '推进居家社区养老服务', '规范社会组织管理', '做好临时救助工作'],
  },
  {
    key: 'renshe', suffix: '人力资源和社会保障局', short: '人社局', admin: '20801', programmes: ['20807'],
    duties: ['拟订人力资源和社会保障事业发展规划', '促进就业创业，组织实施职业技能培训', '统筹建立覆盖城乡的社会保障体系', '负责劳动保障监察和劳动人事争议调解仲裁'],
    keyWork: ['稳就业保就业', '开展职业技能提升行动', '扩大社会保险覆盖面', '根治欠薪'],
  },
  {
    key: 'tuiyi', suffix: '退役军人事务局', short: '退役军人局', admin: '20828', programmes: ['20808', '20809'],
    duties: ['贯彻落实退役军人思想政治、管理保障和安置工作政策', '负责军人抚恤优待工作', '组织开展退役军人教育培训和就业创业服务', '负责烈士纪念设施的保护和管理'],
    keyWork: ['落实优抚对象抚恤补助', '做好退役士兵安置', '开展退役军人就业创业服务', '维护烈士纪念设施'],
  },
  {
    key: 'fagai', suffix: '发展和改革局', short: '发改局', admin: '20104', programmes: [],
    duties: ['拟订并组织实施国民经济和社会发展规划', '统筹推进重大项目建设', '推进经济体制改革', '负责价格管理和粮食安全工作'],
    keyWork: ['编制年度国民经济和社会发展计划', '推进重大项目建设', '优化营商环境', '做好价格监测'],
  },
  {
    key: 'tongji', suffix: '统计局', short: '统计局', admin: '20105', programmes: [],
    duties: ['组织实施统计调查和普查', '收集、汇总、整理和提供统计数据', '对国民经济和社会发展情况进行统计分析', '监督检查统计法律法规的实施'],
    keyWork: ['完成经济普查工作', '提高统计数据质量', '开展统计执法检查', '做好统计信息发布'],
  },
  {
    key: 'caizheng', suffix: '财政局', short: '财政局', admin: '20106', programmes: [],
    duties: ['拟订财政发展规划和政策', '编制年度预决算草案并组织执行', '管理财政收支和国有资产', '推进预算绩效管理'],
    keyWork: ['深化预算管理制度改革', '全面实施预算绩效管理', '加强政府债务管理', '推进预决算公开'],
  },
  {
    key: 'ziran', suffix: '自然资源和规划局', short: '自然资源局', admin: '22001', programmes: [],
    duties: ['负责自然资源调查监测和确权登记', '负责国土空间规划编制和实施', '负责耕地保护和土地利用管理', '负责地质灾害防治'],
    keyWork: ['编制国土空间规划', '落实耕地保护责任', '推进不动产登记便利化', '做好地质灾害防治'],
  },
  {
    key: 'canlian', suffix: '残疾人联合会', short: '残联', admin: '20811', programmes: [],
    duties: ['维护残疾人合法权益', '组织开展残疾人康复、教育和就业服务', '落实残疾人两项补贴', '开展残疾人文化体育活动'],
    keyWork: ['开展残疾人精准康复服务', '落实残疾人两项补贴', '促进残疾人就业', '推进无障碍环境建设'],
  },
  {
    key: 'zhengxie', suffix: '政协办公室', short: '政协办', admin: '20102', programmes: [],
    duties: ['负责政协全体会议和常务委员会会议的组织服务', '组织委员视察和调研', '负责提案的征集、审查和督办', '负责文史资料的征集和编辑'],
    keyWork: ['组织政协全体会议', '开展专题协商', '做好提案办理督办', '开展委员履职培训'],
  },
  {
    key: 'renda', suffix: '人大常委会办公室', short: '人大办', admin: '20101', programmes: [],
    duties: ['负责人民代表大会及其常委会会议的组织服务', '组织开展执法检查和视察调研', '负责代表建议的交办和督办', '负责人大代表的联络服务'],
    keyWork: ['组织召开人民代表大会', '开展执法检查', '督办代表建议', '加强代表履职服务'],
  },
];

/** Syllables for synthetic district and city names (unique by construction). */
export const NAME_HEADS = ['东', '西', '南', '北', '江', '河', '湖', '山', '平', '安', '新', '长', '永', '清', '宁', '丰', '兴', '和', '泰', '华', '金', '石', '云', '青'];
export const NAME_TAILS = ['阳', '城', '川', '林', '源', '口', '陵', '州', '桥', '台', '岗', '湾', '坪', '溪', '岭', '塘'];
export const CITY_NAMES = ['临江', '云山', '青州', '宁远', '安平', '长丰', '永和', '新华', '金台', '清源', '石城', '泰山', '丰乐', '兴安', '华阳', '江陵', '河西', '湖东', '山南', '平川'];

export const CHANGE_REASONS = {
  up: ['人员增加及工资标准调整', '新增专项工作任务', '项目支出增加', '社会保险缴费基数调整', '上级追加专项资金'],
  down: ['厉行节约压减一般性支出', '部分项目完成后不再安排', '人员调出减少', '专项资金下达减少', '严格控制公用经费'],
};

export const PROJECT_OUTCOMES = [
  '保障了各项工作的正常开展',
  '按期完成年度目标任务，服务对象满意度达到 95% 以上',
  '资金拨付及时准确，政策覆盖率达到 100%',
  '有效提升了公共服务水平',
  '相关工作经验在全市推广',
];

export const INDICATORS: [string, string, string, string][] = [
  ['产出指标', '数量指标', '开展专项检查次数', '4次'],
  ['产出指标', '数量指标', '服务对象覆盖人数', '≥1000人'],
  ['产出指标', '质量指标', '资金拨付准确率', '100%'],
  ['产出指标', '时效指标', '资金拨付及时率', '100%'],
  ['成本指标', '经济成本指标', '资金支出控制数', '≤预算数'],
  ['效益指标', '社会效益指标', '政策知晓率', '≥90%'],
  ['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥95%'],
];

export const GENERAL_TERMS: { term: string; definition: string }[] = [
  { term: '财政拨款收入', definition: '指本级财政当年拨付的资金。' },
  { term: '基本支出', definition: '指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。' },
  { term: '项目支出', definition: '指在基本支出之外为完成特定行政任务或事业发展目标所发生的支出。' },
  { term: '“三公”经费', definition: '指部门用财政拨款安排的因公出国(境)费、公务用车购置及运行费和公务接待费。' },
  { term: '机关运行经费', definition: '指为保障行政单位运行用于购买货物和服务的各项资金，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费等。' },
];
