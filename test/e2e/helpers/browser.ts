/**
 * Chromium from Debian (/usr/bin/chromium) through playwright-core, and a
 * page that records what a visit did wrong: console errors (Content-Security-
 * Policy violations among them), uncaught exceptions, failed requests and any
 * request to another origin.
 */
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/**
 * One Chromium for the test file that calls it (at its top level): launched
 * before its tests, closed after. Returns openPage() bound to it.
 */
export function useBrowser(): (origin: string, options?: BrowserContextOptions) => Promise<Visit> {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return (origin, options) => openPage(browser!, origin, options);
}

export interface Visit {
  page: Page;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Requests to any other origin than the site's. */
  external: string[];
  /** Responses with status >= 400, and requests that failed (not those the browser cancelled). */
  failed: string[];
}

export async function openPage(browser: Browser, origin: string, options: BrowserContextOptions = {}): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  // Every Content-Security-Policy violation (meta tag or header) becomes a console error, so it fails the visit.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  const page = await context.newPage();
  const visit: Visit = { page, errors: [], external: [], failed: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') visit.errors.push(`console: ${m.text()} @ ${m.location().url}`);
  });
  page.on('pageerror', (e) => visit.errors.push(`exception: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) visit.external.push(url);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) visit.failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    // A request the browser cancels (the next page.goto while the favicon still loads) is not the site failing.
    const reason = r.failure()?.errorText ?? '';
    if (reason !== 'net::ERR_ABORTED') visit.failed.push(`failed ${r.url()} ${reason}`);
  });
  return visit;
}

/**
 * Types Chinese as a reader does, through an input method (Chromium's own IME
 * path, driven over the DevTools protocol): the pinyin is composed letter by
 * letter, `pause` ms apart, in the focused field, then `word` is committed.
 */
export async function typeWithInputMethod(page: Page, word: string, pinyin: string, pause = 0): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    for (let i = 1; i <= pinyin.length; i++) {
      await cdp.send('Input.imeSetComposition', { text: pinyin.slice(0, i), selectionStart: i, selectionEnd: i });
      if (pause) await page.waitForTimeout(pause);
    }
    await cdp.send('Input.insertText', { text: word });
  } finally {
    await cdp.detach();
  }
}

/**
 * Waits until Pagefind's UI lists results and has drawn every one of them (it
 * draws each when its data arrives, the merged sites' from their own folders),
 * and fewer than `fewerThan` if given; returns their links. Not
 * waitForLoadState('networkidle'): a page that reached that state before the
 * search is not waited for again.
 */
export async function drawnResults(page: Page, fewerThan = Infinity): Promise<string[]> {
  await page.waitForFunction((n) => {
    const results = [...document.querySelectorAll('.pagefind-ui__result')];
    return results.length > 0 && results.length < n && results.every((r) => r.querySelector('.pagefind-ui__result-link'));
  }, fewerThan);
  return page.$$eval('.pagefind-ui__result-link', (as) => as.map((a) => a.getAttribute('href') ?? ''));
}
