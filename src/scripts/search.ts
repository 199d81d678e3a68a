/**
 * Starts Pagefind's UI on the search page. The indexing step writes one index
 * per year, in parts (pagefind/<year>/<n>/), the UI files and years.json into pagefind/; all
 * are loaded from the site itself, under the base path, never from another
 * origin. The reader searches the newest year by default, or chooses a year or
 * 全部年度 (every year's index merged in the browser); the choice and the term
 * are kept in the address (?year=2023&q=…) so a link reproduces the search;
 * choosing another year opens the page again with that address (one UI per
 * page: Pagefind's UI and its pagefind.js module are not made to be swapped).
 * Other sites of a portal (site.yaml `portal`) add their index of the same year.
 */
import { bureauUrlOf, namedBureaus } from './named-bureaus.ts';
import { ALL_YEARS, bundlesFor, chosenYear, parseManifest, searchHref, yearsOf, YEARS_FILE, type Bundle, type SearchSite } from './search-years.ts';

interface PagefindUIOptions extends Bundle {
  element: string;
  showSubResults: boolean;
  showImages: boolean;
  resetStyles: boolean;
  autofocus: boolean;
  pageSize: number;
  /** Milliseconds after an input event before searching. */
  debounceTimeoutMs: number;
  /** The other indexes searched together with the primary one (Pagefind multisite search). */
  mergeIndex: Bundle[];
  /** Called with the term before each search: keeps the address up to date. */
  processTerm: (term: string) => string;
  /** Texts replacing the UI's own (its Chinese follows <html lang>). */
  translations: Record<string, string>;
}
interface PagefindUIInstance {
  triggerSearch(term: string): void;
}
declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => PagefindUIInstance;
  }
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`cannot load ${src}`));
    document.head.append(script);
  });
}

/** A site's years and their index parts, from its pagefind/years.json. */
async function siteYears(bundle: string): Promise<SearchSite> {
  const response = await fetch(`${bundle}${YEARS_FILE}`);
  if (!response.ok) throw new Error(`${bundle}${YEARS_FILE}: ${response.status}`);
  return { bundle, ...parseManifest(await response.json()) };
}

function showFallback(fallback: HTMLElement | null, message: string): void {
  if (!fallback) return;
  fallback.hidden = false;
  fallback.querySelector('p')!.textContent = message;
}

interface PagefindResult {
  data(): Promise<{ url: string; meta: { title?: string } }>;
}
interface PagefindModule {
  search(term: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
  preload(term: string): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/**
 * Pagefind's pagefind.js as the UI imported it (same address, so the same
 * module instance, worker and index).
 */
const engine = (bundlePath: string): Promise<PagefindModule> => import(/* @vite-ignore */ `${bundlePath}pagefind.js`);

/**
 * Once the UI has loaded the search engine and the filters, run one search
 * for every page (no term, no download) in Pagefind's worker, so that the
 * engine's code is compiled and warm before the reader's first term: on a year
 * of 3,000 pages that first search is then ≈ 100 ms faster.
 */
function warmUp(root: HTMLElement, bundlePath: string): void {
  const run = () => {
    observer.disconnect();
    void engine(bundlePath)
      .then((pagefind) => pagefind.search(null))
      .catch(() => undefined);
  };
  const observer = new MutationObserver(() => {
    if (root.querySelector('.pagefind-ui__filter-block')) run();
  });
  observer.observe(root, { childList: true, subtree: true });
}

/**
 * Links, at the top of the results, the bureaus the term names
 * (named-bureaus.ts): each one's page and its page of the year searched,
 * found with the 部门 filter and no term (no part of the index to fetch: the
 * filters are loaded as the page opens). Pagefind's worker answers in order,
 * so this comes after the reader's search and never delays it. The box moves
 * into the UI's results area, which the UI makes again after the field was
 * cleared. Returns the function to call with each term searched.
 */
function namedBureauLinks(root: HTMLElement, box: HTMLElement, bundlePath: string): (term: string) => void {
  let names: Promise<string[]> | undefined;
  let latest = '';
  return (term) => {
    latest = term;
    void (async () => {
      const pagefind = await engine(bundlePath);
      names ??= pagefind.filters().then((filters) => Object.keys(filters['部门'] ?? {}));
      const named = namedBureaus(term, await names);
      const links = await Promise.all(
        named.map(async (name) => {
          const page = await (await pagefind.search(null, { filters: { 部门: name } })).results[0]?.data();
          if (!page) return [];
          const bureau = Object.assign(document.createElement('a'), { href: bureauUrlOf(page.url), textContent: name });
          const title = page.meta.title ?? page.url;
          const year = Object.assign(document.createElement('a'), { href: page.url, textContent: title.startsWith(name) ? title.slice(name.length).trim() : title });
          const item = document.createElement('li');
          item.append(bureau, '（', year, '）');
          return [item];
        }),
      );
      if (term !== latest) return;
      const items = links.flat();
      box.querySelector('ul')!.replaceChildren(...items);
      box.hidden = items.length === 0;
      const area = root.querySelector('.pagefind-ui__results-area');
      if (area && box.parentElement !== area) area.prepend(box);
    })().catch(() => undefined);
  };
}

/** Milliseconds without a key before what was typed key by key is searched. */
const KEY_PAUSE_MS = 100;

/**
 * Decides when the term is searched. Pagefind's UI searches on every input
 * event that reaches its field (its own delay is off); this listener, on the
 * UI's root in the capture phase, holds the events back and passes one on:
 * - never while an input method is composing: the pinyin "sangong" is not a term;
 * - at once when the input method commits (Chinese comes a word at a time:
 *   the reader has finished typing that word, there is nothing to wait for);
 * - KEY_PAUSE_MS after the last key otherwise (digits, Latin letters,
 *   deletions), fetching the term's part of the index meanwhile.
 */
function searchWhenTyped(root: HTMLElement, input: HTMLInputElement, bundlePath: string): void {
  let composing = false;
  let passing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pass = () => {
    clearTimeout(timer);
    passing = true;
    try {
      input.dispatchEvent(new Event('input', { bubbles: true }));
    } finally {
      passing = false;
    }
  };
  const capture = { capture: true };
  root.addEventListener(
    'input',
    (event) => {
      if (passing || event.target !== input) return;
      event.stopPropagation();
      clearTimeout(timer);
      if (composing || (event as InputEvent).isComposing) return;
      const term = input.value.trim();
      if (term) void engine(bundlePath).then((pagefind) => pagefind.preload(term)).catch(() => undefined);
      timer = setTimeout(pass, KEY_PAUSE_MS);
    },
    capture,
  );
  root.addEventListener('compositionstart', () => ((composing = true), clearTimeout(timer)), capture);
  root.addEventListener('compositionend', () => ((composing = false), pass()), capture);
}

async function start(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-search]');
  const fallback = document.querySelector<HTMLElement>('[data-search-fallback]');
  const field = document.querySelector<HTMLFormElement>('[data-search-year-field]');
  const select = document.querySelector<HTMLSelectElement>('[data-search-year]');
  if (!root || !field || !select) return;
  const bundle = root.dataset.bundle ?? '/pagefind/';
  try {
    const own = await siteYears(bundle);
    // A portal site whose index cannot be read is left out; this site's search still works.
    const others = await Promise.allSettled((JSON.parse(root.dataset.merge ?? '[]') as string[]).map(siteYears));
    const sites = [own, ...others.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))];
    await loadScript(`${bundle}pagefind-ui.js`);
    if (!window.PagefindUI) throw new Error('PagefindUI missing');
    const PagefindUI = window.PagefindUI;

