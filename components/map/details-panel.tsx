'use client';
// The side panel for what is selected on the map: an actor (names, kind, faction, current
// positions, ties, links to focus, trace and the profile) or a tie (type, role, dates with their
// precision, grade, the first claim with its source, counts and a link to the tie's page), or a
// collapsed institution's merged tie (the ties it stands for, each linking to its page).
import type { NestedEdgeData, NestedElements } from '@/lib/graph/collapse-nesting';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { FACTION_COLOURS } from '@/components/graph/graph-style';
import type { TieSummary } from '@/lib/graph/tie-summary';
import {
  ACTOR_KIND_LABELS,
  CREDIBILITY_LABELS,
  FACTION_LABELS,
  POST_TIE_TYPES,
  RELIABILITY_LABELS,
  TIE_TYPE_INFO,
  type Credibility,
  type DatePrecision,
  type Reliability,
} from '@/lib/domain/vocabulary';
import { HUB_TIE_LIMIT } from '@/lib/graph/cap-hubs';
import { MAX_HOPS } from '@/lib/validation/graph-queries';
import type { GraphView, ViewEdge, ViewNode } from '@/lib/graph/types';
import { formatPartialDate, formatPeriod, type PartialDate } from '@/lib/domain/dates';
import { compareGrades, parseGrade } from '@/lib/domain/grade';

const PRECISION_WORDS: Record<DatePrecision, string> = {
  year: 'known to the year',
  month: 'known to the month',
  day: 'known to the day',
  asof: 'in effect by that day, perhaps earlier',
};

function DateWithPrecision({ date }: { date: PartialDate | null }) {
  if (!date) return <span className="muted">not recorded</span>;
  return (
    <>
      <time dateTime={date.date}>{formatPartialDate(date)}</time> <span className="muted">({PRECISION_WORDS[date.precision]})</span>
    </>
  );
}

