'use client';
// The map's analysis controls: which metric, which weight, Louvain's resolution, the robustness
// mode, and how the canvas shows the result; the legend says what size and colour mean now, and
// a sentence says how the weight was read and whether the value is an estimate.
import { useEffect, useState } from 'react';
import { ANALYSIS_SIZE, communityColour, metricColour } from '@/components/graph/analysis-style';
import {
  DEFAULT_RESOLUTION,
  DEFAULT_SAMPLES,
  METRICS,
  METRIC_LABELS,
  ROBUST_PATH_SOURCES,
  WEIGHT_LABELS,
  WEIGHT_MODES,
  describeMethod,
  type Metric,
  type WeightMode,
} from '@/lib/graph/analysis/vocabulary';
import { DEFAULT_WEIGHT } from '@/lib/validation/graph-queries';
import type { AnalysisAddress } from './analysis-address';
import { isRobust, type AnalysisShow, type MapAnalysis } from './use-map-analysis';
import './analysis.css';

export interface AnalysisPanelProps {
  analysis: MapAnalysis;
  /** The analysis fields of the map's address. */
  address: AnalysisAddress;
  onChange: (patch: AnalysisAddress) => void;
  /** Why analysis is off here (the overview of a large network), or null. */
  unavailable: string | null;
}

export function AnalysisPanel({ analysis, address, onChange, unavailable }: AnalysisPanelProps) {
  const { metric, weight = DEFAULT_WEIGHT, resolution = DEFAULT_RESOLUTION, samples } = address;
  const { drawn } = analysis;
  const communities = drawn?.metric === 'communities';
  return (
    <section className="map-analysis" aria-labelledby="analysis-heading">
      <h2 id="analysis-heading">Analysis</h2>
      {unavailable ? (
        <p className="muted">{unavailable}</p>
      ) : (
        <>
          <label className="field">
            <span>Metric</span>
            <select value={metric ?? ''} onChange={(e) => onChange({ metric: (e.target.value || undefined) as Metric | undefined })}>
              <option value="">None</option>
              {METRICS.map((m) => (
                <option key={m} value={m}>
                  {METRIC_LABELS[m]}
                </option>
              ))}
            </select>
          </label>
          {metric && (
            <>
              <label className="field">
                <span>Weight ties by</span>
                <select value={weight} onChange={(e) => onChange({ weight: e.target.value as WeightMode })}>
                  {WEIGHT_MODES.map((w) => (
                    <option key={w} value={w}>
                      {WEIGHT_LABELS[w]}
                    </option>
                  ))}
                </select>
              </label>
              {metric === 'communities' ? (
                <label className="field">
                  <span>Resolution (higher: smaller communities)</span>
                  <input
                    type="number"
                    min={0.1}
                    max={10}
                    step={0.1}
                    value={resolution}
                    onChange={(e) => {
                      const r = Number(e.target.value);
                      if (r >= 0.1 && r <= 10) onChange({ resolution: r });
                    }}
                  />
                </label>
              ) : (
                <fieldset className="field analysis-show">
                  <legend>Show on the map as</legend>
                  {(['size', 'colour'] as AnalysisShow[]).map((show) => (
                    <label key={show}>
                      <input type="radio" name="analysis-show" checked={analysis.show === show} onChange={() => analysis.setShow(show)} />{' '}
                      {show === 'size' ? 'Node size' : 'Node colour'}
                    </label>
                  ))}
                </fieldset>
              )}
              <label className="checkbox">
                <input type="checkbox" checked={samples !== undefined} onChange={(e) => onChange({ samples: e.target.checked ? DEFAULT_SAMPLES : undefined })} />{' '}
                Robustness to weak evidence ({samples ?? DEFAULT_SAMPLES} resampled views)
              </label>
              <p className="muted analysis-note" role="status" aria-live="polite">
                {statusText(analysis)}
              </p>
              {analysis.waitingFor !== null && <ServerWait key={analysis.waitingFor} />}
              {drawn && <AnalysisLegend analysis={analysis} communities={communities} />}
            </>
          )}
        </>
      )}
    </section>
  );
}

