/**
 * A file-browsable copy of the built site, for a snapshot opened from disk
 * (file://). The published pages link with absolute paths under the base
 * (/zwgk/czzj/…) and to folders (…/2023/); from disk those lead nowhere.
 * This copy rewrites every internal link in HTML and CSS to a relative path
 * ending in index.html, and turns the bundled module scripts (which browsers
 * refuse to load from file://) into classic deferred scripts, each wrapped in
 * its own function scope; a bundle that cannot run so is left out (the search
 * page's: it needs a server, and its static text says so). Everything else is
 * copied byte for byte; the site as published stays untouched beside it in
 * the snapshot.
 */
import { existsSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

export interface SiteFile {
  /** Path relative to the site folder, "/" separators. */
  path: string;
  content: Buffer;
}

/** A bundle that can run as a classic script: no static import/export and no import.meta (dynamic import() is fine). */
function classicSafe(js: string): boolean {
  return !/(^|[;}\n])\s*(import\s*[\w{*'"]|export\s)/.test(js) && !/\bimport\.meta\b/.test(js);
}

/**
 * The relative link from page `from` (a file path in the site) to the absolute
 * URL path `target` under `base`, or null when it is not an internal path.
 */
export function relativeLink(siteDir: string, base: string, from: string, target: string): string | null {
  if (!target.startsWith(base) || target.startsWith('//')) return null;
  const m = /^([^?#]*)(.*)$/.exec(target.slice(base.length))!;
  let path = decodeURI(m[1]!);
  const suffix = m[2]!;
  if (path === '' || path.endsWith('/') || (existsSync(join(siteDir, path)) && statSync(join(siteDir, path)).isDirectory())) {
    path = `${path.replace(/\/?$/, '/')}index.html`.replace(/^\//, '');
  }
  const rel = posix.relative(posix.dirname(from), path) || posix.basename(path);
  return encodeURI(rel) + suffix;
}

const ATTRIBUTES = /(\s(?:href|src|action|data-bundle|data-base)=")([^"]*)(")/g;

export function offlineHtml(siteDir: string, base: string, path: string, html: string, classic: ReadonlySet<string>): string {
  let out = html.replace(ATTRIBUTES, (all, open: string, value: string, close: string) => {
    const rel = relativeLink(siteDir, base, path, value.replaceAll('&amp;', '&'));
    return rel === null ? all : `${open}${rel.replaceAll('&', '&amp;')}${close}`;
  });
  // Module scripts do not load from file://: run the self-contained bundles as classic scripts, leave out the others.
  out = out.replace(/<script type="module" src="([^"]+)"><\/script>/g, (_all, src: string) => {
    const target = posix.normalize(posix.join(posix.dirname(path), src));
    return classic.has(target) ? `<script defer src="${src}"></script>` : '';
  });
  return out;
}

export function offlineCss(siteDir: string, base: string, path: string, css: string): string {
  return css.replace(/url\((['"]?)([^)'"]+)\1\)/g, (all, quote: string, value: string) => {
    const rel = relativeLink(siteDir, base, path, value);
    return rel === null ? all : `url(${quote}${rel}${quote})`;
  });
}

/** The offline copy of every file of the site. */
export function offlineSite(siteDir: string, base: string, files: readonly SiteFile[]): SiteFile[] {
  const classic = new Set(
    files.filter((f) => f.path.startsWith('_astro/') && f.path.endsWith('.js') && classicSafe(f.content.toString('utf8'))).map((f) => f.path),
  );
  return files.map((f) => {
    if (f.path.endsWith('.html')) return { path: f.path, content: Buffer.from(offlineHtml(siteDir, base, f.path, f.content.toString('utf8'), classic)) };
    if (f.path.endsWith('.css')) return { path: f.path, content: Buffer.from(offlineCss(siteDir, base, f.path, f.content.toString('utf8'))) };
    if (classic.has(f.path)) return { path: f.path, content: Buffer.from(`(() => {\n'use strict';\n${f.content.toString('utf8')}\n})();\n`) };
    return f;
  });
}
