// A tie between two actors: its fields, the inputs derived from them, and its rules. Adding an
// editable field to a tie means the Prisma schema, its migration and this module: the row ↔ state
// mapping in lib/data/records.ts, the forms, history and import all read the field list.
import { z } from 'zod';
import { TIE_TYPES } from '../vocabulary';
import { partialDateSchema, slugSchema, textSchema } from '../../validation/common';
import { defineRecord, endNotBeforeStart, optional, required, type RuleIssue } from './define-record';

export const tieRecord = defineRecord(
  {
    source: required(slugSchema, 'From (actor)', 'actorRef'),
    type: required(z.enum(TIE_TYPES), 'Type', 'tieType'),
    target: required(slugSchema, 'To (actor)', 'actorRef'),
    role: optional(textSchema(200), '', 'Role'),
    start: optional(partialDateSchema.nullable(), null, 'Start', 'date'),
    end: optional(partialDateSchema.nullable(), null, 'End', 'date'),
    strength: optional(z.number().int().min(1, 'Strength is 1 to 5').max(5, 'Strength is 1 to 5'), 3, 'Strength', 'number'),
  },
  { reasoned: true },
);

export type TieState = z.output<typeof tieRecord.state>;
export const createTieSchema = tieRecord.create;
export type CreateTieInput = z.input<typeof createTieSchema>;
export const updateTieSchema = tieRecord.update;
export type UpdateTieInput = z.input<typeof updateTieSchema>;

/** A tie joins two different actors and ends no earlier than it starts. */
export function tieRules(tie: Pick<TieState, 'source' | 'target' | 'start' | 'end'>): RuleIssue[] {
  const issues: RuleIssue[] = tie.source === tie.target ? [{ path: 'target', message: 'A tie joins two different actors' }] : [];
  return [...issues, ...endNotBeforeStart(tie)];
}
