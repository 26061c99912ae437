import { describe, expect, it } from 'vitest';
import { actorIndexHref, describeSort, pickParams, sortLink, type ActorIndexQuery } from '../../components/profile/query-links';

const byName: ActorIndexQuery = { q: null, kind: null, faction: null, sort: 'name', dir: 'asc' };

describe('sortLink', () => {
  it('marks only the sorted column with aria-sort, and reverses it when followed', () => {
    const name = sortLink(byName, 'name');
    expect(name).toMatchObject({ ariaSort: 'ascending', href: '/actors?sort=name&dir=desc' });
    expect(sortLink({ ...byName, dir: 'desc' }, 'name')).toMatchObject({ ariaSort: 'descending', href: '/actors?sort=name' });
    expect(sortLink(byName, 'kind').ariaSort).toBeUndefined();
  });

  it('sorts a new column in its natural order: most ties first, everything else A to Z', () => {
    expect(sortLink(byName, 'ties')).toMatchObject({ href: '/actors?sort=ties', action: 'sort by number of ties, most first' });
    expect(sortLink(byName, 'faction')).toMatchObject({ href: '/actors?sort=faction', action: 'sort by faction, A to Z' });
    expect(sortLink({ ...byName, sort: 'ties', dir: 'desc' }, 'ties')).toMatchObject({ href: '/actors?sort=ties&dir=asc', ariaSort: 'descending' });
  });

  it('keeps the search and filters, and no column is marked while ranking by relevance', () => {
    const searching: ActorIndexQuery = { q: 'Ціханоўская', kind: 'person', faction: null, sort: 'relevance', dir: 'asc' };
    const link = sortLink(searching, 'name');
    expect(link.ariaSort).toBeUndefined();
    expect(new URL(link.href, 'http://x').searchParams.get('q')).toBe('Ціханоўская');
    expect(link.href).toBe(`/actors?q=${encodeURIComponent('Ціханоўская')}&kind=person&sort=name`);
  });
});

describe('actorIndexHref', () => {
  it('is plain /actors with nothing to say, and leaves out relevance', () => {
    expect(actorIndexHref(byName, 'relevance', 'asc')).toBe('/actors');
    expect(actorIndexHref({ ...byName, faction: 'belarus-state' }, 'relevance', 'asc')).toBe('/actors?faction=belarus-state');
  });
});

describe('describeSort', () => {
  it('says how the table is ordered', () => {
    expect(describeSort('relevance', 'asc')).toBe('best match first');
    expect(describeSort('ties', 'desc')).toBe('by number of ties, most first');
    expect(describeSort('name', 'desc')).toBe('by name, Z to A');
  });
});

describe('pickParams', () => {
  it('keeps known parameters once, the last of a repeated one, and drops the rest', () => {
    expect(pickParams({ q: ['a', 'b'], kind: 'person', utm_source: 'x', sort: undefined }, ['q', 'kind', 'sort'])).toEqual({ q: 'b', kind: 'person' });
  });
});
