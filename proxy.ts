// Headers only, never access checks: a proxy can be skipped (CVE-2025-29927), so who may read
// or change what is decided in lib/data on every call. For every page request:
// - a fresh CSP nonce, set on the request (Next reads it from there to stamp its own scripts, and
//   the root layout passes it on) and on the response;
// - the request path, which the root layout uses to send anonymous visitors to /sign-in when
//   sign-in is required;
// - no Authorization header: API tokens are for /api (where a bad one is a 401); pages read the
//   session cookie alone, so a stale token in a script's headers reads a page anonymously
//   instead of failing it;
// - a POST (a server action; pages take no other) from another site is refused with 403 by the
//   write routes' own check (lib/http/same-origin.ts). Next.js compares Origin with the host
//   itself, but lets a request without Origin through even when Sec-Fetch-Site says cross-site;
// - frame-ancestors 'none' everywhere, except the embeds (/embed/…), whose frame-ancestors are the
//   origins an admin allowed (a setting read through lib/data, kept a few seconds per process).
import { NextResponse, type NextRequest } from 'next/server';
import { crossOriginReason } from './lib/http/same-origin';
import { getEmbedOrigins } from './lib/data/embeds/embed-origins';
import { contentSecurityPolicy, isEmbedPath, NONCE_HEADER, PATH_HEADER, REPORTING_ENDPOINTS } from './lib/http/security-headers';
import { frameAncestors } from './lib/validation/embeds';
import { FILL_NONCE_HEADER, FILL_TOKEN_HEADER, FILL_TOKEN_VARIABLE, newNonce } from './lib/http/page-cache';

const READS = ['GET', 'HEAD', 'OPTIONS'];

export async function proxy(request: NextRequest) {
  if (!READS.includes(request.method)) {
    const reason = crossOriginReason(request);
    if (reason) return new NextResponse(`Cross-site requests may not change data (${reason})`, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const nonce = fillNonce(request) ?? newNonce();
  // Over HTTPS (TLS ends at the proxy in front, which says so) violations are also sent by the Reporting API.
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  const embed = isEmbedPath(request.nextUrl.pathname);
  const csp = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV === 'development',
    reportTo: https,
    ...(embed ? { frameAncestors: frameAncestors(await getEmbedOrigins().catch(() => [])) } : {}),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete('authorization');
  requestHeaders.delete(FILL_TOKEN_HEADER);
  requestHeaders.delete(FILL_NONCE_HEADER);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set('content-security-policy', csp);
  requestHeaders.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  if (https) response.headers.set('reporting-endpoints', REPORTING_ENDPOINTS);
  return response;
}

/**
 * The nonce scripts/serve.ts chose for a page it keeps a copy of (lib/http/page-cache.ts), believed
 * only beside the token it shares with this process: serve.ts removes both headers from what clients send.
 */
function fillNonce(request: NextRequest): string | null {
  const token = process.env[FILL_TOKEN_VARIABLE];
  if (!token || request.headers.get(FILL_TOKEN_HEADER) !== token) return null;
  return request.headers.get(FILL_NONCE_HEADER);
}

export const config = {
  // Pages only: not the API, not built assets.
  matcher: [{ source: '/((?!api/|_next/static|_next/image|favicon.ico|robots.txt).*)' }],
};
