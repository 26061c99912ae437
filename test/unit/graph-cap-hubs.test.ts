import { describe, expect, it } from 'vitest';
import { buildView } from '../../lib/graph/build-view';
import { capHubs, compareTieStrength, HUB_TIE_LIMIT } from '../../lib/graph/cap-hubs';
import type { GraphData, GraphView } from '../../lib/graph/types';
import { actor, id, miniNetwork, tie } from './fixtures/mini-network';

/** A star: a hub with `spokes` ties of rising strength, one spoke tied onwards to a leaf. */
function star(spokes: number): GraphData {
  const nodes = [actor('hub', 'Hub', 'organization', 'belarus-state', ['Hub']), actor('leaf', 'Leaf', 'person', 'other', ['Leaf'])];
  const edges = [tie('s0-leaf', 's0', 'member_of', 'leaf', { strength: 5 })];
  for (let i = 0; i < spokes; i++) {
    nodes.push(actor(`s${i}`, `Spoke ${i}`, 'person', 'other', [`Spoke ${i}`]));
    edges.push(tie(`hub-s${String(i).padStart(2, '0')}`, 'hub', 'leads', `s${i}`, { strength: 1 + (i % 5), grade: i % 2 ? 'C3' : 'A1' }));
  }
  return { nodes, edges };
}

const slugs = (v: GraphView) => v.nodes.map((n) => n.slug).sort();
const view = (g: GraphData, focus: string, hops: number) => buildView(g, { showEnded: true, focus, hops }, '2024-01-01');

describe('compareTieStrength', () => {
  it('puts stronger ties first, then better grades, ungraded last, then tie id', () => {
    const t = (id: string, strength: number, grade: string | null) => ({ id, strength, grade });
    const sorted = [t('e', 3, null), t('d', 3, 'B2'), t('c', 3, 'A6'), t('b', 5, 'F6'), t('a', 3, 'A6')].sort(compareTieStrength);
    expect(sorted.map((x) => x.id)).toEqual(['b', 'a', 'c', 'd', 'e']);
  });
});

describe('capHubs', () => {
  it('leaves a neighbourhood under the limit as buildView cut it', () => {
    const v = buildView(miniNetwork, { showEnded: true, focus: 'lukashenko', hops: 2 }, '2023-01-01');
    const capped = capHubs(v, { focusNodeId: id('lukashenko'), hops: 2 });
    expect(capped).toEqual({ ...v, hidden: [] });
    expect(HUB_TIE_LIMIT).toBeGreaterThanOrEqual(25); // the seed's busiest actor is never capped
  });

  it("shows a focused hub through its strongest ties and counts the rest", () => {
    const capped = capHubs(view(star(12), 'hub', 1), { focusNodeId: id('hub'), hops: 1, limit: 4 });
    // Strength 5 for spokes 4 and 9; strength 4 for 3 and 8 (A1 before C3 breaks no tie here: id does).
    expect(slugs(capped)).toEqual(['hub', 's3', 's4', 's8', 's9']);
    expect(capped.edges.every((e) => e.source === id('hub'))).toBe(true);
    expect(capped.hidden).toEqual([{ nodeId: id('hub'), count: 8 }]);
  });

  it('expands a hub on request', () => {
    const capped = capHubs(view(star(12), 'hub', 1), { focusNodeId: id('hub'), hops: 1, limit: 4, expand: [id('hub')] });
    expect(capped.nodes).toHaveLength(13);
    expect(capped.hidden).toEqual([]);
  });

  it('walks on from the kept ties only, and never caps the outer ring', () => {
    const v = view(star(12), 'leaf', 3);
    const capped = capHubs(v, { focusNodeId: id('leaf'), hops: 3, limit: 3 });
    // leaf → s0 → hub (s0 has 2 ties, under the limit) → the hub's three strongest spokes.
    expect(slugs(capped)).toEqual(['hub', 'leaf', 's0', 's4', 's8', 's9']);
    expect(capped.hidden).toEqual([{ nodeId: id('hub'), count: 8 }]);
    // With a limit of one, s0's strongest tie leads back to leaf: the hub stays behind "+1 more".
    const tight = capHubs(v, { focusNodeId: id('leaf'), hops: 3, limit: 1 });
    expect(slugs(tight)).toEqual(['leaf', 's0']);
    expect(tight.hidden).toEqual([{ nodeId: id('s0'), count: 1 }]);
  });

  it('shows every tie between reached actors, even one a hub did not walk', () => {
    const g = star(6);
    g.edges.push(tie('leaf-hub', 'leaf', 'opposes', 'hub', { strength: 1, grade: null }));
    const capped = capHubs(view(g, 'hub', 1), { focusNodeId: id('hub'), hops: 1, limit: 2 });
    expect(slugs(capped)).toEqual(['hub', 's3', 's4']);
    const fromLeaf = capHubs(view(g, 'leaf', 2), { focusNodeId: id('leaf'), hops: 2, limit: 2 });
    // The hub walks only to s3 and s4, but s0 is reached through leaf, so hub–s0 shows too.
    expect(slugs(fromLeaf)).toEqual(['hub', 'leaf', 's0', 's3', 's4']);
    expect(fromLeaf.edges.map((e) => e.tieId).sort()).toEqual(['hub-s00', 'hub-s03', 'hub-s04', 'leaf-hub', 's0-leaf']);
  });

  it('is empty for an unknown focus', () => {
    expect(capHubs(view(star(3), 'nobody', 1), { focusNodeId: id('nobody'), hops: 1 })).toMatchObject({ nodes: [], edges: [], hidden: [] });
  });
});
