// What the edit controls on a tie or actor page list: the notes on it and the claims about it,
// each with the version a change must name and whether this principal may change it. The
// read-only DTOs of lib/data/read-models.ts carry no versions; these are for analysts.
import 'server-only';
import { z } from 'zod';
import { getDb } from '../../db/client';
import { compareText } from '../../graph/adjacency';
import { normaliseForSearch } from '../../graph/search';
import { recordIdSchema, slugSchema } from '../../validation/common';
import { parseInput } from '../errors';
import type { EditableNote } from '../../domain/records/note';
import { hasRole, requireRole, type Principal } from '../principal';
import { formatGrade } from '../../domain/grade';

export type { EditableNote } from '../../domain/records/note';

export interface EditableClaim {
  id: string;
  version: number;
  quote: string;
  location: string;
  status: string;
  credibility: number;
  grade: string;
  source: { id: string; title: string };
}

export interface SourceChoice {
  id: string;
  title: string;
  reliability: string;
}

const ownerSchema = z.union([z.strictObject({ tie: recordIdSchema }), z.strictObject({ actor: slugSchema })]);
export type NoteOwnerInput = z.input<typeof ownerSchema>;

/** Every live note on a tie or an actor, oldest first. For analysts. */
export async function findEditableNotes(principal: Principal, input: NoteOwnerInput): Promise<EditableNote[]> {
  requireRole(principal, 'analyst');
  const owner = parseInput(ownerSchema, input, 'Notes');
  const db = await getDb();
  const rows = await db.note.findMany({
    where: { deletedAt: null, ...('tie' in owner ? { tieId: owner.tie } : { actor: { slug: owner.actor } }) },
    include: { author: { select: { name: true } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const userId = principal.type === 'user' ? principal.userId : null;
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    body: row.body,
    visibility: row.visibility === 'public' ? 'public' : 'internal',
    author: row.author.name,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    canEdit: row.authorId === userId || hasRole(principal, 'admin'),
  }));
}

/** The live claims about a tie, with their versions. For analysts. */
export async function findEditableClaims(principal: Principal, input: { tie: string }): Promise<EditableClaim[]> {
  requireRole(principal, 'analyst');
  const { tie } = parseInput(z.strictObject({ tie: recordIdSchema }), input, 'Claims');
  const db = await getDb();
  const rows = await db.claim.findMany({
    where: { tieId: tie, deletedAt: null, source: { deletedAt: null } },
    include: { source: { select: { id: true, title: true, reliability: true } } },
    orderBy: { id: 'asc' },
  });
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    quote: row.quote,
    location: row.location,
    status: row.status,
    credibility: row.credibility,
    grade: formatGrade(row.source.reliability, row.credibility),
    source: { id: row.source.id, title: row.source.title },
  }));
}

/** Every live source, for choosing the one a new claim cites; by title. */
export async function findSourceChoices(principal: Principal): Promise<SourceChoice[]> {
  requireRole(principal, 'analyst');
  const db = await getDb();
  const rows = await db.source.findMany({ where: { deletedAt: null }, select: { id: true, title: true, reliability: true } });
  return rows.sort((a, b) => compareText(normaliseForSearch(a.title), normaliseForSearch(b.title)) || compareText(a.id, b.id));
}

export interface ActorChoice {
  slug: string;
  name: string;
}

/** Every live actor, for choosing the ends of a tie; by name. */
export async function findActorChoices(principal: Principal): Promise<ActorChoice[]> {
  requireRole(principal, 'analyst');
  const db = await getDb();
  const rows = await db.actor.findMany({ where: { deletedAt: null }, select: { slug: true, name: true } });
  return rows.sort((a, b) => compareText(normaliseForSearch(a.name), normaliseForSearch(b.name)) || compareText(a.slug, b.slug));
}
