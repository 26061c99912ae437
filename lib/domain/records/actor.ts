// An actor (a person, institution, state, group or event): its fields, the inputs derived from
// them, and its rules. Row ↔ state mapping is the data layer's (lib/data/records.ts).
import { z } from 'zod';
import { ACTOR_KINDS, FACTIONS } from '../vocabulary';
import { partialDateSchema, requiredTextSchema, slugSchema, textSchema } from '../../validation/common';
import { defineRecord, endNotBeforeStart, optional, required, type RuleIssue } from './define-record';
import { nameVariantSchema } from './name-variant';

export const actorRecord = defineRecord(
  {
    name: required(requiredTextSchema(300, 'Name'), 'Name'),
    slug: required(slugSchema, 'Slug', 'key'),
    kind: required(z.enum(ACTOR_KINDS), 'Kind', 'kind'),
    faction: required(z.enum(FACTIONS), 'Faction', 'faction'),
    summary: optional(textSchema(500), '', 'Summary'),
    description: optional(textSchema(8000), '', 'Description'),
    /** Birth, founding or, for an event, its first day. */
    start: optional(partialDateSchema.nullable(), null, 'Start', 'date'),
    /** Death, dissolution or an event's last day. */
    end: optional(partialDateSchema.nullable(), null, 'End', 'date'),
    names: optional(z.array(nameVariantSchema).max(100), [], 'Name variants', 'names'),
  },
  { reasoned: true },
);

export type ActorState = z.output<typeof actorRecord.state>;
export const createActorSchema = actorRecord.create;
export type CreateActorInput = z.input<typeof createActorSchema>;
export const updateActorSchema = actorRecord.update;
export type UpdateActorInput = z.input<typeof updateActorSchema>;

/** An actor ends no earlier than it starts. */
export function actorRules(actor: Pick<ActorState, 'start' | 'end'>): RuleIssue[] {
  return endNotBeforeStart(actor);
}
