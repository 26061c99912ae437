// Sign-in for Powermap: better-auth over our own Prisma client.
//
// Why better-auth: it is actively maintained, TypeScript-first, and keeps everything in our
// database through its Prisma adapter, on SQLite and PostgreSQL alike (we pick the provider
// from the connection). Out of the box it gives scrypt password hashing, database sessions we
// can revoke by deleting rows, HttpOnly SameSite cookies signed with a server secret, CSRF and
// origin checks, and a request rate limiter that can count in the database (so several app
// servers share one limit). The alternatives fit worse: Auth.js treats email and password as
// second-class and leaves hashing to us; Lucia is deprecated; Passport is Express-shaped.
//
// What we add on top: sign-up is closed (admins create users, lib/data/users); only the three
// endpoints Powermap uses answer (sign-in, sign-out, session), so nobody renames themselves,
// changes their email or deletes their account past the data layer; role and disabled are
// user columns nobody can set through better-auth; a disabled user gets no new session; and
// failed sign-ins make the next attempt wait longer and longer (lib/data/users/sign-in-throttle.ts:
// the eleventh failure for an email is a 429 that says nothing about whether the account exists),
// except from a browser that signed in to the account before (a signed "known device" cookie).
import 'server-only';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { APIError, createAuthMiddleware, getIP, isAPIError } from 'better-auth/api';
import { hashPassword, verifyPassword } from 'better-auth/crypto';
import { nextCookies } from 'better-auth/next-js';
import { getConnection, type Db } from '../db/client';
import type { DatabaseKind } from '../db/config';
import { clearSignInFailures, emailHash, recordSignInFailure, signInRetryAfter, type SignInAttempt } from '../data/users/sign-in-throttle';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../validation/users';
import { authSecret } from './secret';

export const SIGN_IN_PATH = '/sign-in/email';
export const TOO_MANY_ATTEMPTS_CODE = 'TOO_MANY_ATTEMPTS';
export const ACCOUNT_DISABLED_CODE = 'ACCOUNT_DISABLED';

/** better-auth's endpoints that Powermap uses; every other one answers 404. */
export const ENABLED_AUTH_PATHS: readonly string[] = [SIGN_IN_PATH, '/sign-out', '/get-session'];

/**
 * Hosts the app answers on. Origins of sign-in and sign-out requests must be one of them. The
 * machine itself on this server's own port always (that is the app itself); any port of it only
 * in development, where other local tools run beside `next dev`.
 */
export function allowedHosts(env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  const configured = (env.POWERMAP_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  const port = env.PORT ?? '3000';
  const loopback = ['localhost', '127.0.0.1', '[::1]'];
  const local = env.NODE_ENV === 'development' ? loopback.flatMap((h) => [h, `${h}:*`]) : loopback.map((h) => `${h}:${port}`);
  return [...configured, ...local];
}

/**
 * Secure (HTTPS-only) cookies in production, as better-auth does by default; browsers accept
 * them from http://localhost too. A trial on a plain-HTTP address elsewhere can opt out.
 */
function secureCookies(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.BETTER_AUTH_URL) return env.BETTER_AUTH_URL.startsWith('https://');
  if (/^(1|true)$/i.test(env.POWERMAP_INSECURE_COOKIES ?? '')) return false;
  return env.NODE_ENV === 'production';
}

