// The origins allowed to frame the embeds, an admin's setting (Setting "embed-origins"), every change
// recorded as a revision (entityType "setting"). proxy.ts reads the list on every /embed request to
// write their frame-ancestors, so the read is kept for a few seconds per process: a change made on
// this server takes effect at once (the write clears it), on another server within EMBED_ORIGINS_TTL_MS.
// The cache lives on globalThis because the proxy and the pages are bundled apart but share a process.
import 'server-only';
import { getDb } from '../../db/client';
import { embedOriginListSchema, updateEmbedOriginsSchema } from '../../validation/embeds';
import { assertVersion, inTransaction } from '../mutation';
import { AppError, parseInput } from '../errors';
import { requireRole, type Principal } from '../principal';
import { recordRevision } from '../revisions';

export const EMBED_ORIGINS_KEY = 'embed-origins';
export const EMBED_ORIGINS_TTL_MS = 5_000;

const cacheHolder = globalThis as unknown as { powermapEmbedOrigins?: { origins: string[]; readAt: number } };

function parseOrigins(value: string | null | undefined): string[] {
  if (!value) return [];
  try {
    const parsed = embedOriginListSchema.safeParse(JSON.parse(value));
    // A stored list that no longer validates allows nothing rather than something unchecked.
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** The allowed origins, for the embeds' frame-ancestors; [] (frames refused) until an admin sets some. */
export async function getEmbedOrigins(now = Date.now()): Promise<string[]> {
  const cached = cacheHolder.powermapEmbedOrigins;
  if (cached && now - cached.readAt < EMBED_ORIGINS_TTL_MS) return cached.origins;
  const db = await getDb();
  const row = await db.setting.findUnique({ where: { key: EMBED_ORIGINS_KEY }, select: { value: true } });
  const origins = parseOrigins(row?.value);
  cacheHolder.powermapEmbedOrigins = { origins, readAt: now };
  return origins;
}

export interface EmbedOriginsChange {
  at: string;
  author: string | null;
  before: string[];
  after: string[];
}

export interface EmbedOriginsSetting {
  origins: string[];
  /** 0 when never set. */
  version: number;
  /** Newest first, at most 50. */
  history: EmbedOriginsChange[];
}

const listOf = (json: string | null): string[] => {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    const origins = (value as { origins?: unknown } | null)?.origins;
    return Array.isArray(origins) ? origins.filter((o): o is string => typeof o === 'string') : [];
  } catch {
    return [];
  }
};

/** The admin page's section: the list, its version and its history. */
export async function findEmbedOriginsSetting(principal: Principal): Promise<EmbedOriginsSetting> {
  requireRole(principal, 'admin');
  const db = await getDb();
  const [row, revisions] = await Promise.all([
    db.setting.findUnique({ where: { key: EMBED_ORIGINS_KEY } }),
    db.revision.findMany({
      where: { entityType: 'setting', entityId: EMBED_ORIGINS_KEY },
      orderBy: [{ createdAt: 'desc' }, { version: 'desc' }],
      take: 50,
      select: { before: true, after: true, createdAt: true, authorName: true },
    }),
  ]);
  return {
    origins: parseOrigins(row?.value),
    version: row?.version ?? 0,
    history: revisions.map((r) => ({ at: r.createdAt.toISOString(), author: r.authorName, before: listOf(r.before), after: listOf(r.after) })),
  };
}

/** Replaces the list (admins only), at the version the form was opened at; a revision records the change. */
export async function updateEmbedOrigins(principal: Principal, input: unknown): Promise<{ version: number; origins: string[] }> {
  requireRole(principal, 'admin');
  const { version, origins } = parseInput(updateEmbedOriginsSchema, input, 'Embed origins');
  const written = await inTransaction(async (tx) => {
    const row = await tx.setting.findUnique({ where: { key: EMBED_ORIGINS_KEY } });
    const current = { version: row?.version ?? 0 };
    const before = parseOrigins(row?.value);
    assertVersion('The list of embed origins', current, version, { version: current.version, origins: before });
    const next = current.version + 1;
    const value = JSON.stringify(origins);
    if (row) {
      const { count } = await tx.setting.updateMany({ where: { key: EMBED_ORIGINS_KEY, version: row.version }, data: { value, version: next } });
      if (count !== 1) throw new AppError('conflict', 'The list of embed origins was changed by someone else while you saved. Nothing was saved: reload it and apply your change again.');
    } else {
      await tx.setting.create({ data: { key: EMBED_ORIGINS_KEY, value, version: next } });
    }
    await recordRevision(tx, principal, {
      entityType: 'setting', entityId: EMBED_ORIGINS_KEY, version: next, action: row ? 'update' : 'create',
      before: row ? { origins: before } : null, after: { origins },
    });
    return { version: next, origins };
  });
  delete cacheHolder.powermapEmbedOrigins;
  return written;
}
