// The document format for bulk loads: the seed and any import pass this one schema.
import { z } from 'zod';
import { ACTOR_KINDS, FACTIONS, NAME_KINDS, TIE_TYPES } from '../domain/vocabulary';
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

export const importSourceSchema = z
  .object({
    id: recordIdSchema,
    title: requiredTextSchema(500, 'Title'),
    author: textSchema(300).default(''),
    publisher: textSchema(300).default(''),
    url: webUrlSchema.nullable().default(null),
    published: partialDateSchema.nullable().default(null),
    reliability: reliabilitySchema,
    notes: textSchema(4000).default(''),
  })
  .strict();

export const importNameSchema = z
  .object({
    name: requiredTextSchema(300, 'Name'),
    /** BCP 47 language: "be", "ru", "en", "pl"… */
    lang: z.string().regex(/^[a-z]{2,3}$/, 'Language is a 2 or 3 letter code'),
    /** ISO 15924 script: "Cyrl", "Latn"… */
    script: z.string().regex(/^[A-Z][a-z]{3}$/, 'Script is an ISO 15924 code such as Cyrl or Latn'),
    kind: z.enum(NAME_KINDS),
  })
  .strict();

/** A claim links a tie or an actor fact to a source. */
export const importClaimSchema = z
  .object({
    id: recordIdSchema,
    source: recordIdSchema,
    quote: requiredTextSchema(2000, 'Quote'),
    location: textSchema(300).default(''),
    credibility: credibilitySchema,
    status: claimStatusSchema.default('accepted'),
    stance: claimStanceSchema.default('supports'),
    /** For actor claims: which fact it supports ("born", "died", "founded", "name"…). */
    fact: textSchema(100).default(''),
    /** What this source says of the dates, where it says something; disagreements show as disputes. */
    statedStart: partialDateSchema.nullable().default(null),
    statedEnd: partialDateSchema.nullable().default(null),
    /** The source says the tie still held when it was written. */
    statedCurrent: z.boolean().default(false),
  })
  .strict();

export const importActorSchema = z
  .object({
    slug: slugSchema,
    name: requiredTextSchema(300, 'Name'),
    kind: z.enum(ACTOR_KINDS),
    faction: z.enum(FACTIONS),
    summary: textSchema(500).default(''),
    description: textSchema(8000).default(''),
    /** Birth, founding or, for an event, its first day. */
    start: partialDateSchema.nullable().default(null),
    /** Death, dissolution or an event's last day. */
    end: partialDateSchema.nullable().default(null),
    names: z.array(importNameSchema).default([]),
    claims: z.array(importClaimSchema).default([]),
  })
  .strict();

export const importTieSchema = z
  .object({
    id: recordIdSchema,
    source: slugSchema,
    target: slugSchema,
    type: z.enum(TIE_TYPES),
    role: textSchema(200).default(''),
    start: partialDateSchema.nullable().default(null),
    end: partialDateSchema.nullable().default(null),
    strength: z.number().int().min(1).max(5).default(3),
    claims: z.array(importClaimSchema).min(1, 'Every tie needs at least one claim'),
  })
  .strict();

export const importDocumentSchema = z
  .object({
    sources: z.array(importSourceSchema),
    actors: z.array(importActorSchema),
    ties: z.array(importTieSchema),
  })
  .strict()
  .superRefine((doc, ctx) => {
    const sourceIds = new Set(doc.sources.map((s) => s.id));
    const slugs = new Set(doc.actors.map((a) => a.slug));
    const seen = new Map<string, string>();
    const unique = (kind: string, id: string, path: (string | number)[]) => {
      const key = `${kind}:${id}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path, message: `Duplicate ${kind} "${id}"` });
      seen.set(key, id);
    };
    doc.sources.forEach((s, i) => unique('source', s.id, ['sources', i, 'id']));
    doc.actors.forEach((a, i) => unique('actor', a.slug, ['actors', i, 'slug']));
    const checkClaims = (claims: { id: string; source: string }[], path: (string | number)[]) =>
      claims.forEach((c, j) => {
        unique('claim', c.id, [...path, j, 'id']);
        if (!sourceIds.has(c.source))
          ctx.addIssue({ code: 'custom', path: [...path, j, 'source'], message: `Unknown source "${c.source}"` });
      });
    doc.actors.forEach((a, i) => checkClaims(a.claims, ['actors', i, 'claims']));
    doc.ties.forEach((t, i) => {
      unique('tie', t.id, ['ties', i, 'id']);
      if (!slugs.has(t.source)) ctx.addIssue({ code: 'custom', path: ['ties', i, 'source'], message: `Unknown actor "${t.source}"` });
      if (!slugs.has(t.target)) ctx.addIssue({ code: 'custom', path: ['ties', i, 'target'], message: `Unknown actor "${t.target}"` });
      if (t.source === t.target) ctx.addIssue({ code: 'custom', path: ['ties', i, 'target'], message: 'A tie joins two different actors' });
      if (t.start && t.end && t.end.date < t.start.date)
        ctx.addIssue({ code: 'custom', path: ['ties', i, 'end'], message: 'End is before start' });
      checkClaims(t.claims, ['ties', i, 'claims']);
    });
  });

export type ImportDocumentInput = z.input<typeof importDocumentSchema>;
export type ImportDocument = z.output<typeof importDocumentSchema>;
