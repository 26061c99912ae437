// The production server that `npm start` runs: Next.js behind one step of our own. `next start`
// passes a client's own X-Forwarded-For and X-Forwarded-Host through to the app (it only fills
// them in when they are missing), so anyone could pick the address the sign-in limits count or
// the host the Origin checks compare with. Here every request is first rewritten by
// lib/http/client-address.ts: the socket's address, or what a proxy listed in
// POWERMAP_TRUSTED_PROXIES reports, and nothing a client made up.
//
// The second step: anonymous readers' actor, tie and source pages come from finished copies
// kept per network revision (lib/http/page-cache.ts says when and why) without rendering.
//
// Listens on HOST (default 127.0.0.1, this machine only) and PORT (default 3000).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { gzip } from 'node:zlib';
import next from 'next';
import { todayIso } from '../lib/domain/dates';
import { getNetworkRevision } from '../lib/data/network/network-revision';
import { signInRequired } from '../lib/data/read-access';
import { applyForwarding, parseTrustedProxies, TRUSTED_PROXIES_VARIABLE } from '../lib/http/client-address';
import { listenHost } from '../lib/http/listen-address';
import {
  cacheablePagePath,
  copyOfPage,
  FILL_NONCE_HEADER,
  FILL_TOKEN_HEADER,
  FILL_TOKEN_VARIABLE,
  joinPage,
  newNonce,
  PAGE_CACHE_HEADER,
  PageCache,
  pageCacheKey,
  type PageCopy,
} from '../lib/http/page-cache';

const trusted = parseTrustedProxies(process.env[TRUSTED_PROXIES_VARIABLE]);
const port = Number(process.env.PORT ?? 3000);
const host = listenHost();

// proxy.ts (same process) believes a fill nonce only next to this token, which no client can know.
const fillToken = randomBytes(24).toString('base64url');
process.env[FILL_TOKEN_VARIABLE] = fillToken;
const pages = new PageCache(Number(process.env.POWERMAP_PAGE_CACHE_MB ?? 64) * 1024 * 1024);
const signInOnly = signInRequired();

const app = next({ dev: false, dir: process.cwd(), hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  applyForwarding(request, trusted);
  delete request.headers[FILL_TOKEN_HEADER];
  delete request.headers[FILL_NONCE_HEADER];
  const path = cacheablePagePath(request, { signInRequired: signInOnly });
  if (!path) return void handle(request, response);
  void servePage(request, response, path).catch(() => {
    if (!response.headersSent) void handle(request, response);
  });
});

/** A copy when there is one for this revision and day; else Next renders it, with a nonce chosen here, and the result is kept. */
async function servePage(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
  const https = request.headers['x-forwarded-proto'] === 'https';
  const key = pageCacheKey(path, await getNetworkRevision(), todayIso(), https);
  const copy = pages.get(key);
  if (copy) return sendCopy(request, response, copy);
  const nonce = newNonce();
  request.headers[FILL_TOKEN_HEADER] = fillToken;
  request.headers[FILL_NONCE_HEADER] = nonce;
  // Kept uncompressed (Next compresses only when asked); each hit compresses its own nonce.
  delete request.headers['accept-encoding'];
  response.setHeader(PAGE_CACHE_HEADER, 'fill');
  captureBody(response, (body) => {
    const made = copyOfPage(response.statusCode, response.getHeaders(), body, nonce);
    if (made) pages.set(key, made);
  });
  await handle(request, response);
}

function sendCopy(request: IncomingMessage, response: ServerResponse, copy: PageCopy): void {
  const { headers, body } = joinPage(copy, newNonce());
  response.statusCode = copy.status;
  const grouped = new Map<string, string[]>();
  for (const [name, value] of headers) grouped.set(name, [...(grouped.get(name) ?? []), value]);
  for (const [name, values] of grouped) response.setHeader(name, values.length === 1 ? values[0]! : values);
  response.setHeader(PAGE_CACHE_HEADER, 'hit');
  if (!/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) return void response.end(body);
  // On libuv's thread pool: the other core compresses while this one serves.
  gzip(body, (error, zipped) => {
    if (error) return void response.end(body);
    response.setHeader('content-encoding', 'gzip');
    response.appendHeader('vary', 'Accept-Encoding');
    response.end(zipped);
  });
}

/** Calls `done` with the whole body once Next has written it. */
function captureBody(response: ServerResponse, done: (body: string) => void): void {
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown) => {
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const write = response.write.bind(response) as (...args: unknown[]) => boolean;
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  response.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk);
    return write(chunk, ...rest);
  }) as ServerResponse['write'];
  response.end = ((chunk: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== 'function') keep(chunk);
    const result = end(chunk, ...rest);
    done(Buffer.concat(chunks).toString('utf8'));
    return result;
  }) as ServerResponse['end'];
}
server.on('upgrade', (request, socket, head) => {
  applyForwarding(request, trusted);
  void app.getUpgradeHandler()(request, socket, head);
});
// Idle keep-alive sockets stay open longer than clients and proxies keep theirs (Node's 5 s default
// raced clients reusing a socket the server was closing: a request met ECONNRESET).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
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
