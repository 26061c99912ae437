// What the map's tie panel shows beyond the edge itself: the first claim (the one the tie's page
// lists first) with its quote and source, and how many claims and notes there are.
import 'server-only';
import { getDb } from '../../db/client';
import type { TieSummary } from '../../graph/tie-summary';
import { getTieSchema, type GetTieInput } from '../../validation/tie-queries';
import { notFound, parseInput } from '../errors';
import type { Principal } from '../principal';
import { requireReader } from '../read-access';
import { byId, claimInclude, isLive, liveSelect, toClaimDto, visibleNoteCount } from '../read-models';

export async function getTieSummary(principal: Principal, input: GetTieInput): Promise<TieSummary> {
  requireReader(principal);
  const { id } = parseInput(getTieSchema, input, 'Tie');
  const db = await getDb();
  const row = await db.tie.findFirst({
    where: { id, deletedAt: null },
    select: {
      id: true,
      source: { select: liveSelect },
      target: { select: liveSelect },
      claimCount: true,
      noteCount: true,
      publicNoteCount: true,
      claims: { where: { deletedAt: null }, include: claimInclude },
    },
  });
  if (!row || !isLive(row.source) || !isLive(row.target)) throw notFound(`Tie "${id}"`);
  const claims = row.claims.filter((c) => isLive(c.source)).map(toClaimDto).sort(byId);
  const first = claims[0];
  return {
    tieId: row.id,
    claimCount: row.claimCount,
    noteCount: visibleNoteCount(row, principal),
    firstClaim: first
      ? {
          id: first.id,
          quote: first.quote,
          location: first.location,
          stance: first.stance,
          status: first.status,
          grade: first.grade,
          source: {
            id: first.source.id,
            title: first.source.title,
            publisher: first.source.publisher,
            reliability: first.source.reliability,
            published: first.source.published,
            url: first.source.url,
          },
        }
      : null,
  };
}
