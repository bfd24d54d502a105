/**
 * Serve fixture pages under their real host names: one HTTPS server (throwaway certificate; Chromium runs with
 * --ignore-certificate-errors, needed for HSTS-preloaded hosts such as msn.com) and a resolver rule that maps every
 * fixture host to it. Pages are routed by host + path, so the browser sees e.g. https://www.inkl.com/news/….
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

export interface HostServer {
  readonly port: number;
  /** `--host-resolver-rules` value mapping every registered host to this server. */
  readonly rules: string;
  route(url: string, html: string): void;
  close(): Promise<void>;
}

export async function startHostServer(hosts: readonly string[]): Promise<HostServer> {
  const pems = await generate([{ name: 'commonName', value: 'unwrap.test' }], { notAfterDate: new Date(Date.now() + 2 * 86_400_000), keySize: 2048 });
  const pages = new Map<string, string>();
  const server = createServer({ key: pems.private, cert: pems.cert }, (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? 'localhost'}`);
    const key = `${url.hostname}${url.pathname}`;
    const html = pages.get(key);
    if (html !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
    } else if (/\.(?:jpe?g|png|gif|webp)$/i.test(url.pathname)) {
      res.writeHead(200, { 'content-type': 'image/svg+xml' });
      res.end('<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675"><rect width="1200" height="675" fill="#7a9cc6"/><circle cx="900" cy="200" r="80" fill="#e8eef6"/><path d="M0 560 L320 360 L560 520 L820 300 L1200 600 L1200 675 L0 675Z" fill="#41597a"/></svg>');
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    // Named hosts, then every other host too (images on CDNs get a generated picture; nothing reaches the internet).
    rules: [...hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`), `MAP * 127.0.0.1:${port}`, 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'].join(', '),
    route(u, html) {
      const parsed = new URL(u);
      pages.set(`${parsed.hostname}${parsed.pathname}`, html);
    },
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
