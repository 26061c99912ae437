// Who may read and change a saved view or a story. Both are someone's own work: private ones are
// for their owner (and admins, who keep order), signed-in ones for every signed-in user, public
// ones for anyone (POWERMAP_REQUIRE_SIGN_IN still closes reads to visitors, lib/data/read-access.ts).
// Any signed-in user may save views and stories; making one public speaks for the organisation,
// so that takes an analyst. Only the owner or an admin changes one.
import { sql, type Sql } from '../../db/sql';
import type { ViewVisibility } from '../../domain/records/saved-view';
import { AppError } from '../errors';
import { hasRole, requireRole, type Principal } from '../principal';

export interface Owned {
  ownerId: string;
  visibility: string;
}

export const userIdOf = (principal: Principal): string | null => (principal.type === 'user' ? principal.userId : null);

export function canReadOwned(principal: Principal, row: Owned): boolean {
  if (row.visibility === 'public') return true;
  if (principal.type === 'anonymous') return false;
  if (row.visibility === 'signed-in') return true;
  return row.ownerId === userIdOf(principal) || hasRole(principal, 'admin');
}

export function canChangeOwned(principal: Principal, row: Owned): boolean {
  return principal.type !== 'anonymous' && (row.ownerId === userIdOf(principal) || hasRole(principal, 'admin'));
}

/** The rows a listing shows this principal: public ones, shared ones when signed in, and their own. */
export function readableWhere(principal: Principal): { deletedAt: null; OR: object[] } {
  const me = userIdOf(principal);
  const or: object[] = [{ visibility: 'public' }];
  if (principal.type !== 'anonymous') or.push({ visibility: 'signed-in' });
  if (me) or.push({ ownerId: me });
  return { deletedAt: null, OR: or };
}

/**
 * canReadOwned as SQL over a SavedView or Story row aliased `row` (raw SQL that lists history
 * cannot use readableWhere): null when this principal may read every one (admins).
 */
export function readableSql(principal: Principal, row: Sql): Sql | null {
  if (hasRole(principal, 'admin')) return null;
  if (principal.type === 'anonymous') return sql`${row}."visibility" = 'public'`;
  const me = userIdOf(principal);
  return me ? sql`(${row}."visibility" <> 'private' OR ${row}."ownerId" = ${me})` : sql`${row}."visibility" <> 'private'`;
}

/** The owner of a new view or story: a signed-in person. */
export function requireOwner(principal: Principal, what: string): { userId: string; name: string } {
  requireRole(principal, 'viewer');
  if (principal.type !== 'user') throw new AppError('unauthenticated', `${what} belong to a signed-in person`);
  return { userId: principal.userId, name: principal.name };
}

export function requireVisibilityAllowed(principal: Principal, visibility: ViewVisibility): void {
  if (visibility === 'public' && !hasRole(principal, 'analyst')) {
    throw new AppError('forbidden', 'Making a view or story public needs the analyst role', { fieldErrors: { visibility: ['Only analysts may make it public'] } });
  }
}

export function requireChangeAllowed(principal: Principal, row: Owned, what: string): void {
  requireRole(principal, 'viewer');
  if (!canChangeOwned(principal, row)) throw new AppError('forbidden', `Only the owner or an admin may change this ${what}`);
}
