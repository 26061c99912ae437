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

const documentShape = {
  sources: listOf(importSourceSchema, IMPORT_LIMITS.sources, 'sources'),
  actors: listOf(importActorSchema, IMPORT_LIMITS.actors, 'actors'),
  ties: listOf(importTieSchema, IMPORT_LIMITS.ties, 'ties'),
};
type ParsedDocument = z.output<z.ZodObject<typeof documentShape>>;
type Issue = { path: (string | number)[]; message: string };

/**
 * The rules across records: ids unique within their kind, ties between actors the document holds,
 * claims citing its sources, and each actor's and tie's own rules. Known ids are kept in one Set
 * per kind, of the records' own strings, so a 300,000-tie document adds no key strings of its own.
 */
function checkDocument(doc: ParsedDocument, addIssue: (issue: Issue) => void): void {
  const sourceIds = new Set(doc.sources.map((s) => s.id));
  const slugs = new Set(doc.actors.map((a) => a.slug));
  const seen: Record<'source' | 'actor' | 'tie' | 'claim' | 'note', Set<string>> = { source: new Set(), actor: new Set(), tie: new Set(), claim: new Set(), note: new Set() };
  const unique = (kind: keyof typeof seen, id: string, path: (string | number)[]) => {
    if (seen[kind].has(id)) addIssue({ path, message: `Duplicate ${kind} "${id}"` });
    seen[kind].add(id);
  };
  const broken = (issues: RuleIssue[], path: (string | number)[]) => issues.forEach((issue) => addIssue({ path: [...path, issue.path], message: issue.message }));
  doc.sources.forEach((s, i) => unique('source', s.id, ['sources', i, 'id']));
  doc.actors.forEach((a, i) => unique('actor', a.slug, ['actors', i, 'slug']));
  const checkClaims = (claims: { id: string; source: string }[], path: (string | number)[]) =>
    claims.forEach((c, j) => {
      unique('claim', c.id, [...path, j, 'id']);
      if (!sourceIds.has(c.source)) addIssue({ path: [...path, j, 'source'], message: `Unknown source "${c.source}"` });
    });
  const checkNotes = (notes: { id: string }[] | undefined, path: (string | number)[]) => notes?.forEach((n, j) => unique('note', n.id, [...path, j, 'id']));
  doc.actors.forEach((a, i) => {
    broken(actorRules(a), ['actors', i]);
    checkClaims(a.claims, ['actors', i, 'claims']);
    checkNotes(a.notes, ['actors', i, 'notes']);
  });
  doc.ties.forEach((t, i) => {
    unique('tie', t.id, ['ties', i, 'id']);
    if (!slugs.has(t.source)) addIssue({ path: ['ties', i, 'source'], message: `Unknown actor "${t.source}"` });
    if (!slugs.has(t.target)) addIssue({ path: ['ties', i, 'target'], message: `Unknown actor "${t.target}"` });
    broken(tieRules(t), ['ties', i]);
    checkClaims(t.claims, ['ties', i, 'claims']);
    checkNotes(t.notes, ['ties', i, 'notes']);
  });
}

const documentSchema = z.strictObject(documentShape).superRefine((doc, ctx) => checkDocument(doc, (issue) => ctx.addIssue({ code: 'custom', ...issue })));

export const importDocumentSchema = documentListsSchema.pipe(documentSchema);

export type ImportDocumentInput = z.input<typeof documentSchema>;
export type ImportDocument = z.output<typeof documentSchema>;

/** Problems reported when a document has too many to list them all. */
const MAX_REPORTED_PROBLEMS = 100;
/** Records validated at a time: zod's output for one slice is small, and its input can go at once. */
const SLICE = 1_000;

export interface ParseImportDocumentOptions {
  /**
   * The caller hands the document over: each record is let go from the input's lists once its
   * slice is validated, so the input and the validated copy are never both whole in memory
   * (a 100,000-actor, 300,000-tie document would hold both at once, twice its size).
   */
  release?: boolean;
  /** Called after each slice: where the caller may bound its heap (lib/data/import/bound-heap.ts). */
  afterSlice?: () => void;
}

/**
 * importDocumentSchema.safeParse, a slice of records at a time, with the same problems at the same
 * paths (`ties.12345.source`): each list's records through their own schema a slice at a time, the
 * document's other keys through the document's own object, then the rules across records
 * (checkDocument) over the validated records, where zod would run them (no record failed its type).
 * The first MAX_REPORTED_PROBLEMS problems are reported: a file of 30,000 empty objects has
 * 120,000, which zod would gather with one spread call that overflows the stack.
 */
export function safeParseImportDocument(input: unknown, options: ParseImportDocumentOptions = {}): z.ZodSafeParseResult<ImportDocument> {
  const lists = documentListsSchema.safeParse(input);
  if (!lists.success) return lists as z.ZodSafeParseResult<never>;
  const given = input as Record<'sources' | 'actors' | 'ties', unknown[]>;
  const issues: z.core.$ZodIssue[] = [];
  const tooMany = () => issues.length > MAX_REPORTED_PROBLEMS;
  let typed = true;
  const doc = { sources: [], actors: [], ties: [] } as ParsedDocument;
  for (const key of ['sources', 'actors', 'ties'] as const) {
    const list = lists.data[key];
    for (let start = 0; start < list.length && !tooMany(); start += SLICE) {
      const parsed = parseSlice(documentShape[key].element, list.slice(start, start + SLICE));
      if (options.release) {
        list.fill(undefined, start, start + SLICE);
        given[key].fill(undefined, start, start + SLICE);
      }
      typed &&= parsed.continued;
      for (const item of parsed.items) (doc[key] as unknown[]).push(item);
      for (const issue of parsed.issues) {
        const [index, ...rest] = issue.path as [number, ...PropertyKey[]];
        issues.push({ ...issue, path: [key, start + index, ...rest] });
      }
      options.afterSlice?.();
    }
  }
  if (!tooMany()) {
    // The document's own keys (an unknown one is refused), its lists already checked.
    const shell = parseSlice(z.strictObject(documentShape), [{ ...lists.data, sources: [], actors: [], ties: [] }]);
    typed &&= shell.continued;
    for (const issue of shell.issues) issues.push({ ...issue, path: issue.path.slice(1) });
  }
  if (typed && !tooMany()) checkDocument(doc, (issue) => issues.length <= MAX_REPORTED_PROBLEMS && issues.push({ code: 'custom', input: undefined, ...issue }));
  if (!issues.length) return { success: true, data: doc } as z.ZodSafeParseResult<ImportDocument>;
  if (tooMany()) {
    issues.length = MAX_REPORTED_PROBLEMS;
    issues.push({ code: 'custom', input, path: [], message: `The document has more problems than these ${MAX_REPORTED_PROBLEMS}: fix these first` });
  }
  return { success: false, error: new z.ZodError(issues) } as z.ZodSafeParseResult<ImportDocument>;
}

/**
 * One slice of records through their schema: the validated records (zod's output, also where
 * some failed a check), their problems, and whether zod would go on to the document's rules
 * (it does when the records only failed checks, not when one had the wrong type or a missing field).
 */
function parseSlice<S extends z.ZodType>(item: S, records: unknown[]): { items: z.output<S>[]; issues: z.core.$ZodIssue[]; continued: boolean } {
  let items: z.output<S>[] = [];
  let continued = false;
  const result = z
    .array(item)
    .superRefine((parsed) => {
      items = parsed;
      continued = true;
    })
    .safeParse(records);
  if (result.success) return { items: result.data, issues: [], continued: true };
  return { items, issues: result.error.issues, continued };
}
