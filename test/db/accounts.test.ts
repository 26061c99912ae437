// Accounts on both databases: passwords only as hashes, only admins manage users, a role change
// or a disabled account takes effect on the next request, API tokens only as hashes and
// revocable, bad input changes nothing, sign-in failures are throttled without telling whether
// an account exists, and the one-time setup token creates the first admin once.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getAuth } from '../../lib/auth/auth';
import { resolvePrincipal } from '../../lib/auth/resolve-principal';
import { signInWithPassword, SIGN_IN_MESSAGES } from '../../lib/auth/sign-in';
import { getDb } from '../../lib/db/client';
import { AppError } from '../../lib/data/errors';
import { loadGraph } from '../../lib/data/graph';
import { ANONYMOUS, type Principal } from '../../lib/data/principal';
import { canRead, requireReader } from '../../lib/data/read-access';
import { loadSeed } from '../../lib/data/seed';
import { createActor } from '../../lib/data/actors/write-actor';
import { getActorProfile } from '../../lib/data/actors/get-actor-profile';
import { createNote } from '../../lib/data/notes/write-note';
import { findRecordHistory } from '../../lib/data/revisions/find-revisions';
import { createApiToken, findApiTokens, revokeApiToken } from '../../lib/data/users/api-tokens';
import { createUser } from '../../lib/data/users/create-user';
import { findUsers } from '../../lib/data/users/find-users';
import { createFirstAdmin, issueSetupToken, setupTokenUsable } from '../../lib/data/users/setup';
import { MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_EMAIL, recordSignInFailure, signInRetryAfter } from '../../lib/data/users/sign-in-throttle';
import { setUserDisabled, updateUserRole } from '../../lib/data/users/update-user';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();
const CLI: Principal = { type: 'system', origin: 'cli' };
const PASSWORD = 'correct horse battery staple';
/** Tests that make dozens of sign-ins (a password hash each) on a busy machine. */
const SIGN_IN_HEAVY_MS = 180_000;

/** Everything the account features write, to prove a refused call changed nothing. */
async function accountsFingerprint(): Promise<string> {
  const db = await getDb();
  const byId = { orderBy: { id: 'asc' as const } };
  const [users, accounts, sessions, tokens, verifications] = await Promise.all([
    db.user.findMany(byId),
    db.account.findMany(byId),
    db.session.findMany(byId),
    db.apiToken.findMany(byId),
    db.verification.findMany(byId),
  ]);
  return JSON.stringify({ users, accounts, sessions, tokens, verifications });
}

async function expectRefused(run: () => Promise<unknown>, code: AppError['code'], message?: RegExp) {
  const before = await accountsFingerprint();
  const error = await run().then(() => null, (e: unknown) => e);
  expect(error, 'expected the call to be refused').toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toMatch(message);
  expect(await accountsFingerprint(), 'a refused call changed the database').toBe(before);
}

/** Request headers as a browser on the same machine would send them. */
const requestHeaders = (extra: Record<string, string> = {}) => new Headers({ host: 'localhost:3000', ...extra });

/** Signs in through better-auth and returns the Cookie header a browser would send next. */
async function sessionCookie(email: string, password = PASSWORD): Promise<string> {
  const auth = await getAuth();
  const { headers } = await auth.api.signInEmail({ body: { email, password }, headers: requestHeaders(), returnHeaders: true });
  const setCookie = headers.get('set-cookie') ?? '';
  const pair = /(?:__Secure-)?powermap\.session_token=[^;]+/.exec(setCookie);
  expect(pair, `no session cookie in "${setCookie}"`).not.toBeNull();
  return pair![0];
}

async function asPrincipal(userId: string): Promise<Principal> {
  const user = await (await getDb()).user.findUniqueOrThrow({ where: { id: userId } });
  return { type: 'user', userId: user.id, role: user.role as 'viewer' | 'analyst' | 'admin', name: user.name };
}

