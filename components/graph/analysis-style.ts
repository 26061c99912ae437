// Nodes sized or coloured by a metric, or coloured by community: each node's size or colour is
// written into its data (ANALYSIS_FIELDS) and the stylesheet's last rules (analysisStyleRules)
// draw it, so they sit above the faction colours and kind sizes while analysis is on, and
// removing the fields gives the stylesheet back untouched. Why data, not style bypasses: a
// bypass is parsed per node and per call, and a change of metric then rewrote every node; here a
// node whose size or colour stays the same is not touched, and Cytoscape restyles (and re-routes
// the ties of) only the nodes that changed. The legend reads the same scales.
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

/** The node data fields the analysis rules draw from. */
export const ANALYSIS_FIELDS = { size: 'analysisSize', colour: 'analysisColour' } as const;

/** Placed last in the stylesheet (graph-style.ts), so they win over every earlier rule, as a bypass would. */
export function analysisStyleRules() {
  return [
    { selector: `node[${ANALYSIS_FIELDS.size}]`, style: { width: `data(${ANALYSIS_FIELDS.size})`, height: `data(${ANALYSIS_FIELDS.size})` } },
    { selector: `node[${ANALYSIS_FIELDS.colour}]`, style: { 'background-color': `data(${ANALYSIS_FIELDS.colour})` } },
  ];
}

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

/** Each encoded node's size or colour, as the analysis fields hold it. */
function encodedValues(encoding: AnalysisEncoding): Map<string, number | string> {
  let max = 0;
  for (const v of encoding.values.values()) max = Math.max(max, v);
  let min = max;
  for (const v of encoding.values.values()) min = Math.min(min, v);
  const out = new Map<string, number | string>();
  for (const [id, value] of encoding.values) {
    out.set(id, encoding.kind === 'size' ? analysisSize(value, max) : encoding.kind === 'colour' ? metricColour(value, min, max) : communityColour(value));
  }
  return out;
}

/**
 * Applies an encoding (null clears it), in one batch. Only nodes the encoding names are drawn by
 * it, and only nodes whose size or colour changes are written: Cytoscape restyles what changed.
 */
export function applyAnalysisStyle(cy: Core, encoding: AnalysisEncoding | null): void {
  const field = encoding ? (encoding.kind === 'size' ? ANALYSIS_FIELDS.size : ANALYSIS_FIELDS.colour) : null;
  const next = encoding ? encodedValues(encoding) : new Map<string, number | string>();
  cy.batch(() => {
    for (const name of Object.values(ANALYSIS_FIELDS)) {
      // Nodes drawn by a field they should no longer be: the other field, or not in this encoding.
      const leaving = cy.nodes(`[${name}]`).filter((node) => name !== field || !next.has(node.id()));
      // removeData does not restyle by itself (Cytoscape 3.3x), so the leaving nodes are told to.
      if (leaving.nonempty()) (leaving.removeData(name) as typeof leaving & { updateStyle(): unknown }).updateStyle();
    }
    if (!field) return;
    for (const [id, value] of next) {
      const node = cy.getElementById(id);
      if (node.empty() || !node.isNode() || node.data(field) === value) continue;
      node.data(field, value);
    }
  });
}
