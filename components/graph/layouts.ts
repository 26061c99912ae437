// The map's four layouts. "Force" is the fcose layout computed once on the server and stored
// (lib/data/layout), so choosing it animates back to those positions instead of running a fresh
// simulation; fcose runs in the browser only when positions were never computed. The grouping
// geometry (circle arcs by faction and kind, connected parts, packing) is pure, in
// lib/graph/layout-grouping.ts; this file only reads the instance and runs Cytoscape layouts.
import type { Core, LayoutOptions, NodeSingular, Position } from 'cytoscape';
import type { TieType } from '@/lib/domain/vocabulary';
import { circleByFactionAndKind, compareByFactionThenKind, connectedComponents, packInRows, type GroupedItem } from '@/lib/graph/layout-grouping';
import type { GraphLayout } from '@/lib/validation/graph-queries';
import { cytoscape } from './cytoscape-setup';

export const LAYOUT_LABELS: Record<GraphLayout, string> = {
  force: 'Force-directed',
  hierarchy: 'Hierarchy (chains of command)',
  concentric: 'Concentric (most tied, or the chosen metric, in the middle)',
  circle: 'Circle (by faction, then kind)',
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
 * all point from superior to subordinate, one connected part at a time, the parts packed in rows.
 * Actors outside every chain of command go in a grid below, so they neither widen the top rank
 * nor vanish.
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
  // Each connected chain of command is ranked on its own and the parts are packed in rows, so a
  // whole network reads as a set of trees rather than one strip as wide as all of them together.
  const parts = connectedComponents([...ranked], edges.map((e) => e.data));
  const boxes: { id: string; width: number; height: number }[] = [];
  const inPart: Map<string, Position>[] = [];
  parts.forEach((ids, i) => {
    const wanted = new Set(ids);
    const members = headless.nodes().filter((n) => wanted.has(n.id()));
    const part = members.union(members.connectedEdges());
    part.layout({ name: 'dagre', rankDir: 'TB', nodeSep: 12, rankSep: 70, edgeSep: 8, animate: false, fit: false } as LayoutOptions).run();
    const box = members.boundingBox({ includeLabels: false });
    const relative = new Map<string, Position>();
    members.forEach((node) => {
      const p = node.position();
      relative.set(node.id(), { x: p.x - box.x1, y: p.y - box.y1 });
    });
    inPart.push(relative);
    boxes.push({ id: String(i), width: box.w, height: box.h });
  });
  headless.destroy();
  const corners = packInRows(boxes, 100);
  const positions = new Map<string, Position>();
  let bottom = 0;
  let right = 0;
  inPart.forEach((relative, i) => {
    const corner = corners.get(String(i))!;
    for (const [id, p] of relative) {
      const at = { x: corner.x + p.x, y: corner.y + p.y };
      positions.set(id, at);
      bottom = Math.max(bottom, at.y);
      right = Math.max(right, at.x);
    }
  });

  // Actors outside every chain of command: a grid below, by faction then kind.
  const loose = nodes.filter((n) => !ranked.has(n.id())).map(groupedItem).sort(compareByFactionThenKind);
  const width = positions.size > 0 ? right : 800;
  const perRow = Math.max(4, Math.floor(width / 130) + 1);
  const top = positions.size > 0 ? bottom + 140 : 0;
  loose.forEach((item, i) => {
    positions.set(item.id, { x: (i % perRow) * 130, y: top + Math.floor(i / perRow) * 80 });
  });
  return positions;
}

function groupedItem(node: NodeSingular): GroupedItem {
  return { id: node.id(), faction: node.data('faction'), kind: node.data('kind'), label: String(node.data('label') ?? '') };
}

/** Positions for "Circle by faction": each faction an arc, its kinds together within it. */
export function circlePositions(cy: Core): Map<string, Position> {
  return circleByFactionAndKind(cy.nodes().map(groupedItem), { spacing: 56 });
}

export interface RunLayoutOptions {
  animate: boolean;
  /** Stored force-layout positions by node id. */
  stored: ReadonlyMap<string, Position>;
  /** Concentric only: a metric's value by node id, highest in the middle (absent: each actor's ties). */
  centrality?: ReadonlyMap<string, number>;
}

/**
 * The layout a freshly drawn map starts with, at once: none for "force" when most actors have
 * stored positions (they are already in place), else the chosen layout without animation.
 */
export function runFirstLayout(cy: Core, layout: GraphLayout, stored: ReadonlyMap<string, Position>, centrality?: ReadonlyMap<string, number>): Promise<void> {
  const known = cy.nodes().filter((n) => stored.has(n.id())).length;
  if (layout === 'force' && known * 2 >= cy.nodes().length) return Promise.resolve();
  return runLayout(cy, layout, { animate: false, stored, centrality });
}

/** Runs a layout on the whole instance and resolves when it (and its animation) is done. */
export function runLayout(cy: Core, layout: GraphLayout, { animate, stored, centrality }: RunLayoutOptions): Promise<void> {
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
    case 'concentric': {
      if (centrality && centrality.size > 0) {
        // Five rings over the metric's range ("PageRank in the middle").
        const values = [...centrality.values()];
        const spread = Math.max(...values) - Math.min(...values);
        options = {
          name: 'concentric',
          concentric: (node: NodeSingular) => centrality.get(node.id()) ?? 0,
          levelWidth: () => (spread > 0 ? spread / 5 : 1),
          minNodeSpacing: 36,
          ...animation,
        } as LayoutOptions;
        break;
      }
      options = {
        name: 'concentric',
        concentric: (node: NodeSingular) => node.degree(false),
        levelWidth: (nodes) => Math.max(1, nodes.maxDegree(false) / 5),
        minNodeSpacing: 36,
        ...animation,
      } as LayoutOptions;
      break;
    }
    case 'circle': {
      const positions = circlePositions(cy);
      options = { name: 'preset', positions: (node: NodeSingular) => positions.get(node.id()) ?? node.position(), ...animation } as LayoutOptions;
      break;
    }
  }
  const running = cy.layout(options);
  const done = new Promise<void>((resolve) => running.one('layoutstop', () => resolve()));
  running.run();
  return done;
}
