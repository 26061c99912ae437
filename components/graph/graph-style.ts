// How the network looks: one style module for the map, the ego network, the legend and the
// exports. Shape says what an actor is, fill says whose camp it is in, colour and line say what a
// tie is. Everything here is plain data so the legend draws from the same table the canvas does.
import type { StylesheetJson } from 'cytoscape';
import {
  ACTOR_KIND_LABELS,
  FACTION_COLOURS,
  FACTION_LABELS,
  TIE_TYPE_INFO,
  type ActorKind,
  type Faction,
  type TieCategory,
  type TieType,
} from '@/lib/domain/vocabulary';
import { analysisStyleRules } from './analysis-style';

/** Cytoscape node shapes; kept to ones the legend can draw as simple SVG. */
export type NodeShape = 'ellipse' | 'round-rectangle' | 'diamond' | 'hexagon' | 'triangle';

export const KIND_SHAPES: Record<ActorKind, NodeShape> = {
  person: 'ellipse',
  organization: 'round-rectangle',
  state: 'diamond',
  group: 'hexagon',
  event: 'triangle',
};

// The camps' fills are defined once beside the factions (lib/domain/vocabulary.ts), for the exports too.
export { FACTION_COLOURS };

export type ArrowShape = 'none' | 'triangle' | 'vee' | 'tee' | 'circle' | 'square';

export interface TieLook {
  colour: string;
  /** Drawn at the target end. Hierarchy ties point at the superior. */
  arrow: ArrowShape;
  /** What the line means, for the legend. */
  meaning: string;
}

/**
 * Hostile ties are the only warm colour on the lines; hierarchy is the only triangle arrow;
 * support (one-way, teal, vee) and alliance (mutual, green, no arrow) differ in both.
 */
export const TIE_CATEGORY_LOOKS: Record<TieCategory, TieLook> = {
  position: { colour: '#44607F', arrow: 'circle', meaning: 'Holds a post in, leads, represents or owns (dot at the body)' },
  hierarchy: { colour: '#6A3FB5', arrow: 'triangle', meaning: 'Reports to or appointed by (arrow points to the superior)' },
  membership: { colour: '#8496AA', arrow: 'square', meaning: 'Member of (square at the body)' },
  alliance: { colour: '#1F8A3A', arrow: 'none', meaning: 'Allies (mutual)' },
  support: { colour: '#1A9BB0', arrow: 'vee', meaning: 'Supports (arrow points to the supported)' },
  hostile: { colour: '#E4572E', arrow: 'tee', meaning: 'Opposes or rivals (bar at the opposed)' },
  influence: { colour: '#B05FC4', arrow: 'vee', meaning: 'Influences (arrow points to the influenced)' },
  personal: { colour: '#9A8A3A', arrow: 'none', meaning: 'Family or associates' },
  sanction: { colour: '#222222', arrow: 'tee', meaning: 'Sanctioned by (bar at the sanctioner)' },
  participation: { colour: '#A9B2BC', arrow: 'none', meaning: 'Took part in an event' },
};

/** Symmetric tie types (rival of, family of) carry no arrow even when their category has one. */
export function tieArrow(type: TieType): ArrowShape {
  const info = TIE_TYPE_INFO[type];
  return info.symmetric ? 'none' : TIE_CATEGORY_LOOKS[info.category].arrow;
}

export const STRENGTH_WIDTH = { min: 1.2, max: 6 } as const;
export const WEAK_TIE_OPACITY = 0.3;
export const ENDED_ACTOR_OPACITY = 0.55;
/** Below this on-screen size labels are not drawn, so a zoomed-out map stays legible. */
export const MIN_ZOOMED_FONT_SIZE = 6;

export function strengthWidth(strength: number): number {
  const s = Math.min(5, Math.max(1, strength));
  return STRENGTH_WIDTH.min + ((s - 1) / 4) * (STRENGTH_WIDTH.max - STRENGTH_WIDTH.min);
}

export function kindLabel(kind: ActorKind): string {
  return ACTOR_KIND_LABELS[kind];
}

export function factionLabel(faction: Faction): string {
  return FACTION_LABELS[faction];
}

const HIGHLIGHT = '#1F5FA8';
const PATH = '#F2A900';

