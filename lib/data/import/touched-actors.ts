// The actors one import touched, found again from its revisions: every revision an import writes
// carries the import's one timestamp and the reason "import" (write-document.ts), so no import
// table is needed. Touched: an actor it wrote, both ends of a tie it wrote, and the actor or the
// tie's ends of a claim it wrote. /duplicates filters on these (?import=) to show the pairs an
// import may have made.
import type { Db } from '../../db/client';

const CHUNK = 500;

export async function actorsTouchedByImport(db: Db, at: Date): Promise<Set<string>> {
  const revisions = await db.revision.findMany({
    where: { createdAt: at, reason: 'import', entityType: { in: ['actor', 'tie', 'claim'] } },
    select: { entityType: true, entityId: true },
  });
  const actors = new Set<string>();
  const ties = new Set<string>();
  const claims: string[] = [];
  for (const r of revisions) {
    if (r.entityType === 'actor') actors.add(r.entityId);
    else if (r.entityType === 'tie') ties.add(r.entityId);
    else claims.push(r.entityId);
  }
  for (let i = 0; i < claims.length; i += CHUNK) {
    const rows = await db.claim.findMany({ where: { id: { in: claims.slice(i, i + CHUNK) } }, select: { actorId: true, tieId: true } });
    for (const c of rows) {
      if (c.actorId) actors.add(c.actorId);
      if (c.tieId) ties.add(c.tieId);
    }
  }
  const tieIds = [...ties];
  for (let i = 0; i < tieIds.length; i += CHUNK) {
    const rows = await db.tie.findMany({ where: { id: { in: tieIds.slice(i, i + CHUNK) } }, select: { sourceId: true, targetId: true } });
    for (const t of rows) actors.add(t.sourceId).add(t.targetId);
  }
  return actors;
}
