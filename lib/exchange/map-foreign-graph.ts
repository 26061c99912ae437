// A network read from another tool's file, mapped onto Powermap: nodes become actors, edges ties,
// each tie with one claim citing one source for the whole file. Pure: graph and mapping in,
// import document out, so the preview shows exactly what the import would write. Ids are derived
// from the file's own ids and the file's name, so importing the same file again updates the same
// records instead of adding copies.
import { readablePersonName } from '../domain/readable-name';
import type { ActorKind, Faction, NameKind, TieType } from '../domain/vocabulary';
import { cleanText, ftmDate, guessScript, slugify, stableHash } from '../import/ftm-to-document';
import type { ImportDocumentInput } from '../validation/import-document';
import type { ImportMapping } from '../validation/import-mapping';
import type { ForeignEdge, ForeignGraph, ForeignNode, ForeignSpell, ForeignValue } from './foreign-graph';
import { factionOfWord, fieldValue, kindOfWord, tieTypeOfWord, valueText } from './foreign-values';
import { ForeignFormatError } from './foreign-format-error';

export interface MapForeignGraphOptions {
  /** The uploaded file's name: part of every id and of the source's default title. */
  fileName: string;
  /** How the format is named in the source and the claims ("GEXF"); the graph's format id by default. */
  formatLabel?: string;
  /**
   * The caller hands the graph over and reads nothing of it afterwards: each node and edge is let
   * go from its list once mapped, so the graph and the document are never both whole in memory.
   */
  release?: boolean;
  /** Called after each slice of nodes or edges mapped: where the caller may bound its heap (lib/data/import/bound-heap.ts). */
  afterSlice?: () => void;
}

/** Nodes or edges mapped between two calls of afterSlice. */
const SLICE = 5_000;

export interface ForeignGraphConversion {
  document: ImportDocumentInput;
  /** Elements left out, by reason ("edges to a node not in the file"…). */
  skipped: Record<string, number>;
  warnings: string[];
  /** Ties whose type was not mapped: imported as associate_of, their claim needing review. */
  unmappedTieTypes: number;
}

type ActorInput = ImportDocumentInput['actors'][number];
type TieInput = ImportDocumentInput['ties'][number];
type NameInput = NonNullable<ActorInput['names']>[number];
type DateInput = NonNullable<TieInput['start']>;

const MAX_WARNINGS = 200;
const MAX_NAMES = 30;
/** Where a tie's type was not mapped: the type that claims least and is read both ways. */
export const UNMAPPED_TIE_TYPE: TieType = 'associate_of';
const DEFAULT_STRENGTH = 3;

