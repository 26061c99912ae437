// The bulk write of a validated import document, inside the caller's transaction. One kind of
// record after another (sources, actors, ties, claims: each before what refers to it), in chunks:
// read what is stored under the chunk's natural keys, compare states with the functions the
// revisions use (lib/data/records.ts), and write only what changed — the records in multi-row
// upserts, their revisions in one insert — so a 20,000-tie document costs a few hundred
// statements rather than a hundred thousand, and the same document twice writes nothing.
// Columns come from the records' own row ↔ state mapping, so a new field needs no line here.
import type { Tx } from '../../db/client';
import type { DatabaseKind } from '../../db/config';
import { lastDayOf } from '../../domain/dates';
import type { ImportDocument } from '../../validation/import-document';
import { IMPORT_STEPS, type ImportProgress, type ImportStep } from '../../validation/import-file';
import { deleteRowsWhereIn, existingValues, insertRows, timestampCell, type Cell } from '../bulk-rows';
import type { Principal } from '../principal';
import { newRecordId } from '../record-ids';
import {
  actorColumns,
  actorState,
  claimColumns,
  claimState,
  noteState,
  sameState,
  sourceColumns,
  sourceState,
  tieColumns,
  tieState,
  type ActorState,
  type ClaimState,
  type NoteState,
  type SourceState,
  type TieState,
} from '../records';
import { boundHeap } from './bound-heap';
import { resolveMatches } from './resolve-matches';
import type { Position } from '../../graph/place-beside-neighbours';
import { writePositions } from '../layout/write-positions';
import { normaliseImportedPositions } from '../../graph/normalise-positions';
import { bumpNetworkRevision } from '../network/network-revision';
import { NOTE_ENTITY_TYPE, recordRevisions, type AuditedEntity, type RevisionInput } from '../revisions';
import { AppError } from '../errors';
import { actorsSharingTies, refreshActorTieCounts } from '../actors/refresh-actor-tie-counts';
import { dedupeNames, nameRows } from '../actors/actor-names';
import { refreshTieSummaries, tieIdsOfSource, tieSummaryOf } from '../ties/refresh-tie-summaries';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}
/** Counts by kind of record; `notes` only where the document holds notes. */
export type ImportSummary = Record<ImportStep, ImportCounts> & { notes?: ImportCounts };

/** What an import wrote, for the stored summaries that depend on it. */
export interface ImportTouched {
  /**
   * Ties stored before this import whose summaries may have changed: ties it updated, ties whose
   * claims it wrote (where a claim moved: both) and ties citing a source it changed. Ties it
   * created are not here: they were inserted with their summaries.
   */
  tieIds: Set<string>;
  /**
   * Actors whose stored tie counts may have changed: actors written, both ends (before and after)
   * of every tie written, and everyone sharing a tie with an actor brought back.
   */
  actorIds: Set<string>;
}

export interface WriteDocumentOptions {
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Whether the document's positions also move actors that have one already (an analyst asked
   * for the file's layout); by default only actors without a position take the document's.
   */
  replacePositions?: boolean;
  /**
   * Whether the document's positions are another tool's (Gephi, yEd, Cytoscape), to be fitted to
   * the map's scale and set beside the placed actors; a Powermap document's are the map's own.
   */
  normalisePositions?: boolean;
  /**
   * The analyst's choices from the preview: document slug → the stored actor's slug it is written
   * onto instead of being created (resolve-matches.ts, which also applies matches by identity).
   */
  matches?: Readonly<Record<string, string>>;
  /** What was written onto stored actors, once it is known (before the records are written). */
  onMatched?: (matched: { byIdentity: number; chosen: number; warnings: string[] }) => void;
  /** The import's time, which every revision it writes carries (and /duplicates?import= finds again). */
  at?: Date;
}

/** Records compared per round trip: one read, one upsert and one revision insert each. */
const CHUNK = 500;
/** Ties whose stored summaries are refreshed between two progress reports. */
const SUMMARY_CHUNK = 2000;

