// Nodes sized or coloured by a metric, or coloured by community, as style bypasses on the live
// instance: they sit above the stylesheet's faction colours and kind sizes while analysis is on,
// and removing them gives the stylesheet back untouched. The legend reads the same scales.
import type { Core } from 'cytoscape';

export const ANALYSIS_SIZE = { min: 18, max: 80 } as const;
/** Light to dark: a higher value is a darker node. */
export const METRIC_COLOURS = { low: [222, 235, 247], high: [8, 48, 107] } as const;
/** Twelve distinguishable community colours (ColorBrewer Paired); the rest share grey. */
export const COMMUNITY_COLOURS = [
  '#1f78b4', '#e31a1c', '#33a02c', '#ff7f00', '#6a3d9a', '#b15928',
  '#a6cee3', '#fb9a99', '#b2df8a', '#fdbf6f', '#cab2d6', '#ffff99',
] as const;
export const OTHER_COMMUNITY_COLOUR = '#9aa3ad';

export type AnalysisEncoding =
  | { kind: 'size'; values: ReadonlyMap<string, number> }
  | { kind: 'colour'; values: ReadonlyMap<string, number> }
  | { kind: 'community'; values: ReadonlyMap<string, number> };

const STYLED = 'analysis-styled';

/** Diameter for a value: area grows with the value, so a broker twice as central looks twice as big. */
export function analysisSize(value: number, max: number): number {
  if (!(max > 0) || !(value > 0)) return ANALYSIS_SIZE.min;
  return ANALYSIS_SIZE.min + (ANALYSIS_SIZE.max - ANALYSIS_SIZE.min) * Math.sqrt(Math.min(1, value / max));
}

export function metricColour(value: number, min: number, max: number): string {
  const t = max > min ? Math.min(1, Math.max(0, (value - min) / (max - min))) : 1;
  const channel = (i: 0 | 1 | 2) => Math.round(METRIC_COLOURS.low[i] + (METRIC_COLOURS.high[i] - METRIC_COLOURS.low[i]) * t);
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}

export function communityColour(community: number): string {
  return COMMUNITY_COLOURS[community - 1] ?? OTHER_COMMUNITY_COLOUR;
}

/** Applies an encoding (null clears it). Only nodes the encoding names are touched. */
export function applyAnalysisStyle(cy: Core, encoding: AnalysisEncoding | null): void {
  cy.batch(() => {
    const styled = cy.nodes(`.${STYLED}`);
    if (styled.nonempty()) styled.removeStyle('width height background-color').removeClass(STYLED);
    if (!encoding) return;
    const values = [...encoding.values.values()];
    const max = values.reduce((a, b) => Math.max(a, b), 0);
    const min = values.reduce((a, b) => Math.min(a, b), max);
    for (const [id, value] of encoding.values) {
      const node = cy.getElementById(id);
      if (node.empty() || !node.isNode()) continue;
      node.addClass(STYLED);
      if (encoding.kind === 'size') {
        const size = analysisSize(value, max);
        node.style({ width: size, height: size });
      } else if (encoding.kind === 'colour') node.style('background-color', metricColour(value, min, max));
      else node.style('background-color', communityColour(value));
    }
  });
}