export function mapForeignGraph(graph: ForeignGraph, mapping: ImportMapping, options: MapForeignGraphOptions): ForeignGraphConversion {
  const label = options.formatLabel ?? graph.format.toUpperCase();
  const fileName = cleanText(options.fileName, 200) || 'upload';
  const skipped: Record<string, number> = {};
  const warnings: string[] = [];
  const warn = (message: string) => {
    if (warnings.length < MAX_WARNINGS) warnings.push(message);
    else if (warnings.length === MAX_WARNINGS) warnings.push('More warnings were left out.');
  };
  const skip = (reason: string, warning: string) => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
    warn(warning);
  };

  const duplicates = duplicateIds(graph.nodes);
  if (duplicates.length) throw new ForeignFormatError(label, duplicates.slice(0, 20).map((id) => `node id "${id}" is used more than once`));

  // One namespace per file: its nodes' ids ("0", "n1") mean nothing outside it.
  const sourceId = `${slugify(graph.format, 20) || 'file'}-${slugify(fileName, 80) || 'upload'}`;
  const document: ImportDocumentInput = {
    sources: [
      {
        id: sourceId,
        title: mapping.source.title || cleanText(`${label} import: ${fileName}`, 500),
        reliability: mapping.source.reliability,
        notes: cleanText(
          `Imported from the ${label} file "${fileName}"${graph.title ? ` ("${graph.title}")` : ''} (${graph.nodes.length} nodes, ${graph.edges.length} edges).`,
          4000,
        ),
      },
    ],
    actors: [],
    ties: [],
  };

  const slugs = new Map<string, string>(); // node id → slug
  const names = new Map<string, string>(); // node id → display name, for quotes
  const usedSlugs = new Set<string>();
  const uniqueSlug = (base: string, key: string) => {
    for (let n = 8; n <= 16; n += 2) {
      const slug = `${slugify(base, 120 - n - 1) || 'node'}-${stableHash(key, n)}`;
      if (!usedSlugs.has(slug)) {
        usedSlugs.add(slug);
        return slug;
      }
    }
    throw new Error(`No free slug for ${key}`);
  };

  const unknownKinds = new Map<string, number>();
  const nodes = graph.nodes as (ForeignNode | undefined)[];
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    if (options.release) nodes[index] = undefined;
    if (index % SLICE === SLICE - 1) options.afterSlice?.();
    const written = cleanText(valueText(fieldValue(node, mapping.nodes.name)), 300) || cleanText(node.label ?? '', 300) || cleanText(node.id, 300);
    const kind = kindOf(node, mapping, unknownKinds);
    const name = kind === 'person' ? readablePersonName(written) : written;
    // The slug follows the file's own label and id, not the mapping, so choosing another name
    // attribute on a second import updates the same actors.
    const slug = uniqueSlug(node.label || node.id, `${sourceId}\n${node.id}`);
    slugs.set(node.id, slug);
    names.set(node.id, name);
    document.actors.push({
      slug,
      name,
      kind,
      faction: factionOf(node, kind, mapping),
      summary: cleanText(valueText(fieldValue(node, mapping.nodes.summary)), 500),
      description: cleanText(`Imported from ${label} node ${node.id} of "${fileName}".`, 8000),
      names: nameVariants(name, written, mapping.nodes.names.map((key) => fieldValue(node, key))),
      ...actorDatesOf(node, mapping, (m) => warn(`${label} node ${node.id}: ${m}`)),
      ...positionOf(node, mapping),
    });
  }
  for (const [value, n] of unknownKinds) warn(`${n} ${n === 1 ? 'node has' : 'nodes have'} the kind "${value}", which is not mapped: imported as ${mapping.nodes.defaultKind}`);

  const strength = strengthScale(graph.edges, mapping.edges.strength);
  const unknownTypes = new Map<string, number>();
  let unmappedTieTypes = 0;
  const usedTieKeys = new Map<string, number>();
  const edges = graph.edges as (ForeignEdge | undefined)[];
  for (let index = 0; index < edges.length; index++) {
    mapEdge(edges[index]!, index);
    if (index % SLICE === SLICE - 1) options.afterSlice?.();
  }
  function mapEdge(edge: ForeignEdge, index: number): void {
    if (options.release) edges[index] = undefined;
    const at = edge.id === null ? `#${index + 1}` : edge.id;
    const from = slugs.get(edge.source);
    const to = slugs.get(edge.target);
    if (!from || !to) {
      const missing = from ? edge.target : edge.source;
      return skip('edges to a node not in the file', `${label} edge ${at}: node "${missing}" is not in the file; skipped`);
    }
    if (from === to) return skip('edges from a node to itself', `${label} edge ${at} joins node "${edge.source}" to itself; skipped`);

    // The file's edge id where it has one, else its ends and how many id-less edges joined them before.
    const baseKey = edge.id ?? `${edge.source}\n${edge.target}`;
    const occurrence = usedTieKeys.get(baseKey) ?? 0;
    usedTieKeys.set(baseKey, occurrence + 1);
    const tieKey = `${sourceId}\n${baseKey}\n${occurrence}`;

    const typeText = valueText(fieldValue(edge, mapping.edges.type));
    const mapped = tieTypeOf(typeText, mapping);
    if (!mapped) {
      unmappedTieTypes++;
      const shown = typeText || '(none)';
      unknownTypes.set(shown, (unknownTypes.get(shown) ?? 0) + 1);
    }
    const type = mapped ?? UNMAPPED_TIE_TYPE;
    const role = cleanText(valueText(fieldValue(edge, mapping.edges.role)), 200);
    const periods = datesOf(edge, mapping, (m) => warn(`${label} edge ${at}: ${m}`));
    const baseId = `${slugify(graph.format, 20) || 'file'}-${stableHash(tieKey, 14)}`;
    periods.forEach(({ start, end }, p) => {
      const id = periods.length > 1 ? `${baseId}-s${p + 1}` : baseId;
      const quote = `${label} edge ${at}: ${names.get(edge.source)} → ${names.get(edge.target)}${typeText ? ` (${typeText})` : ''}${role && role !== typeText ? `, ${role}` : ''}.`;
      document.ties.push({
        id,
        source: from,
        target: to,
        type,
        role,
        start,
        end,
        strength: strength(fieldValue(edge, mapping.edges.strength)),
        claims: [
          {
            id: `${id}-c1`,
            source: sourceId,
            quote: cleanText(quote, 2000),
            location: cleanText(`${label} edge ${at}`, 300),
            credibility: mapping.source.credibility,
            status: mapped ? mapping.edges.claimStatus : 'needs_review',
          },
        ],
      });
    });
  }
  for (const [value, n] of unknownTypes)
    warn(`${n} ${n === 1 ? 'edge has' : 'edges have'} the type "${value}", which is not mapped: imported as ${UNMAPPED_TIE_TYPE}, needing review`);

  return { document, skipped, warnings, unmappedTieTypes };
}

