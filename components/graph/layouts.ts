// The map's four layouts. "Force" is the fcose layout computed once on the server and stored
// (lib/data/layout), so choosing it animates back to those positions instead of running a fresh
// simulation; fcose runs in the browser only when positions were never computed.
import type { Core, LayoutOptions, NodeSingular, Position } from 'cytoscape';
import { FACTIONS, type TieType } from '@/lib/domain/vocabulary';
import type { GraphLayout } from '@/lib/validation/graph-queries';
import { cytoscape } from './cytoscape-setup';

export const LAYOUT_LABELS: Record<GraphLayout, string> = {
  force: 'Force-directed',
  hierarchy: 'Hierarchy (chains of command)',
  concentric: 'Concentric (most tied in the middle)',
  circle: 'Circle (by faction)',
};

export const LAYOUT_ANIMATION_MS = 600;
const PADDING = 40;

/**
 * Which way each tie runs down a chain of command: 'down' means source above target (Tertel
 * leads the KGB), 'up' means target above source (the KGB reports to Lukashenko). Ties that say
 * nothing about rank (support, hostility, family) are left out of the hierarchy layout.
 */
const HIERARCHY_DIRECTION: Partial<Record<TieType, 'down' | 'up'>> = {
  leads: 'down',
  owns: 'down',
  subordinate_to: 'up',
  appointed_by: 'up',
  holds_position: 'up',
  member_of: 'up',
  represents: 'up',
};

export function hierarchyDirection(type: TieType): 'down' | 'up' | null {
  return HIERARCHY_DIRECTION[type] ?? null;
}

/**
 * Positions for the hierarchy layout: dagre, top to bottom, run on a headless copy whose edges
 * all point from superior to subordinate. Actors outside every chain of command go in a grid
 * below, so they neither widen the top rank nor vanish.
 */
export function hierarchyPositions(cy: Core): Map<string, Position> {
  const nodes = cy.nodes();
  const edges: { data: { id: string; source: string; target: string } }[] = [];
  const ranked = new Set<string>();
  // Past ties count (an appointment is over the day it is made, yet says who ranks above whom),
  // except where a current tie joins the same two actors: Tertel once held a post in the KGB
  // and now leads it, and only the second should decide which of them is drawn higher.
  const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const currentPairs = new Set<string>();
  cy.edges().forEach((edge) => {
    if (hierarchyDirection(edge.data('type') as TieType) && !edge.data('past')) currentPairs.add(pairKey(edge.source().id(), edge.target().id()));
  });
  cy.edges().forEach((edge) => {
    const direction = hierarchyDirection(edge.data('type') as TieType);
    if (!direction) return;
    if (edge.data('past') && currentPairs.has(pairKey(edge.source().id(), edge.target().id()))) return;
    const [top, bottom] = direction === 'down' ? [edge.source().id(), edge.target().id()] : [edge.target().id(), edge.source().id()];
    edges.push({ data: { id: edge.id(), source: top, target: bottom } });
    ranked.add(top).add(bottom);
  });
  const headless = cytoscape({
    headless: true,
    styleEnabled: true,
    // Room for the label under each node, so dagre spaces them apart.
    style: [{ selector: 'node', style: { width: 120, height: 56 } }],
    layout: { name: 'preset' },
    elements: [...nodes.filter((n) => ranked.has(n.id())).map((n) => ({ data: { id: n.id() } })), ...edges],
  });
  headless.layout({ name: 'dagre', rankDir: 'TB', nodeSep: 12, rankSep: 70, edgeSep: 8, animate: false, fit: false } as LayoutOptions).run();
  const positions = new Map<string, Position>();
  let bottom = 0;
  let left = Infinity;
  let right = -Infinity;
  headless.nodes().forEach((node) => {
    const p = node.position();
    positions.set(node.id(), { x: p.x, y: p.y });
    bottom = Math.max(bottom, p.y);
    left = Math.min(left, p.x);
    right = Math.max(right, p.x);
  });
  headless.destroy();

  const loose = nodes.filter((n) => !ranked.has(n.id())).sort(byFactionThenLabel);
  if (!Number.isFinite(left)) {
    left = 0;
    right = 800;
  }
  const perRow = Math.max(4, Math.floor((right - left) / 130) + 1);
  loose.forEach((node, i) => {
    positions.set(node.id(), { x: left + (i % perRow) * 130, y: bottom + 140 + Math.floor(i / perRow) * 80 });
  });
  return positions;
}

function byFactionThenLabel(a: NodeSingular, b: NodeSingular): number {
  const fa = FACTIONS.indexOf(a.data('faction'));
  const fb = FACTIONS.indexOf(b.data('faction'));
  if (fa !== fb) return fa - fb;
  const la = String(a.data('label'));
  const lb = String(b.data('label'));
  return la < lb ? -1 : la > lb ? 1 : 0;
}

export interface RunLayoutOptions {
  animate: boolean;
  /** Stored force-layout positions by node id. */
  stored: ReadonlyMap<string, Position>;
}

/**
 * The layout a freshly drawn map starts with, at once: none for "force" when most actors have
 * stored positions (they are already in place), else the chosen layout without animation.
 */
export function runFirstLayout(cy: Core, layout: GraphLayout, stored: ReadonlyMap<string, Position>): Promise<void> {
  const known = cy.nodes().filter((n) => stored.has(n.id())).length;
  if (layout === 'force' && known * 2 >= cy.nodes().length) return Promise.resolve();
  return runLayout(cy, layout, { animate: false, stored });
}

/** Runs a layout on the whole instance and resolves when it (and its animation) is done. */
export function runLayout(cy: Core, layout: GraphLayout, { animate, stored }: RunLayoutOptions): Promise<void> {
  if (cy.nodes().empty()) return Promise.resolve();
  const animation = { animate, animationDuration: LAYOUT_ANIMATION_MS, animationEasing: 'ease-in-out-cubic' as const, fit: true, padding: PADDING };
  let options: LayoutOptions;
  switch (layout) {
    case 'force': {
      const known = cy.nodes().filter((n) => stored.has(n.id())).length;
      if (known * 2 >= cy.nodes().length) {
        options = { name: 'preset', positions: (node: NodeSingular) => stored.get(node.id()) ?? node.position(), ...animation } as LayoutOptions;
      } else {
        options = {
          name: 'fcose',
          quality: cy.nodes().length > 1000 ? 'draft' : 'default',
          randomize: true,
          nodeRepulsion: () => 8000,
          idealEdgeLength: () => 90,
          ...animation,
        } as LayoutOptions;
      }
      break;
    }
    case 'hierarchy': {
      const positions = hierarchyPositions(cy);
      options = { name: 'preset', positions: (node: NodeSingular) => positions.get(node.id()) ?? node.position(), ...animation } as LayoutOptions;
      break;
    }
    case 'concentric':
      options = {
        name: 'concentric',
        concentric: (node: NodeSingular) => node.degree(false),
        levelWidth: (nodes) => Math.max(1, nodes.maxDegree(false) / 5),
        minNodeSpacing: 36,
        ...animation,
      } as LayoutOptions;
      break;
    case 'circle':
      options = { name: 'circle', sort: byFactionThenLabel, ...animation } as LayoutOptions;
      break;
  }
  const running = cy.layout(options);
  const done = new Promise<void>((resolve) => running.one('layoutstop', () => resolve()));
  running.run();
  return done;
}
