// Matching an import's actors to stored ones (lib/graph/duplicate-matching.ts) and writing the
// chosen ones onto them (lib/import/apply-matches.ts), without a database: identity first (slug,
// merged slug, external identifier), then the /duplicates scorer on blocked pairs, judgements
// respected, ties resolved through earlier matches; and the document rewritten so the stored
// actor gains the names, claims and ties, a tie between two actors that become one left out.
import { describe, expect, it } from 'vitest';
import type { ActorState } from '../../lib/domain/records/actor';
import type { CandidateActor } from '../../lib/graph/duplicate-candidates';
import { matchImport, type IncomingActor, type MatchingInput, type StoredUnderSlug } from '../../lib/graph/duplicate-matching';
import { normaliseForSearch } from '../../lib/graph/search';
import { applyMatches } from '../../lib/import/apply-matches';
import { ftmIdentifierOf, ftmToDocument } from '../../lib/import/ftm-to-document';
import { importDocumentSchema, type ImportDocument } from '../../lib/validation/import-document';

const name = (n: string, scheme: string | null = null) => ({ name: n, normalized: normaliseForSearch(n), scheme });
const born = (date: string) => ({ date, precision: 'day' as const });

function incoming(slug: string, label: string, extra: Partial<IncomingActor> = {}): IncomingActor {
  return { slug, name: label, kind: 'person', start: null, names: [], ties: [], externalIds: [], ...extra };
}
function stored(id: string, label: string, extra: Partial<CandidateActor> = {}): CandidateActor {
  return { id, slug: `s-${id}`, name: label, kind: 'person', start: null, names: [], ties: [], ...extra };
}
const ref = (a: CandidateActor) => ({ id: a.id, slug: a.slug, name: a.name, kind: a.kind });

function input(over: Partial<MatchingInput>): MatchingInput {
  return { incoming: [], bySlug: new Map(), byExternalId: new Map(), blocked: new Map(), stored: new Map(), ...over };
}

describe('matchImport', () => {
  const kolesnikova = stored('kolesnikova', 'Maria Kolesnikova', { start: born('1982-03-24'), names: [name('Мария Колесникова')], ties: [{ otherId: 'office', otherName: 'Office of Foreign Assets Control', type: 'sanctioned_by', outgoing: true, start: null }] });

  it('matches by slug first, a merged slug where it went, and an external identifier, without scoring them as new', () => {
    const into = { id: 'kept', slug: 'kept', name: 'Kept', kind: 'person' };
    const bySlug = new Map<string, StoredUnderSlug>([
      ['same', { id: 'x', slug: 'same', name: 'Same', kind: 'person', mergedInto: null }],
      ['gone', { id: 'y', slug: 'gone', name: 'Gone', kind: 'person', mergedInto: into }],
    ]);
    const byExternalId = new Map([['ftm:Q1', { id: 'z', slug: 'known', name: 'Known', kind: 'person' }]]);
    const matches = matchImport(input({ incoming: [incoming('same', 'Same'), incoming('gone', 'Gone'), incoming('renamed', 'Renamed', { externalIds: ['ftm:Q1'] }), incoming('new', 'New')], bySlug, byExternalId }));
    expect(matches.map((m) => [m.slug, m.identity?.by ?? null, m.identity?.actor.slug ?? null])).toEqual([
      ['same', 'slug', 'same'],
      ['gone', 'merged', 'kept'],
      ['renamed', 'identifier', 'known'],
      ['new', null, null],
    ]);
  });

  it('proposes a stored actor on the /duplicates evidence, and never on a name alone', () => {
    const cyrillic = incoming('kolesnikova-ftm', 'Мария Колесникова', { start: born('1982-03-24'), names: [name('Мария Колесникова'), name('Mariya Kolesnikova', 'ru-bgn-pcgn')] });
    const alone = incoming('namesake', 'Maria Kolesnikova');
    const [match, namesake] = matchImport(
      input({ incoming: [cyrillic, alone], blocked: new Map([['kolesnikova-ftm', ['kolesnikova']], ['namesake', ['kolesnikova']]]), stored: new Map([['kolesnikova', kolesnikova]]) }),
    );
    expect(match!.identity).toBeNull();
    expect(match!.proposals.map((p) => p.actor.slug)).toEqual(['s-kolesnikova']);
    expect(match!.proposals[0]!.reasons.map((r) => r.code)).toEqual(['shared_spelling', 'same_start']);
    expect(namesake!.proposals).toEqual([]);
  });

  it('resolves ties through earlier matches: OFAC is proposed once the people it sanctions are', () => {
    const sanctioned = (id: string, label: string) => stored(id, label, { start: born('1970-01-02'), ties: [{ otherId: 'office', otherName: 'Office of Foreign Assets Control', type: 'sanctioned_by', outgoing: true, start: null }] });
    const office = stored('office', 'Office of Foreign Assets Control', {
      kind: 'organization',
      ties: ['p1', 'p2'].map((id) => ({ otherId: id, otherName: id, type: 'sanctioned_by', outgoing: false, start: null })),
    });
    const person = (slug: string, label: string) =>
      incoming(slug, label, { start: born('1970-01-02'), ties: [{ other: 'ofac', otherName: 'OFAC', type: 'sanctioned_by', outgoing: true, start: null }] });
    const ofac = incoming('ofac', 'OFAC', {
      kind: 'organization',
      ties: ['f1', 'f2'].map((slug) => ({ other: slug, otherName: slug, type: 'sanctioned_by', outgoing: false, start: null })),
    });
    const matches = matchImport(
      input({
        incoming: [ofac, person('f1', 'Anna Fixture'), person('f2', 'Boris Fixture')],
        blocked: new Map([['ofac', ['office']], ['f1', ['p1']], ['f2', ['p2']]]),
        stored: new Map([['office', office], ['p1', sanctioned('p1', 'Anna Fixture')], ['p2', sanctioned('p2', 'Boris Fixture')]]),
      }),
    );
    const proposal = matches[0]!.proposals[0];
    expect(proposal?.actor.slug).toBe('s-office');
    expect(proposal?.reasons.map((r) => r.code)).toEqual(['acronym', 'shared_neighbours']);
  });

  it('leaves out a proposal analysts judged different from the stored actor the import updates', () => {
    const same = incoming('s-dup', 'Maria Kolesnikova', { start: born('1982-03-24') });
    const bySlug = new Map<string, StoredUnderSlug>([['s-dup', { id: 'dup', slug: 's-dup', name: 'Maria Kolesnikova', kind: 'person', mergedInto: null }]]);
    const base = input({ incoming: [same], bySlug, blocked: new Map([['s-dup', ['kolesnikova', 'dup']]]), stored: new Map([['kolesnikova', kolesnikova], ['dup', stored('dup', 'Maria Kolesnikova')]]) });
    expect(matchImport(base)[0]!.proposals.map((p) => p.actor.id)).toEqual(['kolesnikova']); // never itself
    const judged = matchImport({ ...base, verdictOf: (a, b) => ([a, b].sort().join() === 'dup,kolesnikova' ? 'different' : null) });
    expect(judged[0]!.proposals).toEqual([]);
    expect(judged[0]!.identity?.actor).toEqual(ref(stored('dup', 'Maria Kolesnikova', { slug: 's-dup' })));
  });
});