// ---------------------------------------------------------------------------------------------

/** The coordinates the file's own layout gave the node (GEXF viz, yEd geometry, Cytoscape position), unless the mapping drops them. */
function positionOf(node: ForeignNode, mapping: ImportMapping): { position?: { x: number; y: number } } {
  if (mapping.nodes.positions === 'none' || node.x === null || node.y === null) return {};
  if (!Number.isFinite(node.x) || !Number.isFinite(node.y) || Math.abs(node.x) > 1e9 || Math.abs(node.y) > 1e9) return {};
  return { position: { x: Math.round(node.x * 10) / 10, y: Math.round(node.y * 10) / 10 } };
}

function duplicateIds(nodes: readonly ForeignNode[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const node of nodes) {
    if (seen.has(node.id)) duplicates.add(node.id);
    seen.add(node.id);
  }
  return [...duplicates];
}

/** A value map's entry for the text, else for the same text in another case. */
function lookUp<T>(map: Readonly<Record<string, T>>, text: string): T | undefined {
  if (Object.hasOwn(map, text)) return map[text];
  const lower = text.toLowerCase();
  const key = Object.keys(map).find((k) => k.trim().toLowerCase() === lower);
  return key === undefined ? undefined : map[key];
}

function kindOf(node: ForeignNode, mapping: ImportMapping, unknown: Map<string, number>): ActorKind {
  const text = valueText(fieldValue(node, mapping.nodes.kind));
  if (!text) return mapping.nodes.defaultKind;
  const kind = lookUp(mapping.nodes.kindValues, text) ?? kindOfWord(text);
  if (!kind) unknown.set(text, (unknown.get(text) ?? 0) + 1);
  return kind ?? mapping.nodes.defaultKind;
}

/** The attribute's value where it names a faction; else the rule for the actor's kind; else the default. */
function factionOf(node: ForeignNode, kind: ActorKind, mapping: ImportMapping): Faction {
  const text = valueText(fieldValue(node, mapping.nodes.faction));
  const fromValue = text ? (lookUp(mapping.nodes.factionValues, text) ?? factionOfWord(text)) : null;
  return fromValue ?? mapping.nodes.factionByKind[kind] ?? mapping.nodes.defaultFaction;
}

function tieTypeOf(text: string, mapping: ImportMapping): TieType | null {
  if (!text) return null;
  return lookUp(mapping.edges.typeValues, text) ?? tieTypeOfWord(text);
}

