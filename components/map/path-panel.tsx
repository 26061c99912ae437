'use client';
// Tracing how two actors connect: choose both ends, and up to five shortest chains of ties (by
// count, within the current date and filters, under the options below) are listed in words; the
// one shown is highlighted on the map and told tie by tie, each tie a link to its page.
// The search itself is lib/graph/k-paths (the same function GET /api/graph/paths runs).
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { TIE_TYPES, TIE_TYPE_INFO } from '@/lib/domain/vocabulary';
import { MAX_PATHS, type FoundPath, type PathOptions } from '@/lib/graph/k-paths';
import { describePath } from '@/lib/graph/path';
import type { GraphNode, GraphView } from '@/lib/graph/types';
import { ActorCombobox } from './actor-combobox';
import { CheckGroup, GradeOptions } from './filter-controls';

/** The panel's options: PathOptions with the avoided actors as slugs. */
export interface PathChoices extends Omit<PathOptions, 'avoid' | 'extraDegree'> {
  avoid: string[];
}

export interface PathPanelProps {
  view: GraphView;
  /** Actors the pickers search in the browser (the whole network when the browser holds it). */
  nodes: readonly GraphNode[];
  /** The ends being chosen (slugs), before or after tracing. */
  from: string | undefined;
  to: string | undefined;
  onFromChange: (slug: string | undefined) => void;
  onToChange: (slug: string | undefined) => void;
  /** The traced ends from the address, and what was found between them. */
  traced: [string, string] | undefined;
  paths: FoundPath[];
  /** Index of the path highlighted on the map. */
  shown: number;
  onShow: (index: number) => void;
  choices: PathChoices;
  onChoicesChange: (choices: PathChoices) => void;
  onTrace: (from: string, to: string) => void;
  onClear: () => void;
  /** On a large network: find the ends through the server too (they may not be in the view). */
  searchServer?: boolean;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function PathPanel(props: PathPanelProps) {
  const { view, nodes, from, to, onFromChange, onToChange, traced, paths, shown, onShow, choices, onChoicesChange, onTrace, onClear, searchServer = false } = props;
  // Names of actors chosen through the server's search, which the view may not hold.
  const [chosenNames, setChosenNames] = useState<Record<string, string>>({});
  const labelOf = (slug: string | undefined) =>
    slug ? (view.nodes.find((n) => n.slug === slug)?.label ?? nodes.find((n) => n.slug === slug)?.label ?? chosenNames[slug] ?? slug) : '';
  const nodeLabel = (nodeId: string) => labelOf(nodeId.replace(/^actor:/, ''));
  const named = (n: GraphNode) => setChosenNames((names) => ({ ...names, [n.slug]: n.label }));
  const change = (patch: Partial<PathChoices>) => onChoicesChange({ ...choices, ...patch });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (from && to) onTrace(from, to);
  }
  const path = traced ? paths[shown] : undefined;
  const edges = new Map(view.edges.map((e) => [e.id, e]));
  const steps = path ? describePath(view, path) : [];
  const optionsOn = choices.avoid.length + (choices.maxDegree !== undefined ? 1 : 0) + (choices.directed ? 1 : 0) + (choices.types ? 1 : 0) + (choices.minGrade ? 1 : 0);