function GradeText({ grade }: { grade: string | null }) {
  const parsed = parseGrade(grade);
  if (!grade || !parsed) return <span className="muted">ungraded: no supporting claim</span>;
  return (
    <>
      <span className="badge badge-grade">{grade}</span>{' '}
      <span className="muted">
        {RELIABILITY_LABELS[parsed.reliability as Reliability]} source; {CREDIBILITY_LABELS[parsed.credibility as Credibility].toLowerCase()}
      </span>
    </>
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;


export interface ActorPanelProps {
  node: ViewNode;
  view: GraphView;
  focus: string | undefined;
  hops: number;
  onFocus: (slug: string | undefined, hops: number) => void;
  onTraceFrom: (slug: string) => void;
  onTraceTo: (slug: string) => void;
  /** Ties of a capped hub that a large network's neighbourhood leaves out, by node id. */
  hidden?: ReadonlyMap<string, number>;
  /** Institutions nested on the map (nest=1): what this actor sits in or contains, and its collapse. */
  nesting?: NestingInfo;
}

export interface NestingInfo {
  parents: ReadonlyMap<string, string>;
  children: ReadonlyMap<string, string[]>;
  nested: NestedElements;
  /** Collapsed parents' slugs. */
  collapsed: readonly string[];
  onToggle: (slug: string) => void;
  /** Selects an element by id (a merged tie's details). */
  onSelect: (id: string) => void;
}

/** Where the actor sits in the nesting, in words, with the collapse/expand button for a parent. */
function NestingFacts({ node, view, nesting }: { node: ViewNode; view: GraphView; nesting: NestingInfo }) {
  const labels = new Map(view.nodes.map((n) => [n.id, n.label]));
  const parent = nesting.parents.get(node.id);
  const children = nesting.children.get(node.id) ?? [];
  const collapsed = nesting.collapsed.includes(node.slug);
  const aggregates = collapsed ? nesting.nested.edges.filter((e) => e.data.aggregate && (e.data.source === node.id || e.data.target === node.id)) : [];
  return (
    <section className="details-nesting" aria-label="Nesting">
      {parent && <p>Inside {labels.get(parent) ?? parent}</p>}
      {children.length > 0 && (
        <>
          <p>Contains {children.map((c) => labels.get(c) ?? c).join(', ')}</p>
          {collapsed && (
            <>
              <p>
                {aggregates.length === 0
                  ? 'Collapsed: its units are hidden inside it; none of their ties runs to another actor drawn one by one here'
                  : `Collapsed: ${aggregates.length === 1 ? '1 aggregated tie' : `${aggregates.length} aggregated ties`} carry its units’ ties`}
              </p>
              {aggregates.length > 0 && (
                <ul aria-label="Aggregated ties">
                  {aggregates.map((e) => (
                    <li key={e.data.id}>
                      <button type="button" className="link-button" onClick={() => nesting.onSelect(e.data.id)}>
                        {e.data.source === node.id ? 'to' : 'from'} {labels.get(e.data.source === node.id ? e.data.target : e.data.source) ?? ''}, {TIE_TYPE_INFO[e.data.type].label}{' '}
                        {e.data.aggregateLabel}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
          <button type="button" onClick={() => nesting.onToggle(node.slug)} aria-pressed={collapsed}>
            {collapsed ? `Expand ${node.label}` : `Collapse ${node.label}`}
          </button>
        </>
      )}
    </section>
  );
}

function ActorPanel({ node, view, focus, hops, onFocus, onTraceFrom, onTraceTo, hidden, nesting }: ActorPanelProps) {
  const [focusHops, setFocusHops] = useState(focus === node.slug ? hops : 1);
  const labels = new Map(view.nodes.map((n) => [n.id, n.label]));
  const ties = view.edges.filter((e) => e.source === node.id || e.target === node.id);
  const positions = ties.filter((e) => e.source === node.id && !e.past && POST_TIE_TYPES.includes(e.type));
  const otherNames = node.names.filter((name) => name !== node.label);
  const focused = focus === node.slug;
  return (
    <>
      <h2 id="details-heading">{node.label}{node.ended && node.kind !== 'event' ? ' †' : ''}</h2>
      {nesting && <NestingFacts node={node} view={view} nesting={nesting} />}
      <dl className="details-facts">
        <dt>Kind</dt>
        <dd>{ACTOR_KIND_LABELS[node.kind]}</dd>
        <dt>Faction</dt>
        <dd>
          <span className="swatch" style={{ background: FACTION_COLOURS[node.faction] }} aria-hidden="true" /> {FACTION_LABELS[node.faction]}
        </dd>
        <dt>Dates</dt>
        <dd>{formatPeriod(node.start, node.end, { current: !node.end })}</dd>
        {node.ended && (
          <>
            <dt>Status</dt>
            <dd>Ended by {formatPartialDate({ date: view.asOf, precision: 'day' })}: its ties count as past</dd>
          </>
        )}
        <dt>Ties on the map</dt>
        <dd>
          {ties.length}
          {hidden?.get(node.id) ? (
            <>
              {' '}
              <span className="muted">
                and {plural(hidden.get(node.id)!, 'more', 'more')} not drawn: in a neighbourhood a hub is followed through its {HUB_TIE_LIMIT} strongest ties
              </span>
            </>
          ) : null}
        </dd>
      </dl>
      {otherNames.length > 0 && (
        <>
          <h3>Also written</h3>
          <ul className="details-names">
            {otherNames.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </>
      )}
      <h3>Current positions</h3>
      {positions.length === 0 ? (
        <p className="muted">None on the map as of this date.</p>
      ) : (
        <ul>
          {positions.map((e) => (
            <li key={e.id}>
              {TIE_TYPE_INFO[e.type].label} {labels.get(e.target) ?? e.target}
              {e.role ? ` (${e.role})` : ''}
              {e.start ? <span className="muted"> since {formatPartialDate(e.start)}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <div className="details-actions">
        <div className="focus-row">
          <button type="button" onClick={() => onFocus(node.slug, focusHops)}>
            {focused ? 'Update neighbourhood' : 'Show neighbourhood'}
          </button>
          <select aria-label="Hops" value={focusHops} onChange={(e) => setFocusHops(Number(e.target.value))}>
            {Array.from({ length: MAX_HOPS }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {plural(n, 'hop', 'hops')}
              </option>
            ))}
          </select>
        </div>
        {focus && (
          <button type="button" onClick={() => onFocus(undefined, 1)}>
            Whole network
          </button>
        )}
        <button type="button" onClick={() => onTraceFrom(node.slug)}>
          Trace path from here
        </button>
        <button type="button" onClick={() => onTraceTo(node.slug)}>
          Trace path to here
        </button>
        <Link href={`/actors/${node.slug}`}>Open {node.label}’s profile</Link>
      </div>
    </>
  );
}

type SummaryState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'done'; summary: TieSummary };

function useTieSummary(tieId: string): SummaryState {
  const [state, setState] = useState<{ tieId: string; value: SummaryState }>({ tieId, value: { status: 'loading' } });
  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/graph/ties/${encodeURIComponent(tieId)}`, { signal: controller.signal, headers: { accept: 'application/json' } })
      .then(async (response) => {
        const body = await response.json();
        if (!response.ok) throw new Error(body?.error?.message ?? `The server answered ${response.status}`);
        setState({ tieId, value: { status: 'done', summary: body as TieSummary } });
      })
      .catch((error: Error) => {
        if (error.name !== 'AbortError') setState({ tieId, value: { status: 'error', message: error.message } });
      });
    return () => controller.abort();
  }, [tieId]);
  return state.tieId === tieId ? state.value : { status: 'loading' };
}

function TiePanel({ edge, view }: { edge: ViewEdge; view: GraphView }) {
  const labels = new Map(view.nodes.map((n) => [n.id, n.label]));
  const summary = useTieSummary(edge.tieId);
  const info = TIE_TYPE_INFO[edge.type];
  const sentence = `${labels.get(edge.source) ?? edge.source} ${info.label} ${labels.get(edge.target) ?? edge.target}`;
  const claim = summary.status === 'done' ? summary.summary.firstClaim : null;
  const claimCount = summary.status === 'done' ? summary.summary.claimCount : edge.claimCount;
  const noteCount = summary.status === 'done' ? summary.summary.noteCount : edge.noteCount;
  return (
    <>
      <h2 id="details-heading">{sentence}</h2>
      <dl className="details-facts">
        <dt>Type</dt>
        <dd>
          {info.label} <span className="muted">({edge.category})</span>
        </dd>
        {edge.role && (
          <>
            <dt>Role</dt>
            <dd>{edge.role}</dd>
          </>
        )}
        <dt>Began</dt>
        <dd>
          <DateWithPrecision date={edge.start} />
        </dd>
        <dt>Ended</dt>
        <dd>
          {edge.end ? <DateWithPrecision date={edge.end} /> : edge.past ? <span>with an actor’s end (no date recorded for the tie)</span> : <span>still holds</span>}
        </dd>
        <dt>Grade</dt>
        <dd>
          <GradeAndDispute grade={edge.grade} disputed={edge.disputed} />
        </dd>
        <dt>Strength</dt>
        <dd>{edge.strength} of 5</dd>
        <dt>Evidence</dt>
        <dd>
          {plural(claimCount, 'claim', 'claims')}, {plural(noteCount, 'note', 'notes')}
        </dd>
      </dl>
      <h3>First claim</h3>
      {summary.status === 'loading' && <p className="muted">Loading the claim…</p>}
      {summary.status === 'error' && <p role="alert">Could not load the claim: {summary.message}</p>}
      {summary.status === 'done' && !claim && <p className="muted">No claim recorded.</p>}
      {claim && (
        <figure className="details-claim">
          <blockquote>{claim.quote}</blockquote>
          <figcaption>
            <Link href={`/sources/${claim.source.id}`}>{claim.source.title}</Link>
            {claim.source.publisher ? `, ${claim.source.publisher}` : ''}{' '}
            <span className="badge badge-grade" title={`${RELIABILITY_LABELS[claim.source.reliability]} source`}>
              {claim.grade}
            </span>
            {claim.stance === 'refutes' && <span className="badge badge-disputed"> refutes</span>}
          </figcaption>
        </figure>
      )}
      <div className="details-actions">
        <Link href={`/ties/${edge.tieId}`}>Open the tie’s page</Link>
      </div>
    </>
  );
}

/**
 * A merged tie of a collapsed institution: what it joins, its count and best grade, then each tie it
 * stands for between the actors actually tied (a unit inside the box, not the box), best grade first.
 */
function AggregatePanel({ edge, view }: { edge: NestedEdgeData; view: GraphView }) {
  const labels = new Map(view.nodes.map((n) => [n.id, n.label]));
  const byTie = new Map(view.edges.map((e) => [e.tieId, e]));
  const ties = (edge.tieIds ?? []).map((id) => byTie.get(id)).filter((e): e is ViewEdge => e !== undefined);
  ties.sort((a, b) => (a.grade === b.grade ? 0 : a.grade === null ? 1 : b.grade === null ? -1 : compareGrades(a.grade, b.grade)) || (a.start?.date ?? '').localeCompare(b.start?.date ?? ''));
  const info = TIE_TYPE_INFO[edge.type];
  const count = edge.aggregateCount ?? ties.length;
  return (
    <>
      <h2 id="details-heading">
        {labels.get(edge.source) ?? edge.source} {info.label} {labels.get(edge.target) ?? edge.target}: {plural(count, 'merged tie', 'merged ties')}
      </h2>
      <p className="muted">
        A collapsed institution carries its units’ ties: this line stands for {plural(count, 'tie', 'ties')} of one type ({edge.aggregateLabel}). Expand the
        institution to draw them one by one.
      </p>
      <dl className="details-facts">
        <dt>Best grade</dt>
        <dd>
          <GradeAndDispute grade={edge.grade} disputed={edge.disputed} />
        </dd>
        <dt>Evidence</dt>
        <dd>
          {plural(edge.claimCount, 'claim', 'claims')}, {plural(edge.noteCount, 'note', 'notes')}
        </dd>
      </dl>
      <h3>The ties it stands for</h3>
      <ul className="details-merged" aria-label="Merged ties">
        {ties.map((tie) => (
          <li key={tie.tieId}>
            <Link href={`/ties/${tie.tieId}`}>
              {labels.get(tie.source) ?? tie.source} {TIE_TYPE_INFO[tie.type].label} {labels.get(tie.target) ?? tie.target}
            </Link>{' '}
            <span className="muted">
              {formatPeriod(tie.start, tie.end)}
              {tie.past ? ', ended' : ''} · {tie.grade ?? 'ungraded'}
              {tie.disputed ? ' · disputed' : ''}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

export interface DetailsPanelProps extends Omit<ActorPanelProps, 'node'> {
  /** The selected element id, `actor:…`, `tie:…` or a merged tie's `agg:…`. */
  select: string | undefined;
  onClose: () => void;
}

export function DetailsPanel({ select, view, onClose, ...actorProps }: DetailsPanelProps) {
  if (!select) return null;
  const node = view.nodes.find((n) => n.id === select);
  const edge = node ? undefined : view.edges.find((e) => e.id === select);
  const merged = node || edge || !select.startsWith('agg:') ? undefined : actorProps.nesting?.nested.edges.find((e) => e.data.id === select)?.data;
  return (
    <section className="map-details" aria-labelledby="details-heading">
      <button type="button" className="details-close" onClick={onClose} aria-label="Close details">
        ×
      </button>
      {node && <ActorPanel key={node.id} node={node} view={view} {...actorProps} />}
      {edge && <TiePanel key={edge.id} edge={edge} view={view} />}
      {merged && <AggregatePanel key={merged.id} edge={merged} view={view} />}
      {!node && !edge && !merged && (
        <>
          <h2 id="details-heading">Not on the map</h2>
          <p className="muted">
            {select.startsWith('agg:')
              ? 'The selected merged tie is not drawn: its institution is expanded, nesting is off, or the date or filters hide its ties.'
              : `The selected ${select.startsWith('tie:') ? 'tie' : 'actor'} is hidden by the current date or filters.`}
          </p>
        </>
      )}
    </section>
  );
}

/** A tie's best grade, and "Disputed" when a claim is contested: one tie's panel and a merged tie's alike. */
function GradeAndDispute({ grade, disputed }: { grade: ViewEdge['grade']; disputed: boolean | undefined }) {
  return (
    <>
      <GradeText grade={grade} />
      {disputed && (
        <>
          {' '}
          <span className="badge badge-disputed">Disputed</span>
        </>
      )}
    </>
  );
}
