// The map's institution nesting at scale: nestingParents + collapseNesting on the large generated
// network's view, beside an anchor measured in the same run, in turns: building the plain Cytoscape
// elements (toCytoscapeElements) of the same view, which every draw of the map already pays. Goal ≤ 1.2×.
//   node --import tsx bench/nesting-bench.ts [--actors 20000 --ties 100000] [--rounds 20] [--as-of 2021-01-01] [--collapse 50] [--open-limit 400]
//
// The view is the whole generated network sliced on the day (sliceAt with ended ties shown), larger
// than any one view the map draws on a network this size, so the figure is an upper bound. Three
// figures: nesting with every parent expanded; with the --collapse parents that have the most
// children collapsed (their descendants' ties aggregated); and with every parent collapsed.
// Then the overview the map opens on at this size: the group whose drawn members (the 400 most tied,
// as GET /api/graph/map sends them) nest the most, nested and collapsed by nestOverview, against
// building that overview's plain elements (overviewElements).
import { actorNodeId } from '../lib/graph/build-view';
import { collapseNesting } from '../lib/graph/collapse-nesting';
import { toCytoscapeElements } from '../lib/graph/cytoscape-elements';
import { nestingChildren, nestingParents } from '../lib/graph/nesting';
import { nestOverview } from '../lib/graph/nesting-overview';
import { groupKey, overviewOf } from '../lib/graph/overview';
import { overviewElements } from '../lib/graph/overview-elements';
import { sliceAt } from '../lib/graph/time-slice';
import type { GraphData, GraphEdge, GraphNode } from '../lib/graph/types';
import { TIE_TYPE_INFO } from '../lib/domain/vocabulary';
import { cliArg } from './cli-arg';
import { generateNetwork } from './generate-network';
import { interleaved, ms, ratio } from './interleaved';

const ACTORS = Number(cliArg('actors', '20000'));
const TIES = Number(cliArg('ties', '100000'));
const ROUNDS = Number(cliArg('rounds', '20'));
const AS_OF = cliArg('as-of', '2021-01-01');
const COLLAPSE = Number(cliArg('collapse', '50'));
/** lib/data/network/load-overview.ts's OPEN_GROUP_LIMIT (not imported: that module is server-only). */
const OPEN_GROUP_LIMIT = Number(cliArg('open-limit', '400'));

/** The generated import document as the graph the map's payload decodes to. */
function graphOf(): GraphData {
  const doc = generateNetwork(ACTORS, TIES);
  const reliability = new Map(doc.sources.map((s) => [s.id, s.reliability]));
  const nodes: GraphNode[] = doc.actors.map((a) => ({
    id: actorNodeId(a.slug), slug: a.slug, label: a.name, kind: a.kind, faction: a.faction ?? 'other', summary: '',
    start: null, end: null, names: [a.name], x: null, y: null,
  }));
  const edges: GraphEdge[] = doc.ties.map((t) => {
    const claim = t.claims?.[0];
    return {
      id: `tie:${t.id}`, tieId: t.id!, source: actorNodeId(t.source), target: actorNodeId(t.target), type: t.type,
      category: TIE_TYPE_INFO[t.type].category, role: '', start: t.start ?? null, end: t.end ?? null, strength: t.strength ?? 3,
      grade: claim ? `${reliability.get(claim.source)}${claim.credibility}` : null, disputed: false, claimCount: 1, noteCount: 0,
    } as GraphEdge;
  });
  return { nodes, edges };
}

const graph = graphOf();
const view = sliceAt(graph, AS_OF, true);
const elements = toCytoscapeElements(view);
const parents = nestingParents(view);
const children = nestingChildren(parents);
const biggest = [...children].sort((a, b) => b[1].length - a[1].length).slice(0, COLLAPSE).map(([id]) => id);
const some = new Set(biggest);
const all = new Set(children.keys());

console.log(`view on ${AS_OF}: ${view.nodes.length} actors, ${view.edges.length} ties; ${parents.size} nested children under ${children.size} parents`);
for (const [name, collapsed] of [['expanded', new Set<string>()], [`${some.size} collapsed`, some], [`all ${all.size} collapsed`, all]] as const) {
  const out = collapseNesting(elements, parents, collapsed);
  const [transform, anchor] = await interleaved(
    ROUNDS,
    () => collapseNesting(elements, nestingParents(view), collapsed),
    () => toCytoscapeElements(view),
  );
  console.log(`nesting + collapse, ${name} (${out.nodes.length} nodes, ${out.edges.length} edges drawn): ${ms(transform)}`);
  console.log(`  anchor toCytoscapeElements: ${ms(anchor)}`);
  console.log(`  ratio: ${ratio(transform, anchor)}  (goal ≤ 1.2×)`);
}

// The overview: the group where most nesting happens inside the group.
const keyOf = new Map(view.nodes.map((n) => [n.id, groupKey(n.faction, n.kind)]));
const inGroup = new Map<string, number>();
for (const [child, parent] of parents) if (keyOf.get(child) === keyOf.get(parent)) inGroup.set(keyOf.get(child)!, (inGroup.get(keyOf.get(child)!) ?? 0) + 1);
const openKey = [...inGroup].sort((a, b) => b[1] - a[1])[0]![0];
const { overview, members } = overviewOf(view, openKey, OPEN_GROUP_LIMIT);
const plain = overviewElements(overview, members);
const memberParents = nestingParents(members);
const memberChildren = nestingChildren(memberParents);
console.log(`overview, ${openKey} open: ${members.nodes.length} members drawn (${overview.omitted} omitted), ${members.edges.length} ties among them, ${overview.memberTies.length} counted lines; ${memberParents.size} nested under ${memberChildren.size} parents`);
for (const [name, collapsed] of [['expanded', new Set<string>()], [`all ${memberChildren.size} collapsed`, new Set(memberChildren.keys())]] as const) {
  const out = nestOverview(plain, memberParents, collapsed);
  const [transform, anchor] = await interleaved(
    ROUNDS * 10,
    () => nestOverview(overviewElements(overview, members), nestingParents(members), collapsed),
    () => overviewElements(overview, members),
  );
  console.log(`overview nesting, ${name} (${out.elements.nodes.length} nodes, ${out.elements.edges.length} edges drawn): ${ms(transform)}`);
  console.log(`  anchor overviewElements: ${ms(anchor)}`);
  console.log(`  ratio: ${ratio(transform, anchor)}  (overviewElements + nesting, against overviewElements alone)`);
}
