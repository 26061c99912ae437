// Nesting in a large network's overview (lib/graph/nesting-overview.ts): the open group's members
// nest among themselves, a collapsed institution's counted lines to other groups take in its
// units' counts (the counts still add up), and the groups and their lines never change.
import { describe, expect, it } from 'vitest';
import { nestingParents } from '../../lib/graph/nesting';
import { nestOverview } from '../../lib/graph/nesting-overview';
import { overviewOf } from '../../lib/graph/overview';
import { overviewElements, type AggregateEdgeData } from '../../lib/graph/overview-elements';
import type { ActorKind, Faction, TieType } from '../../lib/domain/vocabulary';
import type { GraphView, ViewEdge, ViewNode } from '../../lib/graph/types';

function node(slug: string, kind: ActorKind = 'organization', faction: Faction = 'belarus-state'): ViewNode {
  return { id: `actor:${slug}`, slug, label: slug, kind, faction, summary: '', start: null, end: null, names: [slug], x: 0, y: 0, ended: false };
}
function tie(tieId: string, source: string, target: string, type: TieType = 'subordinate_to'): ViewEdge {
  return {
    id: `tie:${tieId}`, tieId, source: `actor:${source}`, target: `actor:${target}`, type, category: 'hierarchy',
    role: '', start: null, end: null, strength: 3, grade: 'B2', disputed: false, claimCount: 1, noteCount: 0, past: false,
  } as ViewEdge;
}

// The open group (Belarusian state organisations): mvd ⊃ gubopik; mvd ⊃ troops; kgb alone.
// Other groups: opposition people (a, b), Russian state organisations (fsb).
const nodes = [node('mvd'), node('gubopik'), node('troops'), node('kgb'), node('a', 'person', 'belarus-opposition'), node('b', 'person', 'belarus-opposition'), node('fsb', 'organization', 'russia-state')];
const edges = [
  tie('s1', 'gubopik', 'mvd'), tie('s2', 'troops', 'mvd'),
  tie('h1', 'gubopik', 'a', 'opposes'), tie('h2', 'gubopik', 'b', 'opposes'), tie('h3', 'troops', 'a', 'opposes'), tie('h4', 'mvd', 'a', 'opposes'),
  tie('h5', 'kgb', 'b', 'opposes'), tie('f1', 'fsb', 'kgb', 'ally_of'), tie('f2', 'a', 'fsb', 'opposes'),
];
const whole: GraphView = { asOf: '2021-01-01', nodes, edges };
const { overview, members } = overviewOf(whole, 'belarus-state:organization', 400);
const plain = overviewElements(overview, members);
const parents = nestingParents(members);
const memberLines = (els: { edges: { data: unknown }[] }) =>
  els.edges.map((e) => e.data as AggregateEdgeData).filter((d) => d.aggregate && d.member).map((d) => [d.source, d.target, d.count] as const);
const total = (lines: readonly (readonly [string, string, number])[]) => lines.reduce((n, l) => n + l[2], 0);

describe('nestOverview', () => {
  it('nests the open group’s members among themselves, expanded, and leaves the groups and counts as they were', () => {
    expect(parents.get('actor:gubopik')).toBe('actor:mvd');
    const out = nestOverview(plain, parents, new Set());
    const byId = new Map(out.elements.nodes.map((n) => [n.data.id, n.data as { parent?: string; compound?: boolean }]));
    expect(byId.get('actor:gubopik')?.parent).toBe('actor:mvd');
    expect(byId.get('actor:mvd')?.compound).toBe(true);
    expect(byId.has('group:belarus-opposition:person')).toBe(true);
    expect(memberLines(out.elements).sort()).toEqual(memberLines(plain).sort());
    expect(out.nested.nodes.every((n) => !n.data.id.startsWith('group:'))).toBe(true);
  });

  it('collapsed: the units leave, their lines to other groups add onto the institution’s, and the counts still add up', () => {
    const out = nestOverview(plain, parents, new Set(['actor:mvd']));
    const ids = out.elements.nodes.map((n) => n.data.id);
    expect(ids).not.toContain('actor:gubopik');
    expect(ids).not.toContain('actor:troops');
    const lines = memberLines(out.elements);
    // mvd's own tie to a, gubopik's two and troops' one: four ties to the opposition people.
    expect(lines).toContainEqual(['actor:mvd', 'group:belarus-opposition:person', 4]);
    expect(lines.filter((l) => l[0] === 'actor:mvd')).toHaveLength(1);
    expect(total(lines)).toBe(total(memberLines(plain)));
    const line = out.elements.edges.find((e) => e.data.source === 'actor:mvd' && e.data.target === 'group:belarus-opposition:person')!.data as AggregateEdgeData;
    expect(line).toMatchObject({ countLabel: '4', id: 'member:actor:mvd|belarus-opposition:person' });
    // Lines between groups are not members' and never change.
    const groupLines = (els: { edges: { data: unknown }[] }) => els.edges.map((e) => e.data as AggregateEdgeData).filter((d) => d.aggregate && !d.member);
    expect(groupLines(out.elements)).toEqual(groupLines(plain));
    // The kgb, not nested, keeps its lines as the same objects.
    const kgb = (els: typeof plain | typeof out.elements) => els.edges.filter((e) => e.data.source === 'actor:kgb');
    expect(kgb(out.elements)[0]).toBe(kgb(plain)[0]);
  });
});