function buildAuth(kind: DatabaseKind, db: Db, secret: string) {
  return betterAuth({
    appName: 'Powermap',
    secret,
    // A fixed public URL when given; otherwise the request's own host, if it is an allowed one.
    baseURL: process.env.BETTER_AUTH_URL || { allowedHosts: allowedHosts(), fallback: `http://localhost:${process.env.PORT ?? 3000}` },
    basePath: '/api/auth',
    database: prismaAdapter(db, { provider: kind === 'postgresql' ? 'postgresql' : 'sqlite' }),
    telemetry: { enabled: false },
    // Failed sign-ins are logged as warnings; the tests fail dozens on purpose.
    logger: { disabled: process.env.NODE_ENV === 'test' },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      // Named explicitly so lib/data/users/create-user.ts provably hashes the same way.
      password: { hash: hashPassword, verify: verifyPassword },
    },
    user: {
      additionalFields: {
        role: { type: 'string', required: false, defaultValue: 'viewer', input: false },
        disabled: { type: 'boolean', required: false, defaultValue: false, input: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      // Never trust a cached copy of the session in a cookie: every request reads the database.
      cookieCache: { enabled: false },
    },
    advanced: {
      cookiePrefix: 'powermap',
      useSecureCookies: secureCookies(),
      // Lax, not Strict: a link to Powermap from elsewhere should arrive signed in; state
      // changes are POSTs, which Lax never carries cross-site, and better-auth checks Origin too.
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      // better-auth's default for sign-in (3 per 10 s per address) would lock out a shared
      // office address; failures are limited by our hook below, this only stops floods.
      customRules: { [SIGN_IN_PATH]: { window: 60, max: 100 } },
    },
    databaseHooks: {
      session: {
        create: {
          async before(session) {
            const user = await db.user.findUnique({ where: { id: session.userId }, select: { disabled: true } });
            if (!user || user.disabled) {
              throw new APIError('FORBIDDEN', { code: ACCOUNT_DISABLED_CODE, message: 'This account is disabled. Ask an admin to enable it.' });
            }
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (!ENABLED_AUTH_PATHS.includes(ctx.path)) throw new APIError('NOT_FOUND', { message: 'Not found' });
        if (ctx.path !== SIGN_IN_PATH) return;
        const wait = await signInRetryAfter(await attemptOf(ctx));
        if (wait !== null) {
          throw new APIError(
            'TOO_MANY_REQUESTS',
            { code: TOO_MANY_ATTEMPTS_CODE, message: 'Too many attempts, try again in a few minutes' },
            { 'Retry-After': String(wait) },
          );
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH) return;
        const returned = ctx.context.returned;
        const attempt = await attemptOf(ctx);
        if (isAPIError(returned)) {
          if (returned.statusCode === 401) await recordSignInFailure(attempt);
        } else {
          await clearSignInFailures(attempt);
          await rememberDevice(ctx, attempt.email);
        }
      }),
    },
    // Sets cookies from server actions (sign-in and sign-out forms); must stay last.
    plugins: [nextCookies()],
  });
}

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/**
 * The client address is X-Forwarded-For, which scripts/serve.ts sets on every request to the
 * socket's address, or to the client a trusted proxy reports (POWERMAP_TRUSTED_PROXIES); a
 * client's own X-Forwarded-For never gets this far.
 */
async function attemptOf(ctx: HookContext): Promise<SignInAttempt> {
  const body = (ctx.body ?? {}) as { email?: unknown };
  const source = ctx.request ?? ctx.headers;
  const email = typeof body.email === 'string' ? body.email : '';
  return { email, ip: source ? getIP(source, ctx.context.options) : null, knownDevice: await isKnownDevice(ctx, email) };
}

// The known-device cookie: "<sha256 of the email>.<issued, epoch ms>", signed with the auth
// secret, so only a browser that signed in to that account holds a valid one.
const KNOWN_DEVICE_COOKIE = 'known_device';
const KNOWN_DEVICE_MAX_AGE_S = 365 * 24 * 60 * 60;

async function isKnownDevice(ctx: HookContext, email: string): Promise<boolean> {
  if (!email) return false;
  const cookie = ctx.context.createAuthCookie(KNOWN_DEVICE_COOKIE);
  const value = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  if (!value) return false;
  const [hash, issued] = value.split('.');
  return hash === emailHash(email) && Date.now() - Number(issued) < KNOWN_DEVICE_MAX_AGE_S * 1000;
}

async function rememberDevice(ctx: HookContext, email: string): Promise<void> {
  const cookie = ctx.context.createAuthCookie(KNOWN_DEVICE_COOKIE, { maxAge: KNOWN_DEVICE_MAX_AGE_S });
  await ctx.setSignedCookie(cookie.name, `${emailHash(email)}.${Date.now()}`, ctx.context.secret, cookie.attributes);
}

export type PowermapAuth = ReturnType<typeof buildAuth>;

const globalForAuth = globalThis as unknown as { powermapAuth?: WeakMap<Db, Promise<PowermapAuth>> };

/** The better-auth instance for this process's database connection, created on first use. */
export async function getAuth(): Promise<PowermapAuth> {
  const { kind, db } = await getConnection();
  const instances = (globalForAuth.powermapAuth ??= new WeakMap());
  let auth = instances.get(db);
  if (!auth) {
    auth = authSecret(db).then((secret) => buildAuth(kind, db, secret));
    auth.catch(() => instances.delete(db));
    instances.set(db, auth);
  }
  return auth;
}
