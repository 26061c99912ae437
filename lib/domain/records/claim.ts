// A claim: a source's statement about a tie or an actor fact, graded for credibility. Its fields,
// the inputs derived from them, and its rule. Disagreeing claims both stay (lib/graph/disputes.ts).
import { z } from 'zod';
import {
  claimStanceSchema,
  claimStatusSchema,
  credibilitySchema,
  partialDateSchema,
  recordIdSchema,
  requiredTextSchema,
  slugSchema,
  textSchema,
} from '../../validation/common';
import { defineRecord, exactlyOneSubject, optional, required, subject } from './define-record';

export const claimRecord = defineRecord(
  {
    quote: required(requiredTextSchema(2000, 'Quote'), 'Quote'),
    source: required(recordIdSchema, 'Source', 'sourceRef'),
    location: optional(textSchema(300), '', 'Where in the source'),
    credibility: required(credibilitySchema, 'Credibility', 'credibility'),
    status: optional(claimStatusSchema, 'accepted', 'Status', 'status'),
    stance: optional(claimStanceSchema, 'supports', 'Stance', 'status'),
    tie: subject(recordIdSchema, 'Tie', 'key'),
    actor: subject(slugSchema, 'Actor', 'actorRef'),
    /** For actor claims: which fact it supports ("born", "died", "founded", "name"…). */
    fact: optional(textSchema(100), '', 'Fact'),
    /** What this source says of the dates, where it says something; disagreements show as disputes. */
    statedStart: optional(partialDateSchema.nullable(), null, 'Stated start', 'date'),
    statedEnd: optional(partialDateSchema.nullable(), null, 'Stated end', 'date'),
    /** The source says the tie still held when it was written. */
    statedCurrent: optional(z.boolean(), false, 'Stated as current', 'boolean'),
  },
  { reasoned: true },
);

export type ClaimState = z.output<typeof claimRecord.state>;
/** A claim is about exactly one tie or one actor. */
export const createClaimSchema = claimRecord.create.refine(exactlyOneSubject, { message: 'A claim is about exactly one tie or one actor', path: ['tie'] });
export type CreateClaimInput = z.input<typeof createClaimSchema>;
export const updateClaimSchema = claimRecord.update;
export type UpdateClaimInput = z.input<typeof updateClaimSchema>;
