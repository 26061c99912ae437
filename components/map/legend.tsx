// The key to the picture: every shape, fill, line colour and line style that is on the map now,
// drawn from the same tables the canvas's stylesheet is built from.
import {
  ENDED_ACTOR_OPACITY,
  STRENGTH_WIDTH,
  WEAK_TIE_OPACITY,
  type ArrowShape,
  type NodeShape,
} from '@/components/graph/graph-style';
import { LEGEND_HEADINGS, LEGEND_MARKS, legendEntries } from '@/components/graph/legend-entries';
import type { GraphView } from '@/lib/graph/types';

function ShapeIcon({ shape, fill = '#8a96a3', dashed = false, opacity = 1 }: { shape: NodeShape; fill?: string; dashed?: boolean; opacity?: number }) {
  const common = {
    fill,
    fillOpacity: opacity,
    stroke: dashed ? '#5b6570' : '#ffffff',
    strokeWidth: dashed ? 1.5 : 1,
    strokeDasharray: dashed ? '3 2' : undefined,
  };
  let body;
  switch (shape) {
    case 'ellipse':
      body = <circle cx="10" cy="10" r="8" {...common} />;
      break;
    case 'round-rectangle':
      body = <rect x="2" y="4" width="16" height="12" rx="3" {...common} />;
      break;
    case 'diamond':
      body = <polygon points="10,1 19,10 10,19 1,10" {...common} />;
      break;
    case 'hexagon':
      body = <polygon points="5,2 15,2 19,10 15,18 5,18 1,10" {...common} />;
      break;
    case 'triangle':
      body = <polygon points="10,2 19,18 1,18" {...common} />;
      break;
  }
  return (
    <svg className="legend-icon" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
      {body}
    </svg>
  );
}

function ArrowHead({ arrow, colour }: { arrow: ArrowShape; colour: string }) {
  switch (arrow) {
    case 'triangle':
      return <polygon points="30,4 38,8 30,12" fill={colour} />;
    case 'vee':
      return <polygon points="30,3 38,8 30,13 32,8" fill={colour} />;
    case 'tee':
      return <rect x="35" y="2" width="3" height="12" fill={colour} />;
    case 'circle':
      return <circle cx="35" cy="8" r="3.5" fill={colour} />;
    case 'square':
      return <rect x="32" y="5" width="6" height="6" fill={colour} />;
    case 'none':
      return null;
  }
}

function LineIcon({
  colour,
  arrow = 'none',
  width = 2.5,
  dashed = false,
  opacity = 1,
}: {
  colour: string;
  arrow?: ArrowShape;
  width?: number;
  dashed?: boolean;
  opacity?: number;
}) {
  return (
    <svg className="legend-icon legend-line" width="40" height="16" viewBox="0 0 40 16" aria-hidden="true" opacity={opacity}>
      <line x1="2" y1="8" x2={arrow === 'none' ? 38 : 32} y2="8" stroke={colour} strokeWidth={width} strokeDasharray={dashed ? '6 4' : undefined} />
      <ArrowHead arrow={arrow} colour={colour} />
    </svg>
  );
}

export interface LegendProps {
  view: GraphView;
  /** An overview's groups: drawn in the shape of their kind and the colour of their faction too. */
  groups?: readonly Pick<GraphView['nodes'][number], 'kind' | 'faction'>[];
  /** Institutions are nested (nest=1): say what a box and an aggregated tie mean. */
  nested?: boolean;
}

export function Legend({ view, groups = [], nested = false }: LegendProps) {
  const { kinds, factions, categories, anyEnded, anyPast, anyWeak, anyDisputed } = legendEntries(view, groups);
  const neutral = '#5b6570';

  return (
    <details className="map-legend" open>
      <summary>Legend</summary>
      {view.nodes.length === 0 && groups.length === 0 && <p className="muted">Nothing on the map.</p>}
      {kinds.length > 0 && (
        <section aria-labelledby="legend-shapes">
          <h3 id="legend-shapes">{LEGEND_HEADINGS.kinds}</h3>
          <ul>
            {kinds.map(({ kind, shape, label }) => (
              <li key={kind}>
                <ShapeIcon shape={shape} /> {label}
              </li>
            ))}
          </ul>
        </section>
      )}
      {factions.length > 0 && (
        <section aria-labelledby="legend-colours">
          <h3 id="legend-colours">{LEGEND_HEADINGS.factions}</h3>
          <ul>
            {factions.map(({ faction, colour, label }) => (
              <li key={faction}>
                <ShapeIcon shape="ellipse" fill={colour} /> {label}
              </li>
            ))}
            {anyEnded && (
              <li>
                <ShapeIcon shape="ellipse" fill="#8a96a3" opacity={ENDED_ACTOR_OPACITY} dashed /> {LEGEND_MARKS.ended}
              </li>
            )}
          </ul>
        </section>
      )}
      {categories.length > 0 && (
        <section aria-labelledby="legend-lines">
          <h3 id="legend-lines">{LEGEND_HEADINGS.categories}</h3>
          <ul>
            {categories.map(({ category, colour, arrow, meaning, types }) => (
              <li key={category}>
                <LineIcon colour={colour} arrow={arrow} />{' '}
                <span>
                  {meaning}
                  <span className="muted"> — {types.join(', ')}</span>
                </span>
              </li>
            ))}
          </ul>
          <h3>{LEGEND_HEADINGS.marks}</h3>
          <ul>
            <li>
              <LineIcon colour={neutral} width={STRENGTH_WIDTH.min} />
              <LineIcon colour={neutral} width={STRENGTH_WIDTH.max} /> {LEGEND_MARKS.strength}
            </li>
            {anyPast && (
              <li>
                <LineIcon colour={neutral} dashed /> {LEGEND_MARKS.past}
              </li>
            )}
            {anyWeak && (
              <li>
                <LineIcon colour={neutral} opacity={WEAK_TIE_OPACITY} /> {LEGEND_MARKS.weak}
              </li>
            )}
            {anyDisputed && (
              <li>
                <span className="legend-disputed" aria-hidden="true">?</span> {LEGEND_MARKS.disputed}
              </li>
            )}
          </ul>
        </section>
      )}
      {nested && (
        <section aria-labelledby="legend-nesting">
          <h3 id="legend-nesting">Nesting</h3>
          <p>A box is an institution drawn around the units subordinate to it on this date.</p>
          <p>A collapsed institution (double border) carries its units’ ties: a grey tie labelled “×4, best B2” stands for four ties, the best graded B2.</p>
        </section>
      )}
    </details>
  );
}
