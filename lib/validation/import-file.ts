// An uploaded file to import: a Powermap document (JSON), FollowTheMoney entities (JSON lines) or
// a network from another tool (GEXF, GraphML, CSV…: the readers of lib/exchange/import-formats.ts),
// with the choices the conversion needs. The form checks its own fields with importOptionsSchema
// before sending; the data layer parses the whole of importFileSchema.
import { z } from 'zod';
import type { ForeignAttribute } from '../exchange/foreign-graph';
import { FOREIGN_IMPORT_FORMAT_IDS, FOREIGN_IMPORT_FORMAT_LIST } from '../exchange/import-formats';
import { FACTIONS, type ActorKind } from '../domain/vocabulary';
import { reliabilitySchema, textSchema } from './common';
import type { FieldErrors } from './field-errors';
import type { ImportMatch, MatchedBy, ProposedActor } from '../graph/duplicate-matching';
import { importMappingTextSchema, type ImportMapping } from './import-mapping';
import { importMatchesTextSchema } from './import-matches';

/** Powermap's own documents and FtM are read as they are; every other format is read, then mapped. */
export const IMPORT_FORMATS = ['powermap', 'ftm', ...FOREIGN_IMPORT_FORMAT_IDS] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  powermap: 'Powermap document JSON',
  ftm: 'FollowTheMoney JSON lines',
  ...(Object.fromEntries(FOREIGN_IMPORT_FORMAT_LIST.map(([id, f]) => [id, f.label])) as Record<Exclude<ImportFormat, 'powermap' | 'ftm'>, string>),
};

/** File name endings of each format, for the form's guess and its accept list. */
export const IMPORT_FORMAT_EXTENSIONS: Record<ImportFormat, readonly string[]> = {
  powermap: ['.json'],
  ftm: ['.jsonl', '.ndjson', '.ftm.json'],
  ...(Object.fromEntries(FOREIGN_IMPORT_FORMAT_LIST.map(([id, f]) => [id, f.extensions])) as Record<Exclude<ImportFormat, 'powermap' | 'ftm'>, readonly string[]>),
};

/** The format a file name suggests, longest ending first (".ftm.json" before ".json"), or null. */
export function formatOfFileName(name: string): ImportFormat | null {
  const lower = name.toLowerCase();
  const candidates = IMPORT_FORMATS.flatMap((f) => IMPORT_FORMAT_EXTENSIONS[f].map((ext) => [ext, f] as const)).sort(([a], [b]) => b.length - a.length);
  return candidates.find(([ext]) => lower.endsWith(ext))?.[1] ?? null;
}

/**
 * The largest file an import takes: room for a 20,000-actor, 100,000-tie document (about 29 MB).
 * Counted in bytes on the way in and in characters by the schema (no more than the bytes).
 */
export const MAX_IMPORT_MB = 50;
export const MAX_IMPORT_BYTES = MAX_IMPORT_MB * 1024 * 1024;
export const FILE_TOO_LARGE = `The file is larger than ${MAX_IMPORT_MB} MB`;

/** What an import does with the positions its file gives actors the map has placed already. */
export const IMPORT_POSITION_MODES = ['keep', 'replace'] as const;

export const importOptionsSchema = z
  .object({
    format: z.enum(IMPORT_FORMATS, 'Choose a format'),
    /** The grade of the one source an FtM import cites; a Powermap document grades its own. */
    reliability: reliabilitySchema.default('C'),
    /** The faction of every actor an FtM import creates, unless the rule for its kind names another. */
    faction: z.enum(FACTIONS).default('other'),
    /** FtM: the faction of people, and of organisations (companies, public bodies…), over `faction`. */
    personFaction: z.enum(FACTIONS).optional(),
    organizationFaction: z.enum(FACTIONS).optional(),
    /** The source's title; blank: "FollowTheMoney import: <file name>". */
    title: textSchema(500).default(''),
    /**
     * Other formats: how the file's attributes map onto Powermap (lib/validation/import-mapping.ts),
     * as JSON; absent, the mapping the preview suggests.
     */
    mapping: importMappingTextSchema.optional(),
    /**
     * The positions the file gives (another tool's layout, a Powermap export's): 'keep' places only
     * actors the map has not placed yet, 'replace' moves actors already placed to the file's places.
     */
    positions: z.enum(IMPORT_POSITION_MODES).default('keep'),
    /** The preview's "same as existing" choices, as JSON (lib/validation/import-matches.ts). */
    matches: importMatchesTextSchema.optional(),
  })
  .strict();

export const importFileSchema = importOptionsSchema
  .extend({
    /** The file as text (every format). */
    text: z.string().min(1, 'The file is empty').max(MAX_IMPORT_BYTES, FILE_TOO_LARGE).optional(),
    /** Or a zip, for a format read from several files (CSV: nodes.csv and edges.csv). */
    bytes: z
      .instanceof(Uint8Array)
      .refine((b) => b.byteLength > 0, 'The file is empty')
      .refine((b) => b.byteLength <= MAX_IMPORT_BYTES, FILE_TOO_LARGE)
      .optional(),
    fileName: textSchema(200).refine((s) => s.length > 0, 'File name is required'),
  })
  .strict()
  .refine((input) => (input.text === undefined) !== (input.bytes === undefined), { message: 'The file is empty', path: ['file'] });

export type ImportOptionsInput = z.input<typeof importOptionsSchema>;
export type ImportFileInput = z.input<typeof importFileSchema>;

