// Loading a whole document (the seed or an analyst's import) in one transaction: records
// upsert on their natural keys (source id, actor slug, tie id, claim id), so loading the same
// document twice changes nothing, and a document that fails anywhere leaves the database as it was.
import { getDb, type Tx } from '../db/client';
import { normaliseForSearch } from '../graph/search';
import { importDocumentSchema, type ImportDocument } from '../validation/import-document';
import { parseInput } from './errors';
import { requireRole, type Principal } from './principal';
import {
  actorColumns,
  actorState,
  claimColumns,
  claimState,
  sameState,
  sourceColumns,
  sourceState,
  tieColumns,
  tieState,
  type ActorState,
  type ClaimState,
  type SourceState,
  type TieState,
} from './records';
import { recordRevision, type AuditedEntity } from './revisions';
import { refreshTieSummaries, tieIdsOfSource } from './ties/refresh-tie-summaries';
import { refreshActorTieCounts } from './actors/refresh-actor-tie-counts';
import { lastDayOf } from '../domain/dates';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}
export type ImportSummary = Record<'sources' | 'actors' | 'ties' | 'claims', ImportCounts>;

const emptyCounts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0 });

type Claim = ImportDocument['ties'][number]['claims'][number];

export async function importDocument(principal: Principal, input: unknown): Promise<ImportSummary> {
  requireRole(principal, 'analyst');
  const doc = parseInput(importDocumentSchema, input, 'Import document');
  const db = await getDb();
  return db.$transaction((tx) => applyDocument(tx, principal, doc), { timeout: 120_000, maxWait: 10_000 });
}

async function applyDocument(tx: Tx, principal: Principal, doc: ImportDocument): Promise<ImportSummary> {
  const summary: ImportSummary = { sources: emptyCounts(), actors: emptyCounts(), ties: emptyCounts(), claims: emptyCounts() };

  /** Create, update or leave one record, and write its revision when it changed. */
  async function upsert<S>(
    entityType: AuditedEntity,
    counts: ImportCounts,
    id: string,
    existing: { state: S; version: number; deleted: boolean } | null,
    wanted: S,
    write: (version: number) => Promise<string>,
  ) {
    if (existing && !existing.deleted && sameState(existing.state, wanted)) {
      counts.unchanged += 1;
      return;
    }
    const version = existing ? existing.version + 1 : 1;
    const entityId = await write(version);
    await recordRevision(tx, principal, {
      entityType,
      entityId: entityId || id,
      version,
      action: existing ? (existing.deleted ? 'restore' : 'update') : 'create',
      before: existing?.state ?? null,
      after: wanted,
      reason: 'import',
    });
    counts[existing ? 'updated' : 'created'] += 1;
  }

  const changedSources: string[] = [];
  for (const s of doc.sources) {
    const row = await tx.source.findUnique({ where: { id: s.id } });
    const { id: _id, ...wanted }: { id: string } & SourceState = s;
    const data = { ...sourceColumns(wanted), deletedAt: null };
    await upsert('source', summary.sources, s.id, row && { state: sourceState(row), version: row.version, deleted: !!row.deletedAt }, wanted, async (version) => {
      await tx.source.upsert({ where: { id: s.id }, create: { id: s.id, ...data }, update: { ...data, version } });
      changedSources.push(s.id);
      return s.id;
    });
  }

  const actorIds = new Map<string, string>();
  for (const a of doc.actors) {
    const row = await tx.actor.findUnique({ where: { slug: a.slug }, include: { names: true } });
    const { claims: _claims, ...fields }: { claims: unknown } & ActorState = a;
    // Through the columns and back, so the name variants sort as a stored actor's do.
    const wanted = actorState({ ...actorColumns(fields), names: fields.names });
    const data = { ...actorColumns(fields), endDay: lastDayOf(a.end), deletedAt: null };
    const names = dedupeNames(a.names).map((n) => ({ ...n, normalized: normaliseForSearch(n.name) }));
    await upsert('actor', summary.actors, a.slug, row && { state: actorState(row), version: row.version, deleted: !!row.deletedAt }, wanted, async (version) => {
      const saved = row
        ? await tx.actor.update({ where: { id: row.id }, data: { ...data, version } })
        : await tx.actor.create({ data });
      await tx.actorName.deleteMany({ where: { actorId: saved.id } });
      if (names.length) await tx.actorName.createMany({ data: names.map((n) => ({ ...n, actorId: saved.id })) });
      return saved.id;
    });
    const id = row?.id ?? (await tx.actor.findUniqueOrThrow({ where: { slug: a.slug }, select: { id: true } })).id;
    actorIds.set(a.slug, id);
  }

  /** Ties may name actors loaded earlier rather than in this document. */
  async function actorId(slug: string): Promise<string> {
    const known = actorIds.get(slug);
    if (known) return known;
    const row = await tx.actor.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    actorIds.set(slug, row.id);
    return row.id;
  }

  async function upsertClaim(c: Claim, owner: { tieId: string } | { actorSlug: string }) {
    const row = await tx.claim.findUnique({ where: { id: c.id }, include: { actor: { select: { slug: true } } } });
    const tieId = 'tieId' in owner ? owner.tieId : null;
    const actorSlug = 'actorSlug' in owner ? owner.actorSlug : null;
    const { id: _id, ...fields } = c;
    const wanted: ClaimState = { ...fields, tie: tieId, actor: actorSlug };
    const data = { ...claimColumns(wanted), actorId: actorSlug ? await actorId(actorSlug) : null, deletedAt: null };
    await upsert('claim', summary.claims, c.id, row && { state: claimState(row), version: row.version, deleted: !!row.deletedAt }, wanted, async (version) => {
      await tx.claim.upsert({ where: { id: c.id }, create: { id: c.id, ...data }, update: { ...data, version } });
      return c.id;
    });
  }

  for (const a of doc.actors) for (const c of a.claims) await upsertClaim(c, { actorSlug: a.slug });

  for (const t of doc.ties) {
    const row = await tx.tie.findUnique({ where: { id: t.id }, include: { source: { select: { slug: true } }, target: { select: { slug: true } } } });
    const { id: _id, claims: _claims, ...wanted }: { id: string; claims: unknown } & TieState = t;
    const data = { ...tieColumns(wanted), sourceId: await actorId(t.source), targetId: await actorId(t.target), deletedAt: null };
    await upsert('tie', summary.ties, t.id, row && { state: tieState(row), version: row.version, deleted: !!row.deletedAt }, wanted, async (version) => {
      await tx.tie.upsert({ where: { id: t.id }, create: { id: t.id, ...data }, update: { ...data, version } });
      return t.id;
    });
    for (const c of t.claims) await upsertClaim(c, { tieId: t.id });
  }
  // The document's ties, and every tie graded by a source whose reliability may have changed.
  const touched = doc.ties.map((t) => t.id);
  for (const id of changedSources) touched.push(...(await tieIdsOfSource(tx, id)));
  await refreshTieSummaries(tx, touched);
  // An actor or a tie brought back changes the counts of actors beyond this document's ties, so
  // a document that changed any actor or tie recounts everyone, in one statement.
  if (summary.actors.created + summary.actors.updated + summary.ties.created + summary.ties.updated > 0) await refreshActorTieCounts(tx, 'all');
  return summary;
}

/** One row per (name, language): the database enforces it, and a document may repeat itself. */
function dedupeNames<N extends { name: string; lang: string }>(names: N[]): N[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = `${n.name}\u0000${n.lang}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
