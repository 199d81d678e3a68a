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
import { askedBureau, BUREAUS_FILE, namedBureaus, namesOf, parseBureaus, type Names, type SearchBureau } from './named-bureaus.ts';
import { ALL_YEARS, bundlesFor, chosenYear, parseManifest, searchHref, siteBaseOf, yearsChosen, yearsOf, YEARS_FILE, type Bundle, type SearchSite } from './search-years.ts';

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
declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => object;
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

/** The JSON file at `address`, read by `parse` (which throws on a file not as expected). */
async function readJson<T>(address: string, parse: (json: unknown) => T): Promise<T> {
  const response = await fetch(address);
  if (!response.ok) throw new Error(`${address}: ${response.status}`);
  return parse(await response.json());
}

/** A site's years and their index parts, from its pagefind/years.json. */
const siteYears = async (bundle: string): Promise<SearchSite> => ({ bundle, ...(await readJson(`${bundle}${YEARS_FILE}`, parseManifest)) });

/** A site's bureaus, from its search/bureaus.json. */
const siteBureaus = (base: string): Promise<SearchBureau[]> => readJson(`${base}${BUREAUS_FILE}`, parseBureaus);

function showFallback(fallback: HTMLElement | null, message: string): void {
  if (!fallback) return;
  fallback.hidden = false;
  fallback.querySelector('p')!.textContent = message;
}

interface PagefindModule {
  search(term: string | null): Promise<unknown>;
  preload(term: string): Promise<void>;
}

/**
 * Pagefind's pagefind.js as the UI imported it (same address, so the same
 * module instance, worker and index).
 */
const engine = (bundlePath: string): Promise<PagefindModule> => import(/* @vite-ignore */ `${bundlePath}pagefind.js`);

