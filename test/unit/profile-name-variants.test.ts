import { describe, expect, it } from 'vitest';
import { groupNameVariants, languageLabel, scriptLabel } from '../../lib/graph/name-variants';

const tsikhanouskaya = [
  { name: 'Sviatlana Tsikhanouskaya', lang: 'en', script: 'Latn', kind: 'transliteration' },
  { name: 'Pilipchuk', lang: 'be', script: 'Latn', kind: 'former' },
  { name: 'Святлана Ціханоўская', lang: 'be', script: 'Cyrl', kind: 'alias' },
  { name: 'Светлана Тихановская', lang: 'ru', script: 'Cyrl', kind: 'alias' },
  { name: 'Cichanouska', lang: 'pl', script: 'Latn', kind: 'transliteration' },
  { name: 'Святлана Георгіеўна Ціханоўская', lang: 'be', script: 'Cyrl', kind: 'official' },
  { name: 'Cichanoŭskaja', lang: 'be', script: 'Latn', kind: 'transliteration' },
  { name: 'Светлана Георгиевна Тихановская', lang: 'ru', script: 'Cyrl', kind: 'official' },
  { name: 'Svetlana Tikhanovskaya', lang: 'en', script: 'Latn', kind: 'transliteration' },
];

const shape = (groups: ReturnType<typeof groupNameVariants>) =>
  groups.map((s) => [s.label, s.languages.map((l) => [l.label, l.names.map((n) => n.name)])]);

describe('groupNameVariants', () => {
  it('puts Cyrillic before Latin, Belarusian before Russian, and the official form first', () => {
    expect(shape(groupNameVariants(tsikhanouskaya))).toEqual([
      [
        'Cyrillic',
        [
          ['Belarusian', ['Святлана Георгіеўна Ціханоўская', 'Святлана Ціханоўская']],
          ['Russian', ['Светлана Георгиевна Тихановская', 'Светлана Тихановская']],
        ],
      ],
      [
        'Latin',
        [
          ['Belarusian', ['Cichanoŭskaja', 'Pilipchuk']],
          ['English', ['Svetlana Tikhanovskaya', 'Sviatlana Tsikhanouskaya']],
          ['Polish', ['Cichanouska']],
        ],
      ],
    ]);
  });

  it('keeps every variant exactly once, dropping a name repeated in the same language', () => {
    const repeated = [...tsikhanouskaya, { name: 'Cichanouska', lang: 'pl', script: 'Latn', kind: 'alias' }];
    const names = groupNameVariants(repeated).flatMap((s) => s.languages.flatMap((l) => l.names.map((n) => n.name)));
    expect(names.sort()).toEqual(tsikhanouskaya.map((n) => n.name).sort());
  });

  it('keeps the same spelling in two languages apart', () => {
    const groups = groupNameVariants([
      { name: 'GUBOPiK', lang: 'en', script: 'Latn', kind: 'transliteration' },
      { name: 'GUBOPiK', lang: 'pl', script: 'Latn', kind: 'alias' },
    ]);
    expect(shape(groups)).toEqual([['Latin', [['English', ['GUBOPiK']], ['Polish', ['GUBOPiK']]]]]);
  });

  it('places scripts and languages it has no name for after the known ones, by code', () => {
    const groups = groupNameVariants([
      { name: 'ლუკაშენკო', lang: 'ka', script: 'Geor', kind: 'transliteration' },
      { name: 'Lukaschenka', lang: 'xx', script: 'Latn', kind: 'alias' },
      { name: 'Łukaszenka', lang: 'pl', script: 'Latn', kind: 'transliteration' },
      { name: 'Лукашэнка', lang: 'be', script: 'Cyrl', kind: 'official' },
      { name: 'Λουκασένκο', lang: 'el', script: 'Grek', kind: 'transliteration' },
    ]);
    expect(groups.map((g) => g.script)).toEqual(['Cyrl', 'Latn', 'Geor', 'Grek']);
    expect(groups[1]?.languages.map((l) => l.label)).toEqual(['Polish', 'xx']);
  });

  it('gives nothing for an actor with no recorded variants', () => {
    expect(groupNameVariants([])).toEqual([]);
  });

  it('names codes in words, falling back to the code itself', () => {
    expect([languageLabel('be'), languageLabel('ru'), languageLabel('qq')]).toEqual(['Belarusian', 'Russian', 'qq']);
    expect([scriptLabel('Cyrl'), scriptLabel('Latn'), scriptLabel('Zzzz')]).toEqual(['Cyrillic', 'Latin', 'Zzzz']);
  });
});
