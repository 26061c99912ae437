'use client';
// Tracing how two actors connect: choose both ends, and up to five shortest chains of ties (by
// count, within the current date and filters, under the options below) are listed in words; the
// one shown is highlighted on the map and told tie by tie, each tie a link to its page.
// The search itself is lib/graph/k-paths (the same function GET /api/graph/paths runs); with a time
// option, lib/graph/time-paths: ties forward in time (at most so many days apart) or within one
// window, with the earliest arrival and whether the dates make the path certain or only possible.
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { TIE_TYPES, TIE_TYPE_INFO } from '@/lib/domain/vocabulary';
import { formatPartialDate } from '@/lib/domain/dates';
import { MAX_PATHS, type FoundPath } from '@/lib/graph/k-paths';
import type { TimeFlow, TimePath } from '@/lib/graph/time-paths';
import { describePath } from '@/lib/graph/path';
import type { GraphNode, GraphView } from '@/lib/graph/types';
import type { PathChoices } from '@/lib/validation/graph-queries';
import { ActorCombobox } from './actor-combobox';
import { CheckGroup, GradeOptions } from './filter-controls';

/** The panel's options (PathOptions with the avoided actors as slugs), as the map's address keeps them. */
export type { PathChoices };

/**
 * One numeric option ("no limit" when empty): the hub limit and the gap between steps share it.
 * An entry that is not a whole number from `min` reads as no limit rather than an error.
 */
function NumberOption({ label, min, value, onChange }: { label: string; min: number; value: number | undefined; onChange: (value: number | undefined) => void }) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        min={min}
        step={1}
        inputMode="numeric"
        placeholder="no limit"
        value={value ?? ''}
        onChange={(e) => {
          const n = Number(e.target.value);
          onChange(e.target.value !== '' && Number.isInteger(n) && n >= min ? n : undefined);
        }}
      />
    </label>
  );
}

