/**
 * A local HTTP server for the hardening e2e tests that serves routed pages and logs every request, so a payload
 * that runs anywhere (the page, the overlay, an isolated world, an extension page) is seen by the request it makes
 * to `/s/<id>/…`. `/ok/…` answers with a small image: the positive control that the reader does load ordinary
 * resources (so silence on `/s/` means something).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

export interface LoggedRequest {
  readonly path: string;
  readonly at: number;
  readonly referer: string | null;
}

export interface SentinelServer {
  readonly url: string;
  readonly log: readonly LoggedRequest[];
  route(path: string, body: string | Buffer, type?: string): void;
  /** Requests to `/s/…` logged since index `from` of the log. */
  sentinelHits(from?: number): LoggedRequest[];
  close(): Promise<void>;
}

export async function startSentinelServer(): Promise<SentinelServer> {
  const routes = new Map<string, { body: string | Buffer; type: string }>();
  const log: LoggedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    log.push({ path, at: Date.now(), referer: req.headers.referer ?? null });
    const r = routes.get(path);
    if (r) {
      res.writeHead(200, { 'content-type': r.type, 'cache-control': 'no-store' });
      res.end(r.body);
    } else if (path.startsWith('/s/')) {
      res.writeHead(204, { 'cache-control': 'no-store' });
      res.end();
    } else if (path.startsWith('/ok/') || /\.(?:png|jpe?g|gif)$/.test(path)) {
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
      res.end(PNG);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    log,
    route: (path, body, type = 'text/html; charset=utf-8') => void routes.set(path, { body, type }),
    sentinelHits: (from = 0) => log.slice(from).filter((r) => r.path.startsWith('/s/')),
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
