/**
 * The narrative Markdown of a bureau-year, rendered with its computed figures.
 *
 * A person writes the prose; numbers are references to computed figures:
 *
 *     收、支总计 :fig[1234.07]{name=grandTotal} 万元，增长 :fig[4.2%]{name=grandTotal.changePct}
 *
 * The label in brackets is the wording the document published (optional).
 * The page shows the computed value; where the published wording says
 * something else, a visible note keeps it and the checker reports it.
 * `::chart{n=1}` places 图1–图4. An unknown figure name is an error with file
 * and line, and so is raw HTML (the sanitiser also drops it from the page). Any other "directive" is ordinary text that happened to contain a
 * colon (注:…, 10:30, http://…) and is restored exactly as written.
 *
 * Rendering is a pure function of (Markdown, figures), so a change to the YAML
 * alone changes the rendered narrative: nothing is cached per .md file.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { visit, SKIP } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import GithubSlugger from 'github-slugger';
import type { Root, RootContent, PhrasingContent, Heading } from 'mdast';
import type { Root as HastRoot } from 'hast';
import { D, round, formatPercent } from './money.ts';
import { formatFigure, percentDecimals, type Figure, type Figures } from './figures.ts';
import type { BureauYear } from './schema.ts';
import type { ContentError } from './load.ts';
import type { Finding } from './findings.ts';

/** The narrative's top-level headings and the part of the disclosure each belongs to. */
export const NARRATIVE_SECTIONS = {
  部门主要职责: 'functions',
  机构设置: 'units',
  人员构成: 'staff',
  情况说明: 'explanation',
  重点工作完成情况: 'keyWork',
  附件说明: 'annex',
} as const;
export type SectionKey = (typeof NARRATIVE_SECTIONS)[keyof typeof NARRATIVE_SECTIONS];

export type Block = { kind: 'html'; html: string } | { kind: 'chart'; n: number };

export interface Section {
  key: SectionKey;
  title: string;
  blocks: Block[];
  /** Sub-headings (## in the Markdown) with their anchors, for the table of contents. */
  headings: { id: string; text: string }[];
}

/** One figure reference in the prose. */
export interface FigureReference {
  name: string;
  line: number;
  section: SectionKey | null;
  /** The wording the document published, when the label gives one. */
  published?: string;
  /** The computed value as shown. */
  computed: string;
  /** Whether the published wording disagrees with the computed value beyond the rounding allowance. */
  differs: boolean;
}

export interface RenderedNarrative {
  sections: Section[];
  references: FigureReference[];
  errors: ContentError[];
}

const FIG_CLASSES = ['fig', 'fig-differs', 'fig-note', 'fig-unknown'];
const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: '',
  attributes: {
    ...defaultSchema.attributes,
    span: [...(defaultSchema.attributes?.span ?? []), ['className', ...FIG_CLASSES], 'dataFig', 'dataPublished'],
  },
};

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

/**
 * Compare a published label with the computed figure.
 * Amounts: may differ by at most 0.01 万元 (尾数误差).
 * Percents: compared at the published number of decimals, allowing one unit
 * in the last printed digit (a one-digit rounding allowance).
 * Text (增加/减少/持平): must match.
 */
