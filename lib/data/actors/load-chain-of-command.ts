// Who commanded a unit on a day (GET /api/actors/{slug}/chain, the profile's "Chain of command"):
// reads only the unit's ancestors, one level per query: the subordinate_to ties out of the level's
// units and the leads and holds_position ties into them. A superior whose tie cannot stand on the
// day is never read further, and the climb stops at MAX_CHAIN_DEPTH, so the cost follows the
// hierarchy's depth, not the network's size. The pure chainOfCommand decides the chain.
import { getDb } from '../../db/client';
import { todayIso } from '../../domain/dates';
import type { ActorKind } from '../../domain/vocabulary';
import { certaintyOn, chainOfCommand, MAX_CHAIN_DEPTH, type ChainActor, type ChainOfCommand, type ChainTie } from '../../graph/chain-of-command';
import { chainQuerySchema, type ChainQueryInput } from '../../validation/chain-queries';
import { notFound, parseInput } from '../errors';
import { canSeeInternal, type Principal } from '../principal';
import { cachedByRevision } from '../network/revision-cache';
import { revisionEtag } from '../network/load-map';
import { getNetworkRevision } from '../network/network-revision';
import { requireReader } from '../read-access';
import { toPartialDate } from '../records';

const actorSelect = { id: true, slug: true, name: true, kind: true } as const;
const toChainActor = (a: { slug: string; name: string; kind: string }): ChainActor => ({ slug: a.slug, label: a.name, kind: a.kind as ActorKind });

/** Kept per network revision (revision-cache.ts), like the profile it sits on. */
export async function loadChainOfCommand(principal: Principal, input: ChainQueryInput): Promise<ChainOfCommand> {
  requireReader(principal);
  const { slug, on = todayIso() } = parseInput(chainQuerySchema, input, 'Query');
  return cachedByRevision('chain-of-command', JSON.stringify([slug, on]), principal, () => readChainOfCommand(slug, on));
}

/**
 * The chain's ETag, read before the chain so a revalidation costs one revision read: keyed by the
 * network revision, the unit, the day (today when absent, so it moves at midnight) and the audience.
 */
export async function chainOfCommandEtag(principal: Principal, input: ChainQueryInput): Promise<string> {
  requireReader(principal);
  const { slug, on = todayIso() } = parseInput(chainQuerySchema, input, 'Query');
  const revision = await getNetworkRevision();
  return revisionEtag(JSON.stringify(['chain-of-command', revision, slug, on, canSeeInternal(principal) ? 'internal' : 'public']));
}

async function readChainOfCommand(slug: string, on: string): Promise<ChainOfCommand> {
  const db = await getDb();
  const unit = await db.actor.findFirst({ where: { slug, deletedAt: null }, select: actorSelect });
  if (!unit) throw notFound('Actor');

  const actors = new Map<string, ChainActor>([[unit.id, toChainActor(unit)]]);
  const ties: ChainTie[] = [];
  const seen = new Set<string>([unit.id]);
  let level = unit.kind === 'person' ? [] : [unit.id];
  for (let depth = 0; depth < MAX_CHAIN_DEPTH && level.length > 0; depth++) {
    const rows = await db.tie.findMany({
      where: {
        deletedAt: null,
        source: { deletedAt: null },
        target: { deletedAt: null },
        OR: [
          { type: 'subordinate_to', sourceId: { in: level } },
          { type: { in: ['leads', 'holds_position'] }, targetId: { in: level } },
        ],
      },
      select: {
        id: true, type: true, role: true, startDate: true, startPrecision: true, endDate: true, endPrecision: true,
        source: { select: actorSelect }, target: { select: actorSelect },
      },
    });
    const next: string[] = [];
    for (const row of rows) {
      const tie: ChainTie = {
        tieId: row.id, type: row.type, role: row.role, source: row.source.slug, target: row.target.slug,
        start: toPartialDate(row.startDate, row.startPrecision), end: toPartialDate(row.endDate, row.endPrecision),
      };
      ties.push(tie);
      actors.set(row.source.id, toChainActor(row.source));
      actors.set(row.target.id, toChainActor(row.target));
      // Climb only through superiors that can stand on the day; a person on top has no heads to read.
      if (row.type === 'subordinate_to' && !seen.has(row.target.id) && certaintyOn(tie, on)) {
        seen.add(row.target.id);
        if (row.target.kind !== 'person') next.push(row.target.id);
      }
    }
    level = next;
  }
  return { unit: toChainActor(unit), on, steps: chainOfCommand(unit.slug, ties, [...actors.values()], on) };
}