/** Marks of a comparison of two dates (change-marks.ts): begun between them, over by the second, or neither. */
export const CHANGE_COLOURS = { new: '#1B9E3E', gone: '#C0392B' } as const;
export const CONTINUING_OPACITY = 0.35;
/** Class of a tie no other tie of the network parallels (apply-mask.ts, loneTies). */
export const LONE_TIE_CLASS = 'lone-tie';

/** The stylesheet for every graph Powermap draws; selectors read the element data of lib/graph/cytoscape-elements. */
export function graphStylesheet(): StylesheetJson {
  const kindRules = (Object.entries(KIND_SHAPES) as [ActorKind, NodeShape][]).map(([kind, shape]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { shape },
  }));
  const factionRules = (Object.entries(FACTION_COLOURS) as [Faction, string][]).map(([faction, colour]) => ({
    selector: `node[faction = "${faction}"]`,
    style: { 'background-color': colour },
  }));
  const categoryRules = (Object.entries(TIE_CATEGORY_LOOKS) as [TieCategory, TieLook][]).map(([category, look]) => ({
    selector: `edge[category = "${category}"]`,
    style: { 'line-color': look.colour, 'target-arrow-color': look.colour, 'target-arrow-shape': look.arrow },
  }));
  const symmetricRules = (Object.keys(TIE_TYPE_INFO) as TieType[])
    .filter((type) => TIE_TYPE_INFO[type].symmetric)
    .map((type) => ({ selector: `edge[type = "${type}"]`, style: { 'target-arrow-shape': 'none' as const } }));

  return [
    {
      selector: 'node',
      style: {
        label: 'data(displayLabel)',
        width: 30,
        height: 30,
        'background-color': FACTION_COLOURS.other,
        'border-width': 1.5,
        'border-color': '#ffffff',
        color: '#1d2126',
        'font-size': 12,
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '110px',
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'text-outline-opacity': 0.9,
        'min-zoomed-font-size': MIN_ZOOMED_FONT_SIZE,
        'transition-property': 'opacity',
        'transition-duration': 150,
      },
    },
    { selector: 'node[kind = "organization"], node[kind = "state"]', style: { width: 40, height: 34 } },
    { selector: 'node[kind = "state"]', style: { width: 44, height: 44 } },
    ...kindRules,
    ...factionRules,
    {
      // Dead, dissolved or over: washed out with a dashed grey ring; the label carries a dagger.
      selector: 'node[?ended]',
      style: {
        'background-opacity': ENDED_ACTOR_OPACITY,
        'border-width': 2,
        'border-style': 'dashed',
        'border-color': '#5b6570',
        color: '#5b6570',
      },
    },
    {
      selector: 'edge',
      style: {
        width: `mapData(strength, 1, 5, ${STRENGTH_WIDTH.min}, ${STRENGTH_WIDTH.max})`,
        'curve-style': 'bezier',
        'line-color': '#999999',
        'target-arrow-color': '#999999',
        'arrow-scale': 0.9,
        'line-cap': 'round',
        opacity: 0.9,
        'transition-property': 'opacity',
        'transition-duration': 150,
      },
    },
    // The only tie between its two actors: drawn as a lone bezier is, without the search for its parallels (apply-mask.ts, loneTies).
    { selector: `edge.${LONE_TIE_CLASS}`, style: { 'curve-style': 'straight' } },
    ...categoryRules,
    ...symmetricRules,
    { selector: 'edge[?past]', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4], 'line-cap': 'butt' } },
    { selector: 'edge[?weak]', style: { opacity: WEAK_TIE_OPACITY } },
    {
      // The sources disagree: a small amber question mark rides on the line.
      selector: 'edge[?disputed]',
      style: {
        label: '?',
        'font-size': 11,
        'font-weight': 'bold',
        color: '#7a4b00',
        'text-background-color': '#fff4e0',
        'text-background-opacity': 1,
        'text-background-shape': 'round-rectangle',
        'text-background-padding': '2px',
        'text-border-color': '#e0a030',
        'text-border-width': 1,
        'text-border-opacity': 1,
        'min-zoomed-font-size': MIN_ZOOMED_FONT_SIZE,
      },
    },
    // A large network's overview (lib/graph/overview-elements): a group is one node whose area
    // follows its members, its label always drawn; a line between groups counts their ties.
    {
      selector: 'node[?group]',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'font-size': 15,
        'font-weight': 'bold',
        'text-max-width': '190px',
        'border-width': 2,
        'min-zoomed-font-size': 0,
      },
    },
    {
      selector: 'edge[?aggregate]',
      style: {
        width: 'data(width)',
        'curve-style': 'straight',
        'line-color': '#7b8794',
        'target-arrow-shape': 'none',
        opacity: 0.5,
        label: 'data(countLabel)',
        'font-size': 12,
        color: '#3d4650',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'min-zoomed-font-size': MIN_ZOOMED_FONT_SIZE,
      },
    },
    { selector: 'edge[?member]', style: { opacity: 0.18, label: '' } },
    // Nested institutions (lib/graph/collapse-nesting.ts): an expanded parent is a box around its units,
    // a collapsed one a double-bordered node carrying their ties.
    {
      selector: 'node[?compound]:parent',
      style: { shape: 'round-rectangle', 'background-opacity': 0.08, 'border-width': 2, 'border-style': 'solid', padding: '18px', 'text-valign': 'top', 'text-halign': 'center' },
    },
    { selector: 'node[?collapsed]', style: { 'border-width': 6, 'border-style': 'double' } },
    // Interaction states come last so they win over the data styles above.
    { selector: '.change-same', style: { opacity: CONTINUING_OPACITY } },
    { selector: 'node.change-new', style: { 'border-color': CHANGE_COLOURS.new, 'border-width': 5, 'border-style': 'solid', opacity: 1 } },
    { selector: 'node.change-gone', style: { 'border-color': CHANGE_COLOURS.gone, 'border-width': 5, 'border-style': 'dashed', opacity: 1 } },
    { selector: 'edge.change-new', style: { 'underlay-color': CHANGE_COLOURS.new, 'underlay-padding': 4, 'underlay-opacity': 0.8, opacity: 1, 'z-index': 15 } },
    { selector: 'edge.change-gone', style: { 'underlay-color': CHANGE_COLOURS.gone, 'underlay-padding': 4, 'underlay-opacity': 0.8, opacity: 1, 'z-index': 15 } },
    { selector: '.path-faded', style: { opacity: 0.15, 'text-opacity': 0.35 } },
    { selector: '.hover-faded', style: { opacity: 0.1, 'text-opacity': 0.2 } },
    // A story step: what it highlights stands out, the rest fades (components/graph/saved-picture.ts).
    { selector: '.story-faded', style: { opacity: 0.12, 'text-opacity': 0.25 } },
    { selector: 'node.story-highlight', style: { 'border-color': HIGHLIGHT, 'border-width': 4, 'z-index': 12 } },
    { selector: 'edge.story-highlight', style: { width: 5, 'z-index': 12 } },
    { selector: 'node.highlighted', style: { 'border-color': HIGHLIGHT, 'border-width': 3, 'z-index': 10 } },
    { selector: 'edge.highlighted', style: { 'z-index': 10 } },
    {
      selector: 'node.path',
      style: { 'border-color': PATH, 'border-width': 5, 'border-style': 'solid', 'z-index': 20, opacity: 1 },
    },
    {
      selector: 'edge.path',
      style: { 'underlay-color': PATH, 'underlay-padding': 5, 'underlay-opacity': 0.75, opacity: 1, 'z-index': 20 },
    },
    { selector: 'node.centre', style: { width: 44, height: 44, 'font-weight': 'bold' } },
    {
      selector: 'node:selected',
      style: { 'border-color': HIGHLIGHT, 'border-width': 5, 'border-style': 'solid', 'font-weight': 'bold', 'z-index': 30 },
    },
    {
      selector: 'edge:selected',
      style: { 'underlay-color': '#3D8BFD', 'underlay-padding': 7, 'underlay-opacity': 0.75, opacity: 1, 'z-index': 30 },
    },
    { selector: 'core', style: { 'active-bg-color': HIGHLIGHT, 'active-bg-opacity': 0.12, 'selection-box-color': HIGHLIGHT } },
    // Last: a metric's size or colour wins over kind, faction and centre (analysis-style.ts).
    ...analysisStyleRules(),
  ] as StylesheetJson;
}
