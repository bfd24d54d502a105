/** A local static server for test pages (HTTP, and HTTPS with a throwaway certificate for HSTS-preloaded hosts). */
import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.json': 'application/json',
  '.css': 'text/css', '.js': 'text/javascript', '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml',
  '.xml': 'application/xml', '.pdf': 'application/pdf', '.csv': 'text/csv',
};

export interface Route {
  /** Served for this exact path (after the host-independent lookup). */
  readonly body: string | Buffer;
  readonly type?: string;
}

export interface TestServer {
  readonly port: number;
  readonly url: string;
  /** Map a path to content (takes precedence over files). */
  route(path: string, route: Route): void;
  close(): Promise<void>;
}

export async function startServer(opts: { root?: string; https?: { key: string; cert: string } } = {}): Promise<TestServer> {
  const routes = new Map<string, Route>();
  const root = opts.root ? resolve(opts.root) : null;
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const r = routes.get(path);
    if (r) {
      res.writeHead(200, { 'content-type': r.type ?? TYPES[extname(path)] ?? 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(r.body);
      return;
    }
    if (root) {
      const file = normalize(join(root, path));
      if (file.startsWith(root)) {
        try {
          const body = await readFile(file);
          res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
          res.end(body);
          return;
        } catch {
          // fall through to 404
        }
      }
    }
    if (/\.(?:jpe?g|png|gif|webp)$/i.test(path)) {
      // Images referenced by fixtures: a small generated picture, so pages render without the internet.
      res.writeHead(200, { 'content-type': 'image/svg+xml' });
      res.end(placeholderImage(path));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  };
  const server: Server = opts.https ? createHttps(opts.https, handler) : createHttp(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `${opts.https ? 'https' : 'http'}://127.0.0.1:${port}`,
    route: (p, r) => routes.set(p, r),
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
  };
}

function placeholderImage(path: string): string {
  const hue = [...path].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},45%,62%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360},45%,38%)"/></linearGradient></defs><rect width="1200" height="675" fill="url(#g)"/><circle cx="900" cy="220" r="90" fill="rgba(255,255,255,.35)"/><path d="M0 560 L300 380 L520 520 L780 300 L1200 600 L1200 675 L0 675Z" fill="rgba(0,0,0,.25)"/></svg>`;
}
