// Personal API tokens: a user creates one for a script, sees it once, and can revoke it.
// Only a SHA-256 of the token is stored (the token is 256 random bits, so a fast hash is
// enough; a leaked table gives nothing to replay). Requests present it as
// `Authorization: Bearer <token>` and act as that user with the user's current role.
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { getDb } from '../../db/client';
import { createApiTokenSchema, revokeApiTokenSchema, type CreateApiTokenInput, type RevokeApiTokenInput } from '../../validation/users';
import { AppError, notFound, parseInput } from '../errors';
import { requireRole, type Principal } from '../principal';

export const API_TOKEN_PREFIX = 'pm_';
const MAX_ACTIVE_TOKENS = 50;

export interface ApiTokenDto {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const hashApiToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

const toDto = (t: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }): ApiTokenDto => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

/** Tokens belong to a signed-in user; scripts run by the operator have no tokens. */
function ownerOf(principal: Principal): string {
  requireRole(principal, 'viewer');
  if (principal.type !== 'user') throw new AppError('forbidden', 'API tokens belong to a user account');
  return principal.userId;
}

/** The secret is in the result only this once. */
export async function createApiToken(principal: Principal, input: CreateApiTokenInput): Promise<{ token: string; apiToken: ApiTokenDto }> {
  const userId = ownerOf(principal);
  const { name } = parseInput(createApiTokenSchema, input, 'API token');
  const db = await getDb();
  if ((await db.apiToken.count({ where: { userId, revokedAt: null } })) >= MAX_ACTIVE_TOKENS) {
    throw new AppError('forbidden', `You already have ${MAX_ACTIVE_TOKENS} active tokens; revoke one first`);
  }
  const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const row = await db.apiToken.create({ data: { userId, name, tokenHash: hashApiToken(token) } });
  return { token, apiToken: toDto(row) };
}

/** The principal's own tokens, newest first, revoked ones included (marked). */
export async function findApiTokens(principal: Principal): Promise<ApiTokenDto[]> {
  const userId = ownerOf(principal);
  const db = await getDb();
  const rows = await db.apiToken.findMany({ where: { userId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  return rows.map(toDto);
}

/** Revokes one of the principal's own tokens; someone else's reads as not found. */
export async function revokeApiToken(principal: Principal, input: RevokeApiTokenInput): Promise<ApiTokenDto> {
  const userId = ownerOf(principal);
  const { tokenId } = parseInput(revokeApiTokenSchema, input, 'Token revocation');
  const db = await getDb();
  const row = await db.apiToken.findFirst({ where: { id: tokenId, userId } });
  if (!row) throw notFound('API token');
  if (row.revokedAt) return toDto(row);
  return toDto(await db.apiToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } }));
}
