// The bulk write of a validated import document, inside the caller's transaction. One kind of
// record after another (sources, actors, ties, claims: each before what refers to it), in chunks:
// read what is stored under the chunk's natural keys, compare states with the functions the
// revisions use (lib/data/records.ts), and write only what changed — the records in multi-row
// upserts, their revisions in one insert — so a 20,000-tie document costs a few hundred
// statements rather than a hundred thousand, and the same document twice writes nothing.
import type { Tx } from '../../db/client';
import type { DatabaseKind } from '../../db/config';
import { lastDayOf } from '../../graph/partial-date';
import { normaliseForSearch } from '../../graph/search';
import type { ImportDocument } from '../../validation/import-document';
import { IMPORT_STEPS, type ImportProgress, type ImportStep } from '../../validation/import-file';
import { deleteRowsWhereIn, insertRows, timestampCell, type Cell } from '../bulk-rows';
import type { Principal } from '../principal';
import { newRecordId } from '../record-ids';
import { actorState, claimState, fromPartialDate, sameState, sourceState, tieState, type ActorState, type ClaimState, type SourceState, type TieState } from '../records';
import { recordRevisions, type AuditedEntity, type RevisionInput } from '../revisions';
import { refreshTieSummaries, tieIdsOfSource, tieSummaryOf } from '../ties/refresh-tie-summaries';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}
export type ImportSummary = Record<ImportStep, ImportCounts>;

/** What an import wrote, for the stored summaries that depend on it. */
export interface ImportTouched {
  /**
   * Ties stored before this import whose summaries may have changed: ties it updated, ties whose
   * claims it wrote (where a claim moved: both) and ties citing a source it changed. Ties it
   * created are not here: they were inserted with their summaries.
   */
  tieIds: Set<string>;
  /** Actors written, and both ends (before and after) of every tie written. */
  actorIds: Set<string>;
}

export interface WriteDocumentOptions {
  onProgress?: (progress: ImportProgress) => void;
}

/** Records compared per round trip: one read, one upsert and one revision insert each. */
const CHUNK = 500;
/** Ties whose stored summaries are refreshed between two progress reports. */
const SUMMARY_CHUNK = 2000;

type Claim = ImportDocument['ties'][number]['claims'][number];

interface Stored<S> {
  id: string;
  state: S;
  version: number;
  deleted: boolean;
}

/** How one kind of record is read, compared and written. */
interface RecordKind<Item, Row, S> {
  step: ImportStep;
  entity: AuditedEntity;
  table: string;
  /** The data columns, in the order `cells` gives them; version, deletedAt, createdAt and updatedAt follow. */
  columns: readonly string[];
  /** Columns after those that only a new row takes from `cells`; a stored row keeps its own. */
  insertOnly?: readonly string[];
  key: (item: Item) => string;
  read: (keys: string[]) => Promise<Map<string, Stored<S>>>;
  /** The record as a row of data columns; `storedId` is the id of the record stored under its key. */
  row: (item: Item, storedId: string | undefined) => Row;
  state: (row: Row) => S;
  cells: (row: Row) => Cell[];
  /** Every item of the chunk with its id, written or not (actors remember their ids). */
  seen?: (item: Item, id: string) => void;
  /** After the chunk's rows are written: what depends on them (actors' names). */
  afterWrite?: (written: { item: Item; row: Row; stored: Stored<S> | undefined }[]) => Promise<void>;
}

const TRAILING_COLUMNS = ['version', 'deletedAt', 'createdAt', 'updatedAt'] as const;

