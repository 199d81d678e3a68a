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
import { formatFigure, type Figures } from './figures.ts';
import type { BureauYear } from './schema.ts';
import type { ContentError } from './load.ts';
import { referenceAnchor } from './findings.ts';
import { comparePublished, type Verdict } from './published.ts';

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
  /** Where it stands: the part and the headings above it, e.g. "第三部分 情况说明 / 一、收入支出决算总体情况说明". */
  part: string;
  /** The wording the document published, when the label gives one. */
  published?: string;
  /** The computed value as shown. */
  computed: string;
  /** Whether the published wording says something other than the computed value (any certainty, see published.ts). */
  differs: boolean;
  /** How it differs, when it does. */
  verdict?: Verdict;
  /** The id of its 数据核对 entry on the page (the note links there), when it differs. */
  anchor?: string;
  /** The prose just before the figure (to the previous figure), e.g. "，收、支总计增加 ". */
  before: string;
  /** The prose after it, up to the next completion rate in the paragraph (a statement like "决算数小于年初预算数"). */
  after: string;
  /** The unit printed right after the number ("万元", "元", "%"), when there is one. */
  unit?: string;
}

/** A paragraph (or list, table) of the prose as published, for the audit's text rules (dates). */
export interface Passage {
  line: number;
  section: SectionKey;
  part: string;
  /** Plain text with each figure's published label in place. */
  text: string;
}

export interface RenderedNarrative {
  sections: Section[];
  references: FigureReference[];
  passages: Passage[];
  errors: ContentError[];
}

/** The part of the disclosure a narrative section belongs to, as the template numbers it. */
export function partOfSection(key: SectionKey, template: BureauYear['template']): string {
  const jiangxi = template === 'jiangxi';
  switch (key) {
    case 'functions':
    case 'units':
    case 'staff':
      return '第一部分 概况';
    case 'explanation':
      return '第三部分 情况说明';
    case 'keyWork':
      return jiangxi ? '重点工作完成情况' : '第四部分 重点工作完成情况';
    case 'annex':
      return jiangxi ? '第五部分 附件' : '第六部分 附件';
  }
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

export interface RenderOptions {
  /**
   * false: resolve the figure references, passages and errors but make no HTML
   * (every section's blocks are empty). The checker needs no HTML, and turning
   * Markdown into sanitised HTML is a third of the narrative's cost.
   */
  html?: boolean;
}

/** Render the narrative of a bureau-year with its figures. Never throws on bad input: problems come back as errors. */
export function renderNarrative(
  markdown: string,
  figures: Figures,
  data: Pick<BureauYear, 'template'>,
  file: string,
  options: RenderOptions = {},
): RenderedNarrative {
  try {
    return render(markdown, figures, data, file, options.html ?? true);
  } catch (error) {
    // Thousands of nested quotes or list levels overflow the Markdown parser's stack.
    if (!(error instanceof RangeError)) throw error;
    const message = '文字的结构嵌套过深（引用 > 或列表的层级过多），无法处理 / the Markdown nests too deeply';
    return { sections: [], references: [], passages: [], errors: [{ file, line: 1, field: '', message }] };
  }
}

function render(markdown: string, figures: Figures, data: Pick<BureauYear, 'template'>, file: string, html: boolean): RenderedNarrative {
  const errors: ContentError[] = [];
  const references: FigureReference[] = [];
  const passages: Passage[] = [];
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
    const trail: string[] = [];
    const basePart = partOfSection(section.key, data.template);
    for (let i = 0; i < root.children.length; i++) {
      const top = root.children[i]!;
      if (top.type === 'heading') {
        trail.splice(Math.max(0, top.depth - 2));
        trail[top.depth - 2] = toString(top).trim().replace(/[：:。]+$/, '');
      }
      const part = [basePart, ...trail.filter(Boolean)].join(' / ');
      const text = top.type === 'heading' ? '' : toString(top).trim();
      if (text) passages.push({ line: top.position?.start.line ?? 1, section: section.key, part, text });
      // Visit the node inside a one-child root so a directive standing alone can be replaced too.
      const holder: Root = { type: 'root', children: [top] };
      visit(holder, (node, index, parent) => resolve(node, index, parent, part));
      root.children[i] = holder.children[0]!;
    }

    function resolve(node: Root | RootContent, index: number | undefined, parent: { children: unknown[] } | undefined, part: string) {
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
        const siblings = parent.children as PhrasingContent[];
        const { before, after } = surroundings(siblings, index);
        const unit = /^\s*(万元|亿元|元|%)/.exec(after)?.[1];
        const computed = formatFigure(figure, data);
        const verdict = published !== undefined ? (comparePublished(published, figure, figures, unit) ?? undefined) : undefined;
        const differs = verdict !== undefined;
        const anchor = differs ? referenceAnchor(line, name) : undefined;
        references.push({
          name,
          line,
          section: section.key,
          part,
          ...(published !== undefined ? { published } : {}),
          computed,
          differs,
          ...(verdict ? { verdict } : {}),
          ...(anchor ? { anchor } : {}),
          before,
          after,
          ...(unit ? { unit } : {}),
        });
        const children: PhrasingContent[] = [{ type: 'text', value: computed }];
        if (differs) {
          const wording = verdict.kind === 'unit' ? `${published} ${unit}` : published;
          // The note is text (not colour alone) and a link to the finding in 数据核对: reachable by keyboard and read by screen readers.
          children.push({
            type: 'emphasis',
            data: { hName: 'span', hProperties: { className: ['fig-note'] } },
            children: [
              { type: 'text', value: '（' },
              { type: 'link', url: `#${anchor}`, children: [{ type: 'text', value: `原文为“${wording}”` }] },
              { type: 'text', value: '）' },
            ],
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
    }

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
    if (!html) {
      result.push({ key: section.key, title: section.title, blocks, headings });
      continue;
    }
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
  return { sections: result, references, passages, errors };
}

const htmlProcessor = unified().use(remarkRehype).use(rehypeSanitize, sanitizeSchema).use(rehypeStringify);

function toHtml(root: Root): string {
  const hast = htmlProcessor.runSync(root) as HastRoot;
  return htmlProcessor.stringify(hast);
}

/** A figure reference, before or after it was resolved into its rendered span. */
const isFig = (n: PhrasingContent): boolean =>
  (n.type === 'textDirective' && n.name === 'fig') ||
  (n.type === 'emphasis' && (n.data as { hProperties?: { dataFig?: string } } | undefined)?.hProperties?.dataFig !== undefined);
const isRate = (n: PhrasingContent): boolean =>
  isFig(n) && /\.(completion|rate)$/.test((n as { attributes?: { name?: string | null } | null }).attributes?.name ?? '');

/**
 * The prose around a figure in its paragraph: before it back to the previous
 * figure, and after it up to the next completion rate (so a rate's own
 * statement, "决算数小于年初预算数的主要原因", is in its `after`).
 */
function surroundings(siblings: PhrasingContent[], index: number): { before: string; after: string } {
  let before = '';
  for (let i = index - 1; i >= 0 && !isFig(siblings[i]!); i--) before = toString(siblings[i]!) + before;
  let after = '';
  for (let i = index + 1; i < siblings.length && !isRate(siblings[i]!); i++) after += toString(siblings[i]!);
  return { before, after };
}
