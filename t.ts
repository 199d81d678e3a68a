import { renderNarrative, narrativeFindings } from './src/core/narrative.ts';
import { computeFigures } from './src/core/figures.ts';
import { bureauYearSchema } from './src/core/schema.ts';
const data = bureauYearSchema.parse({ year: '2023', asOf: '2023-12-31', template: 'wuhan', source: { title: 't' }, scope: { kind: '本级', units: ['a'] },
  tables: { t01: { lines: { '1': '1234.07', '27': '1234.07', '30': '1234.07', '57': '1234.07', '60': '1234.07' } } },
  prior: { year: '2022', grandTotal: '1183.81' } });
const figs = computeFigures(data);
const md = `# 部门主要职责
注:这是 10:30 的会议 http://x.y/z 以及 a:b[c]{d} 文本 <script>alert(1)</script>

# 情况说明
## 一、收入支出决算总体情况说明
收、支总计 :fig[1234.07]{name=grandTotal} 万元，增加 :fig[50.26]{name=grandTotal.change} 万元，增长 :fig[4.3%]{name=grandTotal.changePct}。:fig[x]{name=nope}

::chart{n=1}

后文
`;
const r = renderNarrative(md, figs, data, 'narrative.md');
console.log(JSON.stringify(r, null, 1));
console.log(narrativeFindings(r, figs, 'b/2023', 'narrative.md', data));
