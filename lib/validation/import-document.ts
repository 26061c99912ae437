// The document format for bulk loads: the seed and any import pass this one schema. Each record's
// fields, limits and defaults come from its module in lib/domain/records, and so do its rules.
import { z } from 'zod';
import { actorRecord, actorRules } from '../domain/records/actor';
import { claimRecord } from '../domain/records/claim';
import type { RuleIssue } from '../domain/records/define-record';
import { sourceRecord } from '../domain/records/source';
import { tieRecord, tieRules } from '../domain/records/tie';
import { recordIdSchema } from './common';

export const importSourceSchema = z.strictObject({ id: recordIdSchema, ...sourceRecord.importShape });

/** A claim links a tie or an actor fact to a source; what it is about is where it is nested. */
export const importClaimSchema = z.strictObject({ id: recordIdSchema, ...claimRecord.importShape });

export const importActorSchema = z.strictObject({ ...actorRecord.importShape, claims: z.array(importClaimSchema).default([]) });

export const importTieSchema = z.strictObject({
  id: recordIdSchema,
  ...tieRecord.importShape,
  claims: z.array(importClaimSchema).min(1, 'Every tie needs at least one claim'),
});

export const importDocumentSchema = z
  .strictObject({
    sources: z.array(importSourceSchema),
    actors: z.array(importActorSchema),
    ties: z.array(importTieSchema),
  })
  .superRefine((doc, ctx) => {
    const sourceIds = new Set(doc.sources.map((s) => s.id));
    const slugs = new Set(doc.actors.map((a) => a.slug));
    const seen = new Map<string, string>();
    const unique = (kind: string, id: string, path: (string | number)[]) => {
      const key = `${kind}:${id}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path, message: `Duplicate ${kind} "${id}"` });
      seen.set(key, id);
    };
    const broken = (issues: RuleIssue[], path: (string | number)[]) =>
      issues.forEach((issue) => ctx.addIssue({ code: 'custom', path: [...path, issue.path], message: issue.message }));
    doc.sources.forEach((s, i) => unique('source', s.id, ['sources', i, 'id']));
    doc.actors.forEach((a, i) => unique('actor', a.slug, ['actors', i, 'slug']));
    const checkClaims = (claims: { id: string; source: string }[], path: (string | number)[]) =>
      claims.forEach((c, j) => {
        unique('claim', c.id, [...path, j, 'id']);
        if (!sourceIds.has(c.source))
          ctx.addIssue({ code: 'custom', path: [...path, j, 'source'], message: `Unknown source "${c.source}"` });
      });
    doc.actors.forEach((a, i) => {
      broken(actorRules(a), ['actors', i]);
      checkClaims(a.claims, ['actors', i, 'claims']);
    });
    doc.ties.forEach((t, i) => {
      unique('tie', t.id, ['ties', i, 'id']);
      if (!slugs.has(t.source)) ctx.addIssue({ code: 'custom', path: ['ties', i, 'source'], message: `Unknown actor "${t.source}"` });
      if (!slugs.has(t.target)) ctx.addIssue({ code: 'custom', path: ['ties', i, 'target'], message: `Unknown actor "${t.target}"` });
      broken(tieRules(t), ['ties', i]);
      checkClaims(t.claims, ['ties', i, 'claims']);
    });
  });

export type ImportDocumentInput = z.input<typeof importDocumentSchema>;
export type ImportDocument = z.output<typeof importDocumentSchema>;
