// Each scheme against examples published with it: the UN/Belarusian 2007 instruction's place
// names, the BGN/PCGN 1979 Belarusian table's own examples, and the Russian forms every style
// guide prints (Kolesnikova, Tikhanovskiy, Lukašenko).
import { describe, expect, it } from 'vitest';
import { transliterate } from '../../lib/domain/transliteration/transliterate';
import { generateNames } from '../../lib/domain/transliteration/generate-names';
import { parseSchemes } from '../../lib/domain/transliteration/schemes';
import { normaliseForSearch } from '../../lib/graph/search';

const cases = (scheme: Parameters<typeof transliterate>[1], pairs: Record<string, string>) => {
  for (const [cyrillic, latin] of Object.entries(pairs)) it(`${cyrillic} → ${latin}`, () => expect(transliterate(cyrillic, scheme)).toBe(latin));
};

describe('Belarusian national system (2007)', () => {
  cases('be-national-2007', {
    Лукашэнка: 'Lukašenka',
    Беларусь: 'Bielaruś',
    Магілёў: 'Mahilioŭ',
    Віцебск: 'Viciebsk',
    Гомель: 'Homieĺ',
    Маладзечна: 'Maladziečna',
    Заслаўе: 'Zaslaŭje',
    Шчучын: 'Ščučyn',
    Ельск: 'Jeĺsk',
    Хойнікі: 'Chojniki',
    Дзяржынск: 'Dziaržynsk',
    'Сям’я': 'Siamja',
    Ціханоўская: 'Cichanoŭskaja',
    Калеснікава: 'Kaliesnikava',
    ШКЛОЎ: 'ŠKLOŬ',
  });
  it('writes the soft sign as one precomposed letter', () => expect(transliterate('Гомель', 'be-national-2007').normalize('NFD')).not.toBe(transliterate('Гомель', 'be-national-2007')));
});

describe('BGN/PCGN Belarusian (1979)', () => {
  cases('be-bgn-pcgn-1979', {
    Лукашэнка: 'Lukashenka',
    Вілейка: 'Vilyeyka',
    Віцебск: 'Vitsyebsk',
    Асіповічы: 'Asipovichy',
    Гомель: 'Homyel’',
    Беліца: 'Byelitsa',
    Нёман: 'Nyoman',
    Жлобін: 'Zhlobin',
    Койданава: 'Koydanava',
    Магілёў: 'Mahilyow',
    Крапіўна: 'Krapiwna',
    Лепель: 'Lyepyel’',
    Калеснікава: 'Kalyesnikava',
    Ціханоўская: 'Tsikhanowskaya',
  });
});

describe('Russian through iuliia', () => {
  it('BGN/PCGN (1947)', () => {
    expect(transliterate('Колесникова', 'ru-bgn-pcgn-1947')).toBe('Kolesnikova');
    expect(transliterate('Тихановский', 'ru-bgn-pcgn-1947')).toBe('Tikhanovskiy');
    expect(transliterate('Ельцин', 'ru-bgn-pcgn-1947')).toBe('Yel’tsin');
    // iuliia 0.8.2 leaves ё Cyrillic here; BGN/PCGN writes ë.
    expect(transliterate('Горбачёв', 'ru-bgn-pcgn-1947')).toBe('Gorbachëv');
  });
  it('ISO 9:1995', () => {
    expect(transliterate('Колесникова', 'ru-iso-9-1995')).toBe('Kolesnikova');
    expect(transliterate('Лукашенко', 'ru-iso-9-1995')).toBe('Lukašenko');
    expect(transliterate('Хрущёв', 'ru-iso-9-1995')).toBe('Hruŝëv');
    expect(transliterate('Тихановский', 'ru-iso-9-1995')).toBe('Tihanovskij');
  });
  it('passport / ICAO Doc 9303', () => {
    expect(transliterate('Колесникова', 'ru-icao-2013')).toBe('Kolesnikova');
    expect(transliterate('Юлия', 'ru-icao-2013')).toBe('Iuliia');
    expect(transliterate('Тихановский', 'ru-icao-2013')).toBe('Tikhanovskii');
  });
  it('keeps an all-capital word in capitals', () => {
    expect(transliterate('ЁЛКИН', 'ru-bgn-pcgn-1947')).toBe('YËLKIN');
    expect(transliterate('КГБ', 'ru-icao-2013')).toBe('KGB');
  });
});

describe('generateNames', () => {
  const kalesnikava = generateNames('Maria Kalesnikava', [
    { name: 'Марыя Калеснікава', lang: 'be', script: 'Cyrl' },
    { name: 'Мария Колесникова', lang: 'ru', script: 'Cyrl' },
    { name: 'Maria Kalesnikava', lang: 'en', script: 'Latn' },
  ]);
  it('gives every scheme of each Cyrillic name its language', () => {
    expect(kalesnikava.map((n) => [n.name, n.lang, n.scheme])).toEqual([
      ['Maryja Kaliesnikava', 'be', 'be-national-2007'],
      ['Maryya Kalyesnikava', 'be', 'be-bgn-pcgn-1979'],
      ['Mariya Kolesnikova', 'ru', 'ru-bgn-pcgn-1947'],
      ['Mariâ Kolesnikova', 'ru', 'ru-iso-9-1995'],
      ['Mariia Kolesnikova', 'ru', 'ru-icao-2013'],
    ]);
    expect(kalesnikava.every((n) => n.kind === 'transliteration' && n.script === 'Latn')).toBe(true);
  });
  it('names every scheme that agrees on one spelling, once', () => {
    const mvd = generateNames('МВД', []);
    expect(mvd).toHaveLength(1);
    expect(parseSchemes(mvd[0]!.scheme)).toEqual(['be-national-2007', 'be-bgn-pcgn-1979', 'ru-bgn-pcgn-1947', 'ru-iso-9-1995', 'ru-icao-2013']);
  });
  it('does not generate a spelling the actor already has, nor from Latin or other languages', () => {
    const names = generateNames('Alexander Lukashenko', [
      { name: 'Аляксандр Лукашэнка', lang: 'be', script: 'Cyrl' },
      { name: 'Aliaksandr Lukashenka', lang: 'be', script: 'Latn' },
      { name: 'Аляксандр Лукашэнка', lang: 'uk', script: 'Cyrl' },
    ]);
    expect(names.map((n) => n.name)).toEqual(['Aliaksandr Lukašenka', 'Alyaksandr Lukashenka']);
  });
  it('reads a Cyrillic label by its letters', () => {
    expect(generateNames('Белавія', []).map((n) => n.name)).toEqual(['Bielavija', 'Byelaviya']);
  });
  it('gives forms the search folds to what people type', () => {
    expect(normaliseForSearch(transliterate('Лукашэнка', 'be-national-2007'))).toBe(normaliseForSearch('Łukašenka'));
    expect(normaliseForSearch(transliterate('Ельцин', 'ru-iso-9-1995'))).toBe('elcin');
    expect(normaliseForSearch(transliterate('Сям’я', 'be-bgn-pcgn-1979'))).toBe('syamya');
  });
});
