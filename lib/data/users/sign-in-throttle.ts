// Failed sign-ins are counted per email address and per client address in a fixed window;
// once an address has used up its failures, further attempts get 429 before any password is
// checked, so the eleventh try is refused whether the account exists or not, and whether
// the password is right or not. Counted in the database so every app server agrees.
// Used by the better-auth hooks in lib/auth/auth.ts; pages never call this.
import 'server-only';
import { createHash } from 'node:crypto';
import { getDb } from '../../db/client';

export const SIGN_IN_WINDOW_MS = 10 * 60_000;
/** Per email: the eleventh failure in the window is refused. */
export const MAX_FAILURES_PER_EMAIL = 10;
/** Per client address, across emails: slows one machine spraying many accounts. */
export const MAX_FAILURES_PER_ADDRESS = 50;

export interface SignInAttempt {
  email: string;
  /** The client address as better-auth resolves it; null when unknown. */
  ip: string | null;
}

// Emails are hashed so typed-in addresses of people without an account are not kept.
const emailKey = (email: string) => `email:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
const keysOf = ({ email, ip }: SignInAttempt) => [
  { key: emailKey(email), max: MAX_FAILURES_PER_EMAIL },
  ...(ip ? [{ key: `ip:${ip}`, max: MAX_FAILURES_PER_ADDRESS }] : []),
];

/** Seconds until the attempt may be made, or null when it may be made now. */
export async function signInRetryAfter(attempt: SignInAttempt, now = new Date()): Promise<number | null> {
  const keys = keysOf(attempt);
  const db = await getDb();
  const rows = await db.signInFailure.findMany({ where: { key: { in: keys.map((k) => k.key) } } });
  let wait: number | null = null;
  for (const row of rows) {
    const max = keys.find((k) => k.key === row.key)!.max;
    const endsAt = row.windowStart.getTime() + SIGN_IN_WINDOW_MS;
    if (row.count >= max && endsAt > now.getTime()) wait = Math.max(wait ?? 0, Math.ceil((endsAt - now.getTime()) / 1000));
  }
  return wait;
}

export async function recordSignInFailure(attempt: SignInAttempt, now = new Date()): Promise<void> {
  const db = await getDb();
  const windowOpen = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  for (const { key } of keysOf(attempt)) {
    const counted = await db.signInFailure.updateMany({ where: { key, windowStart: { gt: windowOpen } }, data: { count: { increment: 1 } } });
    if (counted.count > 0) continue;
    // No open window: start one. Two servers starting the same window at once lose one count at most.
    await db.signInFailure
      .upsert({ where: { key }, create: { key, count: 1, windowStart: now }, update: { count: 1, windowStart: now } })
      .catch(() => db.signInFailure.updateMany({ where: { key }, data: { count: { increment: 1 } } }));
  }
  await db.signInFailure.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 2 * SIGN_IN_WINDOW_MS) } } });
}

/** A successful sign-in clears its email's failures (the address's count stays). */
export async function clearSignInFailures(email: string): Promise<void> {
  const db = await getDb();
  await db.signInFailure.deleteMany({ where: { key: emailKey(email) } });
}