/** What the status line says: computing, on the server, an error, or how the result was reached. */
function statusText(analysis: MapAnalysis): string {
  const { result, drawn, pending, error, where, samples, viewActors, options } = analysis;
  if (error) return `Could not compute: ${error}`;
  const label = options ? METRIC_LABELS[options.metric].toLowerCase() : '';
  const paths = options?.metric === 'betweenness' || options?.metric === 'closeness';
  if (pending && !result) {
    // The previous result stays on the map until this one arrives; say which one it is.
    const still = drawn ? ` The map still shows ${drawnLabel(drawn)}.` : '';
    if (where === 'browser') return `Computing…${still}`;
    return (
      `Resampling the view's ${viewActors.toLocaleString('en-GB')} actors ${samples} times on the server (more than the browser resamples)` +
      (paths ? `; each sample's ${label} is estimated from ${ROBUST_PATH_SOURCES} sampled actors` : '') +
      '. This takes a while…' +
      still
    );
  }
  if (!result) return '';
  let text = describeMethod({ ...result, actors: result.rows.length });
  if (isRobust(result)) {
    text += ` Each tie kept with the probability its evidence grade gives, ${result.samples} times${where === 'server' ? ', resampled on the server' : ''}.`;
    if (result.sampleSources !== undefined) text += ` In each sample, ${METRIC_LABELS[result.metric].toLowerCase()} is estimated from ${result.sampleSources} sampled actors, so intervals are estimated too.`;
    if (where === 'server' && result.rows.length !== viewActors)
      text += ` The server cut this address's view itself: ${result.rows.length.toLocaleString('en-GB')} actors, beside the ${viewActors.toLocaleString('en-GB')} on the map.`;
  }
  if (pending) text += where === 'server' ? ' Updating on the server…' : ' Updating…';
  return text;
}

/** The drawn result's name as the status says it: "betweenness", "betweenness with rank intervals". */
function drawnLabel(drawn: NonNullable<MapAnalysis['drawn']>): string {
  return METRIC_LABELS[drawn.metric].toLowerCase() + (isRobust(drawn) ? ` (${drawn.samples} resampled views)` : '');
}

/** While the server resamples: a bar without an end and the seconds waited, outside the live status so it is not read out each second. */
function ServerWait() {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <p className="muted analysis-wait">
      <progress aria-label="Resampling on the server" /> {seconds} s
    </p>
  );
}

function AnalysisLegend({ analysis, communities }: { analysis: MapAnalysis; communities: boolean }) {
  const { drawn: result, encoding } = analysis;
  if (!result || !encoding) return null;
  const label = METRIC_LABELS[result.metric];
  if (communities) {
    const shown = Math.min(result.communityCount ?? 0, 12);
    return (
      <div className="analysis-legend" aria-label="Analysis legend">
        <p>
          Colour: community (Louvain, resolution {result.resolution}), {result.communityCount} communities, modularity {(result.modularity ?? 0).toFixed(2)}
          {(result.communityCount ?? 0) > 12 ? '; past the 12th, grey' : ''}.
        </p>
        <ul className="analysis-swatches">
          {Array.from({ length: shown }, (_, i) => (
            <li key={i}>
              <span className="analysis-swatch" style={{ background: communityColour(i + 1) }} aria-hidden="true" /> {i + 1}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const values = result.rows.map((r) => r.value);
  const max = Math.max(0, ...values);
  const min = Math.min(max, ...values);
  return (
    <div className="analysis-legend" aria-label="Analysis legend">
      {encoding === 'size' ? (
        <p>
          Size: {label.toLowerCase()} (area grows with the value; {ANALYSIS_SIZE.min}–{ANALYSIS_SIZE.max} px for 0–{formatValue(max)}).
        </p>
      ) : (
        <p>
          Colour: {label.toLowerCase()}, from{' '}
          <span className="analysis-swatch" style={{ background: metricColour(min, min, max) }} aria-hidden="true" /> {formatValue(min)} to{' '}
          <span className="analysis-swatch" style={{ background: metricColour(max, min, max) }} aria-hidden="true" /> {formatValue(max)}.
        </p>
      )}
    </div>
  );
}

export function formatValue(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);
}