  return (
    <section className="map-path" aria-labelledby="path-heading">
      <h2 id="path-heading">Trace paths</h2>
      <form onSubmit={submit}>
        <ActorCombobox label="From" nodes={nodes} searchServer={searchServer} value={labelOf(from)} onChoose={(n: GraphNode) => {
            named(n);
            onFromChange(n.slug);
          }} placeholder="First actor" />
        <ActorCombobox label="To" nodes={nodes} searchServer={searchServer} value={labelOf(to)} onChoose={(n: GraphNode) => {
            named(n);
            onToChange(n.slug);
          }} placeholder="Second actor" />
        <label className="field">
          <span>Paths to find</span>
          <select value={choices.k ?? 3} onChange={(e) => change({ k: Number(e.target.value) })}>
            {Array.from({ length: MAX_PATHS }, (_, i) => i + 1).map((k) => (
              <option key={k} value={k}>
                {k === 1 ? 'The shortest only' : `Up to ${k}`}
              </option>
            ))}
          </select>
        </label>
        <details className="path-options">
          <summary>Path options{optionsOn > 0 ? ` (${optionsOn} on)` : ''}</summary>
          <ActorCombobox label="Avoid actors" nodes={nodes} searchServer={searchServer} clearOnChoose placeholder="An actor no path may pass" onChoose={(n: GraphNode) => {
              named(n);
              if (!choices.avoid.includes(n.slug)) change({ avoid: [...choices.avoid, n.slug] });
            }} />
          {choices.avoid.length > 0 && (
            <ul className="path-avoided" aria-label="Avoided actors">
              {choices.avoid.map((slug) => (
                <li key={slug}>
                  {labelOf(slug)}{' '}
                  <button type="button" aria-label={`Stop avoiding ${labelOf(slug)}`} onClick={() => change({ avoid: choices.avoid.filter((s) => s !== slug) })}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <label className="field">
            <span>Pass no actor with more ties than</span>
            <input
              type="number"
              min={1}
              step={1}
              inputMode="numeric"
              placeholder="no limit"
              value={choices.maxDegree ?? ''}
              onChange={(e) => {
                const n = Number(e.target.value);
                change({ maxDegree: e.target.value !== '' && Number.isInteger(n) && n >= 1 ? n : undefined });
              }}
            />
          </label>
          <label className="check">
            <input type="checkbox" checked={Boolean(choices.directed)} onChange={(e) => change({ directed: e.target.checked })} /> Follow tie direction (from source to target)
          </label>
          <label className="field">
            <span>Path ties graded at least</span>
            <select value={choices.minGrade ?? ''} onChange={(e) => change({ minGrade: e.target.value || undefined })}>
              <GradeOptions />
            </select>
          </label>
          <CheckGroup legend="Ties a path may use" all={TIE_TYPES} chosen={choices.types} labelOf={(t) => TIE_TYPE_INFO[t].label} onChange={(types) => change({ types })} />
        </details>
        <div className="button-row">
          <button type="submit" disabled={!from || !to || from === to}>
            Trace path
          </button>
          {(traced || from || to) && (
            <button type="button" onClick={onClear}>
              Clear path
            </button>
          )}
        </div>
      </form>
      {traced && (
        <div className="path-result" role="status">
          {paths.length === 0 ? (
            <p>
              No chain of ties joins {labelOf(traced[0])} and {labelOf(traced[1])} on the map as it stands (date, filters and focus)
              {optionsOn > 0 ? ' under these path options' : ''}.
            </p>
          ) : (
            <>
              <p>
                {plural(paths.length, 'path', 'paths')} from {labelOf(traced[0])} to {labelOf(traced[1])}
              </p>
              <ol className="path-choices" aria-label="Paths found">
                {paths.map((p, i) => (
                  <li key={p.nodeIds.join(' ')}>
                    <button type="button" aria-pressed={i === shown} onClick={() => onShow(i)}>
                      <span className="path-number">{i + 1}.</span> {plural(p.length, 'tie', 'ties')}: {p.nodeIds.map(nodeLabel).join(' → ')}
                    </button>
                  </li>
                ))}
              </ol>
              {path && (
                <>
                  <h3>
                    Path {shown + 1} of {paths.length}: {plural(steps.length, 'tie', 'ties')}
                  </h3>
                  <ol aria-label="Path, tie by tie">
                    {steps.map((step, i) => {
                      const edge = edges.get(path.edgeIds[i]!);
                      return <li key={path.edgeIds[i]}>{edge ? <Link href={`/ties/${edge.tieId}`}>{step}</Link> : step}</li>;
                    })}
                  </ol>
                </>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}