const isTimed = (p: FoundPath | TimePath | undefined): p is TimePath => Boolean(p && 'steps' in p);
const dayText = (day: string | null) => (day ? formatPartialDate({ date: day, precision: 'day' }) : 'an undated time');

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
  paths: (FoundPath | TimePath)[];
  /** With a time option and no path respecting it: the shortest path ignoring time, if any. */
  timeless?: FoundPath | null;
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
  const { view, nodes, from, to, onFromChange, onToChange, traced, paths, timeless = null, shown, onShow, choices, onChoicesChange, onTrace, onClear, searchServer = false } = props;
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
  const optionsOn = choices.avoid.length + (choices.maxDegree !== undefined ? 1 : 0) + (choices.directed ? 1 : 0) + (choices.types ? 1 : 0) + (choices.minGrade ? 1 : 0) + (choices.time ? 1 : 0);
  const time = choices.time;
  const changeTime = (patch: Partial<NonNullable<PathChoices['time']>>) => {
    if (!time) return;
    const next = { ...time, ...patch };
    for (const key of Object.keys(patch) as (keyof typeof patch)[]) if (patch[key] === undefined) delete next[key];
    change({ time: next });
  };
  const timeWords = time
    ? time.flow === 'forward'
      ? `forward in time${time.maxGapDays !== undefined ? `, at most ${plural(time.maxGapDays, 'day', 'days')} between steps` : ''}${time.from || time.to ? `, between ${time.from ? dayText(time.from) : 'any time'} and ${time.to ? dayText(time.to) : 'now'}` : ''}`
      : `within the window ${time.from ? dayText(time.from) : 'any time'} to ${time.to ? dayText(time.to) : 'now'}`
    : '';

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
          <NumberOption label="Pass no actor with more ties than" min={1} value={choices.maxDegree} onChange={(maxDegree) => change({ maxDegree })} />
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
          <fieldset className="path-time">
            <legend>Time</legend>
            <label className="field">
              <span>Time flow</span>
              <select
                value={time?.flow ?? ''}
                onChange={(e) => change({ time: e.target.value ? { ...(time ?? {}), flow: e.target.value as TimeFlow, ...(e.target.value === 'window' ? { maxGapDays: undefined } : {}) } : undefined })}
              >
                <option value="">Ignore time</option>
                <option value="forward">Forward in time: each tie no earlier than the one before</option>
                <option value="window">Within one window: every tie standing in it</option>
              </select>
            </label>
            {time?.flow === 'forward' ? (
              <NumberOption label="Most days between steps" min={0} value={time.maxGapDays} onChange={(maxGapDays) => changeTime({ maxGapDays })} />
            ) : null}
            {time ? (
              <>
                <label className="field">
                  <span>{time.flow === 'window' ? 'Window from' : 'No step before'}</span>
                  <input type="date" value={time.from ?? ''} onChange={(e) => changeTime({ from: e.target.value || undefined })} />
                </label>
                <label className="field">
                  <span>{time.flow === 'window' ? 'Window to' : 'No step after'}</span>
                  <input type="date" value={time.to ?? ''} onChange={(e) => changeTime({ to: e.target.value || undefined })} />
                </label>
              </>
            ) : null}
          </fieldset>
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
          {paths.length === 0 && time ? (
            <p>
              No chain of ties from {labelOf(traced[0])} to {labelOf(traced[1])} runs {timeWords}.{' '}
              {timeless
                ? `Ignoring time, one does: ${timeless.nodeIds.map(nodeLabel).join(' → ')} (${plural(timeless.length, 'tie', 'ties')}).`
                : 'None joins them ignoring time either, under these path options.'}
            </p>
          ) : paths.length === 0 ? (
            <p>
              No chain of ties joins {labelOf(traced[0])} and {labelOf(traced[1])} on the map as it stands (date, filters and focus)
              {optionsOn > 0 ? ' under these path options' : ''}.
            </p>
          ) : (
            <>
              <p>
                {plural(paths.length, 'path', 'paths')} from {labelOf(traced[0])} to {labelOf(traced[1])}
                {time ? `, ${timeWords}` : ''}
              </p>
              <ol className="path-choices" aria-label="Paths found">
                {paths.map((p, i) => (
                  <li key={p.nodeIds.join(' ')}>
                    <button type="button" aria-pressed={i === shown} onClick={() => onShow(i)}>
                      <span className="path-number">{i + 1}.</span> {plural(p.length, 'tie', 'ties')}: {p.nodeIds.map(nodeLabel).join(' → ')}
                      {isTimed(p) ? ` — ${p.arrival || time?.flow === 'forward' ? `arrives ${dayText(p.arrival)}` : 'within the window'}, ${p.certainty}` : ''}
                    </button>
                  </li>
                ))}
              </ol>
              {path && (
                <>
                  <h3>
                    Path {shown + 1} of {paths.length}: {plural(steps.length, 'tie', 'ties')}
                    {isTimed(path) ? `, ${path.certainty}` : ''}
                  </h3>
                  {isTimed(path) ? (
                    <p className="muted">
                      {path.certainty === 'certain'
                        ? 'Certain: the ties follow one another whatever day within their dates\' precision they began and ended.'
                        : 'Possible: the ties follow one another only if their imprecise dates fall the right way.'}
                      {time?.flow === 'forward'
                        ? ` Earliest arrival: ${dayText(path.arrival)}${path.certainArrival !== undefined && path.certainArrival !== path.arrival ? ` possibly, ${dayText(path.certainArrival)} certainly` : ''}.`
                        : ''}
                    </p>
                  ) : null}
                  <ol aria-label="Path, tie by tie">
                    {steps.map((step, i) => {
                      const edge = edges.get(path.edgeIds[i]!);
                      const timed = isTimed(path) ? path.steps[i] : undefined;
                      const when = timed ? (time?.flow === 'forward' ? ` (from ${dayText(timed.on)}, ${timed.certainty})` : ` (${timed.certainty})`) : '';
                      return (
                        <li key={path.edgeIds[i]}>
                          {edge ? <Link href={`/ties/${edge.tieId}`}>{step}</Link> : step}
                          {when}
                        </li>
                      );
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
