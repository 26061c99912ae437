// The production server that `npm start` runs: Next.js behind one step of our own. `next start`
// passes a client's own X-Forwarded-For and X-Forwarded-Host through to the app (it only fills
// them in when they are missing), so anyone could pick the address the sign-in limits count or
// the host the Origin checks compare with. Here every request is first rewritten by
// lib/http/client-address.ts: the socket's address, or what a proxy listed in
// POWERMAP_TRUSTED_PROXIES reports, and nothing a client made up.
//
// Listens on HOST (default 127.0.0.1, this machine only) and PORT (default 3000).
import { createServer } from 'node:http';
import next from 'next';
import { applyForwarding, parseTrustedProxies, TRUSTED_PROXIES_VARIABLE } from '../lib/http/client-address';
import { listenHost } from '../lib/http/listen-address';

const trusted = parseTrustedProxies(process.env[TRUSTED_PROXIES_VARIABLE]);
const port = Number(process.env.PORT ?? 3000);
const host = listenHost();

const app = next({ dev: false, dir: process.cwd(), hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  applyForwarding(request, trusted);
  void handle(request, response);
});
server.on('upgrade', (request, socket, head) => {
  applyForwarding(request, trusted);
  void app.getUpgradeHandler()(request, socket, head);
});
server.listen(port, host, () => {
  const proxies = trusted.entries.length ? `forwarding headers trusted from ${trusted.entries.join(', ')}` : 'no trusted proxies: client addresses are socket addresses';
  console.log(`Powermap listening on http://${host.includes(':') ? `[${host}]` : host}:${port} (${proxies})`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
