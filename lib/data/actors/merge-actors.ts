// Merging actors into one, and undoing it. A merge moves every live tie, claim and note of the
// merged-away actors onto the one kept, gives it their names (as aliases) and any fact it lacks,
// drops the ties between them (they would join the actor to itself) and combines ties that now
// say the same thing twice (same pair, type and role, periods that agree), moving their claims and
// notes onto the tie kept; the merged-away actors are soft-deleted with mergedIntoId, so their
// slugs redirect and their revision history stays where it was. Every changed row gets its
// revision, and the ActorMerge row keeps each row as it was before and the version it was left
// at: unmerge puts every row back exactly (versions included, since the state is that version's
// again), refusing when any of them was changed since. All in one transaction on either database.
import { getDb, type Tx } from '../../db/client';
import { lastDayOf } from '../../domain/dates';
import { TIE_TYPE_INFO, type TieType } from '../../domain/vocabulary';
import { mergeActorsSchema, unmergeActorsSchema } from '../../validation/duplicates';
import { AppError, notFound, parseInput } from '../errors';
import { assertVersion, deleteTieWithin, inTransaction, claimInclude, tieInclude } from '../mutation';
import { authorIdOf, authorNameOf, requireRole, type Principal } from '../principal';
import { actorState, claimState, noteState, tieState, type ActorState } from '../records';
import { NOTE_ENTITY_TYPE, recordRevision } from '../revisions';
import { refreshTieSummaries } from '../ties/refresh-tie-summaries';
import { writeNames } from './actor-names';
import { refreshActorTieCounts } from './refresh-actor-tie-counts';

type Table = 'actor' | 'actorName' | 'tie' | 'claim' | 'note';
type Row = Record<string, unknown> & { id: string };

/** The rows a merge changed, as they were, and what it did, in words for people. */
interface MergeBefore {
  actor: Row[];
  actorName: Row[];
  tie: Row[];
  claim: Row[];
  note: Row[];
}

export interface MergeSummary {
  into: { slug: string; name: string };
  merged: { slug: string; name: string }[];
  movedTies: number;
  movedClaims: number;
  movedNotes: number;
  /** Ties between the merged actors, dropped because they would join the actor to itself. */
  selfTies: { id: string; type: string }[];
  /** Ties that said the same as another once their ends were one actor: dropped, their claims and notes moved to the tie kept. */
  combined: { kept: string; dropped: string; type: string }[];
}

export interface MergeRecord {
  id: string;
  version: number;
  createdAt: string;
  undoneAt: string | null;
  by: string | null;
  summary: MergeSummary;
}

const DATE_COLUMNS = ['createdAt', 'updatedAt', 'deletedAt'];
/** Relations the reads include beside a row's columns. */
const RELATIONS: Record<Table, readonly string[]> = { actor: ['names'], actorName: [], tie: ['source', 'target'], claim: ['actor', 'source', 'tie'], note: ['actor', 'tie', 'author'] };
const MAX_MERGED = 20;

/** Rows as stored JSON, dates as ISO text; back to rows with Dates. */
const revive = (row: Row): Row => {
  const out: Row = { ...row };
  for (const c of DATE_COLUMNS) if (typeof out[c] === 'string') out[c] = new Date(out[c] as string);
  return out;
};

const symmetric = (type: string) => TIE_TYPE_INFO[type as TieType]?.symmetric ?? false;

/** A tie's identity for combining: the same pair (either way round for a symmetric type), type and role. */
function tieKey(t: { sourceId: string; targetId: string; type: string; role: string }) {
  const [a, b] = symmetric(t.type) && t.targetId < t.sourceId ? [t.targetId, t.sourceId] : [t.sourceId, t.targetId];
  return `${a} ${b} ${t.type} ${t.role.trim().toLowerCase()}`;
}

/** Periods agree when each end is the same or unknown on one side: a post held twice stays two ties. */
function periodsAgree(a: TieDates, b: TieDates): boolean {
  const same = (x: string | null, y: string | null) => !x || !y || x === y;
  return same(a.startDate, b.startDate) && same(a.endDate, b.endDate);
}

interface TieDates {
  startDate: string | null;
  startPrecision: string | null;
  endDate: string | null;
  endPrecision: string | null;
}

