// The one check every mutating route handler makes before anything else: a browser request
// from another site is refused, so a page elsewhere cannot use a signed-in analyst's cookie to
// change data (CSRF). Scripts using an API token send neither header and pass; browsers always
// send Origin on POST, PATCH and DELETE, and modern ones Sec-Fetch-Site as well.
// Server actions get the same check in proxy.ts (Next.js itself compares Origin with the host
// but lets a request without Origin through).
import { AppError } from '../data/errors';
import { TRUSTED_PROXIES_VARIABLE } from './client-address';

/**
 * The host the request was addressed to, as the browser saw it. X-Forwarded-Host counts only
 * when the admin configured trusted proxies: scripts/serve.ts then keeps it from those proxies
 * alone. Without any, a client could send it to make its own Origin look like this site.
 */
function requestHost(request: Request, env: Readonly<Record<string, string | undefined>>): string | null {
  const forwarded = env[TRUSTED_PROXIES_VARIABLE]?.trim() ? request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() : null;
  if (forwarded) return forwarded.toLowerCase();
  const host = request.headers.get('host');
  if (host) return host.toLowerCase();
  try {
    return new URL(request.url).host.toLowerCase();
  } catch {
    return null;
  }
}

export function crossOriginReason(request: Request, env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  const site = request.headers.get('sec-fetch-site')?.toLowerCase();
  // "same-site" is a sibling subdomain: still another origin, still refused.
  if (site && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site is "${site}"`;
  const origin = request.headers.get('origin');
  if (origin === null) return null;
  if (origin === 'null') return 'Origin is "null"';
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return 'Origin is not a URL';
  }
  const host = requestHost(request, env);
  if (!host || originHost !== host) return `Origin ${origin} is not this site`;
  return null;
}

/** Throws 403 for a cross-site request. */
export function assertSameOrigin(request: Request): void {
  const reason = crossOriginReason(request);
  if (reason) throw new AppError('forbidden', `Cross-site requests may not change data (${reason})`);
}
