/**
 * What the web server must send with the built site, in one place: the
 * Content-Security-Policy (the pages carry it as a meta tag too, from here),
 * the other security headers, cache lifetimes and MIME types by path. The
 * test server (test/e2e/helpers/server.ts) serves with `headersFor()`, and
 * `npm run nginx-config` prints an nginx configuration built from the same
 * data, so the page, the tests and the documented server cannot drift apart.
 */

/** The policy every page satisfies: nothing from another origin, no inline script or style. */
const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  // Pagefind compiles its WebAssembly search engine: 'wasm-unsafe-eval' allows that and nothing else (no eval()).
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** The policy for the pages' <meta http-equiv="Content-Security-Policy">. */
export const CSP_META = CSP_DIRECTIVES.join('; ');

/**
 * The policy as an HTTP header: the meta policy plus frame-ancestors, which a
 * browser only honours in a header (the portal may frame its own pages, no
 * other site may).
 */
export const CSP_HEADER = [...CSP_DIRECTIVES, "frame-ancestors 'self'"].join('; ');

/** Sent with every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  // Older browsers that ignore frame-ancestors.
  'X-Frame-Options': 'SAMEORIGIN',
  'Referrer-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Files whose name carries a content hash never change: cache for a year. Everything else is revalidated. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_REVALIDATE = 'no-cache';

/** Pagefind's index files: named by their content, like Astro's bundles. */
const PAGEFIND_CHUNK_EXTENSIONS = ['.pf_meta', '.pf_index', '.pf_fragment', '.pf_filter'];

/**
 * Pagefind's files that are gzip data: its WebAssembly and its index files.
 * Sent as they are with `Content-Encoding: gzip`, the browser unpacks them in
 * its own network code while they arrive, and pagefind.js skips its JavaScript
 * gunzip (Pagefind puts a signature in every file to tell that the browser has
 * unpacked it): the same bytes travel, and a search's answer comes sooner,
 * because the index of a word on every page is unpacked in Pagefind's worker
 * otherwise. A server that does not send the header still works: pagefind.js
 * then unpacks the files itself.
 */
const PAGEFIND_GZIP_EXTENSIONS = ['.pagefind', ...PAGEFIND_CHUNK_EXTENSIONS];

/** A regular expression over the path relative to the site root: Pagefind's files with one of these extensions. */
const pagefindFiles = (extensions: readonly string[]) => `pagefind/.*\\.(${extensions.map((e) => e.slice(1)).join('|')})$`;

/** Pagefind's gzip files (PAGEFIND_GZIP_EXTENSIONS), sent with `Content-Encoding: gzip`. */
const GZIP_ENCODED_PATH = pagefindFiles(PAGEFIND_GZIP_EXTENSIONS);

/**
 * Which files are named by their content (regular expressions over the path
 * relative to the site root): Astro's bundles under _astro/, and Pagefind's
 * index chunks. Pagefind's entry files (pagefind.js, pagefind-entry.json,
 * wasm.*.pagefind) keep their names from build to build and are revalidated,
 * like the HTML.
 */
export const HASHED_PATHS: readonly string[] = ['_astro/', pagefindFiles(PAGEFIND_CHUNK_EXTENSIONS)];

/** MIME types by extension; Pagefind's files are gzip data, never to be sniffed as text. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.zip': 'application/zip',
  '.wasm': 'application/wasm',
  ...Object.fromEntries(PAGEFIND_GZIP_EXTENSIONS.map((extension) => [extension, 'application/octet-stream'])),
};

/** Extensions worth compressing on the fly (Pagefind's files are already gzip). */
export const GZIP_TYPES = ['text/css', 'text/javascript', 'application/json', 'image/svg+xml', 'application/xml', 'text/csv', 'text/plain', 'application/wasm'];

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

/** HASHED_PATHS and GZIP_ENCODED_PATH as headersFor() matches them, made once. */
const HASHED = HASHED_PATHS.map((p) => new RegExp(`^${p}`));
const GZIP_ENCODED = new RegExp(`^${GZIP_ENCODED_PATH}`);

