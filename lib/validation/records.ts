// Input schemas for creating, changing and deleting records: one per input, shared by the
// forms that show field errors and the data layer that parses again.
import { z } from 'zod';
import { ACTOR_KINDS, FACTIONS, NOTE_VISIBILITIES, TIE_TYPES } from '../domain/vocabulary';
import {
  claimStanceSchema,
  claimStatusSchema,
  credibilitySchema,
  partialDateSchema,
  recordIdSchema,
  reliabilitySchema,
  requiredTextSchema,
  slugSchema,
  textSchema,
  webUrlSchema,
} from './common';
import { importNameSchema } from './import-document';

/** Every change names the version it was made against; a stale one is refused. */
const versionSchema = z.number({ error: 'Version is required' }).int().positive();
const reasonSchema = textSchema(500).optional();

// Field shapes carry no defaults, so that `.partial()` never resets an omitted field.
const actorFields = {
  slug: slugSchema,
  name: requiredTextSchema(300, 'Name'),
  kind: z.enum(ACTOR_KINDS),
  faction: z.enum(FACTIONS),
  summary: textSchema(500),
  description: textSchema(8000),
  start: partialDateSchema.nullable(),
  end: partialDateSchema.nullable(),
  names: z.array(importNameSchema).max(100),
};
export const createActorSchema = z.strictObject(actorFields).partial({ summary: true, description: true, start: true, end: true, names: true });
export type CreateActorInput = z.input<typeof createActorSchema>;
export const updateActorSchema = z.strictObject(actorFields).partial().extend({ version: versionSchema, reason: reasonSchema }).strict();
export type UpdateActorInput = z.input<typeof updateActorSchema>;

const tieFields = {
  source: slugSchema,
  target: slugSchema,
  type: z.enum(TIE_TYPES),
  role: textSchema(200),
  start: partialDateSchema.nullable(),
  end: partialDateSchema.nullable(),
  strength: z.number().int().min(1, 'Strength is 1 to 5').max(5, 'Strength is 1 to 5'),
};
export const createTieSchema = z.strictObject(tieFields).partial({ role: true, start: true, end: true, strength: true });
export type CreateTieInput = z.input<typeof createTieSchema>;
export const updateTieSchema = z.strictObject(tieFields).partial().extend({ version: versionSchema, reason: reasonSchema }).strict();
export type UpdateTieInput = z.input<typeof updateTieSchema>;

const sourceFields = {
  title: requiredTextSchema(500, 'Title'),
  author: textSchema(300),
  publisher: textSchema(300),
  url: webUrlSchema.nullable(),
  published: partialDateSchema.nullable(),
  reliability: reliabilitySchema,
  notes: textSchema(4000),
};
export const createSourceSchema = z.strictObject(sourceFields).partial({ author: true, publisher: true, url: true, published: true, notes: true });
export type CreateSourceInput = z.input<typeof createSourceSchema>;
export const updateSourceSchema = z.strictObject(sourceFields).partial().extend({ version: versionSchema, reason: reasonSchema }).strict();
export type UpdateSourceInput = z.input<typeof updateSourceSchema>;

const claimFields = {
  source: recordIdSchema,
  quote: requiredTextSchema(2000, 'Quote'),
  location: textSchema(300),
  credibility: credibilitySchema,
  status: claimStatusSchema,
  stance: claimStanceSchema,
  fact: textSchema(100),
  statedStart: partialDateSchema.nullable(),
  statedEnd: partialDateSchema.nullable(),
  statedCurrent: z.boolean(),
};
/** A claim is about exactly one tie or one actor. */
export const createClaimSchema = z
  .strictObject({ ...claimFields, tie: recordIdSchema.optional(), actor: slugSchema.optional() })
  .partial({ location: true, status: true, stance: true, fact: true, statedStart: true, statedEnd: true, statedCurrent: true })
  .refine((c) => (c.tie ? 1 : 0) + (c.actor ? 1 : 0) === 1, { message: 'A claim is about exactly one tie or one actor', path: ['tie'] });
export type CreateClaimInput = z.input<typeof createClaimSchema>;
export const updateClaimSchema = z.strictObject(claimFields).partial().extend({ version: versionSchema, reason: reasonSchema }).strict();
export type UpdateClaimInput = z.input<typeof updateClaimSchema>;

const noteFields = {
  body: requiredTextSchema(10_000, 'Note'),
  visibility: z.enum(NOTE_VISIBILITIES),
};
export const createAnnotationSchema = z
  .strictObject({ ...noteFields, tie: recordIdSchema.optional(), actor: slugSchema.optional() })
  .partial({ visibility: true })
  .refine((n) => (n.tie ? 1 : 0) + (n.actor ? 1 : 0) === 1, { message: 'A note is on exactly one tie or one actor', path: ['tie'] });
export type CreateAnnotationInput = z.input<typeof createAnnotationSchema>;
export const updateAnnotationSchema = z.strictObject(noteFields).partial().extend({ version: versionSchema }).strict();
export type UpdateAnnotationInput = z.input<typeof updateAnnotationSchema>;

export const deleteRecordSchema = z.strictObject({ version: versionSchema, reason: reasonSchema });
export type DeleteRecordInput = z.input<typeof deleteRecordSchema>;

export const recordKeySchema = recordIdSchema;
