'use client';
// Where the selected actor stands: "3rd by betweenness on 1 Jun 2021", how sure that is in
// robustness mode, and the same metric at the end of each year as a small chart (computed by the
// map's worker over the views the browser holds), so a change of position over time shows.
import { useMemo } from 'react';
import { formatPartialDate } from '@/lib/domain/dates';
import type { AnalysisInput } from '@/lib/graph/analysis/metrics';
import { analysisInput } from '@/lib/graph/analysis/metrics';
import type { RobustRow } from '@/lib/graph/analysis/robustness';
import { METRIC_LABELS, ordinal } from '@/lib/graph/analysis/vocabulary';
import type { GraphView } from '@/lib/graph/types';
import { formatValue } from './analysis-panel';
import type { TimelinePoint } from './analysis-worker';
import { useTimeline } from './use-analysis';
import { isRobust, type MapAnalysis } from './use-map-analysis';

export interface AnalysisActorProps {
  analysis: MapAnalysis;
  /** The selected element id; only actors (actor:…) have a rank. */
  select: string | undefined;
  asOf: string;
  /** The view at another date, when the browser holds the whole network; null otherwise. */
  viewAt: ((asOf: string) => GraphView) | null;
  /** First year worth charting (the earliest tie's). */
  fromYear: number;
  names: ReadonlyMap<string, string>;
}

export function AnalysisActor({ analysis, select, asOf, viewAt, fromYear, names }: AnalysisActorProps) {
  const { result, options } = analysis;
  const row = result && select ? result.rows.find((r) => r.id === select) : undefined;
  // From the selection itself, not the result's rows: the chart need not wait for the result.
  const actorId = select?.startsWith('actor:') ? select : null;
  const steps = useMemo(() => {
    if (!viewAt || !actorId) return null;
    const last = Number(asOf.slice(0, 4));
    const list: { asOf: string; input: AnalysisInput }[] = [];
    for (let year = Math.min(fromYear, last); year < last; year++) list.push({ asOf: `${year}-12-31`, input: analysisInput(viewAt(`${year}-12-31`)) });
    list.push({ asOf, input: analysisInput(viewAt(asOf)) });
    return list;
  }, [viewAt, actorId, asOf, fromYear]);
  const timeline = useTimeline(actorId, steps, options);
  if (!result || !row) return null;
  const label = METRIC_LABELS[result.metric].toLowerCase();
  const day = formatPartialDate({ date: asOf, precision: 'day' });
  const communities = result.metric === 'communities';
  const robust = isRobust(result) ? (row as RobustRow) : null;
  return (
    <section className="analysis-actor" aria-labelledby="analysis-actor-heading">
      <h3 id="analysis-actor-heading">{row.label} by {label}</h3>
      <p className="analysis-rank-line">
        {communities
          ? `In community ${row.community} of ${result.communityCount} on ${day}`
          : `${ordinal(row.rank)} by ${label} on ${day} (${formatValue(row.value)}, of ${result.rows.length} actors)`}
      </p>
      {robust && !communities && (
        <p>
          {`Top-10 by ${label} in ${Math.round(robust.topShare * 100)} % of ${isRobust(result) ? result.samples : 0} samples; rank ${robust.rankLow === robust.rankHigh ? robust.rankLow : `${robust.rankLow}–${robust.rankHigh}`} in 90 % of them.`}
        </p>
      )}
      {robust && communities && (
        <p>
          {`With the rest of its community in ${Math.round((robust.together ?? 0) * 100)} % of samples`}
          {robust.partners && robust.partners.length > 0
            ? `; most often beside ${robust.partners.map((p) => `${names.get(p.id) ?? p.id} (${Math.round(p.share * 100)} %)`).join(', ')}.`
            : '.'}
        </p>
      )}
      {!communities &&
        (viewAt ? (
          <TimelineChart points={timeline.value} pending={timeline.pending} metricLabel={label} actor={row.label} />
        ) : (
          <p className="muted">Over time: the network is too large to hold in the browser; ask GET /api/graph/metrics with asOf= for each date.</p>
        ))}
    </section>
  );
}

const WIDTH = 260;
const HEIGHT = 80;

function TimelineChart({ points, pending, metricLabel, actor }: { points: TimelinePoint[] | null; pending: boolean; metricLabel: string; actor: string }) {
  if (!points) return <p className="muted">{pending ? 'Computing over time…' : ''}</p>;
  const values = points.map((p) => p.value ?? 0);
  const max = Math.max(...values, 0) || 1;
  const x = (i: number) => (points.length > 1 ? (i / (points.length - 1)) * (WIDTH - 10) + 5 : WIDTH / 2);
  const y = (v: number) => HEIGHT - 5 - (v / max) * (HEIGHT - 10);
  const line = points.map((p, i) => (p.value === null ? null : `${x(i)},${y(p.value)}`)).filter(Boolean).join(' ');
  return (
    <figure className="analysis-timeline">
      <svg width={WIDTH} height={HEIGHT} role="img" aria-label={`${actor}'s ${metricLabel} at the end of each year, ${points[0]?.asOf.slice(0, 4)} to ${points.at(-1)?.asOf.slice(0, 4)}`}>
        <polyline points={line} fill="none" stroke="#1f78b4" strokeWidth={2} />
        {points.map((p, i) =>
          p.value === null ? null : (
            <circle key={p.asOf} cx={x(i)} cy={y(p.value)} r={2.5} fill="#1f78b4">
              <title>{`${p.asOf}: ${formatValue(p.value)} (${ordinal(p.rank ?? 0)} of ${p.actors})`}</title>
            </circle>
          ),
        )}
      </svg>
      <figcaption>
        {`${actor}'s ${metricLabel} at the end of each year`}
        <details>
          <summary>Values by year</summary>
          <table className="analysis-timeline-table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Value</th>
                <th scope="col">Rank</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.asOf}>
                  <td>{p.asOf}</td>
                  <td>{p.value === null ? 'not in the view' : formatValue(p.value)}</td>
                  <td>{p.rank === null ? '' : `${ordinal(p.rank)} of ${p.actors}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
