// The first admin. With no users, `npm start` prints a one-time link carrying a setup token
// (stored as a SHA-256 in the Verification table, valid 24 hours); whoever opens it creates
// the first admin, and the token is gone. There is never a default account or password.
import 'server-only';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { getDb, type Tx } from '../../db/client';
import { setupAdminSchema, type SetupAdminInput } from '../../validation/users';
import { AppError, parseInput } from '../errors';
import { inTransaction } from '../mutation';
import { hashUserPassword, insertUser } from './create-user';
import type { UserDto } from './user-dto';

const SETUP_IDENTIFIER = 'powermap:first-admin-setup';
export const SETUP_TOKEN_TTL_MS = 24 * 60 * 60_000;

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export async function hasUsers(): Promise<boolean> {
  const db = await getDb();
  return (await db.user.count()) > 0;
}

/**
 * For the start-up script: when there are no users, replaces any earlier setup token with a
 * fresh one and returns it (to print once); when there are users, removes any left over and returns null.
 */
export async function issueSetupToken(now = new Date()): Promise<string | null> {
  const db = await getDb();
  await db.verification.deleteMany({ where: { identifier: SETUP_IDENTIFIER } });
  if (await hasUsers()) return null;
  const token = randomBytes(32).toString('base64url');
  await db.verification.create({
    data: { identifier: SETUP_IDENTIFIER, value: digest(token), expiresAt: new Date(now.getTime() + SETUP_TOKEN_TTL_MS) },
  });
  return token;
}

async function tokenValid(db: Tx | Awaited<ReturnType<typeof getDb>>, token: string, now: Date): Promise<boolean> {
  const rows = await db.verification.findMany({ where: { identifier: SETUP_IDENTIFIER, expiresAt: { gt: now } } });
  const wanted = Buffer.from(digest(token), 'hex');
  return rows.some((row) => {
    const stored = Buffer.from(row.value, 'hex');
    return stored.length === wanted.length && timingSafeEqual(stored, wanted);
  });
}

/** Whether the setup page should offer the form: a valid token and still no users. */
export async function setupTokenUsable(token: string, now = new Date()): Promise<boolean> {
  if (!token || token.length > 200) return false;
  const db = await getDb();
  return !(await hasUsers()) && (await tokenValid(db, token, now));
}

export async function createFirstAdmin(input: SetupAdminInput, now = new Date()): Promise<UserDto> {
  const data = parseInput(setupAdminSchema, input, 'Admin account');
  const passwordHash = await hashUserPassword(data.password);
  return inTransaction(async (tx) => {
    if ((await tx.user.count()) > 0 || !(await tokenValid(tx, data.token, now))) {
      throw new AppError('forbidden', 'This setup link is no longer valid. It works once, for 24 hours, while Powermap has no users.');
    }
    const admin = await insertUser(tx, { email: data.email, name: data.name, role: 'admin', passwordHash });
    await tx.verification.deleteMany({ where: { identifier: SETUP_IDENTIFIER } });
    return admin;
  });
}
