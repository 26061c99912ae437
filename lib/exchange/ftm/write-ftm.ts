// A view as FollowTheMoney JSON lines (one entity per line), the inverse of the importer
// (lib/import/ftm-to-document.ts), so Aleph, OpenSanctions' yente and other FtM tooling read
// Powermap data. Actors become Person, Organization, PublicBody (a state: FtM has no schema for a
// country as a party) or Event; a tie becomes the interval schema TIE_TYPE_INFO names for its type
// (Occupancy with its Position entity, Directorship, Membership, Representation, Family,
// Associate, Ownership, Sanction), dated by startDate/endDate and cited by its claims' sources
// (sourceUrl, publisher). A tie type FtM has no schema for (reports to, ally of, opposes…)
// becomes an UnknownLink whose role says what the tie is, so nothing in the view is dropped.
// Ids are Powermap's own, prefixed (`powermap-<slug>`, `powermap-tie-<id>`), so they are stable
// from one export to the next.
import { dateText, type PartialDate } from '../../domain/dates';
import { ACTOR_KIND_LABELS, FACTION_LABELS, TIE_TYPE_INFO, type ActorKind } from '../../domain/vocabulary';
import type { GraphView, ViewEdge, ViewNode } from '../../graph/types';
import { writeView, type ExportEvidence, type ExportMeta, type TieSourceRef, type ViewExportFormat, type ViewFileWriter } from '../export-writer';

export interface FtmEntity {
  id: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
  datasets: string[];
}

export const FTM_DATASET = 'powermap';

const ACTOR_SCHEMA: Record<ActorKind, string> = {
  person: 'Person',
  organization: 'Organization',
  state: 'PublicBody',
  group: 'Organization',
  event: 'Event',
};

/** The FtM properties holding an actor's two dates, by schema. */
const ACTOR_DATES: Record<string, [string, string]> = {
  Person: ['birthDate', 'deathDate'],
  Organization: ['incorporationDate', 'dissolutionDate'],
  PublicBody: ['incorporationDate', 'dissolutionDate'],
  Event: ['startDate', 'endDate'],
};

/** The relationship schemas: which properties hold the tie's source and target, and its role. */
const LINK_PROPERTIES: Record<string, { from: string; to: string; role: string }> = {
  Directorship: { from: 'director', to: 'organization', role: 'role' },
  Membership: { from: 'member', to: 'organization', role: 'role' },
  Representation: { from: 'agent', to: 'client', role: 'role' },
  Family: { from: 'person', to: 'relative', role: 'relationship' },
  Associate: { from: 'person', to: 'associate', role: 'relationship' },
  Ownership: { from: 'owner', to: 'asset', role: 'role' },
  UnknownLink: { from: 'subject', to: 'object', role: 'role' },
};

export const ftmActorId = (slug: string) => `powermap-${slug}`;
export const ftmTieId = (tieId: string) => `powermap-tie-${tieId}`;
export const ftmPositionId = (tieId: string) => `powermap-post-${tieId}`;

/** FtM dates are as precise as known: "2020", "2020-11", "2020-11-19". */
const ftmDate = (d: PartialDate | null): string[] => (d ? [dateText(d)] : []);

function withValues(properties: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(properties).filter(([, values]) => values.length > 0 && values.every((v) => v !== '')));
}

function originOf(address: string): string | null {
  try {
    return new URL(address).origin;
  } catch {
    return null;
  }
}

export function actorEntity(node: ViewNode, origin: string | null): FtmEntity {
  const schema = ACTOR_SCHEMA[node.kind];
  const [startProp, endProp] = ACTOR_DATES[schema]!;
  const aliases = [...new Set(node.names.filter((n) => n !== node.label))];
  return {
    id: ftmActorId(node.slug),
    schema,
    caption: node.label,
    properties: withValues({
      name: [node.label],
      alias: aliases,
      summary: node.summary ? [node.summary] : [],
      keywords: [FACTION_LABELS[node.faction], ACTOR_KIND_LABELS[node.kind]],
      [startProp]: ftmDate(node.start),
      [endProp]: ftmDate(node.end),
      sourceUrl: origin ? [`${origin}/actors/${node.slug}`] : [],
    }),
    datasets: [FTM_DATASET],
  };
}

function citations(sources: readonly TieSourceRef[] | undefined): Record<string, string[]> {
  const list = sources ?? [];
  return {
    sourceUrl: [...new Set(list.flatMap((s) => (s.url ? [s.url] : [])))],
    publisher: [...new Set(list.map((s) => s.publisher || s.title).filter(Boolean))],
  };
}

