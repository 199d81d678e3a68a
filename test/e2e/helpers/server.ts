/**
 * A tiny static file server for the built site, like a plain portal host:
 * the site is mounted at a sub-path, a folder serves its index.html, a
 * folder without a trailing slash redirects to it, nothing is rewritten.
 * Every file is sent with the headers of the documented server configuration
 * (src/core/security.ts: CSP with frame-ancestors, cache, MIME types, Pagefind's
 * files marked as gzip), unless the caller gives other headers. Every
 * request is recorded so tests can check what pages asked for.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { join, normalize, relative as relativePath, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { headersFor } from '../../../src/core/security.ts';

export interface StaticServer {
  /** e.g. http://127.0.0.1:43123/zwgk/czzj/ */
  url: string;
  origin: string;
  /** Paths requested, with their status. */
  log: { path: string; status: number }[];
  close(): Promise<void>;
}

/**
 * `headers`: the headers sent with each file, by its path relative to the site
 * root; by default the documented configuration's.
 */
export async function serveStatic(root: string, base = '/', headers: (path: string) => Record<string, string> = headersFor): Promise<StaticServer> {
  const mount = base.endsWith('/') ? base : `${base}/`;
  const log: StaticServer['log'] = [];
  const server: Server = createServer((req, res) => {
    const send = (status: number, body = '', headers: Record<string, string> = {}) => {
      log.push({ path: req.url ?? '', status });
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!pathname.startsWith(mount)) return send(404, 'not found');
    const relative = normalize(pathname.slice(mount.length)).replace(/^(\.\.(\/|\\|$))+/, '');
    let file = join(root, relative);
    if (!file.startsWith(root + sep) && file !== root) return send(403, 'forbidden');
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return send(404, 'not found');
    }
    if (stat.isDirectory()) {
      if (!pathname.endsWith('/')) return send(301, '', { location: `${pathname}/` });
      file = join(file, 'index.html');
      try {
        stat = statSync(file);
      } catch {
        return send(404, 'not found');
      }
    }
    log.push({ path: req.url ?? '', status: 200 });
    // By default the headers the README's server configuration sends (security headers, cache, MIME type, encoding).
    res.writeHead(200, { ...headers(relativePath(root, file).split(sep).join('/')), 'content-length': String(stat.size) });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${mount}`,
    origin,
    log,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
