// Headers only, never access checks: a proxy can be skipped (CVE-2025-29927), so who may read
// or change what is decided in lib/data on every call. For every page request: a fresh CSP nonce, set on
// the request (Next reads it from there to stamp its own scripts, and the root layout passes
// it on) and on the response; and the request path, which the root layout uses to send
// anonymous visitors to /sign-in when sign-in is required.
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, NONCE_HEADER, PATH_HEADER } from './lib/http/security-headers';

export function proxy(request: NextRequest) {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set('content-security-policy', csp);
  requestHeaders.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  // Pages only: not the API, not built assets.
  matcher: [{ source: '/((?!api/|_next/static|_next/image|favicon.ico|robots.txt).*)' }],
};
