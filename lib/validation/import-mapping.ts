// How a network from another tool's file (lib/exchange/foreign-graph.ts) becomes Powermap actors
// and ties: which of the file's attributes gives each field, what its values mean, the faction
// rule, and the one source every imported claim cites. The import preview suggests one
// (lib/exchange/suggest-mapping.ts), the analyst changes it in the form, and the same schema
// checks it in the browser and again on the server (lib/exchange/map-foreign-graph.ts applies it).
import { z } from 'zod';
import { ACTOR_KINDS, CLAIM_STATUSES, FACTIONS, TIE_TYPES } from '../domain/vocabulary';
import { credibilitySchema, reliabilitySchema, textSchema } from './common';

/**
 * Where a field's value comes from: an attribute's key, one of the element's own fields (the
 * names below, which no attribute key a reader produces begins with), or null: not mapped.
 */
export const ELEMENT_FIELDS = {
  /** The node's or edge's label (GEXF label, CSV Label, Cytoscape interaction). */
  label: '@label',
  /** The node's own id in the file. */
  id: '@id',
  /** The edge's weight. */
  weight: '@weight',
} as const;

const MAX_KEY = 200;
/** Enough rows for any vocabulary a file uses; a column with more distinct values is not a category. */
export const MAX_VALUE_ROWS = 300;

const fieldSchema = z.string().min(1).max(MAX_KEY).nullable();
const valueMapOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .record(z.string().max(MAX_KEY), z.enum(values))
    .refine((map) => Object.keys(map).length <= MAX_VALUE_ROWS, `At most ${MAX_VALUE_ROWS} values are mapped`)
    .prefault({});

/** Where a tie's or an actor's dates come from: the file's time intervals (GEXF spells, start/end), two attributes, or nowhere. */
export const TIE_DATE_SOURCES = ['spells', 'attributes', 'none'] as const;
export type TieDateSource = (typeof TIE_DATE_SOURCES)[number];

/** The one source an import cites: its grade, and the credibility of each claim it makes. */
/** Whether an import keeps the positions the file's layout gave its nodes. */
export const NODE_POSITION_SOURCES = ['file', 'none'] as const;

export const importSourceChoiceSchema = z
  .strictObject({
    /** The source's title; blank: "<format> import: <file name>". */
    title: textSchema(500).default(''),
    reliability: reliabilitySchema.default('C'),
    credibility: credibilitySchema.default(3),
  })
  .prefault({});

export const nodeMappingSchema = z
  .strictObject({
    /** The actor's name; blank values fall back to the label, then the id. */
    name: fieldSchema.default(ELEMENT_FIELDS.label),
    kind: fieldSchema.default(null),
    /** File value → kind; a value not listed that names a kind ("person") is that kind. */
    kindValues: valueMapOf(ACTOR_KINDS),
    defaultKind: z.enum(ACTOR_KINDS).default('person'),
    faction: fieldSchema.default(null),
    factionValues: valueMapOf(FACTIONS),
    /** The faction of actors of a kind when the faction attribute gives none (a rule per entity kind). */
    factionByKind: z.partialRecord(z.enum(ACTOR_KINDS), z.enum(FACTIONS)).prefault({}),
    /** The faction of everyone else. */
    defaultFaction: z.enum(FACTIONS).default('other'),
    summary: fieldSchema.default(null),
    /** Attributes holding other names of the actor (several in one value separated by "|" or ";"). */
    names: z.array(z.string().min(1).max(MAX_KEY)).max(20).default([]),
    /**
     * The file's own layout (GEXF viz:position, yEd geometry, Cytoscape positions, CSV x/y): kept as
     * the map's positions of the actors it places ('file'), or left for Powermap's layout ('none').
     */
    positions: z.enum(NODE_POSITION_SOURCES).default('file'),
    /**
     * Where an actor's own dates (born or founded, died or dissolved) come from: the file's time
     * intervals for the node (the earliest start and the latest end), two attributes, or nowhere.
     */
    dates: z.enum(TIE_DATE_SOURCES).default('spells'),
    /** With dates "attributes": the attributes holding the start and the end. */
    start: fieldSchema.default(null),
    end: fieldSchema.default(null),
  })
  .prefault({});

export const edgeMappingSchema = z
  .strictObject({
    /** The tie type; a value neither mapped nor naming a type becomes associate_of, needing review. */
    type: fieldSchema.default(ELEMENT_FIELDS.label),
    typeValues: valueMapOf(TIE_TYPES),
    role: fieldSchema.default(null),
    dates: z.enum(TIE_DATE_SOURCES).default('spells'),
    /** With dates "attributes": the attributes holding the start and the end. */
    start: fieldSchema.default(null),
    end: fieldSchema.default(null),
    /** The tie's strength 1–5: whole numbers 1–5 as they are, any other numbers scaled onto 1–5. */
    strength: fieldSchema.default(ELEMENT_FIELDS.weight),
    /** The status of claims whose tie type was mapped; an unknown type's claim always needs review. */
    claimStatus: z.enum(CLAIM_STATUSES).default('accepted'),
  })
  .prefault({});

export const importMappingSchema = z
  .strictObject({
    source: importSourceChoiceSchema,
    nodes: nodeMappingSchema,
    edges: edgeMappingSchema,
  })
  .prefault({});

export type ImportMappingInput = z.input<typeof importMappingSchema>;
export type ImportMapping = z.output<typeof importMappingSchema>;

/** A mapping sent as JSON text (the import's query string carries it): parsed, then checked. */
export const importMappingTextSchema = z
  .string()
  .max(64_000, 'The mapping is too long')
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'The mapping is not valid JSON' });
      return z.NEVER;
    }
  })
  .pipe(importMappingSchema);
