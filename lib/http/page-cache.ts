// Finished pages for anonymous readers: the actor, tie and source pages every visitor without a
// session sees alike, rendered once per network revision and day and then served from memory by
// scripts/serve.ts, before Next.js renders anything. React's server rendering, not the database,
// is what those pages cost (about 20 ms of one core for a profile), so under load only a copy of
// the finished response keeps them near what a bare JSON route costs.
//
// Correct with several app servers on one PostgreSQL: the key holds the committed network
// revision (lib/data/network/network-revision.ts), read per request before the copy, so any
// server's change makes every older copy unreachable; no in-process invalidation is relied on.
//
// The CSP nonce stays fresh: a copy is rendered with a nonce chosen for it (proxy.ts takes it
// from scripts/serve.ts only with this process's fill token), kept split around that nonce, and
// every response joins it back with a new one, in the body and in the headers alike.
//
// Only what cannot differ between anonymous visitors is copied: GET of a page path without a
// query, no cookies at all (a session, a test setting or anything else makes the request render
// as usual), not a prefetch or RSC request, not a crawler (Next renders metadata differently for
// them), and never when sign-in is required.
/** Request headers only scripts/serve.ts sets (it removes any a client sends). */
export const FILL_TOKEN_HEADER = 'x-powermap-fill-token';
export const FILL_NONCE_HEADER = 'x-powermap-fill-nonce';
/** The process-wide secret proxy.ts compares FILL_TOKEN_HEADER with. */
export const FILL_TOKEN_VARIABLE = 'POWERMAP_PAGE_FILL_TOKEN';
/** Says on every copied response whether it was served from memory ("hit") or rendered ("fill"). */
export const PAGE_CACHE_HEADER = 'x-powermap-page-cache';

/** The pages copied: one record each, the same for every anonymous visitor. */
const CACHED_PAGE = /^\/(actors|ties|sources)\/[^/]+$/;
/** Crawlers get metadata in the head (Next's htmlLimitedBots); they are rare enough to render. */
const CRAWLER = /bot|crawl|spider|slurp|preview|facebookexternalhit|embedly|quora|whatsapp|discord|slack|vkshare|lighthouse/i;

export interface PageRequest {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** The path of a request whose page may come from a copy, or null when it must render. */
export function cacheablePagePath(request: PageRequest, options: { signInRequired: boolean }): string | null {
  if (options.signInRequired || request.method !== 'GET' || !request.url) return null;
  const h = request.headers;
  if (h.cookie || h.authorization || h.rsc || h['next-router-prefetch'] || h['next-router-state-tree'] || h.purpose === 'prefetch') return null;
  if (CRAWLER.test(String(h['user-agent'] ?? ''))) return null;
  if (request.url.includes('?') || !CACHED_PAGE.test(request.url)) return null;
  return request.url;
}

/** A CSP nonce: 128 random bits, base64 (Web Crypto, so proxy.ts and the server script share it). */
export const newNonce = () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));

/** A finished response with its nonce cut out: `join(nonce)` gives it back with another. */
export interface PageCopy {
  status: number;
  headers: [name: string, parts: string[]][];
  body: string[];
  bytes: number;
}

const RESPONSE_ONLY = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'date', PAGE_CACHE_HEADER]);

/**
 * A copy of a rendered response, or null when it must not be kept: anything but a complete 200
 * HTML page, or one that sets a cookie.
 */
export function copyOfPage(status: number, headers: Record<string, number | string | string[] | undefined>, body: string, nonce: string): PageCopy | null {
  if (status !== 200 || headers['set-cookie'] !== undefined) return null;
  if (!String(headers['content-type'] ?? '').startsWith('text/html')) return null;
  const kept: PageCopy['headers'] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || RESPONSE_ONLY.has(name)) continue;
    for (const one of Array.isArray(value) ? value : [String(value)]) kept.push([name, one.split(nonce)]);
  }
  return { status, headers: kept, body: body.split(nonce), bytes: body.length * 2 };
}

export function joinPage(copy: PageCopy, nonce: string): { headers: [string, string][]; body: string } {
  return { headers: copy.headers.map(([name, parts]) => [name, parts.join(nonce)]), body: copy.body.join(nonce) };
}

/** Copies by key, least recently used out first once their size passes `maxBytes`. */
export class PageCache {
  private readonly copies = new Map<string, PageCopy>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): PageCopy | undefined {
    const copy = this.copies.get(key);
    if (copy) {
      // Refreshes its place in the order (a Map iterates in insertion order).
      this.copies.delete(key);
      this.copies.set(key, copy);
    }
    return copy;
  }

  set(key: string, copy: PageCopy): void {
    if (copy.bytes > this.maxBytes) return;
    this.delete(key);
    this.copies.set(key, copy);
    this.bytes += copy.bytes;
    while (this.bytes > this.maxBytes) this.delete(this.copies.keys().next().value!);
  }

  get size(): number {
    return this.copies.size;
  }

  private delete(key: string): void {
    const old = this.copies.get(key);
    if (!old) return;
    this.copies.delete(key);
    this.bytes -= old.bytes;
  }
}

/** The key of a page's copy: the path, the committed revision, the day ("current" ties change with it) and whether it came over HTTPS (HSTS, report-to). */
export const pageCacheKey = (path: string, revision: number, day: string, https: boolean) => JSON.stringify([path, revision, day, https]);