/** The entities of one tie: its link, and for a post the Position it is held through. */
export function tieEntities(edge: ViewEdge, labels: ReadonlyMap<string, string>, sources: readonly TieSourceRef[] | undefined): FtmEntity[] {
  const info = TIE_TYPE_INFO[edge.type];
  const from = edge.source.replace(/^actor:/, '');
  const to = edge.target.replace(/^actor:/, '');
  const fromLabel = labels.get(edge.source) ?? from;
  const toLabel = labels.get(edge.target) ?? to;
  const common = {
    startDate: ftmDate(edge.start),
    endDate: ftmDate(edge.end),
    description: [`Powermap tie ${edge.tieId}: ${fromLabel} ${info.label} ${toLabel}${edge.grade ? `, graded ${edge.grade}` : ', ungraded'}, ${edge.claimCount} claim${edge.claimCount === 1 ? '' : 's'}${edge.disputed ? ', disputed' : ''}.`],
    ...citations(sources),
  };
  const entity = (schema: string, caption: string, properties: Record<string, string[]>, id = ftmTieId(edge.tieId)): FtmEntity => ({
    id,
    schema,
    caption,
    properties: withValues({ ...properties, ...common }),
    datasets: [FTM_DATASET],
  });

  if (info.ftmSchema === 'Occupancy') {
    // FtM holds a post through a Position entity of the organisation; its name is the role.
    const postName = edge.role || `Position in ${toLabel}`;
    const position: FtmEntity = {
      id: ftmPositionId(edge.tieId),
      schema: 'Position',
      caption: postName,
      properties: withValues({ name: [postName], organization: [ftmActorId(to)] }),
      datasets: [FTM_DATASET],
    };
    return [position, entity('Occupancy', `${fromLabel}: ${postName}`, { holder: [ftmActorId(from)], post: [position.id] })];
  }
  if (info.ftmSchema === 'Sanction') {
    // FtM names the sanctioning authority as text; its programme is the tie's role.
    return [entity('Sanction', `${fromLabel}: sanctioned by ${toLabel}`, { entity: [ftmActorId(from)], authority: [toLabel], program: edge.role ? [edge.role] : [] })];
  }
  const schema = info.ftmSchema && LINK_PROPERTIES[info.ftmSchema] ? info.ftmSchema : 'UnknownLink';
  const props = LINK_PROPERTIES[schema]!;
  // An UnknownLink's role says the tie type in words, and the tie's own role after it.
  const role = schema === 'UnknownLink' ? `${info.label}${edge.role ? `: ${edge.role}` : ''}` : edge.role;
  return [entity(schema, `${fromLabel} ${info.label} ${toLabel}`, { [props.from]: [ftmActorId(from)], [props.to]: [ftmActorId(to)], [props.role]: role ? [role] : [] })];
}

/** Every entity of the view: actors first, so a reader meets each end before the links to it. */
export function* ftmEntities(view: GraphView, meta: ExportMeta, evidence: ExportEvidence): Generator<FtmEntity> {
  const origin = originOf(meta.address);
  const labels = new Map<string, string>();
  for (const node of view.nodes) {
    labels.set(node.id, node.label);
    yield actorEntity(node, origin);
  }
  for (const edge of view.edges) yield* tieEntities(edge, labels, evidence.sourcesOfTie.get(edge.tieId));
}

/** FtM JSON lines, section by section (export-writer.ts): it remembers the actors' labels, which the links' captions name. */
export function openFtm(meta: ExportMeta): ViewFileWriter<string> {
  const origin = originOf(meta.address);
  const labels = new Map<string, string>();
  const lines = (entities: Iterable<FtmEntity>) => {
    let text = '';
    for (const entity of entities) text += `${JSON.stringify(entity)}\n`;
    return [text];
  };
  return {
    head: () => [],
    nodes: (nodes) =>
      lines(
        nodes.map((node) => {
          labels.set(node.id, node.label);
          return actorEntity(node, origin);
        }),
      ),
    edges: (edges, evidence) => lines(edges.flatMap((edge) => tieEntities(edge, labels, evidence.sourcesOfTie.get(edge.tieId)))),
    end: () => [],
  };
}

export function writeFtm(view: GraphView, meta: ExportMeta, evidence: ExportEvidence): Generator<string> {
  return writeView({ open: openFtm }, view, meta, evidence);
}

export const ftmExportFormat: ViewExportFormat = {
  extension: 'ftm.json',
  contentType: 'application/x-ndjson; charset=utf-8',
  needsEvidence: true,
  open: openFtm,
};
