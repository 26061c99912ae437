// A record as an edit form (and GET on the write API) needs it: its stored state in the shape
// the update schemas take (lib/data/records.ts), and its version, which every change names.
// Live records only; internal notes are for analysts.
import 'server-only';
import { getDb } from '../../db/client';
import type { HistoryType } from '../../history/diff';
import { recordRefSchema, type RecordRefInput } from '../../validation/history-queries';
import { notFound, parseInput } from '../errors';
import { claimInclude, tieInclude } from '../mutation';
import { canSeeInternal, type Principal } from '../principal';
import { requireReader } from '../read-access';
import {
  actorState,
  noteState,
  claimState,
  sourceState,
  tieState,
  type ActorState,
  type NoteState,
  type ClaimState,
  type SourceState,
  type TieState,
} from '../records';

export interface Versioned<S> {
  id: string;
  version: number;
  state: S;
  updatedAt: string;
}

export interface EditableStates {
  actor: ActorState;
  tie: TieState;
  source: SourceState;
  claim: ClaimState;
  note: NoteState;
}

export type EditableRecord = { [T in HistoryType]: { type: T } & Versioned<EditableStates[T]> }[HistoryType];

/** The stored state and version of one live record; an actor is found by slug (or id). */
export async function getEditableRecord<T extends HistoryType>(principal: Principal, input: { type: T; id: string }): Promise<{ type: T } & Versioned<EditableStates[T]>>;
export async function getEditableRecord(principal: Principal, input: RecordRefInput): Promise<EditableRecord>;
export async function getEditableRecord(principal: Principal, input: RecordRefInput): Promise<EditableRecord> {
  requireReader(principal);
  const { type, id } = parseInput(recordRefSchema, input, 'Record');
  const db = await getDb();
  const out = <S>(row: { id: string; version: number; updatedAt: Date }, state: S) => ({ id: row.id, version: row.version, updatedAt: row.updatedAt.toISOString(), state });
  switch (type) {
    case 'actor': {
      const row = await db.actor.findFirst({ where: { OR: [{ slug: id }, { id }], deletedAt: null }, include: { names: true } });
      if (!row) throw notFound(`Actor "${id}"`);
      return { type, ...out(row, actorState(row)) };
    }
    case 'tie': {
      const row = await db.tie.findFirst({ where: { id, deletedAt: null }, include: tieInclude });
      if (!row) throw notFound(`Tie "${id}"`);
      return { type, ...out(row, tieState(row)) };
    }
    case 'source': {
      const row = await db.source.findFirst({ where: { id, deletedAt: null } });
      if (!row) throw notFound(`Source "${id}"`);
      return { type, ...out(row, sourceState(row)) };
    }
    case 'claim': {
      const row = await db.claim.findFirst({ where: { id, deletedAt: null }, include: claimInclude });
      if (!row) throw notFound(`Claim "${id}"`);
      return { type, ...out(row, claimState(row)) };
    }
    case 'note': {
      const row = await db.note.findFirst({ where: { id, deletedAt: null, ...(canSeeInternal(principal) ? {} : { visibility: 'public' }) }, include: claimInclude });
      if (!row) throw notFound(`Note "${id}"`);
      return { type, ...out(row, noteState(row)) };
    }
  }
}
