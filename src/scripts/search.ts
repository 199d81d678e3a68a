/**
 * Starts Pagefind's UI on the search page. The UI script is one of the files
 * the indexing step writes (pagefind/pagefind-ui.js); it is loaded from the
 * site itself, under the base path, never from another origin.
 */
interface PagefindUIOptions {
  element: string;
  bundlePath: string;
  baseUrl: string;
  showSubResults: boolean;
  showImages: boolean;
  resetStyles: boolean;
  autofocus: boolean;
  pageSize: number;
  /** Other sites' indexes searched together with this one (Pagefind multisite search). */
  mergeIndex: { bundlePath: string; baseUrl: string }[];
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

async function start(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-search]');
  const fallback = document.querySelector<HTMLElement>('[data-search-fallback]');
  if (!root) return;
  // Opened from disk (a snapshot's offline copy): the index is fetched, which browsers refuse on file://.
  if (window.location.protocol === 'file:') {
    if (fallback) {
      fallback.hidden = false;
      fallback.querySelector('p')!.textContent =
        '从磁盘打开的存档副本不能搜索：搜索需要通过网站服务器访问（见存档中的 README）。可以从首页按地区和年度查找各部门决算。';
    }
    return;
  }
  const bundle = root.dataset.bundle ?? '/pagefind/';
  try {
    await loadScript(`${bundle}pagefind-ui.js`);
    if (!window.PagefindUI) throw new Error('PagefindUI missing');
    const ui = new window.PagefindUI({
      element: '#search',
      bundlePath: bundle,
      baseUrl: root.dataset.base ?? '/',
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      autofocus: true,
      pageSize: 10,
      // Each merged site links under its own base: the folder holding its pagefind/.
      mergeIndex: (JSON.parse(root.dataset.merge ?? '[]') as string[]).map((bundlePath) => ({ bundlePath, baseUrl: bundlePath.replace(/pagefind\/$/, '') })),
    });
    if (fallback) fallback.hidden = true;
    // The UI's input only has a placeholder; give it a name screen readers announce.
    root.querySelector('input[type="text"], input[type="search"]')?.setAttribute('aria-label', '搜索决算公开内容');
    const q = new URLSearchParams(window.location.search).get('q');
    if (q) {
      ui.triggerSearch(q);
      const header = document.querySelector<HTMLInputElement>('#site-search-q');
      if (header) header.value = q;
    }
  } catch {
    if (fallback) {
      fallback.hidden = false;
      fallback.querySelector('p')!.textContent = '搜索索引暂不可用。可以从首页按地区和年度查找各部门决算。';
    }
  }
}

void start();
export {};
