// The stylesheet's mapping from data to look, read back through a headless Cytoscape with styles.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import {
  FACTION_COLOURS,
  KIND_SHAPES,
  STRENGTH_WIDTH,
  TIE_CATEGORY_LOOKS,
  WEAK_TIE_OPACITY,
  graphStylesheet,
  strengthWidth,
  tieArrow,
} from '../../components/graph/graph-style';
import { syncElements } from '../../components/graph/sync-elements';
import { ACTOR_KINDS, FACTIONS, TIE_CATEGORIES } from '../../lib/domain/vocabulary';
import { buildView } from '../../lib/graph/build-view';
import { toCytoscapeElements } from '../../lib/graph/cytoscape-elements';
import { miniNetwork, tie } from './fixtures/mini-network';

function styled(asOf = '2023-01-01') {
  const graph = structuredClone(miniNetwork);
  graph.edges.push(tie('weak-rumour', 'gryzlov', 'influences', 'lukashenko', { grade: 'D4', strength: 5 }));
  graph.edges.push(tie('strong-rivalry', 'putin', 'rival_of', 'gryzlov', { grade: 'B2', strength: 1 }));
  const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStylesheet(), layout: { name: 'preset' } });
  syncElements(cy, toCytoscapeElements(buildView(graph, { showEnded: true, hops: 1 }, asOf)));
  return cy;
}

const rgb = (hex: string) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255})`;
};

describe('graph stylesheet', () => {
  const cy = styled();

  it('shapes actors by kind and colours them by faction', () => {
    expect(cy.$id('actor:lukashenko').style('shape')).toBe(KIND_SHAPES.person);
    expect(cy.$id('actor:kgb').style('shape')).toBe(KIND_SHAPES.organization);
    expect(cy.$id('actor:russia').style('shape')).toBe(KIND_SHAPES.state);
    expect(cy.$id('actor:united-transitional-cabinet').style('shape')).toBe(KIND_SHAPES.group);
    expect(cy.$id('actor:lukashenko').style('background-color')).toBe(rgb(FACTION_COLOURS['belarus-state']));
    expect(cy.$id('actor:gryzlov').style('background-color')).toBe(rgb(FACTION_COLOURS['russia-state']));
    expect(cy.$id('actor:tsikhanouskaya').style('background-color')).toBe(rgb(FACTION_COLOURS['belarus-opposition']));
  });

  it('marks dead actors', () => {
    expect(cy.$id('actor:makei').style('border-style')).toBe('dashed');
    expect(cy.$id('actor:makei').data('displayLabel')).toBe('Uladzimir Makei †');
    expect(cy.$id('actor:lukashenko').style('border-style')).toBe('solid');
  });

  it('draws hierarchy as arrows toward the superior and hostile ties warm', () => {
    const appointed = cy.$id('tie:tertel-appointed-by-lukashenko');
    expect(appointed.style('target-arrow-shape')).toBe('triangle');
    expect(appointed.target().id()).toBe('actor:lukashenko');
    const opposes = cy.$id('tie:tsikhanouskaya-opposes-lukashenko');
    expect(opposes.style('line-color')).toBe(rgb(TIE_CATEGORY_LOOKS.hostile.colour));
    const [r, g, b] = opposes.style('line-color').match(/\d+/g)!.map(Number);
    expect(r!).toBeGreaterThan(b! + 80); // warm: red well above blue
    expect(g!).toBeLessThan(r!);
  });

  it('keeps support and alliance apart, and symmetric ties arrowless', () => {
    expect(TIE_CATEGORY_LOOKS.support.colour).not.toBe(TIE_CATEGORY_LOOKS.alliance.colour);
    expect(TIE_CATEGORY_LOOKS.support.arrow).not.toBe(TIE_CATEGORY_LOOKS.alliance.arrow);
    expect(cy.$id('tie:putin-supports-lukashenko').style('target-arrow-shape')).toBe('vee');
    expect(cy.$id('tie:strong-rivalry').style('target-arrow-shape')).toBe('none');
    expect(tieArrow('rival_of')).toBe('none');
    expect(tieArrow('opposes')).toBe('tee');
  });

  it('widens strong ties, dashes past ones and fades weakly graded ones', () => {
    expect(parseFloat(cy.$id('tie:weak-rumour').style('width'))).toBeCloseTo(STRENGTH_WIDTH.max);
    expect(parseFloat(cy.$id('tie:strong-rivalry').style('width'))).toBeCloseTo(STRENGTH_WIDTH.min);
    expect(strengthWidth(3)).toBeCloseTo((STRENGTH_WIDTH.min + STRENGTH_WIDTH.max) / 2);
    expect(cy.$id('tie:makei-leads-mfa').style('line-style')).toBe('dashed');
    expect(cy.$id('tie:tertel-leads-kgb').style('line-style')).toBe('solid');
    expect(Number(cy.$id('tie:weak-rumour').style('opacity'))).toBeCloseTo(WEAK_TIE_OPACITY);
    expect(Number(cy.$id('tie:gryzlov-associate-of-putin').style('opacity'))).toBeCloseTo(WEAK_TIE_OPACITY);
    expect(Number(cy.$id('tie:tertel-leads-kgb').style('opacity'))).toBeGreaterThan(0.8);
  });

  it('hides labels at low zoom', () => {
    expect(cy.$id('actor:lukashenko').style('min-zoomed-font-size')).not.toBe('0px');
  });

  it('has a look for every kind, faction and tie category, which the legend draws from', () => {
    for (const kind of ACTOR_KINDS) expect(KIND_SHAPES[kind]).toBeTruthy();
    for (const faction of FACTIONS) expect(FACTION_COLOURS[faction]).toMatch(/^#[0-9A-F]{6}$/i);
    for (const category of TIE_CATEGORIES) expect(TIE_CATEGORY_LOOKS[category].meaning).toBeTruthy();
    expect(new Set(Object.values(TIE_CATEGORY_LOOKS).map((l) => l.colour)).size).toBe(TIE_CATEGORIES.length);
  });
});
