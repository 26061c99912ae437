// Pages and sign-in: the root layout sends anonymous visitors to /sign-in when sign-in is
// required, so they see a form instead of an error. This is a convenience; the rule itself is
// enforced by requireReader in every lib/data read, which no page can skip.
import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signInRequired } from '../data/read-access';
import { NONCE_HEADER, PATH_HEADER } from '../http/security-headers';
import { currentPrincipal } from './current-principal';

/** Pages anyone may open even when sign-in is required. */
const OPEN_PATHS = ['/sign-in', '/setup'];

export function isOpenPath(path: string): boolean {
  const pathname = path.split('?')[0];
  return OPEN_PATHS.some((open) => pathname === open || pathname.startsWith(`${open}/`));
}

/** A same-site path to return to after sign-in; anything else (other hosts, `//x`, `/\x`) becomes "/". */
export function safeReturnPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (isOpenPath(next)) return '/';
  return next.slice(0, 2000);
}

/**
 * Called by the root layout on every page render. Reading the request headers also makes
 * every page render per request, which the CSP nonce needs. Returns the nonce for any
 * inline script or style a page may add.
 */
export async function guardPageRequest(): Promise<{ nonce: string | undefined }> {
  const requestHeaders = await headers();
  const nonce = requestHeaders.get(NONCE_HEADER) ?? undefined;
  const path = requestHeaders.get(PATH_HEADER);
  if (!signInRequired() || !path || isOpenPath(path)) return { nonce };
  if ((await currentPrincipal()).type === 'anonymous') redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  return { nonce };
}

/** For pages that need a signed-in user: the principal, or a redirect to /sign-in and back. */
export async function requireSignedInPage(returnTo: string) {
  const principal = await currentPrincipal();
  if (principal.type !== 'user') redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return principal;
}
