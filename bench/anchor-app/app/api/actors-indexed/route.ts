// GET /api/actors-indexed?q=…: Powermap's own search SQL (lib/data/actors/search-actors.ts, the
// name index) run with the anchor's bare driver: the anchor for /api/actors?q= that asks the
// database exactly what Powermap asks, so the ratio is the cost of Powermap's own layers.
import { searchActorsSql } from '../../../../../lib/data/actors/search-actors';
import { SEARCH_LIMIT } from '../../../../../lib/validation/actor-queries';
import { anchorDb } from '../../../lib/db';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const q = new URL(request.url).searchParams.get('q') ?? '';
  const db = anchorDb();
  const sql = searchActorsSql(db.dialect, q, { limit: SEARCH_LIMIT });
  const hits = sql ? await db.all(sql.sql, sql.values) : [];
  const actors = hits.slice(0, SEARCH_LIMIT).map(({ actorId: _id, rank: _rank, ...actor }) => actor);
  return Response.json({ actors, more: hits.length > SEARCH_LIMIT, query: { q } });
}
