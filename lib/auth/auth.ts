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
// What we add on top: sign-up is closed (admins create users, lib/data/users), role and
// disabled are user columns nobody can set through better-auth's own endpoints, a disabled
// user gets no new session, and failed sign-ins are counted per email and per client address
// (lib/data/users/sign-in-throttle.ts) so the eleventh failure in the window is a 429 that
// says nothing about whether the account exists.
import 'server-only';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { APIError, createAuthMiddleware, getIP, isAPIError } from 'better-auth/api';
import { hashPassword, verifyPassword } from 'better-auth/crypto';
import { nextCookies } from 'better-auth/next-js';
import { getConnection, type Db } from '../db/client';
import type { DatabaseKind } from '../db/config';
import { clearSignInFailures, recordSignInFailure, signInRetryAfter } from '../data/users/sign-in-throttle';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../validation/users';
import { authSecret } from './secret';

export const SIGN_IN_PATH = '/sign-in/email';
export const TOO_MANY_ATTEMPTS_CODE = 'TOO_MANY_ATTEMPTS';
export const ACCOUNT_DISABLED_CODE = 'ACCOUNT_DISABLED';

/** Hosts the app answers on. Origins of sign-in and sign-out requests must be one of them. */
function allowedHosts(env: NodeJS.ProcessEnv = process.env): string[] {
  const configured = (env.POWERMAP_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  return [...configured, 'localhost', 'localhost:*', '127.0.0.1', '127.0.0.1:*', '[::1]', '[::1]:*'];
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
        if (ctx.path !== SIGN_IN_PATH) return;
        const wait = await signInRetryAfter(attemptOf(ctx));
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
        const attempt = attemptOf(ctx);
        if (isAPIError(returned)) {
          if (returned.statusCode === 401) await recordSignInFailure(attempt);
        } else {
          await clearSignInFailures(attempt.email);
        }
      }),
    },
    // Sets cookies from server actions (sign-in and sign-out forms); must stay last.
    plugins: [nextCookies()],
  });
}

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

function attemptOf(ctx: HookContext) {
  const body = (ctx.body ?? {}) as { email?: unknown };
  const source = ctx.request ?? ctx.headers;
  return {
    email: typeof body.email === 'string' ? body.email : '',
    ip: source ? getIP(source, ctx.context.options) : null,
  };
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