type Source = ImportDocument['sources'][number];
type Actor = ImportDocument['actors'][number];
type Tie = ImportDocument['ties'][number];
type Claim = Tie['claims'][number];
type OwnedClaim = { claim: Claim; owner: { actor: string } | { tie: string } };
type Note = NonNullable<Tie['notes']>[number];
type OwnedNote = { note: Note; owner: { actor: string } | { tie: string } };

type Row = { id: string } & Record<string, Cell>;

interface Stored<S> {
  id: string;
  state: S;
  version: number;
  deleted: boolean;
}

/** How one kind of record is read, compared and written. */
interface RecordKind<Item, S> {
  step: ImportStep | 'notes';
  entity: AuditedEntity;
  table: string;
  /** The column holding the natural key (`id` unless said). */
  keyColumn?: string;
  key: (item: Item) => string;
  /**
   * The stored records under these keys, all of which exist. Only called for keys that are
   * stored, so a read's own bookkeeping holds one chunk's stored records at most.
   */
  read: (keys: string[]) => Promise<Map<string, Stored<S>>>;
  /** The record's state as the document has it. */
  wanted: (item: Item) => S;
  /**
   * Its row, id first: the stored record's id where there is one. Every row of a kind has the
   * same columns in the same order (they are read by position, in the order of the first row's keys).
   */
  row: (item: Item, wanted: S, storedId: string | undefined) => Row;
  /** Columns only a new row takes; a stored row keeps its own (a tie's stored summaries). */
  insertOnly?: (item: Item) => Record<string, Cell>;
  /** Every item of the chunk with its id, written or not (actors remember their ids). */
  seen?: (item: Item, id: string) => void;
  /** After the chunk's rows are written: what depends on them (actors' names). */
  afterWrite?: (written: { item: Item; row: Row; stored: Stored<S> | undefined }[]) => Promise<void>;
}

