/**
 * A tiny static file server for the built site, like a plain portal host:
 * the site is mounted at a sub-path, a folder serves its index.html, a
 * folder without a trailing slash redirects to it, nothing is rewritten.
 * Every request is recorded so tests can check what pages asked for.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.zip': 'application/zip',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:43123/zwgk/czzj/ */
  url: string;
  origin: string;
  /** Paths requested, with their status. */
  log: { path: string; status: number }[];
  close(): Promise<void>;
}

export async function serveStatic(root: string, base = '/'): Promise<StaticServer> {
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
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': String(stat.size) });
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
