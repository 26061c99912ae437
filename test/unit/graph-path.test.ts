import { describe, expect, it } from 'vitest';
import { filterView } from '../../lib/graph/filter';
import { describePath, shortestPath } from '../../lib/graph/path';
import { sliceAt } from '../../lib/graph/time-slice';
import type { GraphView } from '../../lib/graph/types';
import { actor, cloneMiniNetwork, id, miniNetwork, tie } from './fixtures/mini-network';

const view = sliceAt(miniNetwork, '2023-01-01', true);

describe('shortestPath', () => {
  it('finds the fewest ties, walking against their direction when needed', () => {
    const path = shortestPath(view, id('tsikhanouskaya'), id('gryzlov'));
    // Two routes have three ties (via Putin or via the Russian state); the id order picks Putin.
    expect(path).toEqual({
      nodeIds: [id('tsikhanouskaya'), id('lukashenko'), id('putin'), id('gryzlov')],
      edgeIds: ['tie:tsikhanouskaya-opposes-lukashenko', 'tie:putin-supports-lukashenko', 'tie:gryzlov-associate-of-putin'],
    });
  });

  it('is the same either way round', () => {
    const there = shortestPath(view, id('tertel'), id('putin'));
    const back = shortestPath(view, id('putin'), id('tertel'));
    expect(there?.nodeIds).toEqual([...(back?.nodeIds ?? [])].reverse());
    expect(there?.edgeIds).toHaveLength(2);
  });

  it('routes around ties a filter removed', () => {
    const strong = filterView(view, { minGrade: 'B2' });
    expect(shortestPath(strong, id('tsikhanouskaya'), id('gryzlov'))?.nodeIds).toEqual([
      id('tsikhanouskaya'),
      id('lukashenko'),
      id('putin'),
      id('russia'),
      id('gryzlov'),
    ]);
  });

  it('is a single node from an actor to itself', () => {
    expect(shortestPath(view, id('kgb'), id('kgb'))).toEqual({ nodeIds: [id('kgb')], edgeIds: [] });
  });

  it('is null when an actor is missing or nothing connects them', () => {
    expect(shortestPath(view, id('kgb'), id('nobody'))).toBeNull();
    const hidden = sliceAt(miniNetwork, '2023-01-01', false);
    expect(shortestPath(hidden, id('makei'), id('lukashenko'))).toBeNull();
  });

  it('prefers the current one of two parallel ties', () => {
    const graph = cloneMiniNetwork();
    graph.edges.push(tie('aaa-old-post', 'tertel', 'member_of', 'kgb', { start: { date: '2000-01-01', precision: 'year' }, end: { date: '2010-01-01', precision: 'year' } }));
    const v = sliceAt(graph, '2023-01-01', true);
    expect(shortestPath(v, id('tertel'), id('kgb'))?.edgeIds).toEqual(['tie:tertel-leads-kgb']);
  });

  it('is deterministic whatever the input order', () => {
    const shuffled: GraphView = { ...view, nodes: [...view.nodes].reverse(), edges: [...view.edges].reverse() };
    expect(shortestPath(shuffled, id('tsikhanouskaya'), id('gryzlov'))).toEqual(shortestPath(view, id('tsikhanouskaya'), id('gryzlov')));
  });
});

describe('describePath', () => {
  it('reads each tie in its own direction', () => {
    const path = shortestPath(view, id('tsikhanouskaya'), id('gryzlov'))!;
    expect(describePath(view, path)).toEqual([
      'Sviatlana Tsikhanouskaya opposes Alexander Lukashenko',
      'Vladimir Putin supports Alexander Lukashenko',
      'Boris Gryzlov associate of Vladimir Putin',
    ]);
  });

  it('adds the role, and when a past tie ended', () => {
    const lines = describePath(view, { nodeIds: [], edgeIds: ['tie:gryzlov-represents-russia', 'tie:tertel-leads-kgb', 'tie:vakulchik-leads-kgb', 'tie:makei-leads-mfa'] });
    expect(lines).toEqual([
      'Boris Gryzlov represents Russian state',
      'Ivan Tertel leads KGB (Chairman)',
      'Valery Vakulchik leads KGB (Chairman, until 3 Sep 2020)',
      'Uladzimir Makei leads MFA (Minister of Foreign Affairs, ended)',
    ]);
  });

  it('falls back to the slug for an actor not in the view', () => {
    const graph = cloneMiniNetwork();
    graph.nodes.push(actor('ghost', 'Ghost', 'person', 'other', []));
    graph.edges.push(tie('ghost-ally', 'ghost', 'ally_of', 'putin'));
    const v = sliceAt(graph, '2023-01-01', true);
    const withoutGhost: GraphView = { ...v, nodes: v.nodes.filter((n) => n.slug !== 'ghost') };
    expect(describePath(withoutGhost, { nodeIds: [], edgeIds: ['tie:ghost-ally'] })).toEqual(['ghost ally of Vladimir Putin']);
  });
});