describe.skipIf(!available)(`accounts on ${TEST_KIND}`, () => {
  let admin: Principal;

  beforeAll(async () => {
    await freshDatabase();
  });

  describe('the first admin from the one-time setup token', () => {
    it('creates the first admin once, and the token is gone afterwards', async () => {
      const token = await issueSetupToken();
      expect(token).toMatch(/^[\w-]{40,}$/);
      const db = await getDb();
      const stored = await db.verification.findMany({ where: { identifier: 'powermap:first-admin-setup' } });
      expect(stored).toHaveLength(1);
      expect(stored[0].value).not.toContain(token!);
      expect(await setupTokenUsable(token!)).toBe(true);

      await expectRefused(() => createFirstAdmin({ token: 'not-the-token', email: 'root@example.test', name: 'Root', password: PASSWORD }), 'forbidden');
      await expectRefused(() => createFirstAdmin({ token: token!, email: 'root@example.test', name: 'Root', password: 'short' }), 'invalid', /12 characters/);

      const created = await createFirstAdmin({ token: token!, email: 'Root@Example.test', name: 'Root', password: PASSWORD });
      expect(created).toMatchObject({ email: 'root@example.test', role: 'admin', disabled: false });
      expect(await setupTokenUsable(token!)).toBe(false);
      await expectRefused(() => createFirstAdmin({ token: token!, email: 'second@example.test', name: 'Second', password: PASSWORD }), 'forbidden');
      expect(await issueSetupToken(), 'no setup token once a user exists').toBeNull();
      admin = await asPrincipal(created.id);
    });
  });

  describe('creating users', () => {
    it('stores only a hash of the password, which better-auth accepts at sign-in', async () => {
      const user = await createUser(admin, { email: 'ann@example.test', name: 'Ann Analyst', role: 'analyst', password: PASSWORD });
      expect(user).toEqual({ id: expect.any(String), email: 'ann@example.test', name: 'Ann Analyst', role: 'analyst', disabled: false, createdAt: expect.any(String) });
      expect(JSON.stringify(user)).not.toContain(PASSWORD);
      const db = await getDb();
      const account = await db.account.findFirstOrThrow({ where: { userId: user.id } });
      expect(account.providerId).toBe('credential');
      expect(account.password).toBeTruthy();
      expect(account.password).not.toContain(PASSWORD);
      expect(account.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/); // better-auth's scrypt salt:key
      expect(await accountsFingerprint()).not.toContain(PASSWORD);
      expect(await signInWithPassword({ email: 'ann@example.test', password: PASSWORD }, requestHeaders())).toEqual({ ok: true });
    });

    it('is for admins only: viewers, analysts and anonymous visitors are refused', async () => {
      const viewer = await asPrincipal((await createUser(admin, { email: 'vic@example.test', name: 'Vic', role: 'viewer', password: PASSWORD })).id);
      const analyst = await asPrincipal((await (await getDb()).user.findUniqueOrThrow({ where: { email: 'ann@example.test' } })).id);
      const input = { email: 'new@example.test', name: 'New', role: 'admin' as const, password: PASSWORD };
      await expectRefused(() => createUser(viewer, input), 'forbidden', /admin/);
      await expectRefused(() => createUser(analyst, input), 'forbidden', /admin/);
      await expectRefused(() => createUser(ANONYMOUS, input), 'unauthenticated');
      await expectRefused(() => updateUserRole(analyst, { userId: viewer.type === 'user' ? viewer.userId : '', role: 'admin' }), 'forbidden');
      await expectRefused(() => findUsers(analyst), 'forbidden');
    });

    it('refuses invalid input with a clear message and changes nothing', async () => {
      const cases: [string, () => Promise<unknown>, RegExp][] = [
        ['a malformed email', () => createUser(admin, { email: 'not-an-email', name: 'X', role: 'viewer', password: PASSWORD }), /email/i],
        ['a short password', () => createUser(admin, { email: 'x@example.test', name: 'X', role: 'viewer', password: 'elevenchars' }), /at least 12/],
        ['a blank password', () => createUser(admin, { email: 'x@example.test', name: 'X', role: 'viewer', password: ' '.repeat(12) }), /only spaces/],
        ['a common password', () => createUser(admin, { email: 'x@example.test', name: 'X', role: 'viewer', password: 'password1234' }), /too common/],
        ['a keyboard walk', () => createUser(admin, { email: 'x@example.test', name: 'X', role: 'viewer', password: 'qwertyuiop12' }), /too common/],
        ['an unknown role', () => createUser(admin, { email: 'x@example.test', name: 'X', role: 'owner' as 'admin', password: PASSWORD }), /role/i],
        ['an empty name', () => createUser(admin, { email: 'x@example.test', name: '   ', role: 'viewer', password: PASSWORD }), /name/i],
        ['an extra field', () => createUser(admin, { email: 'x@example.test', name: 'X', role: 'viewer', password: PASSWORD, disabled: false } as never), /disabled/],
        ['a taken email', () => createUser(admin, { email: 'ANN@example.test', name: 'X', role: 'viewer', password: PASSWORD }), /already exists/],
        ['a role change to an unknown role', () => updateUserRole(admin, { userId: 'abc', role: 'boss' as 'admin' }), /role/i],
        ['a disable without a flag', () => setUserDisabled(admin, { userId: 'abc' } as never), /disabled/i],
        ['a token without a name', () => createApiToken(admin, { name: '' }), /name/i],
      ];
      for (const [what, run, message] of cases) {
        await expectRefused(run, 'invalid', message).catch((e: Error) => {
          throw new Error(`${what}: ${e.message}`);
        });
      }
      await expectRefused(() => updateUserRole(admin, { userId: 'nobody', role: 'admin' }), 'not_found');
    });

    it('keeps one enabled admin', async () => {
      const adminId = admin.type === 'user' ? admin.userId : '';
      await expectRefused(() => updateUserRole(admin, { userId: adminId, role: 'viewer' }), 'forbidden', /at least one enabled admin/);
      await expectRefused(() => setUserDisabled(admin, { userId: adminId, disabled: true }), 'forbidden', /your own account/);
    });
  });

  describe('the next request after a change', () => {
    it('reads a changed role from the database', async () => {
      const user = await createUser(admin, { email: 'rita@example.test', name: 'Rita', role: 'analyst', password: PASSWORD });
      const cookie = await sessionCookie('rita@example.test');
      expect(await resolvePrincipal(requestHeaders({ cookie }))).toEqual({ type: 'user', userId: user.id, role: 'analyst', name: 'Rita' });

      await updateUserRole(admin, { userId: user.id, role: 'viewer' });
      expect(await resolvePrincipal(requestHeaders({ cookie }))).toMatchObject({ type: 'user', role: 'viewer' });
      await updateUserRole(admin, { userId: user.id, role: 'admin' });
      expect(await resolvePrincipal(requestHeaders({ cookie }))).toMatchObject({ type: 'user', role: 'admin' });
    });

    it('treats a disabled user as anonymous, revokes their sessions and refuses a new sign-in', async () => {
      const user = await createUser(admin, { email: 'dan@example.test', name: 'Dan', role: 'analyst', password: PASSWORD });
      const cookie = await sessionCookie('dan@example.test');
      await sessionCookie('dan@example.test'); // a second browser
      const db = await getDb();
      expect(await db.session.count({ where: { userId: user.id } })).toBe(2);
      const { token } = await createApiToken(await asPrincipal(user.id), { name: 'script' });

      await setUserDisabled(admin, { userId: user.id, disabled: true });
      expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
      expect(await resolvePrincipal(requestHeaders({ cookie }))).toEqual(ANONYMOUS);
      await expect(resolvePrincipal(requestHeaders({ authorization: `Bearer ${token}` }))).rejects.toMatchObject({ code: 'unauthenticated' });
      expect(await signInWithPassword({ email: 'dan@example.test', password: PASSWORD }, requestHeaders())).toMatchObject({ ok: false, status: 403 });
      expect(await signInWithPassword({ email: 'dan@example.test', password: 'wrong password!' }, requestHeaders())).toEqual({
        ok: false,
        status: 401,
        message: SIGN_IN_MESSAGES.incorrect,
      });

      await setUserDisabled(admin, { userId: user.id, disabled: false });
      expect(await resolvePrincipal(requestHeaders({ cookie: await sessionCookie('dan@example.test') }))).toMatchObject({ type: 'user', userId: user.id });
    });

    it('lets nobody raise their own role or re-enable themselves through better-auth', async () => {
      const user = await createUser(admin, { email: 'eve@example.test', name: 'Eve', role: 'viewer', password: PASSWORD });
      const cookie = await sessionCookie('eve@example.test');
      const auth = await getAuth();
      for (const body of [{ role: 'admin' }, { disabled: true }, { name: 'Eve', role: 'admin' }]) {
        await auth.api.updateUser({ body: body as never, headers: requestHeaders({ cookie }) }).catch(() => undefined);
      }
      expect(await (await getDb()).user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ role: 'viewer', disabled: false });
      await expect(auth.api.signUpEmail({ body: { email: 'walk-in@example.test', password: PASSWORD, name: 'Walk In' }, headers: requestHeaders() })).rejects.toThrow();
      expect(await (await getDb()).user.count({ where: { email: 'walk-in@example.test' } })).toBe(0);
    });

    it('answers only sign-in, sign-out and session: nobody renames themselves, changes email or password, or deletes the account', async () => {
      const user = await createUser(admin, { email: 'rene@example.test', name: 'René Viewer', role: 'viewer', password: PASSWORD });
      const cookie = await sessionCookie('rene@example.test');
      const auth = await getAuth();
      const call = (method: string, path: string, body?: unknown) =>
        auth.handler(
          new Request(`http://localhost:3000/api/auth${path}`, {
            method,
            headers: { cookie, origin: 'http://localhost:3000', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
            body: body === undefined ? undefined : JSON.stringify(body),
          }),
        );
      const before = await accountsFingerprint();
      const attempts: [string, string, unknown?][] = [
        ['POST', '/update-user', { name: 'RT admin' }],
        ['POST', '/update-user', { name: '' }],
        ['POST', '/change-email', { newEmail: 'someone-else@example.test' }],
        ['POST', '/change-password', { currentPassword: PASSWORD, newPassword: 'another long passphrase here', revokeOtherSessions: true }],
        ['POST', '/delete-user', { password: PASSWORD }],
        ['POST', '/revoke-other-sessions', {}],
        ['GET', '/list-sessions'],
        ['GET', '/list-accounts'],
        ['POST', '/request-password-reset', { email: 'rene@example.test' }],
        ['POST', '/sign-up/email', { email: 'walk-in-2@example.test', password: PASSWORD, name: 'Walk In' }],
      ];
      for (const [method, path, body] of attempts) expect((await call(method, path, body)).status, `${method} ${path}`).toBe(404);
      await expect(auth.api.updateUser({ body: { name: 'RT admin' }, headers: requestHeaders({ cookie }) })).rejects.toThrow();
      expect(await accountsFingerprint()).toBe(before);
      expect(await (await getDb()).user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ name: 'René Viewer', email: 'rene@example.test' });
      // The three that Powermap uses still answer.
      expect((await call('GET', '/get-session')).status).toBe(200);
      expect((await call('POST', '/sign-out', {})).status).toBe(200);
    });

    it('shows in history and on notes the name the author had when writing, not the account name today', async () => {
      const created = await createUser(admin, { email: 'hana@example.test', name: 'Hana Historian', role: 'analyst', password: PASSWORD });
      const hana = await asPrincipal(created.id);
      await loadSeed();
      const actor = await createActor(hana, { slug: 'attribution-probe', name: 'Attribution Probe', kind: 'person', faction: 'other' });
      await createNote(hana, { actor: actor.slug, body: 'Written under the old name' });
      // However the account came to be renamed (an endpoint since closed, a database edit):
      await (await getDb()).user.update({ where: { id: created.id }, data: { name: 'RT admin' } });
      const history = await findRecordHistory(admin, { type: 'actor', id: actor.slug });
      expect(history.revisions.map((r) => r.author)).toEqual(['Hana Historian']);
      const profile = await getActorProfile(admin, { slug: actor.slug });
      expect(profile.notes.map((n) => n.author)).toEqual(['Hana Historian']);
    });

    it('reads nobody from no credentials or a forged cookie', async () => {
      expect(await resolvePrincipal(requestHeaders())).toEqual(ANONYMOUS);
      expect(await resolvePrincipal(requestHeaders({ cookie: 'powermap.session_token=forged.value' }))).toEqual(ANONYMOUS);
    });
  });

  describe('personal API tokens', () => {
    it('stores only a hash, resolves like a session, and stops working when revoked', async () => {
      const user = await createUser(admin, { email: 'tom@example.test', name: 'Tom', role: 'analyst', password: PASSWORD });
      const tom = await asPrincipal(user.id);
      const { token, apiToken } = await createApiToken(tom, { name: 'nightly export' });
      expect(token).toMatch(/^pm_[\w-]{40,}$/);
      expect(apiToken).toMatchObject({ name: 'nightly export', revokedAt: null, lastUsedAt: null });

      const db = await getDb();
      const row = await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
      expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(await db.apiToken.findMany())).not.toContain(token);
      expect(JSON.stringify(await findApiTokens(tom))).not.toContain(token);

      const bearer = requestHeaders({ authorization: `Bearer ${token}` });
      expect(await resolvePrincipal(bearer)).toEqual({ type: 'user', userId: user.id, role: 'analyst', name: 'Tom' });
      expect((await findApiTokens(tom))[0].lastUsedAt).not.toBeNull();
      await updateUserRole(admin, { userId: user.id, role: 'viewer' });
      expect(await resolvePrincipal(bearer)).toMatchObject({ role: 'viewer' });

      // Someone else's token reads as not found; nobody else can revoke it.
      const other = await asPrincipal((await createUser(admin, { email: 'uma@example.test', name: 'Uma', role: 'viewer', password: PASSWORD })).id);
      await expectRefused(() => revokeApiToken(other, { tokenId: apiToken.id }), 'not_found');
      expect(await findApiTokens(other)).toEqual([]);
      await expectRefused(() => createApiToken(ANONYMOUS, { name: 'x' }), 'unauthenticated');

      const revoked = await revokeApiToken(tom, { tokenId: apiToken.id });
      expect(revoked.revokedAt).not.toBeNull();
      await expect(resolvePrincipal(bearer)).rejects.toMatchObject({ code: 'unauthenticated' });
      await expect(resolvePrincipal(requestHeaders({ authorization: 'Bearer pm_made-up' }))).rejects.toMatchObject({ code: 'unauthenticated' });
    });
  });

  describe('sign-in throttling', () => {
    it('answers the eleventh failure with 429, the same for an unknown account and a wrong password', async () => {
      await createUser(admin, { email: 'sam@example.test', name: 'Sam', role: 'viewer', password: PASSWORD });
      // Each from its own client address, so only the per-email count is in play.
      const from = (ip: string) => requestHeaders({ 'x-forwarded-for': ip });
      const attempts = async (email: string, password: string, ip: string) => {
        const results = [];
        for (let i = 0; i <= MAX_FAILURES_PER_EMAIL; i++) results.push(await signInWithPassword({ email, password }, from(ip)));
        return results;
      };
      const wrongPassword = await attempts('sam@example.test', 'not the password', '192.0.2.10');
      const unknownEmail = await attempts('nobody@example.test', 'not the password', '192.0.2.11');
      expect(wrongPassword).toEqual(unknownEmail);
      expect(wrongPassword.slice(0, MAX_FAILURES_PER_EMAIL)).toEqual(Array(MAX_FAILURES_PER_EMAIL).fill({ ok: false, status: 401, message: 'Email or password is incorrect' }));
      expect(wrongPassword[MAX_FAILURES_PER_EMAIL]).toEqual({ ok: false, status: 429, message: 'Too many attempts, try again in a few minutes' });
      // Even the right password waits out the window: a 429 must not become an oracle.
      expect(await signInWithPassword({ email: 'sam@example.test', password: PASSWORD }, from('192.0.2.12'))).toMatchObject({ status: 429 });
      // Other accounts are unaffected.
      expect(await signInWithPassword({ email: 'ann@example.test', password: PASSWORD }, from('192.0.2.10'))).toEqual({ ok: true });
    }, SIGN_IN_HEAVY_MS);

    describe('a delay that grows, not a lock', () => {
      afterEach(() => {
        vi.useRealTimers();
      });
      const from = (ip: string, extra: Record<string, string> = {}) => requestHeaders({ 'x-forwarded-for': ip, ...extra });
      const fail = async (email: string, times: number, ip: string) => {
        for (let i = 0; i < times; i++) expect(await signInWithPassword({ email, password: 'not the password' }, from(ip))).toMatchObject({ status: 401 });
      };

      it('lets the right password in once the wait is over, and doubles the wait after each further failure', async () => {
        vi.useFakeTimers({ toFake: ['Date'], now: new Date('2030-01-01T10:00:00Z') });
        await createUser(admin, { email: 'wendy@example.test', name: 'Wendy', role: 'viewer', password: PASSWORD });
        await fail('wendy@example.test', MAX_FAILURES_PER_EMAIL, '192.0.2.20');
        expect(await signInWithPassword({ email: 'wendy@example.test', password: PASSWORD }, from('192.0.2.21'))).toMatchObject({ status: 429 });
        vi.setSystemTime(new Date('2030-01-01T10:01:01Z'));
        // One more failure after the first minute: the next wait is two minutes.
        await fail('wendy@example.test', 1, '192.0.2.20');
        vi.setSystemTime(new Date('2030-01-01T10:02:30Z'));
        expect(await signInWithPassword({ email: 'wendy@example.test', password: PASSWORD }, from('192.0.2.21'))).toMatchObject({ status: 429 });
        vi.setSystemTime(new Date('2030-01-01T10:03:02Z'));
        expect(await signInWithPassword({ email: 'wendy@example.test', password: PASSWORD }, from('192.0.2.21'))).toEqual({ ok: true });
        // The success cleared the count: ten more failures are free again.
        await fail('wendy@example.test', MAX_FAILURES_PER_EMAIL, '192.0.2.22');
      }, SIGN_IN_HEAVY_MS);

      it('says how long to wait in Retry-After, on the HTTP endpoint', async () => {
        vi.useFakeTimers({ toFake: ['Date'], now: new Date('2030-01-02T10:00:00Z') });
        await fail('xena@example.test', MAX_FAILURES_PER_EMAIL, '192.0.2.30');
        const auth = await getAuth();
        const response = await auth.handler(
          new Request('http://localhost:3000/api/auth/sign-in/email', {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', 'x-forwarded-for': '192.0.2.31' },
            body: JSON.stringify({ email: 'xena@example.test', password: PASSWORD }),
          }),
        );
        expect(response.status).toBe(429);
        expect(Number(response.headers.get('retry-after'))).toBe(60);
      }, SIGN_IN_HEAVY_MS);

      it('never holds up a browser that signed in to the account before, whoever fails against it', async () => {
        await createUser(admin, { email: 'yuri@example.test', name: 'Yuri', role: 'viewer', password: PASSWORD });
        const auth = await getAuth();
        const { headers } = await auth.api.signInEmail({ body: { email: 'yuri@example.test', password: PASSWORD }, headers: from('192.0.2.40'), returnHeaders: true });
        const known = /(?:__Secure-)?powermap\.known_device=[^;]+/.exec(headers.get('set-cookie') ?? '')?.[0];
        expect(known, 'a known-device cookie after signing in').toBeTruthy();
        // Someone else spends the free failures, even from the owner's own address.
        await fail('yuri@example.test', MAX_FAILURES_PER_EMAIL, '192.0.2.40');
        expect(await signInWithPassword({ email: 'yuri@example.test', password: PASSWORD }, from('192.0.2.40'))).toMatchObject({ status: 429 });
        expect(await signInWithPassword({ email: 'yuri@example.test', password: PASSWORD }, from('192.0.2.40', { cookie: known! }))).toEqual({ ok: true });
        // The cookie is for this account only, and a forged one counts for nothing.
        await createUser(admin, { email: 'zoe@example.test', name: 'Zoe', role: 'viewer', password: PASSWORD });
        await fail('zoe@example.test', MAX_FAILURES_PER_EMAIL, '192.0.2.41');
        expect(await signInWithPassword({ email: 'zoe@example.test', password: PASSWORD }, from('192.0.2.41', { cookie: known! }))).toMatchObject({ status: 429 });
        expect(await signInWithPassword({ email: 'yuri@example.test', password: PASSWORD }, from('192.0.2.42', { cookie: 'powermap.known_device=forged.value' }))).toMatchObject({ status: 429 });
      }, SIGN_IN_HEAVY_MS);

      it('slows one address spraying many accounts after its free failures', async () => {
        // Counted directly (a real failure costs a password hash each): fifty emails from one address.
        for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) await recordSignInFailure({ email: `spray-${i}@example.test`, ip: '192.0.2.50' });
        expect(await signInRetryAfter({ email: 'spray-new@example.test', ip: '192.0.2.50' })).toBe(60);
        expect(await signInRetryAfter({ email: 'spray-new@example.test', ip: '192.0.2.51' })).toBeNull();
        expect(await signInWithPassword({ email: 'spray-new@example.test', password: 'not the password' }, from('192.0.2.50'))).toMatchObject({ status: 429 });
      });
    });

    it('answers the HTTP endpoint alike for an unknown account and a wrong password', async () => {
      const auth = await getAuth();
      const post = (email: string) =>
        auth.handler(
          new Request('http://localhost:3000/api/auth/sign-in/email', {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', 'x-forwarded-for': '198.51.100.7' },
            body: JSON.stringify({ email, password: 'not the password' }),
          }),
        );
      const [known, unknown] = [await post('ann@example.test'), await post('nobody-else@example.test')];
      expect(known.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(await known.json()).toEqual(await unknown.json());
    });
  });

  describe('reading when sign-in is required', () => {
    const required = { POWERMAP_REQUIRE_SIGN_IN: '1' };

    it('lets anyone read by default and only signed-in users when required', async () => {
      expect(canRead(ANONYMOUS, {})).toBe(true);
      expect(() => requireReader(ANONYMOUS, {})).not.toThrow();
      expect(canRead(ANONYMOUS, required)).toBe(false);
      expect(() => requireReader(ANONYMOUS, required)).toThrow(AppError);
      expect(() => requireReader(ANONYMOUS, required)).toThrow(/Sign in/);
      expect(() => requireReader(admin, required)).not.toThrow();
      expect(() => requireReader(CLI, required)).not.toThrow();
    });

    it('refuses the graph to anonymous readers when POWERMAP_REQUIRE_SIGN_IN=1', async () => {
      await loadSeed();
      expect((await loadGraph(ANONYMOUS)).nodes.length).toBeGreaterThan(0);
      process.env.POWERMAP_REQUIRE_SIGN_IN = '1';
      try {
        await expect(loadGraph(ANONYMOUS)).rejects.toMatchObject({ code: 'unauthenticated' });
        expect((await loadGraph(admin)).nodes.length).toBeGreaterThan(0);
      } finally {
        delete process.env.POWERMAP_REQUIRE_SIGN_IN;
      }
    });
  });
});
