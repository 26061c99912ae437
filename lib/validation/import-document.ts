// The document format for bulk loads: the seed and any import pass this one schema. Each record's
// fields, limits and defaults come from its module in lib/domain/records, and so do its rules.
import { z } from 'zod';
import { actorRecord, actorRules } from '../domain/records/actor';
import { claimRecord } from '../domain/records/claim';
import { noteRecord } from '../domain/records/note';
import type { RuleIssue } from '../domain/records/define-record';
import { sourceRecord } from '../domain/records/source';
import { tieRecord, tieRules } from '../domain/records/tie';
import { recordIdSchema, textSchema } from './common';

/**
 * The most records of each kind one file may hold: five times the 20,000 actors and 100,000 ties
 * Powermap is built for (more than that is several imports). Claims are counted per actor or tie.
 */
export const IMPORT_LIMITS = { sources: 100_000, actors: 100_000, ties: 500_000, claims: 1_000, notes: 1_000 } as const;

const count = (n: number) => n.toLocaleString('en-US');
const tooMany = (max: number, what: string) => (issue: { input?: unknown }) => {
  const has = Array.isArray(issue.input) ? ` (this one has ${count(issue.input.length)})` : '';
  return what === 'claims' || what === 'notes' ? `At most ${count(max)} ${what} on one actor or tie${has}` : `At most ${count(max)} ${what} in one file${has}: split it into several imports`;
};
const listOf = <S extends z.ZodType>(item: S, max: number, what: string) => z.array(item).max(max, { error: tooMany(max, what) });

export const importSourceSchema = z.strictObject({ id: recordIdSchema, ...sourceRecord.importShape });

/** A claim links a tie or an actor fact to a source; what it is about is where it is nested. */
export const importClaimSchema = z.strictObject({ id: recordIdSchema, ...claimRecord.importShape });

/** Largest coordinate kept: far beyond any layout, small enough that no sum of them overflows. */
const MAX_COORDINATE = 1e9;
const coordinateSchema = z.number().finite().min(-MAX_COORDINATE).max(MAX_COORDINATE);

/**
 * Where the map draws an actor (Actor.x / Actor.y, y pointing down), as another tool laid it out or
 * a Powermap export stored it. Presentation, not content: no revision, not compared, and an import
 * gives it only to actors that have no position yet unless asked to move them (lib/data/layout).
 */
export const importPositionSchema = z.strictObject({ x: coordinateSchema, y: coordinateSchema });

/**
 * An analyst's note on the actor or tie it is nested in (internal: analysts only; public). Its
 * author is the importing analyst; `authorName` keeps the name it was written under. A full
 * export carries public notes, and internal ones only when an analyst asks (includeInternal).
 */
export const importNoteSchema = z.strictObject({ id: recordIdSchema, ...noteRecord.importShape, authorName: textSchema(200).nullable().optional() });
const notesSchema = listOf(importNoteSchema, IMPORT_LIMITS.notes, 'notes').optional();

export const importActorSchema = z.strictObject({
  ...actorRecord.importShape,
  position: importPositionSchema.optional(),
  claims: listOf(importClaimSchema, IMPORT_LIMITS.claims, 'claims').default([]),
  notes: notesSchema,
});

export const importTieSchema = z.strictObject({
  id: recordIdSchema,
  ...tieRecord.importShape,
  claims: listOf(importClaimSchema, IMPORT_LIMITS.claims, 'claims').min(1, 'Every tie needs at least one claim'),
  notes: notesSchema,
});

/**
 * The lengths of a document's lists, checked before any element is looked at, so a
 * million-element array is refused at once and in words.
 */
const documentListsSchema = z.looseObject({
  sources: z.array(z.unknown()).max(IMPORT_LIMITS.sources, { error: tooMany(IMPORT_LIMITS.sources, 'sources') }),
  actors: z.array(z.unknown()).max(IMPORT_LIMITS.actors, { error: tooMany(IMPORT_LIMITS.actors, 'actors') }),
  ties: z.array(z.unknown()).max(IMPORT_LIMITS.ties, { error: tooMany(IMPORT_LIMITS.ties, 'ties') }),
});

const documentSchema = z
  .strictObject({
    sources: listOf(importSourceSchema, IMPORT_LIMITS.sources, 'sources'),
    actors: listOf(importActorSchema, IMPORT_LIMITS.actors, 'actors'),
    ties: listOf(importTieSchema, IMPORT_LIMITS.ties, 'ties'),
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
    const checkNotes = (notes: { id: string }[] | undefined, path: (string | number)[]) => notes?.forEach((n, j) => unique('note', n.id, [...path, j, 'id']));
    doc.actors.forEach((a, i) => {
      broken(actorRules(a), ['actors', i]);
      checkClaims(a.claims, ['actors', i, 'claims']);
      checkNotes(a.notes, ['actors', i, 'notes']);
    });
    doc.ties.forEach((t, i) => {
      unique('tie', t.id, ['ties', i, 'id']);
      if (!slugs.has(t.source)) ctx.addIssue({ code: 'custom', path: ['ties', i, 'source'], message: `Unknown actor "${t.source}"` });
      if (!slugs.has(t.target)) ctx.addIssue({ code: 'custom', path: ['ties', i, 'target'], message: `Unknown actor "${t.target}"` });
      broken(tieRules(t), ['ties', i]);
      checkClaims(t.claims, ['ties', i, 'claims']);
      checkNotes(t.notes, ['ties', i, 'notes']);
    });
  });

export const importDocumentSchema = documentListsSchema.pipe(documentSchema);

export type ImportDocumentInput = z.input<typeof documentSchema>;
export type ImportDocument = z.output<typeof documentSchema>;

/** Problems reported when a document has too many to list them all. */
const MAX_REPORTED_PROBLEMS = 100;
const CHUNK = 1_000;

/**
 * importDocumentSchema.safeParse, safe with any number of problems. zod gathers the problems of
 * one list with a single spread call, which overflows the stack somewhere past 100,000 of them
 * (a file of 30,000 empty objects); then the lists are checked again a chunk of elements at a
 * time, and the first MAX_REPORTED_PROBLEMS problems are reported.
 */
export function safeParseImportDocument(input: unknown): z.ZodSafeParseResult<ImportDocument> {
  try {
    return importDocumentSchema.safeParse(input);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  const lists = documentListsSchema.parse(input);
  const issues: z.core.$ZodIssue[] = [];
  const items = { sources: importSourceSchema, actors: importActorSchema, ties: importTieSchema } as const;
  for (const key of ['sources', 'actors', 'ties'] as const) {
    for (let start = 0; start < lists[key].length && issues.length < MAX_REPORTED_PROBLEMS; start += CHUNK) {
      const result = z.array(items[key]).safeParse(lists[key].slice(start, start + CHUNK));
      for (const issue of result.error?.issues ?? []) {
        const [index, ...rest] = issue.path as [number, ...PropertyKey[]];
        if (issues.length < MAX_REPORTED_PROBLEMS) issues.push({ ...issue, path: [key, start + index, ...rest] });
      }
    }
  }
  issues.push({ code: 'custom', input, path: [], message: `The document has more problems than these ${MAX_REPORTED_PROBLEMS}: fix these first` });
  return { success: false, error: new z.ZodError(issues) } as z.ZodSafeParseResult<ImportDocument>;
}
