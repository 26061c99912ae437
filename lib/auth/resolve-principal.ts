// Who is asking, from request headers: an `Authorization: Bearer <token>` header (personal
// API token) or the session cookie. Either way the user's role and disabled flag are read from
// the database on every request, so a demoted user's next request has the new role and a
// disabled user's next request is anonymous (and their sessions are gone).
import 'server-only';
import { AppError } from '../data/errors';
import { ANONYMOUS, type Principal } from '../data/principal';
import { principalForApiToken, principalForSessionUser } from '../data/users/principals';
import { getAuth } from './auth';

/**
 * Resolves a principal from request headers. A bearer token that is unknown, revoked or whose
 * user is disabled is an error (401), not a silent downgrade to anonymous: a script should
 * learn that its credentials stopped working.
 */
export async function resolvePrincipal(requestHeaders: Headers): Promise<Principal> {
  const authorization = requestHeaders.get('authorization');
  const bearer = authorization && /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (bearer) {
    const principal = await principalForApiToken(bearer[1]);
    if (!principal) throw new AppError('unauthenticated', 'The API token is invalid or has been revoked');
    return principal;
  }
  // No session cookie, no database round trip: most readers are anonymous.
  if (!/(?:^|;\s*)(?:__Secure-)?powermap\.session_token=/.test(requestHeaders.get('cookie') ?? '')) return ANONYMOUS;
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: requestHeaders, query: { disableCookieCache: true } });
  if (!session) return ANONYMOUS;
  return principalForSessionUser(session.user.id);
}
