// Failed sign-ins slow further attempts with a delay that grows, instead of a lock that even the
// right password cannot pass. Counted in the database (SignInFailure), so every app server on
// one database agrees. Used by the better-auth hooks in lib/auth/auth.ts; pages never call this.
//
// The rules, per counter:
//   - a counter holds the failures since its last success; it is forgotten an hour after its
//     last failure;
//   - the first FREE failures cost nothing; after the FREE-th, the next attempt must wait
//     FIRST_DELAY (1 minute), and each further failure doubles the wait, up to MAX_DELAY
//     (15 minutes). So with 10 free failures the 11th attempt is refused with 429 and
//     Retry-After at once, wherever it is sent (any server, any address);
//   - a refused attempt is not checked and not counted: it says nothing about the password,
//     and the delay cannot be pushed further by hammering during it;
//   - a success clears the counter the attempt was counted on.
//
// The counters of one attempt:
//   - `email:<sha256>`: failures for an email address from browsers that never signed in to it
//     (10 free). Attempts for an unknown email count exactly alike, so a 429 tells nothing
//     about whether the account exists;
//   - `ip:<address>`: failures from one client address across all emails (50 free), against
//     one machine spraying many accounts. The address is the socket's, or the one a
//     configured proxy reports (POWERMAP_TRUSTED_PROXIES, lib/http/client-address.ts);
//   - `known:<sha256>`: failures from a browser that holds this account's signed "known
//     device" cookie (10 free), given at every successful sign-in. Such a browser is counted
//     on this counter alone, so someone failing on purpose against the email or from the
//     owner's address delays only browsers that never signed in, never the owner's own.
//
// Why this design: OWASP's advice against online guessing keeps attempts expensive for the
// guesser without handing him a lock on someone else's account. A growing delay bounds
// guessing at roughly four tries an hour once the free ones are spent, and the device
// cookie means that an attacker who keeps the delay at its cap still only delays sign-ins from
// new browsers; there the right password passes as soon as the wait shown is over.
import 'server-only';
import { createHash } from 'node:crypto';
import { getDb } from '../../db/client';

/** Failures per email (from browsers without its known-device cookie) that cost nothing. */
export const MAX_FAILURES_PER_EMAIL = 10;
/** Failures per client address, across emails, that cost nothing. */
export const MAX_FAILURES_PER_ADDRESS = 50;
/** Failures from a known device of the account that cost nothing. */
export const MAX_FAILURES_PER_KNOWN_DEVICE = 10;
export const FIRST_DELAY_MS = 60_000;
export const MAX_DELAY_MS = 15 * 60_000;
/** A counter whose last failure is older than this starts again from zero. */
export const FORGET_AFTER_MS = 60 * 60_000;

export interface SignInAttempt {
  email: string;
  /** The client address as better-auth resolves it; null when unknown. */
  ip: string | null;
  /** True when the browser holds a valid known-device cookie for this email. */
  knownDevice?: boolean;
}

/** Emails are hashed so typed-in addresses of people without an account are not kept. */
export const emailHash = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

interface Counter {
  key: string;
  free: number;
}

function countersOf({ email, ip, knownDevice }: SignInAttempt): Counter[] {
  if (knownDevice) return [{ key: `known:${emailHash(email)}`, free: MAX_FAILURES_PER_KNOWN_DEVICE }];
  return [{ key: `email:${emailHash(email)}`, free: MAX_FAILURES_PER_EMAIL }, ...(ip ? [{ key: `ip:${ip}`, free: MAX_FAILURES_PER_ADDRESS }] : [])];
}

/** How long after its last failure a counter with `count` failures makes the next attempt wait. */
export function delayAfter(count: number, free: number): number {
  if (count < free) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(count - free, 20));
}

/** Seconds until the attempt may be made, or null when it may be made now. */
export async function signInRetryAfter(attempt: SignInAttempt, now = new Date()): Promise<number | null> {
  const counters = countersOf(attempt);
  const db = await getDb();
  const rows = await db.signInFailure.findMany({ where: { key: { in: counters.map((c) => c.key) } } });
  let wait: number | null = null;
  for (const row of rows) {
    const last = row.updatedAt.getTime();
    if (now.getTime() - last > FORGET_AFTER_MS) continue;
    const until = last + delayAfter(row.count, counters.find((c) => c.key === row.key)!.free);
    if (until > now.getTime()) wait = Math.max(wait ?? 0, Math.ceil((until - now.getTime()) / 1000));
  }
  return wait;
}

export async function recordSignInFailure(attempt: SignInAttempt, now = new Date()): Promise<void> {
  const db = await getDb();
  const remembered = new Date(now.getTime() - FORGET_AFTER_MS);
  for (const { key } of countersOf(attempt)) {
    // One statement, so failures sent to several servers at once are all counted.
    const counted = await db.signInFailure.updateMany({ where: { key, updatedAt: { gte: remembered } }, data: { count: { increment: 1 }, updatedAt: now } });
    if (counted.count > 0) continue;
    // None, or a forgotten one: start again. Two servers starting the same counter at once lose one count at most.
    await db.signInFailure
      .upsert({ where: { key }, create: { key, count: 1, windowStart: now, updatedAt: now }, update: { count: 1, windowStart: now, updatedAt: now } })
      .catch(() => db.signInFailure.updateMany({ where: { key }, data: { count: { increment: 1 }, updatedAt: now } }));
  }
  await db.signInFailure.deleteMany({ where: { updatedAt: { lt: remembered } } });
}

/** A successful sign-in clears the counter it was counted on (an address's count stays). */
export async function clearSignInFailures(attempt: SignInAttempt): Promise<void> {
  const db = await getDb();
  const [own] = countersOf(attempt);
  await db.signInFailure.deleteMany({ where: { key: own.key } });
}