/** A date a file gives: ISO text (a time may follow) or a year as a number. */
function dateOf(value: ForeignValue): DateInput | null {
  if (value === null || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 9999 ? { date: String(value).padStart(4, '0'), precision: 'year' } : null;
  return ftmDate(value);
}

const sortKey = (d: DateInput) => (d.precision === 'year' ? `${d.date}-01-01` : d.precision === 'month' ? `${d.date}-01` : d.date);

/**
 * An actor's own dates (born or founded, died or dissolved) as precise as the file gives them: from
 * its time intervals the earliest start and the latest end (an open bound anywhere leaves that side
 * open), or from two attributes; none where the mapping says so.
 */
function actorDatesOf(node: ForeignNode, mapping: ImportMapping, warn: (m: string) => void): { start?: DateInput; end?: DateInput } {
  const { dates } = mapping.nodes;
  if (dates === 'none' || (dates === 'spells' && !node.spells.length)) return {};
  let start: DateInput | null;
  let end: DateInput | null;
  if (dates === 'attributes') {
    const startValue = fieldValue(node, mapping.nodes.start);
    const endValue = fieldValue(node, mapping.nodes.end);
    start = dateOf(startValue);
    end = dateOf(endValue);
    if (startValue !== null && !start) warn(`start "${String(startValue).slice(0, 40)}" is not a date; ignored`);
    if (endValue !== null && !end) warn(`end "${String(endValue).slice(0, 40)}" is not a date; ignored`);
  } else {
    const starts = node.spells.map((s) => (s.start === null ? null : dateOf(s.start)));
    const ends = node.spells.map((s) => (s.end === null ? null : dateOf(s.end)));
    start = starts.includes(null) ? null : starts.reduce((a, b) => (sortKey(b!) < sortKey(a!) ? b : a))!;
    end = ends.includes(null) ? null : ends.reduce((a, b) => (sortKey(b!) > sortKey(a!) ? b : a))!;
  }
  if (start && end && sortKey(end) < sortKey(start)) {
    warn('its end is before its start; the end was dropped');
    end = null;
  }
  return { ...(start && { start }), ...(end && { end }) };
}

/** The periods a tie is imported with: one per spell, or one from two attributes, or one undated. */
function datesOf(edge: ForeignEdge, mapping: ImportMapping, warn: (m: string) => void): { start: DateInput | null; end: DateInput | null }[] {
  const period = (startValue: ForeignValue, endValue: ForeignValue) => {
    const start = dateOf(startValue);
    let end = dateOf(endValue);
    if (startValue !== null && !start) warn(`start "${String(startValue).slice(0, 40)}" is not a date; ignored`);
    if (endValue !== null && !end) warn(`end "${String(endValue).slice(0, 40)}" is not a date; ignored`);
    if (start && end && sortKey(end) < sortKey(start)) {
      warn('its end is before its start; the end was dropped');
      end = null;
    }
    return { start, end };
  };
  if (mapping.edges.dates === 'attributes') return [period(fieldValue(edge, mapping.edges.start), fieldValue(edge, mapping.edges.end))];
  if (mapping.edges.dates === 'spells' && edge.spells.length) return uniqueSpells(edge.spells).map((s) => period(s.start, s.end));
  return [{ start: null, end: null }];
}

function uniqueSpells(spells: readonly ForeignSpell[]): ForeignSpell[] {
  const seen = new Set<string>();
  return spells.filter((s) => {
    const key = `${s.start}\n${s.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * How a file's weights become strengths 1–5: whole numbers 1 to 5 as they are (a file that already
 * grades its ties), anything else scaled from the file's smallest to its largest value.
 */
function strengthScale(edges: readonly ForeignEdge[], field: string | null): (value: ForeignValue) => number {
  if (field === null) return () => DEFAULT_STRENGTH;
  let min = Infinity;
  let max = -Infinity;
  let graded = true;
  for (const edge of edges) {
    const n = numberOf(fieldValue(edge, field));
    if (n === null) continue;
    min = Math.min(min, n);
    max = Math.max(max, n);
    if (!Number.isInteger(n) || n < 1 || n > 5) graded = false;
  }
  return (value) => {
    const n = numberOf(value);
    if (n === null) return DEFAULT_STRENGTH;
    if (graded) return n;
    if (max === min) return DEFAULT_STRENGTH;
    return 1 + Math.round((4 * (n - min)) / (max - min));
  };
}

function numberOf(value: ForeignValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** The name shown, the file's own spelling where it differs (capitals), then the other names the file gives. */
function nameVariants(name: string, original: string, others: readonly ForeignValue[]): NameInput[] {
  const seen = new Set<string>();
  const out: NameInput[] = [];
  const add = (raw: string, kind: NameKind) => {
    const clean = cleanText(raw, 300);
    if (!clean || seen.has(clean) || out.length >= MAX_NAMES) return;
    seen.add(clean);
    out.push({ name: clean, ...guessScript(clean), kind });
  };
  add(name, 'alias');
  add(original, 'alias');
  for (const value of others) for (const part of valueText(value).split(/[|;]/)) add(part, 'alias');
  return out;
}
