// Who is asking. Every data-layer function takes a principal and checks it here, so
// authorisation lives in one layer and not in pages, actions or the proxy.
import type { UserRole } from '../domain/vocabulary';
import { AppError } from './errors';

export type Principal =
  | { type: 'anonymous' }
  | { type: 'user'; userId: string; role: UserRole; name: string }
  /** Scripts run by the operator: migrations, the seed, the first admin. */
  | { type: 'system'; origin: 'seed' | 'import' | 'cli' };

export const ANONYMOUS: Principal = { type: 'anonymous' };
export const SEED: Principal = { type: 'system', origin: 'seed' };

const RANK: Record<UserRole, number> = { viewer: 1, analyst: 2, admin: 3 };

export function hasRole(principal: Principal, role: UserRole): boolean {
  if (principal.type === 'system') return true;
  if (principal.type === 'anonymous') return false;
  return RANK[principal.role] >= RANK[role];
}

export function requireRole(principal: Principal, role: UserRole): void {
  if (principal.type === 'anonymous') throw new AppError('unauthenticated', 'Sign in to do this');
  if (!hasRole(principal, role)) throw new AppError('forbidden', `This needs the ${role} role`);
}

/** Internal notes are for analysts and admins. */
export const canSeeInternal = (principal: Principal) => hasRole(principal, 'analyst');

export const authorIdOf = (principal: Principal) => (principal.type === 'user' ? principal.userId : null);
/** Stored with each change, so history names the author as they were called then. */
export const authorNameOf = (principal: Principal) => (principal.type === 'user' ? principal.name : null);
export const originOf = (principal: Principal) => (principal.type === 'system' ? principal.origin : 'user');
