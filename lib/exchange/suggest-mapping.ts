// A first mapping for a file, guessed from its attributes' names and values (Gephi's columns,
// Powermap's own exports, the usual words for kind, faction, type, role, start, end, weight).
// The preview shows it and the analyst corrects it; an import sent without a mapping uses it.
import { ELEMENT_FIELDS, MAX_VALUE_ROWS, importMappingSchema, type ImportMapping } from '../validation/import-mapping';
import type { ActorKind, Faction, TieType } from '../domain/vocabulary';
import type { ForeignAttribute, ForeignGraph } from './foreign-graph';
import { distinctValues, factionOfWord, guessTieType, kindOfWord, normaliseWord } from './foreign-values';

/** Attribute names, compared as normalised words, that usually hold each field. */
const NODE_NAMES = {
  name: ['name', 'full name', 'caption', 'title'],
  kind: ['kind', 'type', 'node type', 'entity type', 'category', 'schema', 'class'],
  faction: ['faction', 'camp', 'side', 'bloc', 'alignment', 'affiliation'],
  summary: ['summary', 'description', 'desc', 'position', 'note', 'notes'],
  names: ['alias', 'aliases', 'names', 'other names', 'alternate names', 'alt names', 'name variants', 'also known as', 'aka'],
  // FtM's property names as Aleph's and OpenSanctions' CSV exports spell them, then the usual words.
  start: ['start', 'start date', 'startdate', 'birth date', 'birthdate', 'date of birth', 'born', 'incorporation date', 'incorporationdate', 'founded', 'founding date', 'established', 'from', 'since'],
  end: ['end', 'end date', 'enddate', 'death date', 'deathdate', 'date of death', 'died', 'dissolution date', 'dissolutiondate', 'dissolved', 'until', 'to'],
};
const EDGE_NAMES = {
  type: ['type', 'kind', 'tie type', 'edge type', 'relation', 'relationship', 'relation type', 'interaction', 'category', 'label'],
  role: ['role', 'position', 'title', 'function'],
  start: ['start', 'start date', 'from', 'begin', 'since', 'valid from', 'start year'],
  end: ['end', 'end date', 'to', 'until', 'valid to', 'end year'],
  strength: ['strength', 'weight', 'intensity'],
};

/** Gephi's edges table calls its direction "Type": that column is no tie type. */
const DIRECTION_WORDS = new Set(['directed', 'undirected', 'mutual']);

/** Of the attributes bearing one of the names, the one most elements carry (the earlier name on a tie). */
function attributeNamed(attributes: readonly ForeignAttribute[], names: readonly string[], accept: (a: ForeignAttribute) => boolean = () => true): string | null {
  let best: { key: string; count: number; rank: number } | null = null;
  for (const a of attributes) {
    const rank = names.indexOf(normaliseWord(a.key));
    if (rank < 0 || a.count === 0 || !accept(a)) continue;
    if (!best || a.count > best.count || (a.count === best.count && rank < best.rank)) best = { key: a.key, count: a.count, rank };
  }
  return best?.key ?? null;
}

function valueMap<T extends string>(values: readonly string[], guess: (value: string) => T | null): Record<string, T> {
  const map: Record<string, T> = {};
  for (const value of values) {
    const guessed = guess(value);
    if (guessed) map[value] = guessed;
  }
  return map;
}

export function suggestMapping(graph: ForeignGraph): ImportMapping {
  const nodeAttrs = graph.nodeAttributes;
  const edgeAttrs = graph.edgeAttributes;
  const labelled = (list: readonly { label: string | null }[]) => list.some((e) => e.label !== null && e.label.trim() !== '');

  const name = labelled(graph.nodes) ? ELEMENT_FIELDS.label : (attributeNamed(nodeAttrs, NODE_NAMES.name) ?? ELEMENT_FIELDS.id);
  const kind = attributeNamed(nodeAttrs, NODE_NAMES.kind);
  const faction = attributeNamed(nodeAttrs, NODE_NAMES.faction);
  const kindValues = valueMap<ActorKind>(distinctValues(graph.nodes, kind, MAX_VALUE_ROWS).values, kindOfWord);
  const factionValues = valueMap<Faction>(distinctValues(graph.nodes, faction, MAX_VALUE_ROWS).values, factionOfWord);

  const notDirection = (a: ForeignAttribute) => !a.samples.length || !a.samples.every((s) => DIRECTION_WORDS.has(s.trim().toLowerCase()));
  // A tie type in an attribute named for it wins over the edge's label, which is often a name or a number.
  const type = attributeNamed(edgeAttrs, EDGE_NAMES.type, notDirection) ?? (labelled(graph.edges) ? ELEMENT_FIELDS.label : null);
  const typeValues = valueMap<TieType>(distinctValues(graph.edges, type, MAX_VALUE_ROWS).values, guessTieType);
  const start = attributeNamed(edgeAttrs, EDGE_NAMES.start);
  const end = attributeNamed(edgeAttrs, EDGE_NAMES.end);
  const spells = graph.edges.some((e) => e.spells.length > 0);
  const nodeSpells = graph.nodes.some((n) => n.spells.length > 0);
  const nodeStart = attributeNamed(nodeAttrs, NODE_NAMES.start);
  const nodeEnd = attributeNamed(nodeAttrs, NODE_NAMES.end);
  const strength = graph.edges.some((e) => e.weight !== null) ? ELEMENT_FIELDS.weight : attributeNamed(edgeAttrs, EDGE_NAMES.strength);

  return importMappingSchema.parse({
    nodes: {
      name,
      kind,
      kindValues,
      faction,
      factionValues,
      summary: attributeNamed(nodeAttrs, NODE_NAMES.summary),
      names: [attributeNamed(nodeAttrs, NODE_NAMES.names)].filter((k): k is string => k !== null),
      dates: nodeSpells ? 'spells' : nodeStart || nodeEnd ? 'attributes' : 'none',
      start: nodeSpells ? null : nodeStart,
      end: nodeSpells ? null : nodeEnd,
    },
    edges: {
      type,
      typeValues,
      role: attributeNamed(edgeAttrs, EDGE_NAMES.role, (a) => a.key !== type),
      dates: spells ? 'spells' : start || end ? 'attributes' : 'none',
      start: spells ? null : start,
      end: spells ? null : end,
      strength,
    },
  });
}
