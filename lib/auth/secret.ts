// The key that signs session cookies. BETTER_AUTH_SECRET wins when set (recommended for
// production, so the key is not in the database); otherwise the first server generates a
// random one and keeps it in the database, so every server and restart agrees and there is
// still nothing for an operator to forget.
import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';

const SECRET_IDENTIFIER = 'powermap:auth-secret';
const NEVER = new Date('9999-12-31T00:00:00Z');

export async function authSecret(db: Db, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const oldest = () =>
    db.verification.findFirst({ where: { identifier: SECRET_IDENTIFIER }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  const existing = await oldest();
  if (existing) return existing.value;
  await db.verification.create({ data: { identifier: SECRET_IDENTIFIER, value: randomBytes(32).toString('base64url'), expiresAt: NEVER } });
  // Two servers starting together may both insert; both then use the oldest row.
  return (await oldest())!.value;
}
