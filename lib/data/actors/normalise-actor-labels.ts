// Actor.normalizedName is normaliseForSearch(name), written by the app with every name. The
// migration that added it could only approximate that rule in SQL (lower()), so start-up and
// `npm run db:migrate` bring every label to the one definition in lib/graph/search.ts.
// Cheap when nothing is stale: one read of two short columns, no write.
import { getDb, Prisma } from '../../db/client';
import { normaliseForSearch } from '../../graph/search';

/** Returns how many labels were re-normalised. */
export async function normaliseActorLabels(): Promise<number> {
  const db = await getDb();
  const rows = await db.actor.findMany({ select: { id: true, name: true, normalizedName: true } });
  const stale = rows.flatMap((r) => {
    const normalized = normaliseForSearch(r.name);
    return normalized === r.normalizedName ? [] : [{ id: r.id, normalized }];
  });
  if (!stale.length) return 0;
  await db.$transaction(async (tx) => {
    // Raw, so a repair of derived data leaves updatedAt (and the revision history) alone.
    for (const { id, normalized } of stale) await tx.$executeRaw(Prisma.sql`UPDATE "Actor" SET "normalizedName" = ${normalized} WHERE "id" = ${id}`);
  }, { timeout: 120_000, maxWait: 30_000 }); // a start-up repair of a 20,000-actor file outlasts the 5 s default
  return stale.length;
}
