'use client';
// Tracing how two actors connect: choose both ends, and the shortest chain of ties (by count,
// within the current date and filters) is highlighted on the map and told here in words.
import { useState, type FormEvent } from 'react';
import { describePath, type GraphPath } from '@/lib/graph/path';
import type { GraphNode, GraphView } from '@/lib/graph/types';
import { ActorCombobox } from './actor-combobox';

export interface PathPanelProps {
  view: GraphView;
  /** The ends being chosen (slugs), before or after tracing. */
  from: string | undefined;
  to: string | undefined;
  onFromChange: (slug: string | undefined) => void;
  onToChange: (slug: string | undefined) => void;
  /** The traced ends from the address, and what was found between them. */
  traced: [string, string] | undefined;
  path: GraphPath | null;
  onTrace: (from: string, to: string) => void;
  onClear: () => void;
  /** On a large network: find the ends through the server too (they may not be in the view). */
  searchServer?: boolean;
}

export function PathPanel({ view, from, to, onFromChange, onToChange, traced, path, onTrace, onClear, searchServer = false }: PathPanelProps) {
  // Names of ends chosen through the server's search, which the view may not hold.
  const [chosenNames, setChosenNames] = useState<Record<string, string>>({});
  const labelOf = (slug: string | undefined) => (slug ? (view.nodes.find((n) => n.slug === slug)?.label ?? chosenNames[slug] ?? slug) : '');
  const named = (n: GraphNode) => setChosenNames((names) => ({ ...names, [n.slug]: n.label }));
  function submit(event: FormEvent) {
    event.preventDefault();
    if (from && to) onTrace(from, to);
  }
  const steps = traced && path ? describePath(view, path) : [];
  return (
    <section className="map-path" aria-labelledby="path-heading">
      <h2 id="path-heading">Trace a path</h2>
      <form onSubmit={submit}>
        <ActorCombobox label="From" nodes={view.nodes} searchServer={searchServer} value={labelOf(from)} onChoose={(n: GraphNode) => {
            named(n);
            onFromChange(n.slug);
          }} placeholder="First actor" />
        <ActorCombobox label="To" nodes={view.nodes} searchServer={searchServer} value={labelOf(to)} onChoose={(n: GraphNode) => {
            named(n);
            onToChange(n.slug);
          }} placeholder="Second actor" />
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
          {path === null ? (
            <p>
              No chain of ties joins {labelOf(traced[0])} and {labelOf(traced[1])} on the map as it stands (date, filters and focus).
            </p>
          ) : (
            <>
              <p>
                {labelOf(traced[0])} to {labelOf(traced[1])}: {steps.length} {steps.length === 1 ? 'tie' : 'ties'}
              </p>
              <ol aria-label="Path, tie by tie">
                {steps.map((step, i) => (
                  <li key={path.edgeIds[i]}>{step}</li>
                ))}
              </ol>
            </>
          )}
        </div>
      )}
    </section>
  );
}
