import { describe, expect, it } from 'vitest';
import { filterView } from '../../lib/graph/filter';
import { sliceAt } from '../../lib/graph/time-slice';
import { id, miniNetwork } from './fixtures/mini-network';

const view = sliceAt(miniNetwork, '2023-01-01', true);
const tieIds = (v: typeof view) => v.edges.map((e) => e.tieId).sort();
const slugs = (v: typeof view) => v.nodes.map((n) => n.slug).sort();

describe('filterView', () => {
  it('changes nothing without constraints, and treats empty lists as none', () => {
    expect(filterView(view, {})).toEqual(view);
    expect(filterView(view, { kinds: [], factions: [], types: [] })).toEqual(view);
  });

  it('keeps only chosen kinds, with the ties among them', () => {
    const people = filterView(view, { kinds: ['person'] });
    expect(people.nodes.every((n) => n.kind === 'person')).toBe(true);
    expect(tieIds(people)).toEqual([
      'gryzlov-associate-of-putin',
      'makei-appointed-by-lukashenko',
      'putin-supports-lukashenko',
      'tertel-appointed-by-lukashenko',
      'tsikhanouskaya-opposes-lukashenko',
      'vakulchik-appointed-by-lukashenko',
    ]);
  });

  it('keeps only chosen factions', () => {
    const russia = filterView(view, { factions: ['russia-state'] });
    expect(slugs(russia)).toEqual(['gryzlov', 'putin', 'russia']);
    expect(tieIds(russia)).toEqual(['gryzlov-associate-of-putin', 'gryzlov-represents-russia', 'putin-leads-russia']);
  });

  it('keeps actors that lose all their ties', () => {
    const onlyLeads = filterView(view, { types: ['leads'] });
    expect(onlyLeads.nodes).toHaveLength(view.nodes.length);
    expect(onlyLeads.edges.every((e) => e.type === 'leads')).toBe(true);
    expect(onlyLeads.nodes.some((n) => n.slug === 'gryzlov')).toBe(true);
  });

  it('drops ties below the minimum grade, and ungraded ones', () => {
    const strong = filterView(view, { minGrade: 'B2' });
    expect(tieIds(strong)).not.toContain('russia-influences-lukashenko'); // C3
    expect(tieIds(strong)).not.toContain('gryzlov-associate-of-putin'); // ungraded
    expect(tieIds(strong)).toContain('vakulchik-leads-kgb'); // B2, at the line
    expect(tieIds(strong)).toContain('tertel-leads-kgb'); // A1
    const onlyA = filterView(view, { minGrade: 'A6' });
    expect(onlyA.edges.every((e) => e.grade?.startsWith('A'))).toBe(true);
    expect(tieIds(onlyA)).toContain('makei-appointed-by-lukashenko'); // A2
  });

  it('combines constraints', () => {
    const v = filterView(view, { kinds: ['person', 'organization'], factions: ['belarus-state'], types: ['leads'], minGrade: 'A1' });
    expect(tieIds(v)).toEqual(['makei-leads-mfa', 'tertel-leads-kgb']);
  });

  it('keeps named nodes whatever their kind', () => {
    const v = filterView(view, { kinds: ['organization'] }, { keepNodeIds: [id('lukashenko')] });
    expect(slugs(v)).toEqual(['kgb', 'lukashenko', 'mfa']);
    expect(tieIds(v)).toEqual(['kgb-reports-to-lukashenko']);
  });
});
