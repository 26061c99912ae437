// Who may read. Reading is open to anyone by default, as on LittleSis; POWERMAP_REQUIRE_SIGN_IN=1
// makes every read need a signed-in user. Every read function in lib/data calls requireReader
// first, so the rule holds for pages, route handlers and anything else alike.
import { AppError } from './errors';
import type { Principal } from './principal';

type Env = Readonly<Record<string, string | undefined>>;

export function signInRequired(env: Env = process.env): boolean {
  return /^(1|true|yes|on)$/i.test(env.POWERMAP_REQUIRE_SIGN_IN?.trim() ?? '');
}

/** Whether this principal may read; anonymous visitors only when sign-in is not required. */
export function canRead(principal: Principal, env: Env = process.env): boolean {
  return principal.type !== 'anonymous' || !signInRequired(env);
}

/** Throws `unauthenticated` (401) for an anonymous reader when sign-in is required. */
export function requireReader(principal: Principal, env: Env = process.env): void {
  if (!canRead(principal, env)) throw new AppError('unauthenticated', 'Sign in to read Powermap');
}