/** The response headers for a file of the built site, by its path relative to the site root (e.g. "_astro/x.js", "a/2023/index.html"). */
export function headersFor(path: string): Record<string, string> {
  const relative = path.replace(/^\/+/, '');
  const hashed = HASHED.some((p) => p.test(relative));
  return {
    ...SECURITY_HEADERS,
    'Content-Type': MIME_TYPES[extensionOf(relative)] ?? 'application/octet-stream',
    'Cache-Control': hashed ? CACHE_IMMUTABLE : CACHE_REVALIDATE,
    ...(GZIP_ENCODED.test(relative) ? { 'Content-Encoding': 'gzip' } : {}),
  };
}

export interface NginxOptions {
  /** The URL path the site is served under, as built with SITE_BASE ("/" or e.g. "/zwgk/czzj/"). */
  base: string;
  /** The folder on the server holding the built site (the contents of dist/). */
  root: string;
  /** server_name. */
  serverName: string;
}

/**
 * An nginx configuration for the built site, for the http context (Debian:
 * /etc/nginx/conf.d/juesuan.conf): two `map`s choosing Cache-Control and
 * Content-Encoding by path, and a `server` sending every header of `headersFor()`.
 */
export function nginxConfig({ base, root, serverName }: NginxOptions): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  const mount = trimmed ? `/${trimmed}/` : '/';
  const folder = root.replace(/\/+$/, '');
  const mountPattern = mount.replace(/[.]/g, '\\.');
  // nginx's own mime.types already maps .wasm to application/wasm (since 1.21); repeating it only warns.
  const extraTypes = ['.mjs', '.pagefind', '.pf_meta', '.pf_index', '.pf_fragment', '.pf_filter'];
  return [
    '# 部门决算公开 — nginx configuration printed by `npm run nginx-config` (from src/core/security.ts).',
    `# Built with SITE_BASE=${mount}; the contents of dist/ copied to ${folder}/.`,
    '',
    '# Files named by their content never change: cache for a year. Everything else (pages, pagefind.js) is revalidated.',
    'map $uri $juesuan_cache_control {',
    `    default "${CACHE_REVALIDATE}";`,
    ...HASHED_PATHS.map((p) => `    "~^${mountPattern}${p}" "${CACHE_IMMUTABLE}";`),
    '}',
    '',
    "# Pagefind's gzip files are sent as they are, marked as gzip: the browser unpacks them, not pagefind.js.",
    'map $uri $juesuan_content_encoding {',
    '    default "";',
    `    "~^${mountPattern}${GZIP_ENCODED_PATH}" "gzip";`,
    '}',
    '',
    'server {',
    '    listen 80;',
    `    server_name ${serverName};`,
    '    charset utf-8;',
    '    server_tokens off;',
    '',
    '    # nginx does not know Pagefind\'s files: binary, never sniffed as text.',
    '    include mime.types;',
    '    types {',
    ...extraTypes.map((ext) => `        ${MIME_TYPES[ext]!.split(';')[0]} ${ext.slice(1)};`),
    '    }',
    '',
    '    gzip on;',
    '    gzip_vary on;',
    '    gzip_min_length 1024;',
    `    gzip_types ${GZIP_TYPES.join(' ')};`,
    '',
    ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `    add_header ${name} "${value}" always;`),
    '    add_header Cache-Control $juesuan_cache_control always;',
    // Not `always`: an error page for a missing index file is not gzip. An empty value adds no header.
    '    add_header Content-Encoding $juesuan_content_encoding;',
    '',
    ...(mount === '/' ? [] : [`    location = ${mount.slice(0, -1)} { return 301 ${mount}; }`]),
    `    location ${mount} {`,
    // At / root and alias are the same; under a sub-path alias maps the URL prefix onto the folder.
    mount === '/' ? `        root ${folder};` : `        alias ${folder}/;`,
    '        index index.html;',
    `        error_page 404 ${mount}404.html;`,
    '    }',
    '}',
    '',
  ].join('\n');
}