export function publishedDiffers(published: string, figure: Figure, figures: Figures): boolean {
  if (figure.kind === 'text') return figure.text !== undefined && published.trim() !== figure.text;
  const m = /^\s*(-?[\d,]*\.?\d+)\s*(%|万元)?\s*$/.exec(published);
  if (!m) return false; // words, not a number: nothing to compare
  const value = new D(m[1]!.replaceAll(',', ''));
  if (figure.value === null) {
    // A rate on a zero base has no value ("—"); printing a number for it is a mistake.
    // With an unknown input there is nothing to compare.
    return hasZeroBase(figure, figures);
  }
  const decimals = (m[1]!.split('.')[1] ?? '').length;
  if (figure.kind === 'percent') {
    const unit = new D(1).div(new D(10).pow(decimals));
    return value.minus(round(figure.value, decimals)).abs().greaterThan(unit);
  }
  return value.minus(figure.value).abs().greaterThan(new D('0.01'));
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

/** Render the narrative of a bureau-year with its figures. Never throws on bad input: problems come back as errors. */
export function renderNarrative(
  markdown: string,
  figures: Figures,
  data: Pick<BureauYear, 'template'>,
  file: string,
): RenderedNarrative {
  try {
    return render(markdown, figures, data, file);
  } catch (error) {
    // Thousands of nested quotes or list levels overflow the Markdown parser's stack.
    if (!(error instanceof RangeError)) throw error;
    const message = '文字的结构嵌套过深（引用 > 或列表的层级过多），无法处理 / the Markdown nests too deeply';
    return { sections: [], references: [], errors: [{ file, line: 1, field: '', message }] };
  }
}

function render(markdown: string, figures: Figures, data: Pick<BureauYear, 'template'>, file: string): RenderedNarrative {
  const errors: ContentError[] = [];
  const references: FigureReference[] = [];
  const tree = parser.parse(markdown) as Root;

  // 1. Split into sections by the top-level headings.
  const sections: { key: SectionKey; title: string; nodes: RootContent[] }[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 1) {
      const title = toString(node).trim();
      const key = (NARRATIVE_SECTIONS as Record<string, SectionKey>)[title];
      if (!key) {
        errors.push({
          file,
          line: node.position?.start.line ?? 1,
          field: '',
          message: `未知的一级标题"${title}"，应为：${Object.keys(NARRATIVE_SECTIONS).join('、')} / unknown top-level heading`,
        });
        continue;
      }
      sections.push({ key, title, nodes: [] });
      continue;
    }
    const current = sections.at(-1);
    if (!current) {
      if (node.type !== 'html' || !/^<!--/.test(node.value)) {
        errors.push({ file, line: node.position?.start.line ?? 1, field: '', message: '正文应放在一级标题（如 "# 部门主要职责"）之下 / text must come under a top-level heading' });
      }
      continue;
    }
    current.nodes.push(node);
  }

  // 2. Resolve directives in each section.
  const slugger = new GithubSlugger();
  const result: Section[] = [];
  for (const section of sections) {
    const root: Root = { type: 'root', children: section.nodes };
    visit(root, (node, index, parent) => {
      if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return;
      if (index === undefined || !parent) return;
      const line = node.position?.start.line ?? 1;
      if (node.type === 'textDirective' && node.name === 'fig') {
        const name = node.attributes?.name ?? '';
        const published = toString(node).trim() || undefined;
        const figure = figures.get(name);
        if (!figure) {
          errors.push({
            file,
            line,
            field: name,
            message: `未知的数据名称"${name}"（见 README 的数据名称表）/ unknown figure name "${name}"`,
          });
          parent.children.splice(index, 1, { type: 'text', value: published ?? '' } as PhrasingContent);
          return SKIP;
        }
        const computed = formatFigure(figure, data);
        const differs = published !== undefined && publishedDiffers(published, figure, figures);
        references.push({ name, line, section: section.key, ...(published !== undefined ? { published } : {}), computed, differs });
        const children: PhrasingContent[] = [{ type: 'text', value: computed }];
        if (differs) {
          children.push({
            type: 'emphasis',
            data: { hName: 'span', hProperties: { className: ['fig-note'] } },
            children: [{ type: 'text', value: `（原文为“${published}”）` }],
          });
        }
        parent.children.splice(index, 1, {
          type: 'emphasis',
          data: {
            hName: 'span',
            hProperties: {
              className: differs ? ['fig', 'fig-differs'] : ['fig'],
              dataFig: name,
              ...(published !== undefined ? { dataPublished: published } : {}),
            },
          },
          children,
        } as PhrasingContent);
        return SKIP;
      }
      if (node.type === 'leafDirective' && node.name === 'chart') {
        const n = Number(node.attributes?.n);
        if (![1, 2, 3, 4].includes(n)) {
          errors.push({ file, line, field: 'chart', message: '图表编号应为 1–4：::chart{n=1} / chart number must be 1–4' });
        }
        return; // split below
      }
      // Not one of ours: ordinary text with a colon. Put the source back as written.
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      const source = start !== undefined && end !== undefined ? markdown.slice(start, end) : toString(node);
      const replacement =
        node.type === 'textDirective'
          ? ({ type: 'text', value: source } as PhrasingContent)
          : ({ type: 'paragraph', children: [{ type: 'text', value: source }] } as RootContent);
      parent.children.splice(index, 1, replacement as never);
      return SKIP;
    });

    // Raw HTML is refused (the sanitiser would drop it from the page anyway): what is published is what the Markdown says.
    visit(root, 'html', (node) => {
      if (/^<!--[\s\S]*-->$/.test(node.value.trim())) return;
      const tag = /^<\/?[A-Za-z][\w-]*/.exec(node.value.trim())?.[0] ?? node.value.trim().slice(0, 20);
      errors.push({
        file,
        line: node.position?.start.line ?? 1,
        field: '',
        message: `不支持 HTML（${tag}>）：网页不会显示它，请用 Markdown 书写（**加粗**、空一行分段）/ raw HTML is not allowed in the narrative`,
      });
    });

    // Headings under a part become h3 (the page's parts are h2) with stable ids.
    const headings: { id: string; text: string }[] = [];
    visit(root, 'heading', (h: Heading) => {
      const text = toString(h).trim();
      const id = `${section.key}-${slugger.slug(text)}`;
      h.depth = Math.min(6, h.depth + 1) as Heading['depth'];
      h.data = { ...h.data, hProperties: { id } };
      if (h.depth === 3) headings.push({ id, text });
    });

    // 3. Split at chart markers and render each run to sanitised HTML.
    const blocks: Block[] = [];
    let run: RootContent[] = [];
    const flush = () => {
      if (run.length) blocks.push({ kind: 'html', html: toHtml({ type: 'root', children: run }) });
      run = [];
    };
    for (const node of root.children) {
      if (node.type === 'leafDirective' && node.name === 'chart') {
        flush();
        const n = Number(node.attributes?.n);
        if ([1, 2, 3, 4].includes(n)) blocks.push({ kind: 'chart', n });
      } else {
        run.push(node);
      }
    }
    flush();
    result.push({ key: section.key, title: section.title, blocks, headings });
  }
  return { sections: result, references, errors };
}

