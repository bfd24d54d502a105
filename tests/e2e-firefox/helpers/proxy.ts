/**
 * Fixture pages under their real host names in Firefox. Firefox has no `--host-resolver-rules`, and
 * `network.dns.localDomains` maps a host to 127.0.0.1 but keeps the URL's port (443 needs privileges and a free
 * port). So: a PAC script (pref `network.proxy.autoconfig_url`) sends only the fixture hosts to a tiny local
 * proxy, which tunnels their `CONNECT host:443` to the HTTPS fixture server (tests/e2e/helpers/hosts.ts, throwaway
 * certificate, accepted through the BiDi session's `acceptInsecureCerts`). Every other URL goes DIRECT.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface FixtureProxy {
  readonly port: number;
  /** PAC script for `launchFirefox({ pac })`. */
  readonly pac: string;
  close(): Promise<void>;
}

export async function startFixtureProxy(hosts: readonly string[], httpsPort: number): Promise<FixtureProxy> {
  const allowed = new Set(hosts.map((h) => `${h}:443`));
  const sockets = new Set<Socket>();
  const server = createServer((_req, res) => {
    // Fixture hosts are HTTPS only; a plain-HTTP request here means a test used the wrong URL.
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('the fixture proxy tunnels HTTPS only');
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    if (!allowed.has(req.url ?? '')) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(httpsPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.once('close', () => sockets.delete(upstream));
    // A torn-down tunnel (browser closing, server stopped) ends both sides; nothing else to report.
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const pac = `function FindProxyForURL(url, host) {
  var hosts = ${JSON.stringify(hosts)};
  for (var i = 0; i < hosts.length; i++) if (host === hosts[i]) return "PROXY 127.0.0.1:${port}";
  return "DIRECT";
}`;
  return {
    port,
    pac,
    close: () => new Promise((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    }),
  };
}