/** Writes `doc`, which it takes over: its lists are emptied as their records are written. */
export async function writeDocument(tx: Tx, kind: DatabaseKind, principal: Principal, doc: ImportDocument, options: WriteDocumentOptions = {}): Promise<{ summary: ImportSummary; touched: ImportTouched }> {
  const now = options.at ?? new Date();
  // Actors that are stored ones (by identity or the analyst's choice) are written onto them.
  const matched = await resolveMatches(tx, doc, options.matches);
  doc = matched.document;
  options.onMatched?.({ byIdentity: matched.byIdentity, chosen: matched.chosen, warnings: matched.warnings });
  const stamp = timestampCell(kind, now);
  const touched: ImportTouched = { tieIds: new Set(), actorIds: new Set() };
  const summary = {} as ImportSummary;
  const claims: OwnedClaim[] = [
    ...doc.actors.flatMap((a) => a.claims.map((claim) => ({ claim, owner: { actor: a.slug } }))),
    ...doc.ties.flatMap((t) => t.claims.map((claim) => ({ claim, owner: { tie: t.id } }))),
  ];
  // Ties new in this import are graded from the document's sources (the sources' list is let go as it is written).
  const reliabilityOf = new Map(doc.sources.map((s) => [s.id, s.reliability]));
  // A still-current claim is read against its source's publication date (lib/graph/disputes.ts).
  const publishedOf = new Map(doc.sources.map((s) => [s.id, s.published]));
  const notes: OwnedNote[] = [
    ...doc.actors.flatMap((a) => (a.notes ?? []).map((note) => ({ note, owner: { actor: a.slug } }))),
    ...doc.ties.flatMap((t) => (t.notes ?? []).map((note) => ({ note, owner: { tie: t.id } }))),
  ];
  const totals: Record<ImportStep, number> = { sources: doc.sources.length, actors: doc.actors.length, ties: doc.ties.length, claims: claims.length };
  // Notes are few beside the rest and written last; they report no progress of their own.
  const report = (step: ImportStep | 'notes', done: number) => {
    if (step !== 'notes') options.onProgress?.({ step, done, total: totals[step] });
  };
  for (const step of IMPORT_STEPS) report(step, 0);

  async function importRecords<Item, S>(spec: RecordKind<Item, S>, items: (Item | undefined)[]) {
    const counts: ImportCounts = (summary[spec.step] = { created: 0, updated: 0, unchanged: 0 });
    let columns: string[] | null = null;
    let update: string[] = [];
    for (let i = 0; i < items.length; i += CHUNK) {
      const chunk = items.slice(i, i + CHUNK) as Item[];
      // Taken over: a record written is let go, so the document's memory falls as it is written.
      items.fill(undefined, i, i + CHUNK);
      // Which keys are stored, cheaply first: only those are read whole (none on a first import).
      const keys = chunk.map(spec.key);
      const present = await existingValues(tx, kind, spec.table, spec.keyColumn ?? 'id', keys);
      const stored = present.size ? await spec.read(keys.filter((k) => present.has(k))) : new Map<string, Stored<S>>();
      const rows: Cell[][] = [];
      const revisions: RevisionInput[] = [];
      const written: { item: Item; row: Row; stored: Stored<S> | undefined }[] = [];
      for (const item of chunk) {
        const existing = stored.get(spec.key(item));
        const wanted = spec.wanted(item);
        const row = spec.row(item, wanted, existing?.id);
        spec.seen?.(item, row.id);
        if (existing && !existing.deleted && sameState(existing.state, wanted)) {
          counts.unchanged += 1;
          continue;
        }
        const version = existing ? existing.version + 1 : 1;
        const insertOnly = spec.insertOnly?.(item) ?? {};
        if (!columns) {
          columns = [...Object.keys(row), ...Object.keys(insertOnly), 'version', 'deletedAt', 'createdAt', 'updatedAt'];
          // On conflict a stored row takes the record's columns; its id, createdAt and insert-only columns stay.
          update = [...Object.keys(row).filter((c) => c !== 'id'), 'version', 'deletedAt', 'updatedAt'];
        }
        const cells = Object.values(row);
        for (const value of Object.values(insertOnly)) cells.push(value);
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
      if (columns) await insertRows(tx, { kind, table: spec.table, columns }, rows, { conflict: ['id'], update });
      await spec.afterWrite?.(written);
      await recordRevisions(tx, kind, principal, revisions, now);
      report(spec.step, Math.min(items.length, i + CHUNK));
      boundHeap();
    }
  }

  // Sources ---------------------------------------------------------------------------------
  const changedSources: string[] = [];
  await importRecords<Source, SourceState>(
    {
      step: 'sources',
      entity: 'source',
      table: 'Source',
      key: (s) => s.id,
      async read(ids) {
        const rows = await tx.source.findMany({ where: { id: { in: ids } } });
        return new Map(rows.map((r) => [r.id, { id: r.id, state: sourceState(r), version: r.version, deleted: !!r.deletedAt }]));
      },
      wanted: ({ id: _id, ...state }) => state,
      row: (s, wanted) => ({ id: s.id, ...sourceColumns(wanted) }),
      async afterWrite(written) {
        // A stored source that changed may regrade ties this document does not name.
        for (const { row, stored } of written) if (stored) changedSources.push(row.id);
      },
    },
    doc.sources,
  );

  // Actors and their names ------------------------------------------------------------------
  const actorIds = new Map<string, string>();
  const restoredActors: string[] = [];
  const positions: [string, Position][] = [];
  await importRecords<Actor, ActorState>(
    {
      step: 'actors',
      entity: 'actor',
      table: 'Actor',
      keyColumn: 'slug',
      key: (a) => a.slug,
      async read(slugs) {
        const rows = await tx.actor.findMany({ where: { slug: { in: slugs } }, include: { names: true } });
        return new Map(rows.map((r) => [r.slug, { id: r.id, state: actorState(r), version: r.version, deleted: !!r.deletedAt }]));
      },
      wanted: ({ claims: _claims, position: _position, ...fields }) => {
        // Through the columns and back, so the name variants sort as a stored actor's do.
        const names = dedupeNames(fields.names);
        return actorState({ ...actorColumns({ ...fields, names }), names });
      },
      row: (a, wanted, storedId) => ({ id: storedId ?? newRecordId(), ...actorColumns(wanted), endDay: lastDayOf(wanted.end) }),
      seen: (a, id) => {
        actorIds.set(a.slug, id);
        if (a.position) positions.push([id, a.position]);
      },
      async afterWrite(written) {
        // A changed actor's names are replaced whole; an unchanged actor's are left alone.
        await deleteRowsWhereIn(tx, kind, 'ActorName', 'actorId', written.filter((w) => w.stored).map((w) => w.row.id));
        // The given names and the transliterations generated from them (actor-names.ts).
        const names = written.flatMap(({ item, row }) =>
          nameRows(item.name, item.names).map((n): Cell[] => [newRecordId(), row.id, n.name, n.normalized, n.lang, n.script, n.kind, n.scheme]),
        );
        await insertRows(tx, { kind, table: 'ActorName', columns: ['id', 'actorId', 'name', 'normalized', 'lang', 'script', 'kind', 'scheme'] }, names);
        for (const { row, stored } of written) {
          touched.actorIds.add(row.id);
          if (stored?.deleted) restoredActors.push(row.id);
        }
      },
    },
    doc.actors,
  );
  // Positions are presentation: no revision, no version; actors already placed keep their place
  // unless the analyst asked otherwise. The import's last statement bumps the network revision.
  if (options.normalisePositions && positions.length > 0) positions.splice(0, positions.length, ...(await fitToMap(tx, positions, !!options.replacePositions)));
  if ((await writePositions(tx, positions, { replace: options.replacePositions })) > 0) await bumpNetworkRevision(tx);
  positions.length = 0;
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
  const createdTies = new Set<string>();
  const storedEnds = new Map<string, [string, string]>();
  await importRecords<Tie, TieState>(
    {
      step: 'ties',
      entity: 'tie',
      table: 'Tie',
      key: (t) => t.id,
      async read(ids) {
        const rows = await tx.tie.findMany({ where: { id: { in: ids } }, include: { source: { select: { slug: true } }, target: { select: { slug: true } } } });
        storedEnds.clear();
        for (const r of rows) storedEnds.set(r.id, [r.sourceId, r.targetId]);
        return new Map(rows.map((r) => [r.id, { id: r.id, state: tieState(r), version: r.version, deleted: !!r.deletedAt }]));
      },
      wanted: ({ id: _id, claims: _claims, ...state }) => state,
      row: (t, wanted) => ({ id: t.id, ...tieColumns(wanted), sourceId: actorId(t.source), targetId: actorId(t.target) }),
      insertOnly: (t) => ({
        ...tieSummaryOf(
          t.end,
          t.claims.map((c) => ({
            reliability: reliabilityOf.get(c.source)!, credibility: c.credibility, stance: c.stance, status: c.status,
            statedCurrent: c.statedCurrent, statedStart: c.statedStart, statedEnd: c.statedEnd,
            sourcePublished: publishedOf.get(c.source) ?? null,
          })),
          { all: 0, public: 0 },
        ),
      }),
      async afterWrite(written) {
        for (const { row, stored } of written) {
          if (stored) touched.tieIds.add(row.id);
          else createdTies.add(row.id);
          for (const id of [row.sourceId, row.targetId, ...(storedEnds.get(row.id) ?? [])]) if (typeof id === 'string') touched.actorIds.add(id);
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
  const storedTieOfClaim = new Map<string, string | null>();
  await importRecords<OwnedClaim, ClaimState>(
    {
      step: 'claims',
      entity: 'claim',
      table: 'Claim',
      key: (c) => c.claim.id,
      async read(ids) {
        const rows = await tx.claim.findMany({ where: { id: { in: ids } }, include: { actor: { select: { slug: true } } } });
        storedTieOfClaim.clear();
        for (const r of rows) storedTieOfClaim.set(r.id, r.tieId);
        return new Map(rows.map((r) => [r.id, { id: r.id, state: claimState(r), version: r.version, deleted: !!r.deletedAt }]));
      },
      wanted: ({ claim: { id: _id, ...fields }, owner }) => ({ ...fields, tie: 'tie' in owner ? owner.tie : null, actor: 'actor' in owner ? owner.actor : null }),
      row: ({ claim }, wanted) => ({ id: claim.id, ...claimColumns(wanted), actorId: wanted.actor ? actorId(wanted.actor) : null }),
      async afterWrite(written) {
        for (const { row } of written) {
          touchTie(row.tieId as string | null);
          touchTie(storedTieOfClaim.get(row.id));
        }
      },
    },
    claims,
  );

  // Notes, on actors and on ties ---------------------------------------------------------------
  if (notes.length) {
    // A note belongs to its author: the analyst importing it. The name it was written under stays.
    if (principal.type !== 'user') throw new AppError('invalid', 'Notes are imported by a signed-in analyst, who becomes their author');
    const authorId = principal.userId;
    const storedTieOfNote = new Map<string, string | null>();
    await importRecords<OwnedNote, NoteState>(
      {
        step: 'notes',
        entity: NOTE_ENTITY_TYPE,
        table: 'Annotation',
        key: (n) => n.note.id,
        async read(ids) {
          const rows = await tx.note.findMany({ where: { id: { in: ids } }, include: { actor: { select: { slug: true } } } });
          storedTieOfNote.clear();
          for (const r of rows) storedTieOfNote.set(r.id, r.tieId);
          return new Map(rows.map((r) => [r.id, { id: r.id, state: noteState(r), version: r.version, deleted: !!r.deletedAt }]));
        },
        wanted: ({ note, owner }) => ({ body: note.body, visibility: note.visibility, tie: 'tie' in owner ? owner.tie : null, actor: 'actor' in owner ? owner.actor : null }),
        row: ({ note }, wanted) => ({ id: note.id, body: wanted.body, visibility: wanted.visibility, tieId: wanted.tie, actorId: wanted.actor ? actorId(wanted.actor) : null }),
        insertOnly: ({ note }) => ({ authorId, authorName: note.authorName ?? principal.name ?? null }),
        async afterWrite(written) {
          // A tie's stored summary counts its notes: every tie a written note is or was on.
          for (const { row } of written) {
            if (typeof row.tieId === 'string') touched.tieIds.add(row.tieId);
            const before = storedTieOfNote.get(row.id);
            if (before) touched.tieIds.add(before);
          }
        },
      },
      notes,
    );
  }

  // Stored tie summaries (grade, counts, dispute, end day), set-based, for the stored ties touched.
  for (const id of changedSources) for (const tieId of await tieIdsOfSource(tx, id)) touchTie(tieId);
  const tieIds = [...touched.tieIds];
  options.onProgress?.({ step: 'summaries', done: 0, total: tieIds.length });
  for (let i = 0; i < tieIds.length; i += SUMMARY_CHUNK) {
    await refreshTieSummaries(tx, tieIds.slice(i, i + SUMMARY_CHUNK));
    options.onProgress?.({ step: 'summaries', done: Math.min(tieIds.length, i + SUMMARY_CHUNK), total: tieIds.length });
  }
  // Stored tie counts on actors, set-based, for the actors touched.
  for (const id of restoredActors) for (const other of await actorsSharingTies(tx, id)) touched.actorIds.add(other);
  await refreshActorTieCounts(tx, touched.actorIds);
  return { summary, touched };
}

/**
 * The positions that will be written, fitted to the map: the group is the actors the import
 * places (all of the file's with `replace`, otherwise those without a position yet), set beside
 * the actors that keep theirs.
 */
async function fitToMap(tx: Tx, positions: [string, Position][], replace: boolean): Promise<[string, Position][]> {
  const rows = await tx.actor.findMany({ where: { x: { not: null }, y: { not: null } }, select: { id: true, x: true, y: true } });
  const placed = new Map(rows.map((r) => [r.id, { x: r.x!, y: r.y! }]));
  const group = replace ? positions : positions.filter(([id]) => !placed.has(id));
  if (replace) for (const [id] of positions) placed.delete(id);
  return normaliseImportedPositions(group, placed.values());
}
