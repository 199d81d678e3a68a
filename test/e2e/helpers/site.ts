/**
 * What the built site holds, read from its files: the pages, and which
 * bureau-year pages show a given feature. Tests pick their examples here, so
 * they follow the content instead of hard-coding every page.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Paths of all pages relative to the base, e.g. "", "glossary/", "wuhan-jiangan-yibao/2023/". */
export function pagePaths(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) {
        if (name !== 'pagefind' && name !== '_astro') walk(full);
      } else if (name === 'index.html') {
        const rel = relative(dir, d);
        out.push(rel ? `${rel}/` : '');
      }
    }
  };
  walk(dir);
  return out.sort();
}

/** Bureau-year pages: "<bureau>/<year>/". */
export function disclosurePaths(dir: string): string[] {
  return pagePaths(dir).filter((p) => /^[a-z0-9-]+\/\d{4}\/$/.test(p));
}

/** Bureau pages: "<bureau>/", the folders that hold a bureau-year page. */
export function bureauPaths(dir: string): string[] {
  const years = disclosurePaths(dir);
  return pagePaths(dir).filter((p) => /^[a-z0-9-]+\/$/.test(p) && years.some((y) => y.startsWith(p)));
}

export function html(dir: string, path: string): string {
  return readFileSync(join(dir, path, 'index.html'), 'utf8');
}

/** The first bureau-year page whose HTML contains the text, if any. */
export function disclosureWith(dir: string, text: string): string | undefined {
  return disclosurePaths(dir).find((p) => html(dir, p).includes(text));
}
