// Turning credentials into a Principal, for lib/auth/current-principal.ts only. Both paths
// read the user's role and disabled flag from the database on every request, so a demotion
// or a disabled account takes effect on the very next request.
import 'server-only';
import { getDb } from '../../db/client';
import { ANONYMOUS, type Principal } from '../principal';
import { API_TOKEN_PREFIX, hashApiToken } from './api-tokens';
import { toUserRole } from './user-dto';

/** Writing lastUsedAt on every request would make every read a write; once a minute is enough. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The principal of a user whose session better-auth has verified. A disabled user loses every session. */
export async function principalForSessionUser(userId: string): Promise<Principal> {
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, role: true, disabled: true } });
  if (!user) return ANONYMOUS;
  if (user.disabled) {
    await db.session.deleteMany({ where: { userId } });
    return ANONYMOUS;
  }
  return { type: 'user', userId: user.id, role: toUserRole(user.role), name: user.name };
}

/** The principal behind a bearer token, or null when the token is unknown, revoked or its user disabled. */
export async function principalForApiToken(token: string): Promise<Principal | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
  const db = await getDb();
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, name: true, role: true, disabled: true } } },
  });
  if (!row || row.revokedAt || row.user.disabled) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { type: 'user', userId: row.user.id, role: toUserRole(row.user.role), name: row.user.name };
}