const scriptOf = (name: string) => (/\p{Script=Cyrillic}/u.test(name) ? 'Cyrl' : 'Latn');

/**
 * Merges the actors in `actors` (each with the version the analyst saw) into the actor `into`
 * at `version`. Analysts. Returns the merge, which names what it did.
 */
export async function mergeActors(principal: Principal, into: string, input: unknown): Promise<MergeRecord> {
  requireRole(principal, 'analyst');
  const { version, actors: merged, reason } = parseInput(mergeActorsSchema, input, 'Merge');
  if (merged.some((m) => m.slug === into)) throw new AppError('invalid', 'actors: an actor cannot be merged into itself', { fieldErrors: { actors: ['Leave out the actor kept'] } });
  if (new Set(merged.map((m) => m.slug)).size !== merged.length) throw new AppError('invalid', 'actors: name each actor once', { fieldErrors: { actors: ['Name each actor once'] } });
  if (merged.length > MAX_MERGED) throw new AppError('invalid', `actors: at most ${MAX_MERGED} at once`);
  return inTransaction(async (tx) => {
    const before: MergeBefore = { actor: [], actorName: [], tie: [], claim: [], note: [] };
    const seen = new Set<string>();
    // The row's own columns only: relations read alongside (a claim's actor, a tie's ends) are not stored.
    const remember = (table: Table, row: object) => {
      const r = row as Row;
      if (seen.has(`${table}:${r.id}`)) return;
      seen.add(`${table}:${r.id}`);
      before[table].push(Object.fromEntries(Object.entries(r).filter(([k]) => !RELATIONS[table].includes(k))) as Row);
    };
    const at = new Date();
    const why = reason || `merged into ${into}`;

    const target = await tx.actor.findFirst({ where: { slug: into, deletedAt: null }, include: { names: true } });
    if (!target) throw notFound(`Actor "${into}"`);
    assertVersion(`Actor "${target.name}"`, target, version, { id: target.id, version: target.version, ...actorState(target) });
    const sources = [];
    for (const m of merged) {
      const row = await tx.actor.findFirst({ where: { slug: m.slug, deletedAt: null }, include: { names: true } });
      if (!row) throw notFound(`Actor "${m.slug}"`);
      assertVersion(`Actor "${row.name}"`, row, m.version, { id: row.id, version: row.version, ...actorState(row) });
      sources.push(row);
    }
    const sourceIds = new Set(sources.map((s) => s.id));
    const moved = (id: string) => (sourceIds.has(id) ? target.id : id);
    for (const a of [target, ...sources]) {
      remember('actor', a);
      for (const n of a.names) remember('actorName', n);
    }
    const touchedActors = new Set<string>([target.id, ...sourceIds]);
    const summary: MergeSummary = {
      into: { slug: target.slug, name: target.name },
      merged: sources.map((s) => ({ slug: s.slug, name: s.name })),
      movedTies: 0, movedClaims: 0, movedNotes: 0, selfTies: [], combined: [],
    };

    // Ties of the merged-away actors: dropped when they join the kept actor to itself, else moved.
    const ties = await tx.tie.findMany({ where: { deletedAt: null, OR: [{ sourceId: { in: [...sourceIds] } }, { targetId: { in: [...sourceIds] } }] }, include: tieInclude, orderBy: { id: 'asc' } });
    const movedTieIds: string[] = [];
    for (const tie of ties) {
      remember('tie', tie);
      touchedActors.add(tie.sourceId).add(tie.targetId);
      if (moved(tie.sourceId) === moved(tie.targetId)) {
        for (const c of await tx.claim.findMany({ where: { tieId: tie.id, deletedAt: null } })) remember('claim', c);
        for (const n of await tx.note.findMany({ where: { tieId: tie.id, deletedAt: null } })) remember('note', n);
        await deleteTieWithin(tx, principal, tie.id, at, `a tie between actors merged into ${target.slug}, dropped: it would join the actor to itself`);
        summary.selfTies.push({ id: tie.id, type: tie.type });
        continue;
      }
      const updated = await tx.tie.update({
        where: { id: tie.id, version: tie.version },
        data: { sourceId: moved(tie.sourceId), targetId: moved(tie.targetId), version: tie.version + 1 },
        include: tieInclude,
      });
      await recordRevision(tx, principal, { entityType: 'tie', entityId: tie.id, version: updated.version, action: 'update', before: tieState(tie), after: tieState(updated), reason: why });
      movedTieIds.push(tie.id);
      summary.movedTies++;
    }

    // Ties now saying the same thing twice: the kept actor's own tie (else the oldest) stays, taking the others' claims and notes and any date it lacks.
    if (movedTieIds.length) {
      const around = await tx.tie.findMany({ where: { deletedAt: null, OR: [{ sourceId: target.id }, { targetId: target.id }] }, include: tieInclude, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      const movedSet = new Set(movedTieIds);
      const groups = new Map<string, typeof around>();
      for (const t of around) (groups.get(tieKey(t)) ?? groups.set(tieKey(t), []).get(tieKey(t))!).push(t);
      for (const group of groups.values()) {
        if (group.length < 2 || !group.some((t) => movedSet.has(t.id))) continue;
        const keep = group.find((t) => !movedSet.has(t.id)) ?? group[0];
        let kept = keep;
        for (const other of group) {
          if (other.id === keep.id || !periodsAgree(kept, other)) continue;
          remember('tie', kept);
          remember('tie', other);
          for (const c of await tx.claim.findMany({ where: { tieId: other.id, deletedAt: null }, include: claimInclude })) {
            remember('claim', c);
            const saved = await tx.claim.update({ where: { id: c.id, version: c.version }, data: { tieId: kept.id, version: c.version + 1 }, include: claimInclude });
            await recordRevision(tx, principal, { entityType: 'claim', entityId: c.id, version: saved.version, action: 'update', before: claimState(c), after: claimState(saved), reason: `moved to the tie it duplicated when merging into ${target.slug}` });
          }
          for (const n of await tx.note.findMany({ where: { tieId: other.id, deletedAt: null }, include: claimInclude })) {
            remember('note', n);
            const saved = await tx.note.update({ where: { id: n.id, version: n.version }, data: { tieId: kept.id, version: n.version + 1 }, include: claimInclude });
            await recordRevision(tx, principal, { entityType: NOTE_ENTITY_TYPE, entityId: n.id, version: saved.version, action: 'update', before: noteState(n), after: noteState(saved), reason: `moved to the tie it duplicated when merging into ${target.slug}` });
          }
          const fill = {
            ...(kept.startDate ? {} : { startDate: other.startDate, startPrecision: other.startPrecision }),
            ...(kept.endDate ? {} : { endDate: other.endDate, endPrecision: other.endPrecision, endDay: other.endDay }),
          };
          const updated = await tx.tie.update({ where: { id: kept.id, version: kept.version }, data: { ...fill, version: kept.version + 1 }, include: tieInclude });
          await recordRevision(tx, principal, { entityType: 'tie', entityId: kept.id, version: updated.version, action: 'update', before: tieState(kept), after: tieState(updated), reason: `combined with tie ${other.id} when merging into ${target.slug}` });
          await deleteTieWithin(tx, principal, other.id, at, `combined into tie ${kept.id} when merging into ${target.slug}`);
          summary.combined.push({ kept: kept.id, dropped: other.id, type: other.type });
          kept = updated;
        }
      }
      await refreshTieSummaries(tx, movedTieIds.concat(summary.combined.map((c) => c.kept)));
    }

    // The merged-away actors' own claims and notes.
    for (const c of await tx.claim.findMany({ where: { actorId: { in: [...sourceIds] }, deletedAt: null }, include: claimInclude })) {
      remember('claim', c);
      const saved = await tx.claim.update({ where: { id: c.id, version: c.version }, data: { actorId: target.id, version: c.version + 1 }, include: claimInclude });
      await recordRevision(tx, principal, { entityType: 'claim', entityId: c.id, version: saved.version, action: 'update', before: claimState(c), after: claimState(saved), reason: why });
      summary.movedClaims++;
    }
    for (const n of await tx.note.findMany({ where: { actorId: { in: [...sourceIds] }, deletedAt: null }, include: claimInclude })) {
      remember('note', n);
      const saved = await tx.note.update({ where: { id: n.id, version: n.version }, data: { actorId: target.id, version: n.version + 1 }, include: claimInclude });
      await recordRevision(tx, principal, { entityType: NOTE_ENTITY_TYPE, entityId: n.id, version: saved.version, action: 'update', before: noteState(n), after: noteState(saved), reason: why });
      summary.movedNotes++;
    }

    // The kept actor: every name of the others (their labels as aliases) and any fact it lacks.
    const state = actorState(target);
    const names = [...state.names];
    const has = (name: string, lang: string) => names.some((n) => n.name === name && n.lang === lang);
    for (const s of sources) {
      const given = actorState(s);
      for (const n of given.names) if (!has(n.name, n.lang)) names.push(n);
      if (s.name !== target.name && !names.some((n) => n.name === s.name)) names.push({ name: s.name, lang: 'und', script: scriptOf(s.name), kind: 'alias' });
    }
    const after: ActorState = { ...state, names };
    for (const s of sources.map((x) => actorState(x))) {
      if (!after.summary && s.summary) after.summary = s.summary;
      if (!after.description && s.description) after.description = s.description;
      if (!after.start && s.start) after.start = s.start;
      if (!after.end && s.end) after.end = s.end;
    }
    await tx.actor.update({
      where: { id: target.id, version: target.version },
      data: { summary: after.summary, description: after.description, startDate: after.start?.date ?? null, startPrecision: after.start?.precision ?? null, endDate: after.end?.date ?? null, endPrecision: after.end?.precision ?? null, endDay: lastDayOf(after.end), version: target.version + 1 },
    });
    await writeNames(tx, target.id, after.name, after.names);
    const savedTarget = actorState(await tx.actor.findUniqueOrThrow({ where: { id: target.id }, include: { names: true } }));
    await recordRevision(tx, principal, { entityType: 'actor', entityId: target.id, version: target.version + 1, action: 'update', before: state, after: savedTarget, reason: `merged ${sources.map((s) => s.slug).join(', ')} into it${reason ? `: ${reason}` : ''}` });

    for (const s of sources) {
      await tx.actor.update({ where: { id: s.id, version: s.version }, data: { deletedAt: at, mergedIntoId: target.id, version: s.version + 1 } });
      await recordRevision(tx, principal, { entityType: 'actor', entityId: s.id, version: s.version + 1, action: 'delete', before: actorState(s), after: null, reason: `merged into ${target.slug}${reason ? `: ${reason}` : ''}` });
    }
    await refreshActorTieCounts(tx, touchedActors);

    const afterVersions = await versionsOf(tx, before);
    const row = await tx.actorMerge.create({
      data: {
        targetId: target.id,
        mergedIds: JSON.stringify([...sourceIds]),
        before: JSON.stringify(before),
        afterVersions: JSON.stringify(afterVersions),
        summary: JSON.stringify(summary),
        authorId: authorIdOf(principal),
        authorName: authorNameOf(principal),
      },
    });
    await recordRevision(tx, principal, { entityType: 'merge', entityId: row.id, version: 1, action: 'create', before: null, after: summary, reason });
    return mergeRecord(row);
  });
}

/** The current version of every row the merge changed (actor names have none: they are replaced whole). */
async function versionsOf(tx: Tx, rows: MergeBefore): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const ids = (table: Table) => rows[table].map((r) => r.id);
  for (const a of await tx.actor.findMany({ where: { id: { in: ids('actor') } }, select: { id: true, version: true } })) out[`actor:${a.id}`] = a.version;
  for (const t of await tx.tie.findMany({ where: { id: { in: ids('tie') } }, select: { id: true, version: true } })) out[`tie:${t.id}`] = t.version;
  for (const c of await tx.claim.findMany({ where: { id: { in: ids('claim') } }, select: { id: true, version: true } })) out[`claim:${c.id}`] = c.version;
  for (const n of await tx.note.findMany({ where: { id: { in: ids('note') } }, select: { id: true, version: true } })) out[`note:${n.id}`] = n.version;
  return out;
}

function mergeRecord(row: { id: string; version: number; createdAt: Date; undoneAt: Date | null; authorName: string | null; summary: string }): MergeRecord {
  return { id: row.id, version: row.version, createdAt: row.createdAt.toISOString(), undoneAt: row.undoneAt?.toISOString() ?? null, by: row.authorName, summary: JSON.parse(row.summary) as MergeSummary };
}

/** One merge, for its page and GET /api/merges/{id}. Analysts. */
export async function getMerge(principal: Principal, id: string): Promise<MergeRecord> {
  requireRole(principal, 'analyst');
  const row = await (await getDb()).actorMerge.findUnique({ where: { id } });
  if (!row) throw notFound(`Merge "${id}"`);
  return mergeRecord(row);
}

/**
 * Puts back every row the merge changed, exactly as it was, at the version in `version` of the
 * merge; refused when any of those rows changed since the merge (unmerging would lose that change).
 */
export async function unmergeActors(principal: Principal, id: string, input: unknown): Promise<MergeRecord> {
  requireRole(principal, 'analyst');
  const { version, reason } = parseInput(unmergeActorsSchema, input, 'Unmerge');
  return inTransaction(async (tx) => {
    const merge = await tx.actorMerge.findUnique({ where: { id } });
    if (!merge) throw notFound(`Merge "${id}"`);
    const record = mergeRecord(merge);
    assertVersion('This merge', merge, version, record);
    if (merge.undoneAt) throw new AppError('conflict', 'This merge was already undone. Nothing was changed.', { current: record });
    const before = JSON.parse(merge.before) as MergeBefore;
    const expected = JSON.parse(merge.afterVersions) as Record<string, number>;
    const now = await versionsOf(tx, before);
    const changed = Object.keys(expected).filter((k) => now[k] !== expected[k]);
    if (changed.length) {
      throw new AppError('conflict', `Since the merge, ${changed.length === 1 ? 'one record it changed was' : `${changed.length} records it changed were`} changed again (${changed.slice(0, 3).join(', ')}). Nothing was undone: undo or redo those changes by hand first.`, { current: record });
    }
    const why = reason || `unmerged ${record.summary.merged.map((m) => m.slug).join(', ')} from ${record.summary.into.slug}`;
    // Revisions read states before and after, through the same includes as every write.
    const actorIds = before.actor.map((r) => r.id);
    const actorStates = new Map((await tx.actor.findMany({ where: { id: { in: actorIds } }, include: { names: true } })).map((a) => [a.id, a.deletedAt ? null : actorState(a)]));
    const tieStates = new Map((await tx.tie.findMany({ where: { id: { in: before.tie.map((r) => r.id) } }, include: tieInclude })).map((t) => [t.id, t.deletedAt ? null : tieState(t)]));
    const claimStates = new Map((await tx.claim.findMany({ where: { id: { in: before.claim.map((r) => r.id) } }, include: claimInclude })).map((c) => [c.id, c.deletedAt ? null : claimState(c)]));
    const noteStates = new Map((await tx.note.findMany({ where: { id: { in: before.note.map((r) => r.id) } }, include: claimInclude })).map((n) => [n.id, n.deletedAt ? null : noteState(n)]));

    // Rows back as they were: actors first (ties and claims point at them), names replaced whole.
    for (const r of before.actor) await tx.actor.updateMany({ where: { id: r.id }, data: revive(r) });
    await tx.actorName.deleteMany({ where: { actorId: { in: actorIds } } });
    if (before.actorName.length) await tx.actorName.createMany({ data: before.actorName as never });
    for (const r of before.tie) await tx.tie.updateMany({ where: { id: r.id }, data: revive(r) });
    for (const r of before.claim) await tx.claim.updateMany({ where: { id: r.id }, data: revive(r) });
    for (const r of before.note) await tx.note.updateMany({ where: { id: r.id }, data: revive(r) });

    const action = (was: unknown, is: { deletedAt?: unknown }) => (was === null && !is.deletedAt ? 'restore' : is.deletedAt ? 'delete' : 'update');
    for (const a of await tx.actor.findMany({ where: { id: { in: actorIds } }, include: { names: true } })) {
      const was = actorStates.get(a.id) ?? null;
      await recordRevision(tx, principal, { entityType: 'actor', entityId: a.id, version: a.version, action: action(was, a), before: was, after: a.deletedAt ? null : actorState(a), reason: why });
    }
    for (const t of await tx.tie.findMany({ where: { id: { in: before.tie.map((r) => r.id) } }, include: tieInclude })) {
      const was = tieStates.get(t.id) ?? null;
      await recordRevision(tx, principal, { entityType: 'tie', entityId: t.id, version: t.version, action: action(was, t), before: was, after: t.deletedAt ? null : tieState(t), reason: why });
    }
    for (const c of await tx.claim.findMany({ where: { id: { in: before.claim.map((r) => r.id) } }, include: claimInclude })) {
      const was = claimStates.get(c.id) ?? null;
      await recordRevision(tx, principal, { entityType: 'claim', entityId: c.id, version: c.version, action: action(was, c), before: was, after: c.deletedAt ? null : claimState(c), reason: why });
    }
    for (const n of await tx.note.findMany({ where: { id: { in: before.note.map((r) => r.id) } }, include: claimInclude })) {
      const was = noteStates.get(n.id) ?? null;
      await recordRevision(tx, principal, { entityType: NOTE_ENTITY_TYPE, entityId: n.id, version: n.version, action: action(was, n), before: was, after: n.deletedAt ? null : noteState(n), reason: why });
    }
    // Derived columns from what is there now: equal to the stored ones unless something was added since.
    await refreshTieSummaries(tx, before.tie.map((r) => r.id));
    const ends = before.tie.flatMap((r) => [r.sourceId as string, r.targetId as string]);
    await refreshActorTieCounts(tx, [...actorIds, ...ends]);

    const saved = await tx.actorMerge.update({ where: { id, version: merge.version }, data: { undoneAt: new Date(), version: merge.version + 1 } });
    await recordRevision(tx, principal, { entityType: 'merge', entityId: id, version: saved.version, action: 'delete', before: record.summary, after: null, reason: why });
    return mergeRecord(saved);
  });
}

/** Where an old slug leads: the live actor its actor was merged into (following later merges), or null. */
export async function mergedInto(slug: string): Promise<string | null> {
  const db = await getDb();
  let row = await db.actor.findUnique({ where: { slug }, select: { deletedAt: true, mergedIntoId: true } });
  if (!row?.deletedAt || !row.mergedIntoId) return null;
  for (let hops = 0; hops < 20 && row?.mergedIntoId; hops++) {
    const next: { slug: string; deletedAt: Date | null; mergedIntoId: string | null } | null = await db.actor.findUnique({ where: { id: row.mergedIntoId }, select: { slug: true, deletedAt: true, mergedIntoId: true } });
    if (!next) return null;
    if (!next.deletedAt) return next.slug;
    row = next;
  }
  return null;
}

export interface ActorToMerge {
  slug: string;
  name: string;
  kind: string;
  version: number;
  tieCount: number;
  claimCount: number;
  names: string[];
}

/** The actors a merge form offers, with what each carries. Analysts. */
export async function readActorsToMerge(principal: Principal, slugs: readonly string[]): Promise<ActorToMerge[]> {
  requireRole(principal, 'analyst');
  const db = await getDb();
  const rows = await db.actor.findMany({
    where: { slug: { in: [...slugs] }, deletedAt: null },
    include: { names: { where: { scheme: null } }, _count: { select: { claims: { where: { deletedAt: null } } } } },
  });
  return slugs.flatMap((slug) => {
    const r = rows.find((x) => x.slug === slug);
    return r ? [{ slug: r.slug, name: r.name, kind: r.kind, version: r.version, tieCount: r.tieCount, claimCount: r._count.claims, names: r.names.map((n) => n.name) }] : [];
  });
}

/** The latest merges, newest first, for the duplicates page: an analyst finds there the merge to undo. Analysts. */
export async function findRecentMerges(principal: Principal, limit = 20): Promise<MergeRecord[]> {
  requireRole(principal, 'analyst');
  const rows = await (await getDb()).actorMerge.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit, select: { id: true, version: true, createdAt: true, undoneAt: true, authorName: true, summary: true } });
  return rows.map(mergeRecord);
}