export interface ImportCountsDto {
  created: number;
  updated: number;
  unchanged: number;
}

/** The kinds of record an import writes, in the order it writes them. */
export const IMPORT_STEPS = ['sources', 'actors', 'ties', 'claims'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

/**
 * How far a running import is: records of one kind compared (and written where changed), of
 * all of that kind in the file; last, the ties whose stored summaries are brought up to date.
 */
export interface ImportProgress {
  step: ImportStep | 'summaries';
  done: number;
  total: number;
}

/** An attribute the file uses, for the mapping form, with its distinct values where it has few. */
export interface PreviewAttribute extends ForeignAttribute {
  /** Every distinct value, where there are at most MAX_VALUE_ROWS (the value-mapping rows); else null. */
  values: string[] | null;
}

/** A stored actor as the preview names it (no internal ids leave the server). */
export type MatchActorDto = Omit<ProposedActor['actor'], 'id'>;

/** One actor of the file that is, or may be, a stored actor. */
export interface ImportMatchDto {
  slug: string;
  name: string;
  /** The stored actor it is (it updates that one), and why; null when it would be new. */
  identity: { by: MatchedBy; actor: MatchActorDto; identifier?: string } | null;
  /** Stored actors it may be, best first, with the /duplicates reasons. */
  proposals: (Omit<ProposedActor, 'actor'> & { actor: MatchActorDto })[];
}

/** The preview lists at most this many matches (the best first); the counts are of all. */
export const MAX_PREVIEW_MATCHES = 200;

export function importMatchDto(m: ImportMatch): ImportMatchDto {
  const actor = ({ slug, name, kind }: { slug: string; name: string; kind: string }) => ({ slug, name, kind });
  return {
    slug: m.slug,
    name: m.name,
    identity: m.identity && { ...m.identity, actor: actor(m.identity.actor) },
    proposals: m.proposals.map((p) => ({ ...p, actor: actor(p.actor) })),
  };
}

/**
 * What an import would do, read and mapped but not written: the records it would create and
 * update, and for other tools' files the attributes found and the mapping, for the analyst to
 * change before importing.
 */
export interface ImportPreview {
  format: ImportFormat;
  fileName: string;
  actors: { create: number; update: number };
  ties: { create: number; update: number };
  /** Elements that would be left out, by FtM schema or by reason. */
  skipped: Record<string, number>;
  warnings: string[];
  /**
   * Actors the file gives a position: `inFile` of them, `placed` of those already on the map
   * (which keep their place unless positions=replace).
   */
  positions: { inFile: number; placed: number };
  /** FtM: entities by schema, and the actors to create or update by kind (for the faction rule). */
  ftm: { schemas: Record<string, number>; kinds: Partial<Record<ActorKind, number>> } | null;
  /**
   * Matching to stored actors: how many of the file's actors are stored ones by identity (slug,
   * merged slug, external identifier), how many new ones may be a stored actor (the analyst
   * chooses), and those, then the others with proposals, best first, at most MAX_PREVIEW_MATCHES.
   */
  matching: { byIdentity: Record<MatchedBy, number>; toChoose: number; withProposals: number; matches: ImportMatchDto[] };
  /** Other formats: what the file holds and how it is mapped. */
  foreign: {
    title: string | null;
    nodes: number;
    edges: number;
    nodeAttributes: PreviewAttribute[];
    edgeAttributes: PreviewAttribute[];
    /** The distinct labels of nodes and edges (which a mapping may use as kind or tie type), as for attributes. */
    nodeLabels: string[] | null;
    edgeLabels: string[] | null;
    suggested: ImportMapping;
    /** The mapping the counts were made with: the one sent, else the suggested one. */
    mapping: ImportMapping;
    /** Ties whose type is not mapped: they would be associate_of, needing review. */
    unmappedTieTypes: number;
    /** Actors the mapping gives each kind. */
    kinds: Partial<Record<ActorKind, number>>;
  } | null;
}

/** What an import did, for the summary the form shows. */
export interface ImportFileResult {
  format: ImportFormat;
  fileName: string;
  counts: Record<ImportStep, ImportCountsDto>;
  /** Elements left out: FtM entities by schema, other formats' nodes and edges by reason. */
  skipped: Record<string, number>;
  warnings: string[];
  /** Actors written onto stored ones: by identity, and as the analyst chose. */
  matched: { byIdentity: number; chosen: number };
  /**
   * Possible duplicates among the actors the import touched (/duplicates?import=<at>), counted
   * once it had committed; null when they could not be counted.
   */
  duplicates: { count: number; at: string } | null;
}

/** The sentence that sums an import up. */
export function importResultMessage(result: ImportFileResult): string {
  const c = result.counts;
  return `Imported ${result.fileName}: ${c.actors.created} actors and ${c.ties.created} ties created, ${c.actors.updated + c.ties.updated} updated, ${c.actors.unchanged + c.ties.unchanged} unchanged.`;
}

/**
 * POST /api/import, asked for application/x-ndjson, answers one JSON object a line once the file
 * has been checked: progress lines, then the result or, where the writing failed (and so wrote
 * nothing), the error as the other routes give it.
 */
export type ImportStreamLine =
  | { progress: ImportProgress }
  | { result: ImportFileResult }
  | { error: { code: string; message: string; fieldErrors?: FieldErrors } };