    const years = yearsOf(sites);
    const params = new URLSearchParams(window.location.search);
    const year = chosenYear(params.get('year'), years);
    select.replaceChildren(...years.map((y) => new Option(`${y} 年度`, y)), new Option('全部年度', ALL_YEARS));
    select.value = year;

    const [primary, ...merged] = bundlesFor(year, sites);
    const namedBox = document.querySelector<HTMLElement>('[data-search-named]');
    const linkNamed = namedBox ? namedBureauLinks(root, namedBox, primary!.bundlePath) : () => undefined;
    const ui = new window.PagefindUI({
      element: '#search',
      ...primary!,
      mergeIndex: merged,
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      autofocus: true,
      pageSize: 10,
      // searchWhenTyped decides when to search (Pagefind's own delay is 300 ms after every input event).
      debounceTimeoutMs: 0,
      // One year searched and nothing found: point at the other years.
      translations: year === ALL_YEARS ? {} : { zero_results: `${year} 年度未找到“[SEARCH_TERM]”的相关结果，可在上方选择其他年度或“全部年度”` },
      processTerm: (term) => {
        // The address is updated after this task, while the search runs in Pagefind's worker (it costs ~20 ms).
        setTimeout(() => {
          window.history.replaceState(null, '', searchHref(window.location.pathname, year, term));
          linkNamed(term);
        });
        return term;
      },
    });
    const input = root.querySelector<HTMLInputElement>('input[type="text"], input[type="search"]');
    // The UI's input only has a placeholder; give it a name screen readers announce.
    input?.setAttribute('aria-label', '搜索决算公开内容');
    if (input) searchWhenTyped(root, input, primary!.bundlePath);
    // Load the search engine and the index's entry now, not when the first term is typed: the UI loads them on the
    // input's focus event, which its autofocus does not always raise.
    input?.dispatchEvent(new FocusEvent('focus'));
    field.hidden = false;
    if (fallback) fallback.hidden = true;
    const q = params.get('q');
    if (q) {
      ui.triggerSearch(q);
      const header = document.querySelector<HTMLInputElement>('#site-search-q');
      if (header) header.value = q;
    } else {
      warmUp(root, primary!.bundlePath);
    }

    // Another year (the menu's 切换 button submits the form): the page opens again with ?year=…&q=…, the term typed so far.
    field.addEventListener('submit', () => {
      const term = field.querySelector<HTMLInputElement>('input[name="q"]')!;
      term.value = input?.value.trim() ?? '';
      term.disabled = term.value === '';
    });
  } catch {
    showFallback(fallback, '搜索索引暂不可用。可以从首页按地区和年度查找各部门决算。');
  }
}

void start();
export {};
