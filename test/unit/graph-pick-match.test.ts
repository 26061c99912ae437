import { describe, expect, it } from 'vitest';
import { hitRank, mergeHits, soleBestHit } from '../../lib/graph/pick-match';
import { searchNodes, SEARCH_RANK, type SearchHit } from '../../lib/graph/search';
import { actor } from './fixtures/mini-network';

const sviatlana = actor('sviatlana-tsikhanouskaya', 'Sviatlana Tsikhanouskaya', 'person', 'belarus-opposition', ['Святлана Ціханоўская']);
const siarhei = actor('siarhei-tsikhanouski', 'Siarhei Tsikhanouski', 'person', 'belarus-opposition', ['Сяргей Ціханоўскі']);
const belarus = actor('belarus', 'Belarus', 'state', 'belarus-state', []);
const protests = actor('belarus-2020-protests', 'Belarus 2020 protests', 'event', 'belarus-opposition', []);
const bpc = actor('bpc', "Belarusian People's Congress", 'group', 'belarus-opposition', []);
const hit = (node: SearchHit['node']): SearchHit => ({ node, matched: node.label });

describe('actor pickers', () => {
  it('rank by how well a name matches', () => {
    expect(hitRank(hit(belarus), 'belarus')).toBe(SEARCH_RANK.exact);
    expect(hitRank(hit(protests), 'belarus')).toBe(SEARCH_RANK.prefix);
    expect(hitRank(hit(siarhei), 'Ціхан')).toBe(SEARCH_RANK.prefix);
    expect(hitRank(hit(bpc), 'people')).toBe(SEARCH_RANK.prefix);
  });

  it('put the server\'s exact match before the browser\'s weaker ones, without repeats', () => {
    const local = searchNodes([protests, bpc], 'Belarus');
    const merged = mergeHits(local, [hit(belarus), hit(protests)], 'Belarus', 8);
    expect(merged.map((h) => h.node.slug)).toEqual(['belarus', 'belarus-2020-protests', 'bpc']);
    expect(mergeHits(local, [hit(belarus)], 'Belarus', 1).map((h) => h.node.slug)).toEqual(['belarus']);
  });

  it('let Enter choose only a match that stands alone', () => {
    // "Tsikhan" matches both Tsikhanouskis equally: the person chooses.
    const both = searchNodes([siarhei, sviatlana], 'Tsikhan');
    expect(both).toHaveLength(2);
    expect(soleBestHit(both, 'Tsikhan')).toBeNull();
    expect(soleBestHit(searchNodes([siarhei, sviatlana], 'Sviatlana'), 'Sviatlana')?.node.slug).toBe('sviatlana-tsikhanouskaya');
    // An exact name stands alone among prefixes.
    expect(soleBestHit(searchNodes([belarus, protests, bpc], 'Belarus'), 'Belarus')?.node.slug).toBe('belarus');
    expect(soleBestHit([], 'x')).toBeNull();
  });
});
