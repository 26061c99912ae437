// The whole database as a Powermap import document (lib/validation/import-document.ts): sources,
// actors with their name variants and claims, ties with their claims, so a team can move or
// archive its work and import it into an empty database with the same result. Read and written a
// chunk at a time (keyset pages by id), so memory holds one chunk, not the network.
//
// Each entry is the record's stored state (lib/data/records.ts, the same state an import compares),
// with dates written as precise as they are known ("2020", "2020-11"), each placed actor's map
// position (which an import gives to actors without one) and the notes on actors and ties. Left out, because the
// document cannot carry them: deleted records, the Latin forms generated from Cyrillic names
// (the import generates them again), internal notes unless an analyst asks for them
// (includeInternal), and ties without a live claim (a document's tie needs one): the
// caller may count those first with countTiesWithoutClaims and say so.
import 'server-only';
import { getDb } from '../../db/client';
import { dateText, type PartialDate } from '../../domain/dates';
import { actorRecord } from '../../domain/records/actor';
import { claimRecord } from '../../domain/records/claim';
import type { FieldSpec } from '../../domain/records/define-record';
import { sourceRecord } from '../../domain/records/source';
import { tieRecord } from '../../domain/records/tie';
import { AppError } from '../errors';
import { canSeeInternal, type Principal } from '../principal';
import { requireReader } from '../read-access';
import { liveTieWhere } from '../read-models';
import { actorState, claimState, sourceState, tieState } from '../records';

/** Records read per query. */
export const DOCUMENT_CHUNK = 500;

const liveClaimWhere = { deletedAt: null, source: { deletedAt: null } } as const;
const claimSelect = { actor: { select: { slug: true } } } as const;

/** A stored state's dates as a document writes them: "2020" for a year, not its normalised first day. */
function written<T extends Record<string, unknown>>(fields: readonly FieldSpec[], state: T): T {
  const out: Record<string, unknown> = { ...state };
  for (const { field, kind } of fields) {
    const d = out[field] as PartialDate | null | undefined;
    if (kind === 'date' && d) out[field] = { date: dateText(d), precision: d.precision };
  }
  return out as T;
}

function claimEntry(row: Parameters<typeof claimState>[0] & { id: string }) {
  const { tie: _tie, actor: _actor, ...claim } = written(claimRecord.fieldList, claimState(row));
  return { id: row.id, ...claim };
}

/** The actor's stored map position, so the archive opens with the same picture; none where the layout has not placed it. */
function positionEntry(row: { x: number | null; y: number | null }): { position?: { x: number; y: number } } {
  return row.x === null || row.y === null ? {} : { position: { x: row.x, y: row.y } };
}

/** Pages of rows by id, each after the last one read. */
async function* pages<R extends { id: string }>(read: (after: string | null) => Promise<R[]>): AsyncGenerator<R[]> {
  let after: string | null = null;
  for (;;) {
    const rows = await read(after);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < DOCUMENT_CHUNK) return;
    after = rows[rows.length - 1]!.id;
  }
}

const afterId = (after: string | null) => (after === null ? {} : { id: { gt: after } });

/** Live ties with no live claim: a document cannot hold them. */
export async function countTiesWithoutClaims(principal: Principal): Promise<number> {
  requireReader(principal);
  const db = await getDb();
  return db.tie.count({ where: { ...liveTieWhere, claims: { none: liveClaimWhere } } });
}

export interface ExportDocumentOptions {
  /** Internal notes too (analysts and admins only); otherwise public notes only. */
  includeInternal?: boolean;
}

/** Refuses includeInternal to anyone who may not read internal notes, before anything is streamed. */
export function checkExportDocumentOptions(principal: Principal, options: ExportDocumentOptions): void {
  requireReader(principal);
  if (options.includeInternal && !canSeeInternal(principal))
    throw new AppError('forbidden', 'Internal notes are exported for analysts and admins only: sign in as one, or export without includeInternal (public notes only)');
}

const noteSelect = { id: true, body: true, visibility: true, authorName: true } as const;

function noteEntries(notes: { id: string; body: string; visibility: string; authorName: string | null }[]): { notes?: object[] } {
  return notes.length ? { notes: notes.map((n) => ({ id: n.id, body: n.body, visibility: n.visibility, authorName: n.authorName })) } : {};
}

/** The document's JSON text, a chunk of records at a time. */
export async function* exportDocument(principal: Principal, options: ExportDocumentOptions = {}): AsyncGenerator<string> {
  checkExportDocumentOptions(principal, options);
  const db = await getDb();
  const notes = { where: { deletedAt: null, ...(options.includeInternal ? {} : { visibility: 'public' }) }, orderBy: { id: 'asc' as const }, select: noteSelect };
  const list = async function* <R extends { id: string }>(key: string, read: (after: string | null) => Promise<R[]>, entry: (row: R) => object | null, last = false) {
    yield `"${key}":[`;
    let first = true;
    for await (const rows of pages(read)) {
      let text = '';
      for (const row of rows) {
        const value = entry(row);
        if (value === null) continue;
        text += `${first ? '' : ','}\n${JSON.stringify(value)}`;
        first = false;
      }
      yield text;
    }
    yield `\n]${last ? '' : ','}\n`;
  };

  yield '{\n';
  yield* list(
    'sources',
    (after) => db.source.findMany({ where: { deletedAt: null, ...afterId(after) }, orderBy: { id: 'asc' }, take: DOCUMENT_CHUNK }),
    (row) => ({ id: row.id, ...written(sourceRecord.fieldList, sourceState(row)) }),
  );
  yield* list(
    'actors',
    (after) =>
      db.actor.findMany({
        where: { deletedAt: null, ...afterId(after) },
        orderBy: { id: 'asc' },
        take: DOCUMENT_CHUNK,
        include: { names: true, claims: { where: liveClaimWhere, orderBy: { id: 'asc' }, include: claimSelect }, notes },
      }),
    (row) => {
      const { notes: rowNotes, ...rest } = row;
      return { ...written(actorRecord.fieldList, actorState(rest)), ...positionEntry(row), claims: row.claims.map(claimEntry), ...noteEntries(rowNotes) };
    },
  );
  yield* list(
    'ties',
    (after) =>
      db.tie.findMany({
        where: { ...liveTieWhere, ...afterId(after) },
        orderBy: { id: 'asc' },
        take: DOCUMENT_CHUNK,
        include: {
          source: { select: { slug: true } },
          target: { select: { slug: true } },
          claims: { where: liveClaimWhere, orderBy: { id: 'asc' }, include: claimSelect },
          notes,
        },
      }),
    (row) => (row.claims.length === 0 ? null : { id: row.id, ...written(tieRecord.fieldList, tieState(row)), claims: row.claims.map(claimEntry), ...noteEntries(row.notes) }),
    true,
  );
  yield '}\n';
}
