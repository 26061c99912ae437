// Actor.tieCount, the number of live ties between an actor and live other actors (the ties a
// profile lists), is stored so the actor index and search never count ties at read time. Every
// write that can change it calls this in its own transaction, with the actors on either end.
import { Prisma, type Tx } from '../../db/client';

/** Ids per statement: well under SQLite's and PostgreSQL's limits on bound parameters. */
const CHUNK = 1000;

/**
 * One statement for both databases: each side of the tie counted apart, so each uses its index.
 * The other end's liveness is a scalar lookup, not a join: inside a bulk import PostgreSQL's
 * statistics still describe the tables before it, and a join there was planned as a merge join
 * walking the whole Actor primary key for every actor counted (over a minute per 1,000 actors
 * at 200,000 actors; EXPLAIN in the README's Performance section). A scalar subquery is always
 * one index probe per tie.
 */
const recount = Prisma.sql`UPDATE "Actor" SET "tieCount" = CASE WHEN "Actor"."deletedAt" IS NOT NULL THEN 0 ELSE
    (SELECT COUNT(*) FROM "Tie" t WHERE t."sourceId" = "Actor"."id" AND t."deletedAt" IS NULL
      AND (SELECT o."deletedAt" FROM "Actor" o WHERE o."id" = t."targetId") IS NULL)
  + (SELECT COUNT(*) FROM "Tie" t WHERE t."targetId" = "Actor"."id" AND t."deletedAt" IS NULL
      AND (SELECT o."deletedAt" FROM "Actor" o WHERE o."id" = t."sourceId") IS NULL)
  END`;

/**
 * Recounts the given actors' ties ('all': every actor, for a bulk import that touched most of them).
 * Pass both ends of every tie created, deleted, restored or moved, and for an actor deleted or
 * restored, the actor and every actor it shares a tie with (`actorsSharingTies`).
 */
export async function refreshActorTieCounts(tx: Tx, actorIds: Iterable<string> | 'all'): Promise<void> {
  if (actorIds === 'all') {
    await tx.$executeRaw(recount);
    return;
  }
  const ids = [...new Set(actorIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    await tx.$executeRaw(Prisma.sql`${recount} WHERE "id" IN (${Prisma.join(ids.slice(i, i + CHUNK))})`);
  }
}

/** The actor and everyone at the other end of any of its ties, live or not. */
export async function actorsSharingTies(tx: Tx, actorId: string): Promise<string[]> {
  const ties = await tx.tie.findMany({ where: { OR: [{ sourceId: actorId }, { targetId: actorId }] }, select: { sourceId: true, targetId: true } });
  return [actorId, ...ties.flatMap((t) => [t.sourceId, t.targetId])];
}