const htmlProcessor = unified().use(remarkRehype).use(rehypeSanitize, sanitizeSchema).use(rehypeStringify);

function toHtml(root: Root): string {
  const hast = htmlProcessor.runSync(root) as HastRoot;
  return htmlProcessor.stringify(hast);
}

/** Findings for published figures that disagree with the computed ones. */
export function narrativeFindings(
  rendered: RenderedNarrative,
  figures: Figures,
  bureauYear: string,
  file: string,
  data: Pick<BureauYear, 'template'>,
): Finding[] {
  const out: Finding[] = [];
  for (const ref of rendered.references) {
    if (!ref.differs || ref.published === undefined) continue;
    const figure = figures.get(ref.name)!;
    // Show the computed value at least as precisely as the published one (原文 0.64% vs 计算 0.6% would hide the point).
    const printed = /\.(\d+)/.exec(ref.published)?.[1]?.length ?? 0;
    const computed =
      figure.kind === 'percent' && figure.value !== null
        ? formatPercent(figure.value, Math.max(printed, percentDecimals(data), 2))
        : ref.computed;
    const values: Record<string, string> = { 原文: ref.published, 计算值: computed };
    const inputs: string[] = [];
    for (const input of figure.inputs) {
      const f = figures.get(input);
      if (!f) continue;
      values[f.label] = formatFigure(f, data);
      inputs.push(`${f.label} ${formatFigure(f, data)}`);
    }
    const how = inputs.length ? `，按${inputs.join('、')} 计算` : '';
    const noBase = hasZeroBase(figure, figures);
    out.push({
      severity: 'warning',
      rule: noBase ? 'narrative.no-base' : 'narrative.published-differs',
      bureauYear,
      file,
      line: ref.line,
      field: ref.name,
      values,
      message: noBase
        ? `原文"${ref.published}"：${figure.label}的基数为零或未知，比率无意义，应写"—"`
        : `原文"${ref.published}"${how}，${figure.label}应为 ${computed}`,
    });
  }
  return out;
}

