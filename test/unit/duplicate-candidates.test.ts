// Scoring pairs of actors as duplicates: names in any script and scheme, acronyms, shared ties,
// posts and dates; and never a candidate on a name alone.
import { describe, expect, it } from 'vitest';
import { acronymOf, scorePair, significantWords, type CandidateActor, type CandidateTie } from '../../lib/graph/duplicate-candidates';
import { normaliseForSearch } from '../../lib/graph/search';

const name = (n: string, scheme: string | null = null) => ({ name: n, normalized: normaliseForSearch(n), scheme });
const tie = (otherId: string, type = 'associate_of', extra: Partial<CandidateTie> = {}): CandidateTie => ({ otherId, otherName: `Actor ${otherId}`, type, outgoing: true, start: null, ...extra });

function actor(id: string, label: string, extra: Partial<CandidateActor> = {}): CandidateActor {
  return { id, slug: id, name: label, kind: 'person', start: null, names: [], ties: [], ...extra };
}

describe('scorePair', () => {
  it('never makes a candidate of a name alone: two Viktor Lukashenkos with nothing else in common', () => {
    const s = scorePair(actor('a', 'Viktor Lukashenko'), actor('b', 'Viktor Lukashenko'));
    expect(s.reasons.map((r) => r.code)).toEqual(['same_name']);
    expect(s.candidate).toBe(false);
  });

  it('a shared name and a shared birth date make a candidate; different birth dates speak against it', () => {
    const born = { date: '1954-08-30', precision: 'day' as const };
    const same = scorePair(actor('a', 'Viktor Lukashenko', { start: born }), actor('b', 'Viktor Lukashenko', { start: { date: '1954-01-01', precision: 'year' } }));
    expect(same.candidate).toBe(true);
    expect(same.reasons.find((r) => r.code === 'same_start')?.text).toBe('Both born 1954');
    const other = scorePair(actor('a', 'Viktor Lukashenko', { start: born }), actor('b', 'Viktor Lukashenko', { start: { date: '1975-11-28', precision: 'day' } }));
    expect(other.reasons.map((r) => r.code)).toContain('different_start');
    expect(other.candidate).toBe(false);
    expect(other.score).toBeLessThan(same.score);
  });

  it('matches a Cyrillic actor to a Latin one through a generated transliteration, naming the scheme', () => {
    const cyrillic = actor('a', 'Марыя Калеснікава', { names: [name('Maryja Kalesnikava', 'be-national-2007'), name('Maryya Kalesnikava', 'be-bgn-pcgn-1979')], ties: [tie('kc')] });
    const latin = actor('b', 'Maryya Kalesnikava', { ties: [tie('kc')] });
    const s = scorePair(cyrillic, latin);
    const spelling = s.reasons.find((r) => r.code === 'shared_spelling');
    expect(spelling?.text).toContain('BGN/PCGN Belarusian (1979)');
    expect(s.reasons.map((r) => r.code)).toContain('shared_neighbours');
    expect(s.candidate).toBe(true);
  });

  it('reads an acronym: OFAC and the Office of Foreign Assets Control, sanctioning the same two actors', () => {
    const ofac = actor('a', 'OFAC', { kind: 'organization', ties: [tie('llc', 'sanctioned_by', { outgoing: false }), tie('p1', 'sanctioned_by', { outgoing: false })] });
    const office = actor('b', 'Office of Foreign Assets Control', { kind: 'organization', ties: [tie('llc', 'sanctioned_by', { outgoing: false }), tie('p1', 'sanctioned_by', { outgoing: false })] });
    const s = scorePair(ofac, office);
    expect(s.reasons.find((r) => r.code === 'acronym')?.text).toBe('“OFAC” is the initials of “Office of Foreign Assets Control”');
    expect(s.reasons.find((r) => r.code === 'shared_neighbours')?.text).toBe('Both are tied to Actor llc, Actor p1');
    expect(s.candidate).toBe(true);
    expect(scorePair(office, ofac).score).toBe(s.score);
  });

  it('counts shared posts with agreeing dates, and penalises different kinds', () => {
    const post = tie('ministry', 'holds_position', { start: { date: '2020-01-01', precision: 'year' } });
    const a = actor('a', 'Ivan Karaev', { ties: [post] });
    const b = actor('b', 'Ivan Karayev', { names: [name('Ivan Karaev')], ties: [{ ...post, start: { date: '2020-10-29', precision: 'day' } }] });
    const s = scorePair(a, b);
    expect(s.reasons.find((r) => r.code === 'shared_posts')?.text).toBe('Both hold a post at Actor ministry, from 2020');
    expect(s.candidate).toBe(true);
    const org = scorePair(a, { ...b, kind: 'organization' });
    expect(org.reasons.map((r) => r.code)).toContain('different_kind');
    expect(org.score).toBeLessThan(s.score);
  });

  it('shares words only when they are most of the shorter name', () => {
    const eu = actor('a', 'European Union', { kind: 'organization', ties: [tie('by')] });
    const council = actor('b', 'Council of the European Union', { kind: 'organization', ties: [tie('by')] });
    expect(scorePair(eu, council).reasons.find((r) => r.code === 'shared_words')?.text).toBe('Their names share the words “european”, “union”');
    expect(scorePair(actor('a', 'Ivan Petrov', { ties: [tie('x')] }), actor('b', 'Ivan Sidorov Nikolaevich', { ties: [tie('x')] })).candidate).toBe(false);
  });
});

describe('name keys', () => {
  it('leaves stopwords out of words and acronyms', () => {
    expect(significantWords('council of the european union')).toEqual(['council', 'european', 'union']);
    expect(acronymOf('office of foreign assets control')).toBe('ofac');
    expect(acronymOf('министерство внутренних дел')).toBe('мвд');
    expect(acronymOf('european union')).toBeNull();
  });
});