/** Resolves once the UI has loaded the search engine and the filters (it draws their block, hidden until a search). */
function filtersLoaded(root: HTMLElement): Promise<void> {
  return new Promise((resolve) => {
    const loaded = () => root.querySelector('.pagefind-ui__filter-block') !== null;
    if (loaded()) return resolve();
    const observer = new MutationObserver(() => {
      if (!loaded()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}

/**
 * Once the filters are loaded, run one search for every page (no term, no
 * download) in Pagefind's worker, so that the engine's code is compiled and
 * warm before the reader's first term: on a year of 3,000 pages that first
 * search is then ≈ 100 ms faster.
 */
function warmUp(root: HTMLElement, bundlePath: string): void {
  void filtersLoaded(root)
    .then(() => engine(bundlePath))
    .then((pagefind) => pagefind.search(null))
    .catch(() => undefined);
}

/** How long a search given in the address (?q=) waits for the bureaus' names before it is searched as text anyway. */
const NAMES_WAIT_MS = 3000;

/** The 部门 box (namedBox). */
interface NamedBox {
  /** The bureau the term asks for by name alone (askedBureau); none until the names are loaded. */
  asked(term: string): SearchBureau | undefined;
  /** Resolves when the names are loaded, or after NAMES_WAIT_MS. */
  ready: Promise<void>;
  /** For a term Pagefind searches as text: links the bureaus it names at the top of the results. */
  link(term: string): void;
  /** For a term asking for a bureau: the box alone answers with it; its button calls `searchText`. */
  answer(term: string, bureau: SearchBureau, searchText: () => void): void;
  /** Leaves the answer: what is typed next is searched as text. */
  leave(): void;
}

/**
 * The 部门 box: the bureaus a term names (named-bureaus.ts), from the sites'
 * lists of their bureaus (BUREAUS_FILE, loaded as the page opens), each linked
 * with its pages of the year(s) searched. Nothing of the index is downloaded.
 * - A term searched as text that has a bureau's name, or four characters of
 *   one, in it: the box links the bureaus at the top of Pagefind's results.
 * - A term that is nothing but a bureau's name (its full name, or the name
 *   without its city) asks for that bureau: the box alone answers, with each of
 *   its pages, and Pagefind's results are hidden.
 *   Searched as text, the name's words (市, 区, 医疗, 保障, 局) are on most pages:
 *   at 3,000 bureaus a year that downloads ≈ 500 KB of index and ranks the
 *   bureau's own page fifth of eight. The box's button searches the text after all.
 */
function namedBox(root: HTMLElement, box: HTMLElement, sites: readonly SearchSite[], year: string, keepAddress: (term: string) => void): NamedBox {
  let names: Names = namesOf([]);
  const ready = Promise.race([
    // A site whose list cannot be read is left out: its bureaus are searched as text.
    Promise.allSettled(sites.map((site) => siteBureaus(siteBaseOf(site.bundle)))).then((lists) => {
      names = namesOf(lists.flatMap((list) => (list.status === 'fulfilled' ? list.value : [])));
    }),
    new Promise<void>((resolve) => setTimeout(resolve, NAMES_WAIT_MS)),
  ]);
  const list = box.querySelector('ul')!;
  const only = box.querySelector<HTMLElement>('[data-search-named-only]')!;
  const textButton = only.querySelector('button')!;
  const status = document.querySelector<HTMLElement>('[data-search-named-status]')!;
  let searchText = () => {};
  textButton.addEventListener('click', () => searchText());

  /** A list item: the bureau linked, with its newest page (`allPages`: every page, newest first) of the years searched. */
  const item = (bureau: SearchBureau, allPages: boolean): HTMLLIElement => {
    const years = yearsChosen(year, bureau.years);
    const li = document.createElement('li');
    li.append(Object.assign(document.createElement('a'), { href: bureau.url, textContent: bureau.name }), '（');
    if (years.length === 0) li.append(`${year} 年度无决算，其他年度见部门页面`);
    (allPages ? years : years.slice(0, 1)).forEach((y, i) => {
      if (i > 0) li.append('、');
      li.append(Object.assign(document.createElement('a'), { href: `${bureau.url}${y}/`, textContent: `${y} 年度部门决算` }));
    });
    li.append('）');
    return li;
  };

  return {
    asked: (term) => askedBureau(term, names),
    ready,
    link(term) {
      const shown = namedBureaus(term, names).map((bureau) => item(bureau, false));
      list.replaceChildren(...shown);
      box.hidden = shown.length === 0;
      const area = root.querySelector('.pagefind-ui__results-area');
      if (area && box.parentElement !== area) area.prepend(box);
    },
    answer(term, bureau, text) {
      searchText = text;
      keepAddress(term);
      list.replaceChildren(item(bureau, true));
      root.classList.add('search-named-only');
      root.after(box);
      only.hidden = false;
      box.hidden = false;
      status.textContent = `部门：${bureau.name}，${yearsChosen(year, bureau.years).length > 0 ? '已列出该部门及其决算' : `${year} 年度无其决算`}`;
    },
    leave() {
      root.classList.remove('search-named-only');
      only.hidden = true;
      box.hidden = true;
      status.textContent = '';
    },
  };
}

/** Milliseconds without a key before what was typed key by key is searched. */
const KEY_PAUSE_MS = 100;

/**
 * Decides when and how the term is searched. Pagefind's UI searches on every
 * input event that reaches its field (its own delay is off); this listener, on
 * the UI's root in the capture phase, holds the events back and passes one on:
 * - never while an input method is composing: the pinyin "sangong" is not a term;
 * - at once when the input method commits (Chinese comes a word at a time:
 *   the reader has finished typing that word, there is nothing to wait for);
 * - KEY_PAUSE_MS after the last key otherwise (digits, Latin letters,
 *   deletions), fetching the term's part of the index meanwhile.
 * A term that asks for a bureau by its name is not passed on: the 部门 box answers it (namedBox).
 * Returns the function that searches what the field holds now.
 */
function searchWhenTyped(root: HTMLElement, input: HTMLInputElement, bundlePath: string, named: NamedBox): () => void {
  let composing = false;
  let passing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pass = (asText = false) => {
    clearTimeout(timer);
    const term = input.value.trim();
    const asked = asText ? undefined : named.asked(term);
    if (asked) return named.answer(term, asked, () => pass(true));
    named.leave();
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
      if (term && !named.asked(term)) void engine(bundlePath).then((pagefind) => pagefind.preload(term)).catch(() => undefined);
      timer = setTimeout(pass, KEY_PAUSE_MS);
    },
    capture,
  );
  root.addEventListener('compositionstart', () => ((composing = true), clearTimeout(timer)), capture);
  root.addEventListener('compositionend', () => ((composing = false), pass()), capture);
  // The UI's clear button and Escape empty the field without an input event.
  root.addEventListener('click', (event) => (event.target as Element).closest('.pagefind-ui__search-clear') && named.leave(), capture);
  root.addEventListener('keydown', (event) => event.key === 'Escape' && named.leave(), capture);
  return () => pass();
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
    const keepAddress = (term: string) => window.history.replaceState(null, '', searchHref(window.location.pathname, year, term));
    const named = namedBox(root, document.querySelector<HTMLElement>('[data-search-named]')!, sites, year, keepAddress);
    new PagefindUI({
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
        // The address and the 部门 box are updated after this task, while the search runs in Pagefind's worker.
        setTimeout(() => {
          keepAddress(term);
          named.link(term);
        });
        return term;
      },
    });
    const input = root.querySelector<HTMLInputElement>('input[type="text"], input[type="search"]');
    if (!input) throw new Error('PagefindUI input missing');
    // The UI's input only has a placeholder; give it a name screen readers announce.
    input.setAttribute('aria-label', '搜索决算公开内容');
    const searchTyped = searchWhenTyped(root, input, primary!.bundlePath, named);
    // Load the search engine and the index's entry now, not when the first term is typed: the UI loads them on the
    // input's focus event, which its autofocus does not always raise.
    input.dispatchEvent(new FocusEvent('focus'));
    field.hidden = false;
    if (fallback) fallback.hidden = true;
    const q = params.get('q');
    if (q) {
      const header = document.querySelector<HTMLInputElement>('#site-search-q');
      if (header) header.value = q;
      // Searched once the bureaus' names are known: a bureau's name is answered by the 部门 box.
      input.value = q;
      void named.ready.then(searchTyped);
    } else {
      warmUp(root, primary!.bundlePath);
    }

    // Another year (the menu's 切换 button submits the form): the page opens again with ?year=…&q=…, the term typed so far.
    field.addEventListener('submit', () => {
      const term = field.querySelector<HTMLInputElement>('input[name="q"]')!;
      term.value = input.value.trim();
      term.disabled = term.value === '';
    });
  } catch {
    showFallback(fallback, '搜索索引暂不可用。可以从首页按地区和年度查找各部门决算。');
  }
}

void start();
export {};