export async function writeDocument(tx: Tx, kind: DatabaseKind, principal: Principal, doc: ImportDocument, options: WriteDocumentOptions = {}): Promise<{ summary: ImportSummary; touched: ImportTouched }> {
  const now = new Date();
  const stamp = timestampCell(kind, now);
  const touched: ImportTouched = { tieIds: new Set(), actorIds: new Set() };
  const summary = {} as ImportSummary;
  const actorClaims = doc.actors.flatMap((a) => a.claims.map((claim) => ({ claim, owner: { actor: a.slug } as const })));
  const tieClaims = doc.ties.flatMap((t) => t.claims.map((claim) => ({ claim, owner: { tie: t.id } as const })));
  const claims: { claim: Claim; owner: { actor: string } | { tie: string } }[] = [...actorClaims, ...tieClaims];
  const totals: Record<ImportStep, number> = { sources: doc.sources.length, actors: doc.actors.length, ties: doc.ties.length, claims: claims.length };
  const report = (step: ImportStep, done: number) => options.onProgress?.({ step, done, total: totals[step] });
  for (const step of IMPORT_STEPS) report(step, 0);

  async function importRecords<Item, Row extends { id: string }, S>(spec: RecordKind<Item, Row, S>, items: readonly Item[]) {
    const counts: ImportCounts = (summary[spec.step] = { created: 0, updated: 0, unchanged: 0 });
    const target = { kind, table: spec.table, columns: [...spec.columns, ...(spec.insertOnly ?? []), ...TRAILING_COLUMNS] };
    const update = [...spec.columns, ...TRAILING_COLUMNS].filter((c) => c !== 'id' && c !== 'createdAt');
    for (let i = 0; i < items.length; i += CHUNK) {
      const chunk = items.slice(i, i + CHUNK);
      const stored = await spec.read(chunk.map(spec.key));
      const rows: Cell[][] = [];
      const revisions: RevisionInput[] = [];
      const written: { item: Item; row: Row; stored: Stored<S> | undefined }[] = [];
      for (const item of chunk) {
        const existing = stored.get(spec.key(item));
        const row = spec.row(item, existing?.id);
        spec.seen?.(item, row.id);
        const wanted = spec.state(row);
        if (existing && !existing.deleted && sameState(existing.state, wanted)) {
          counts.unchanged += 1;
          continue;
        }
        const version = existing ? existing.version + 1 : 1;
        const cells = spec.cells(row);
        cells.push(version, null, stamp, stamp);
        rows.push(cells);
        revisions.push({
          entityType: spec.entity,
          entityId: row.id,
          version,
          action: existing ? (existing.deleted ? 'restore' : 'update') : 'create',
          before: existing?.state ?? null,
          after: wanted,
          reason: 'import',
        });
        written.push({ item, row, stored: existing });
        counts[existing ? 'updated' : 'created'] += 1;
      }
      await insertRows(tx, target, rows, { conflict: ['id'], update });
      await spec.afterWrite?.(written);
      await recordRevisions(tx, kind, principal, revisions, now);
      report(spec.step, Math.min(items.length, i + CHUNK));
    }
  }

  // Sources ---------------------------------------------------------------------------------
  type Source = ImportDocument['sources'][number];
  const changedSources: string[] = [];
  const sourceRow = (s: Source) => {
    const published = fromPartialDate(s.published);
    return { id: s.id, title: s.title, author: s.author, publisher: s.publisher, url: s.url, publishedDate: published.date, publishedPrecision: published.precision, reliability: s.reliability, notes: s.notes };
  };
  await importRecords<Source, ReturnType<typeof sourceRow>, SourceState>(
    {
      step: 'sources',
      entity: 'source',
      table: 'Source',
      columns: ['id', 'title', 'author', 'publisher', 'url', 'publishedDate', 'publishedPrecision', 'reliability', 'notes'],
      key: (s) => s.id,
      async read(ids) {
        const rows = await tx.source.findMany({ where: { id: { in: ids } } });
        return new Map(rows.map((r) => [r.id, { id: r.id, state: sourceState(r), version: r.version, deleted: !!r.deletedAt }]));
      },
      row: sourceRow,
      state: sourceState,
      cells: (r) => [r.id, r.title, r.author, r.publisher, r.url, r.publishedDate, r.publishedPrecision, r.reliability, r.notes],
      async afterWrite(written) {
        // A stored source that changed may regrade ties this document does not name.
        for (const { row, stored } of written) if (stored) changedSources.push(row.id);
      },
    },
    doc.sources,
  );

  // Actors and their names ------------------------------------------------------------------
  type Actor = ImportDocument['actors'][number];
  const actorIds = new Map<string, string>();
  const actorRow = (a: Actor, storedId: string | undefined) => {
    const start = fromPartialDate(a.start);
    const end = fromPartialDate(a.end);
    return {
      id: storedId ?? newRecordId(), slug: a.slug, name: a.name, kind: a.kind, faction: a.faction, summary: a.summary, description: a.description,
      startDate: start.date, startPrecision: start.precision, endDate: end.date, endPrecision: end.precision, endDay: lastDayOf(a.end),
      names: dedupeNames(a.names).map(({ name, lang, script, kind }) => ({ name, lang, script, kind })),
    };
  };
  await importRecords<Actor, ReturnType<typeof actorRow>, ActorState>(
    {
      step: 'actors',
      entity: 'actor',
      table: 'Actor',
      columns: ['id', 'slug', 'name', 'kind', 'faction', 'summary', 'description', 'startDate', 'startPrecision', 'endDate', 'endPrecision', 'endDay'],
      key: (a) => a.slug,
      async read(slugs) {
        const rows = await tx.actor.findMany({ where: { slug: { in: slugs } }, include: { names: true } });
        return new Map(rows.map((r) => [r.slug, { id: r.id, state: actorState(r), version: r.version, deleted: !!r.deletedAt }]));
      },
      row: actorRow,
      state: actorState,
      cells: (r) => [r.id, r.slug, r.name, r.kind, r.faction, r.summary, r.description, r.startDate, r.startPrecision, r.endDate, r.endPrecision, r.endDay],
      seen: (a, id) => actorIds.set(a.slug, id),
      async afterWrite(written) {
        // A changed actor's names are replaced whole; an unchanged actor's are left alone.
        await deleteRowsWhereIn(tx, kind, 'ActorName', 'actorId', written.filter((w) => w.stored).map((w) => w.row.id));
        const names = written.flatMap(({ row }) => row.names.map((n) => [newRecordId(), row.id, n.name, normaliseForSearch(n.name), n.lang, n.script, n.kind]));
        await insertRows(tx, { kind, table: 'ActorName', columns: ['id', 'actorId', 'name', 'normalized', 'lang', 'script', 'kind'] }, names);
        for (const { row } of written) touched.actorIds.add(row.id);
      },
    },
    doc.actors,
  );
  const actorId = (slug: string) => {
    const id = actorIds.get(slug);
    // The schema refuses a tie or claim naming an actor the document does not hold.
    if (!id) throw new Error(`Import: no actor "${slug}" in the document`);
    return id;
  };

  // Ties ------------------------------------------------------------------------------------
  // A tie new in this import has no claims but the document's and no notes yet, so its stored
  // summary is computed here, with the function refreshTieSummaries uses, and inserted with it;
  // ties that were stored already are refreshed from the database at the end.
  type Tie = ImportDocument['ties'][number];
  const reliabilityOf = new Map(doc.sources.map((s) => [s.id, s.reliability]));
  const createdTies = new Set<string>();
  const storedEnds = new Map<string, [string, string]>();
  const tieRow = (t: Tie) => {
    const start = fromPartialDate(t.start);
    const end = fromPartialDate(t.end);
    const claimsOfTie = t.claims.map((c) => ({
      reliability: reliabilityOf.get(c.source)!, credibility: c.credibility, stance: c.stance, status: c.status,
      statedCurrent: c.statedCurrent, statedStart: c.statedStart, statedEnd: c.statedEnd,
    }));
    return {
      id: t.id, source: { slug: t.source }, target: { slug: t.target }, sourceId: actorId(t.source), targetId: actorId(t.target), type: t.type, role: t.role,
      startDate: start.date, startPrecision: start.precision, endDate: end.date, endPrecision: end.precision, strength: t.strength,
      summary: tieSummaryOf(t.end, claimsOfTie, { all: 0, public: 0 }),
    };
  };
  await importRecords<Tie, ReturnType<typeof tieRow>, TieState>(
    {
      step: 'ties',
      entity: 'tie',
      table: 'Tie',
      columns: ['id', 'sourceId', 'targetId', 'type', 'role', 'startDate', 'startPrecision', 'endDate', 'endPrecision', 'strength'],
      insertOnly: ['endDay', 'bestGrade', 'gradeRank', 'claimCount', 'disputed', 'noteCount', 'publicNoteCount'],
      key: (t) => t.id,
      async read(ids) {
        const rows = await tx.tie.findMany({ where: { id: { in: ids } }, include: { source: { select: { slug: true } }, target: { select: { slug: true } } } });
        storedEnds.clear();
        for (const r of rows) storedEnds.set(r.id, [r.sourceId, r.targetId]);
        return new Map(rows.map((r) => [r.id, { id: r.id, state: tieState(r), version: r.version, deleted: !!r.deletedAt }]));
      },
      row: tieRow,
      state: tieState,
      cells: (r) => [
        r.id, r.sourceId, r.targetId, r.type, r.role, r.startDate, r.startPrecision, r.endDate, r.endPrecision, r.strength,
        r.summary.endDay, r.summary.bestGrade, r.summary.gradeRank, r.summary.claimCount, r.summary.disputed, r.summary.noteCount, r.summary.publicNoteCount,
      ],
      async afterWrite(written) {
        for (const { row, stored } of written) {
          if (stored) touched.tieIds.add(row.id);
          else createdTies.add(row.id);
          for (const id of [row.sourceId, row.targetId, ...(storedEnds.get(row.id) ?? [])]) touched.actorIds.add(id);
        }
      },
    },
    doc.ties,
  );
  /** Ties created by this import have their summaries already; any other needs them read back from the database. */
  const touchTie = (id: string | null | undefined) => {
    if (id && !createdTies.has(id)) touched.tieIds.add(id);
  };

  // Claims, on actors and on ties -------------------------------------------------------------
  type OwnedClaim = (typeof claims)[number];
  const storedTieOfClaim = new Map<string, string | null>();
  const claimRow = ({ claim: c, owner }: OwnedClaim) => {
    const statedStart = fromPartialDate(c.statedStart);
    const statedEnd = fromPartialDate(c.statedEnd);
    const actor = 'actor' in owner ? owner.actor : null;
    return {
      id: c.id, sourceId: c.source, tieId: 'tie' in owner ? owner.tie : null, actor: actor ? { slug: actor } : null, actorId: actor ? actorId(actor) : null,
      fact: c.fact, quote: c.quote, location: c.location, credibility: c.credibility, status: c.status, stance: c.stance,
      statedStartDate: statedStart.date, statedStartPrecision: statedStart.precision, statedEndDate: statedEnd.date, statedEndPrecision: statedEnd.precision,
      statedCurrent: c.statedCurrent,
    };
  };
  await importRecords<OwnedClaim, ReturnType<typeof claimRow>, ClaimState>(
    {
      step: 'claims',
      entity: 'claim',
      table: 'Claim',
      columns: [
        'id', 'sourceId', 'tieId', 'actorId', 'fact', 'quote', 'location', 'credibility', 'status', 'stance',
        'statedStartDate', 'statedStartPrecision', 'statedEndDate', 'statedEndPrecision', 'statedCurrent',
      ],
      key: (c) => c.claim.id,
      async read(ids) {
        const rows = await tx.claim.findMany({ where: { id: { in: ids } }, include: { actor: { select: { slug: true } } } });
        storedTieOfClaim.clear();
        for (const r of rows) storedTieOfClaim.set(r.id, r.tieId);
        return new Map(rows.map((r) => [r.id, { id: r.id, state: claimState(r), version: r.version, deleted: !!r.deletedAt }]));
      },
      row: claimRow,
      state: claimState,
      cells: (r) => [
        r.id, r.sourceId, r.tieId, r.actorId, r.fact, r.quote, r.location, r.credibility, r.status, r.stance,
        r.statedStartDate, r.statedStartPrecision, r.statedEndDate, r.statedEndPrecision, r.statedCurrent,
      ],
      async afterWrite(written) {
        for (const { row } of written) {
          touchTie(row.tieId);
          touchTie(storedTieOfClaim.get(row.id));
        }
      },
    },
    claims,
  );

  // Stored tie summaries (grade, counts, dispute, end day), set-based, for what was touched.
  for (const id of changedSources) for (const tieId of await tieIdsOfSource(tx, id)) touchTie(tieId);
  const tieIds = [...touched.tieIds];
  options.onProgress?.({ step: 'summaries', done: 0, total: tieIds.length });
  for (let i = 0; i < tieIds.length; i += SUMMARY_CHUNK) {
    await refreshTieSummaries(tx, tieIds.slice(i, i + SUMMARY_CHUNK));
    options.onProgress?.({ step: 'summaries', done: Math.min(tieIds.length, i + SUMMARY_CHUNK), total: tieIds.length });
  }
  return { summary, touched };
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
