// A note: an analyst's comment on one tie or one actor, internal (analysts only) or public.
// Its fields, the inputs derived from them, and its rule.
import { z } from 'zod';
import { NOTE_VISIBILITIES } from '../vocabulary';
import { recordIdSchema, requiredTextSchema, slugSchema } from '../../validation/common';
import { defineRecord, exactlyOneSubject, optional, required, subject } from './define-record';

export const noteRecord = defineRecord(
  {
    body: required(requiredTextSchema(10_000, 'Note'), 'Text'),
    visibility: optional(z.enum(NOTE_VISIBILITIES), 'internal', 'Visibility', 'status'),
    tie: subject(recordIdSchema, 'Tie', 'key'),
    actor: subject(slugSchema, 'Actor', 'actorRef'),
  },
  // Notes record no reason; their history shows each edit as it is.
  { reasoned: false },
);

export type NoteState = z.output<typeof noteRecord.state>;
export const createNoteSchema = noteRecord.create.refine(exactlyOneSubject, { message: 'A note is on exactly one tie or one actor', path: ['tie'] });
export type CreateNoteInput = z.input<typeof createNoteSchema>;
export const updateNoteSchema = noteRecord.update;
export type UpdateNoteInput = z.input<typeof updateNoteSchema>;

/** A note as its editor shows it: the stored note, who wrote it, and whether the reader may change it. */
export interface EditableNote {
  id: string;
  version: number;
  body: string;
  visibility: 'internal' | 'public';
  author: string;
  createdAt: string;
  updatedAt: string;
  /** Only the author or an admin may change a note. */
  canEdit: boolean;
}
