// The review table: claims by status (needs review, by default), with what each is about and
// which source it cites, and one change applied to many of them at once. A batch is one
// transaction: every claim changes with a revision carrying the batch's one reason, or, when any
// of them was changed by someone else since the table was read, none does (409, the first
// stale claim named). Tie summaries are refreshed once for the whole batch.
import 'server-only';
import { getConnection, getDb, type Tx } from '../../db/client';
import { compareText } from '../../graph/adjacency';
import type { ClaimStatus, TieType } from '../../domain/vocabulary';
import {
  findReviewClaimsSchema,
  REVIEW_PAGE_SIZE,
  reviewClaimsSchema,
  type ReviewClaimsPage,
  type ReviewResult,
} from '../../validation/claim-review';
import { AppError, notFound, parseInput } from '../errors';
import { assertVersion, inTransaction } from '../mutation';
import { claimState, type ClaimState } from '../records';
import { recordRevisions } from '../revisions';
import { requireRole, type Principal } from '../principal';
import { refreshTieSummaries } from '../ties/refresh-tie-summaries';
import { changeTieWithin } from '../ties/write-tie';

/** Analysts only: the table is where claims change, and viewers read claims on the records' pages. */
export async function findClaimsForReview(principal: Principal, input: unknown): Promise<ReviewClaimsPage> {
  requireRole(principal, 'analyst');
  const query = parseInput(findReviewClaimsSchema, input, 'Review filter');
  const db = await getDb();
  const where = {
    deletedAt: null,
    status: query.status,
    ...(query.source ? { sourceId: query.source } : {}),
    ...(query.type ? { tie: { type: query.type, deletedAt: null } } : { OR: [{ tie: { deletedAt: null } }, { actor: { deletedAt: null } }] }),
  };
  const orderBy =
    query.sort === 'source'
      ? [{ source: { title: 'asc' as const } }, { id: 'asc' as const }]
      : query.sort === 'credibility'
        ? [{ credibility: 'desc' as const }, { id: 'asc' as const }]
        : query.sort === 'type'
          ? [{ tie: { type: 'asc' as const } }, { id: 'asc' as const }]
          : [{ tieId: 'asc' as const }, { id: 'asc' as const }];
  const [claims, total, cited] = await Promise.all([
    db.claim.findMany({
      where,
      orderBy,
      take: REVIEW_PAGE_SIZE,
      include: {
        source: { select: { id: true, title: true, reliability: true } },
        tie: { select: { id: true, version: true, type: true, role: true, source: { select: { name: true } }, target: { select: { name: true } } } },
        actor: { select: { slug: true, name: true } },
      },
    }),
    db.claim.count({ where }),
    db.claim.findMany({ where: { deletedAt: null, status: query.status }, distinct: ['sourceId'], select: { source: { select: { id: true, title: true } } }, take: 500 }),
  ]);
  return {
    rows: claims.map((c) => ({
      id: c.id,
      version: c.version,
      quote: c.quote,
      credibility: c.credibility,
      status: c.status as ClaimStatus,
      source: { id: c.source.id, title: c.source.title, reliability: c.source.reliability },
      tie: c.tie ? { id: c.tie.id, version: c.tie.version, type: c.tie.type as TieType, role: c.tie.role, source: c.tie.source.name, target: c.tie.target.name } : null,
      actor: c.actor ? { slug: c.actor.slug, name: c.actor.name, fact: c.fact } : null,
    })),
    total,
    sources: cited.map((c) => c.source).sort((a, b) => compareText(a.title, b.title)),
  };
}

export async function reviewClaims(principal: Principal, input: unknown): Promise<ReviewResult> {
  requireRole(principal, 'analyst');
  const { claims, change, reason } = parseInput(reviewClaimsSchema, input, 'Review');
  const { kind } = await getConnection();
  return inTransaction(async (tx) => {
    if (change.action === 'retype') {
      const ties = await retypeTies(tx, principal, claims, change.type, reason);
      return { action: change.action, claims: claims.length, ties };
    }
    const rows = await readAtVersions(tx, claims);
    const at = new Date();
    const changes: Partial<ClaimState> =
      change.action === 'regrade' ? { credibility: change.credibility } : change.action === 'accept' ? { status: 'accepted' } : { status: 'disputed' };
    const data = change.action === 'reject' ? { deletedAt: at } : changes;
    // Set-based: one UPDATE per version the rows were read at, each naming that version, so a
    // claim changed meanwhile (by another server, on PostgreSQL) matches none and undoes the batch.
    const byVersion = new Map<number, string[]>();
    for (const row of rows) (byVersion.get(row.version) ?? byVersion.set(row.version, []).get(row.version)!).push(row.id);
    let updated = 0;
    for (const [version, ids] of byVersion) {
      updated += (await tx.claim.updateMany({ where: { id: { in: ids }, version, deletedAt: null }, data: { ...data, version: version + 1 } })).count;
    }
    if (updated !== rows.length) throw new AppError('conflict', 'A chosen claim was changed by someone else meanwhile: nothing was changed. Reload and review again.');
    await recordRevisions(
      tx,
      kind,
      principal,
      rows.map((row) => {
        const before = claimState(row);
        return {
          entityType: 'claim' as const,
          entityId: row.id,
          version: row.version + 1,
          action: change.action === 'reject' ? ('delete' as const) : ('update' as const),
          before,
          after: change.action === 'reject' ? null : { ...before, ...changes },
          reason,
        };
      }),
      at,
    );
    await refreshTieSummaries(tx, [...new Set(rows.map((row) => row.tieId))]);
    return { action: change.action, claims: claims.length, ties: 0 };
  });
}

/** The chosen claims, live, each at the version the reviewer saw; else the batch is refused. */
async function readAtVersions(tx: Tx, claims: readonly { id: string; version: number }[]) {
  const rows = await tx.claim.findMany({ where: { id: { in: claims.map((c) => c.id) }, deletedAt: null }, include: { actor: { select: { slug: true } } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return claims.map(({ id, version }) => {
    const row = byId.get(id);
    if (!row) throw notFound(`Claim "${id}"`);
    assertVersion('This claim', row, version, { id, version: row.version, ...claimState(row) });
    return row;
  });
}

/**
 * The ties the chosen claims are about take the new type, each once, at the version it has now
 * (the claims' versions guard what the reviewer read; a tie's type is what they decide). Actor
 * claims have no tie to retype: choosing one is refused, so nothing happens half.
 */
async function retypeTies(tx: Tx, principal: Principal, claims: { id: string; version: number }[], type: TieType, reason: string): Promise<number> {
  const rows = await readAtVersions(tx, claims);
  const factClaim = rows.find((r) => r.tieId === null);
  if (factClaim) {
    throw new AppError('invalid', `Claim "${factClaim.id}" is about an actor, not a tie: only tie claims can change type`, {
      fieldErrors: { claims: ['Only claims about ties can change a tie type'] },
    });
  }
  const tieIds = [...new Set(rows.map((r) => r.tieId!))].sort(compareText);
  let changed = 0;
  for (const id of tieIds) {
    const tie = await tx.tie.findFirst({ where: { id, deletedAt: null }, select: { version: true, type: true } });
    if (!tie || tie.type === type) continue;
    await changeTieWithin(tx, principal, id, tie.version, { type }, reason);
    changed += 1;
  }
  return changed;
}