describe('applyMatches', () => {
  const doc: ImportDocument = importDocumentSchema.parse({
    sources: [{ id: 'src', title: 'List', reliability: 'B' }],
    actors: [
      { slug: 'ofac', name: 'OFAC', kind: 'organization', faction: 'west', names: [{ name: 'OFAC', lang: 'en', script: 'Latn', kind: 'alias' }], claims: [{ id: 'c-actor', source: 'src', quote: 'OFAC is an office', credibility: 2 }] },
      { slug: 'person', name: 'Мария Колесникова', kind: 'person', faction: 'belarus-opposition', position: { x: 1, y: 2 } },
      { slug: 'company', name: 'New Company', kind: 'organization', faction: 'other' },
    ],
    ties: [
      { id: 't1', source: 'person', target: 'ofac', type: 'sanctioned_by', claims: [{ id: 'c1', source: 'src', quote: 'sanctioned', credibility: 2 }] },
      { id: 't2', source: 'company', target: 'ofac', type: 'sanctioned_by', claims: [{ id: 'c2', source: 'src', quote: 'sanctioned', credibility: 2 }] },
    ],
  });
  const office: ActorState = {
    slug: 'office-of-foreign-assets-control', name: 'Office of Foreign Assets Control', kind: 'organization', faction: 'west',
    summary: 'US Treasury office', description: '', start: null, end: null, names: [{ name: 'Управление по контролю за иностранными активами', lang: 'ru', script: 'Cyrl', kind: 'official' }],
  };

  it('writes the chosen actor onto the stored one: its fields kept, names, claims and ties gained', () => {
    const { document, matched, warnings } = applyMatches(doc, new Map([['ofac', office.slug]]), new Map([[office.slug, office]]));
    expect(matched).toBe(1);
    expect(warnings).toEqual([]);
    expect(document.actors.map((a) => a.slug)).toEqual(['person', 'company', office.slug]);
    const onto = document.actors.find((a) => a.slug === office.slug)!;
    expect(onto).toMatchObject({ name: 'Office of Foreign Assets Control', summary: 'US Treasury office' });
    expect(onto.names.map((n) => n.name)).toEqual(['Управление по контролю за иностранными активами', 'OFAC']);
    expect(onto.claims.map((c) => c.id)).toEqual(['c-actor']);
    expect(document.ties.map((t) => [t.source, t.target])).toEqual([['person', office.slug], ['company', office.slug]]);
    // Still a valid document.
    expect(importDocumentSchema.safeParse(document).success).toBe(true);
  });

  it('leaves out a tie between two actors that become one, and says so; no choice leaves the document as it is', () => {
    const { document, warnings } = applyMatches(doc, new Map([['ofac', office.slug], ['company', office.slug]]), new Map([[office.slug, office]]));
    expect(document.ties.map((t) => t.id)).toEqual(['t1']);
    expect(warnings).toEqual(['Tie t2 (sanctioned_by) left out: both its ends are Office of Foreign Assets Control now']);
    expect(document.actors.filter((a) => a.slug === office.slug)).toHaveLength(1);
    expect(applyMatches(doc, new Map(), new Map()).document).toBe(doc);
  });
});

describe('ftmIdentifierOf', () => {
  it('reads back the FtM id the converter writes into a description', () => {
    const { document } = ftmToDocument('{"id": "NK-abc.1", "schema": "Person", "caption": "Anton", "properties": {"name": ["Anton"]}, "datasets": ["x", "y"]}', { fileName: 'f.jsonl' });
    expect(ftmIdentifierOf(document.actors[0]!.description!)).toBe('ftm:NK-abc.1');
    expect(ftmIdentifierOf('An analyst wrote this.')).toBeNull();
  });
});
