// Nesting in a large network's overview (lib/graph/overview-elements.ts): the open group's drawn
// members nest among themselves exactly as on the map (collapseNesting), and a collapsed
// institution's counted lines to the other groups take in its hidden units' counts, so the lines
// still add up to every tie of the members drawn. The groups on the ring and their lines to each
// other do not nest: a group is a faction and a kind, not an institution.
import { collapseNesting, drawnAs, type NestedEdgeData, type NestedElements, type NestedNodeData } from './collapse-nesting';
import type { CytoscapeElements, EdgeElementData, NodeElementData } from './cytoscape-elements';
import type { NestingParents } from './nesting';
import { countWidth, type AggregateEdgeData, type GroupNodeData, type OverviewElements } from './overview-elements';

export interface NestedOverview {
  /** What the overview's canvas draws: the groups, the nested members, the counted lines. */
  elements: { nodes: { data: GroupNodeData | NestedNodeData; position?: { x: number; y: number } }[]; edges: { data: AggregateEdgeData | NestedEdgeData }[] };
  /** The members' part alone, as the map's details panel reads nesting (merged ties included). */
  nested: NestedElements;
}

const isGroup = (data: GroupNodeData | NodeElementData): data is GroupNodeData => 'group' in data && data.group === true;
const isCount = (data: AggregateEdgeData | EdgeElementData): data is AggregateEdgeData => 'count' in data && data.aggregate === true;

export function nestOverview(elements: OverviewElements, parents: NestingParents, collapsed: ReadonlySet<string>): NestedOverview {
  const groups: OverviewElements['nodes'] = [];
  const members: CytoscapeElements = { nodes: [], edges: [] };
  for (const node of elements.nodes) {
    if (isGroup(node.data)) groups.push(node);
    else members.nodes.push(node as CytoscapeElements['nodes'][number]);
  }
  const counts: { data: AggregateEdgeData }[] = [];
  for (const edge of elements.edges) {
    if (isCount(edge.data)) counts.push(edge as { data: AggregateEdgeData });
    else members.edges.push({ data: edge.data });
  }
  const nested = collapseNesting(members, parents, collapsed);

  const present = new Set(members.nodes.map((n) => n.data.id));
  const shownAs = drawnAs(present, parents, collapsed);
  // One line per drawn member and group: a hidden unit's line adds onto its institution's (one
  // new line per institution and group). Every other line passes through as the same object, and
  // only the hidden units' lines and the institutions' own build a key.
  const sums = new Map<string, { edge: { data: AggregateEdgeData }; source: string; count: number }>();
  const hiders = new Set<string>();
  const hidden = new Set<string>();
  // Nothing is hidden unless a drawn parent is collapsed: the expanded overview skips the lines' pass.
  if ([...collapsed].some((id) => shownAs.parents.has(id))) for (const node of members.nodes) if (shownAs(node.data.id) !== node.data.id) hidden.add(node.data.id);
  for (const edge of hidden.size ? counts : []) {
    const e = edge.data;
    if (!e.member || !hidden.has(e.source)) continue;
    const source = shownAs(e.source);
    hiders.add(source);
    const key = `${source}|${e.target}`;
    const sum = sums.get(key);
    if (sum) sum.count += e.count;
    else sums.set(key, { edge, source, count: e.count });
  }
  if (sums.size === 0) return { elements: { nodes: [...groups, ...nested.nodes], edges: [...nested.edges, ...counts] }, nested };
  const out: { data: AggregateEdgeData }[] = [];
  for (const edge of counts) {
    const e = edge.data;
    if (e.member && (hiders.has(e.source) || hidden.has(e.source))) {
      // An institution's own line joins its units' sum; a hidden unit's was counted above.
      if (!hidden.has(e.source)) {
        const sum = sums.get(`${e.source}|${e.target}`);
        if (sum) {
          sum.count += e.count;
          continue;
        }
        out.push(edge);
      }
      continue;
    }
    out.push(edge);
  }
  for (const { edge, source, count } of sums.values()) {
    const group = edge.data.target.slice('group:'.length);
    out.push({ data: { ...edge.data, id: `member:${source}|${group}`, source, count, countLabel: count.toLocaleString('en-GB'), width: countWidth(count) } });
  }
  return { elements: { nodes: [...groups, ...nested.nodes], edges: [...nested.edges, ...out] }, nested };
}
