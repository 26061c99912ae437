import { describe, expect, it } from 'vitest';
import { isNearMiss, normaliseForSearch, searchAlternatives, searchNodes, withinOneEdit } from '../../lib/graph/search';
import { miniNodes } from './fixtures/mini-network';

const slugsFor = (text: string, limit?: number) => searchNodes(miniNodes, text, limit).map((h) => h.node.slug);

describe('normaliseForSearch', () => {
  it('lowercases and strips diacritics, including Ł which does not decompose', () => {
    expect(normaliseForSearch('Łukašenka')).toBe('lukasenka');
    expect(normaliseForSearch('  Aleksander   ŁUKASZENKA ')).toBe('aleksander lukaszenka');
  });
  it('folds Cyrillic marks but keeps the script', () => {
    expect(normaliseForSearch('Ціханоўская')).toBe('ціханоуская');
    expect(normaliseForSearch('Лукашэнка')).toBe('лукашэнка');
    expect(normaliseForSearch('Ёлкі й')).toBe('елкі и');
  });
  it('drops apostrophes and turns other punctuation into spaces', () => {
    expect(normaliseForSearch('Аб’яднаны')).toBe('абяднаны');
    expect(normaliseForSearch("O'Brien-Smith")).toBe('obrien smith');
  });
});

describe('searchNodes', () => {
  it('finds Lukashenko in Belarusian Cyrillic, Latin transliteration, and a prefix', () => {
    const cyr = searchNodes(miniNodes, 'Лукашэнка');
    expect(cyr[0]?.node.slug).toBe('lukashenko');
    expect(cyr[0]?.matched).toBe('Аляксандр Лукашэнка');

    const latin = searchNodes(miniNodes, 'Lukashenka');
    expect(latin[0]).toMatchObject({ matched: 'Aliaksandr Lukashenka' });
    expect(latin[0]?.node.slug).toBe('lukashenko');

    expect(slugsFor('lukash')).toEqual(['lukashenko']);
    expect(slugsFor('Łukaszenka')).toEqual(['lukashenko']);
  });

  it('forgives a missing breve or diaeresis in Cyrillic', () => {
    expect(slugsFor('ціханоуская')).toEqual(['tsikhanouskaya']);
    expect(slugsFor('Тэртэль')).toEqual(['tertel']);
  });

  it('shows the Cyrillic variant a Cyrillic query matched, before a transliteration of it', () => {
    const hit = searchNodes(miniNodes, 'лукаш')[0];
    expect(hit?.matched).toMatch(/[\u0400-\u04FF]/);
  });

  it('ranks an exact name over a prefix over a substring', () => {
    // "KGB" is the KGB's name exactly; nothing else should come before it.
    expect(slugsFor('kgb')[0]).toBe('kgb');
    // "vladimir" starts Putin's and Makei's Russian-form names; "mir" is only inside words.
    expect(slugsFor('vladimir')).toEqual(['makei', 'putin']);
    const sub = searchNodes(miniNodes, 'mir');
    expect(sub.map((h) => h.node.slug)).toEqual(['makei', 'putin']);
    // Label order decides between equal ranks: Uladzimir before Vladimir.
  });

  it('puts an exact match first even when its label sorts later', () => {
    const nodes = [...miniNodes];
    const hits = searchNodes(nodes, 'Russia');
    expect(hits[0]?.node.slug).toBe('russia');
    expect(hits[0]?.matched).toBe('Russia');
  });

  it('matches several typed words against the start of words in a name', () => {
    expect(slugsFor('alex luk')).toEqual(['lukashenko']);
    expect(slugsFor('tikhan svet')).toEqual(['tsikhanouskaya']);
  });

  it('respects the limit and ignores blank input', () => {
    expect(slugsFor('a', 2)).toHaveLength(2);
    expect(slugsFor('   ')).toEqual([]);
    expect(slugsFor('zzzz')).toEqual([]);
  });
});

describe('across scripts and typos', () => {
  it('looks a Cyrillic query up as its transliterations too', () => {
    expect(searchAlternatives('МВД').map((t) => t.query)).toEqual(['мвд', 'mvd']);
    expect(searchAlternatives('Тихановский').map((t) => t.query)).toEqual(['тихановскии', 'tichanovskij', 'tikhanovskiy', 'tihanovskij', 'tikhanovskii']);
    expect(searchAlternatives('Lukashenka').map((t) => t.query)).toEqual(['lukashenka']);
  });
  it('counts one edit: a letter changed, dropped, added, or two swapped', () => {
    expect(withinOneEdit('lukashenka', 'lukashneka')).toBe(true);
    expect(withinOneEdit('lukashenka', 'lukashenk')).toBe(true);
    expect(withinOneEdit('lukashenka', 'lukashenkaa')).toBe(true);
    expect(withinOneEdit('lukashenka', 'lukoshenka')).toBe(true);
    expect(withinOneEdit('lukashenka', 'lukoshenko')).toBe(false);
  });
  it('forgives one typo per word only when nothing matches as typed', () => {
    expect(slugsFor('Lukashneka')).toEqual(['lukashenko']);
    expect(isNearMiss('aliaksandr lukashenka', ['aliaks', 'lukashnka'])).toBe(true);
    expect(isNearMiss('aliaksandr lukashenka', ['aleksandr', 'lukashnka'])).toBe(false);
    // Short words must be typed right: three letters carry too little to guess from.
    expect(isNearMiss('kgb', ['kbg'])).toBe(false);
    // A query that matches something as typed shows no near misses.
    expect(searchNodes(miniNodes, 'Lukashenka').every((h) => h.node.slug === 'lukashenko')).toBe(true);
  });
});
