// What a source supports, for the source pages: each live claim with the tie or actor it is about.
// Shared by get-source and find-sources so a claim reads the same in the list and on its page.
import type { TieType } from '../../domain/vocabulary';
import { compareText } from '../../graph/adjacency';
import { actorRefSelect, isLive, liveSelect, toActorRef, toClaimDto, type ActorRefRow, type ClaimRow } from '../read-models';
import { toPartialDate } from '../records';
import type { ClaimSubject, SourceClaim } from '../../domain/responses';


/**
 * A claim counts while it, and the tie (with both ends) or the actor it is about, are live:
 * checked on the rows read (see isLive), since relation filters list whole tables on SQLite.
 */
export function isLiveSourceClaim(row: { deletedAt: Date | null; tieId: string | null; tie: { deletedAt: Date | null; source: { deletedAt: Date | null }; target: { deletedAt: Date | null } } | null; actor: { deletedAt: Date | null } | null }): boolean {
  if (row.deletedAt !== null) return false;
  if (row.tieId !== null) return isLive(row.tie) && isLive(row.tie!.source) && isLive(row.tie!.target);
  return isLive(row.actor);
}

const tieSubjectSelect = {
  id: true,
  type: true,
  role: true,
  startDate: true,
  startPrecision: true,
  endDate: true,
  endPrecision: true,
  deletedAt: true,
  source: { select: { ...actorRefSelect, ...liveSelect } },
  target: { select: { ...actorRefSelect, ...liveSelect } },
} as const;

export const sourceClaimInclude = { tie: { select: tieSubjectSelect }, actor: { select: { ...actorRefSelect, ...liveSelect } } } as const;

type TieSubjectRow = {
  id: string; type: string; role: string;
  startDate: string | null; startPrecision: string | null; endDate: string | null; endPrecision: string | null;
  source: ActorRefRow; target: ActorRefRow;
};
type SourceClaimRow = Omit<ClaimRow, 'source'> & { tie: TieSubjectRow | null; actor: ActorRefRow | null };

/** Tie claims first, by tie, then claims about actors, by actor; a claim about nothing is left out. */
export function toSourceClaims(rows: readonly SourceClaimRow[], source: ClaimRow['source']): SourceClaim[] {
  const claims: SourceClaim[] = [];
  for (const row of rows) {
    const subject = toSubject(row);
    if (!subject) continue;
    const { source: _source, ...claim } = toClaimDto({ ...row, source });
    claims.push({ ...claim, subject });
  }
  const key = (c: SourceClaim) => (c.subject.type === 'tie' ? `0 ${c.subject.tie.id}` : `1 ${c.subject.actor.slug}`);
  return claims.sort((a, b) => compareText(key(a), key(b)) || compareText(a.id, b.id));
}

function toSubject(row: SourceClaimRow): ClaimSubject | null {
  if (row.tie) {
    const t = row.tie;
    return {
      type: 'tie',
      tie: {
        id: t.id,
        type: t.type as TieType,
        role: t.role,
        start: toPartialDate(t.startDate, t.startPrecision),
        end: toPartialDate(t.endDate, t.endPrecision),
        source: toActorRef(t.source),
        target: toActorRef(t.target),
      },
    };
  }
  return row.actor ? { type: 'actor', actor: toActorRef(row.actor) } : null;
}
