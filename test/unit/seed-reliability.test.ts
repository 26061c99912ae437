// The seed grades its sources by one rubric (seed/README.md, "Source reliability"): every
// publisher belongs to one class and every class has one grade, so the same kind of source is
// never graded two ways. A new source whose publisher is in no class fails here until it is placed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_FILE } from '../../lib/data/seed';
import { importDocumentSchema } from '../../lib/validation/import-document';

const RUBRIC = {
  B: {
    'official sites': [
      'European Parliament',
      'National Legal Internet Portal of the Republic of Belarus (pravo.by)',
      'Official website of the President of the Republic of Belarus',
      'Standing Committee of the Union State',
    ],
    'independent wire services and major international newsrooms, and known outlets carrying them': [
      'Interfax',
      'National Post (Reuters wire)',
      'TRT World (Reuters wire)',
      'Radio Free Europe/Radio Liberty',
      'The Washington Post',
    ],
    'law-firm sanctions notes and documentation services': [
      'Baker McKenzie Sanctions News',
      'Herbert Smith Freehills',
      'Paul Hastings',
      'Willkie Farr & Gallagher (Compliance Concourse)',
      'ecoi.net (Austrian Red Cross / ACCORD)',
    ],
  },
  C: {
    'state media of Russia and Belarus': ['TASS', 'Sputnik', 'Ukraina.ru', 'News.by (Belarusian state television)'],
    'news outlets and NGOs with a known newsroom': [
      '21.by', 'Babel.ua', 'Belarus Feed', 'Belsat TV', 'Defence24', 'EuroBelarus', 'Euroradio', 'FOR-UA', 'Fast Company',
      'Gazeta.ru', 'Human Rights Centre "Viasna" (spring96.org)', 'Izvestia', 'Kontrakty.ua', 'Kyiv Post', 'Mint', 'Nasha Niva',
      'News.az', 'OODA Loop (summarising Reuters)', 'Pravda.sk', 'Sharecast', 'TVN24', 'The Kyiv Independent', 'UAWire',
      'Ukrainska Pravda', 'Zerkalo', 'Zerkalo Nedeli (zn.ua)',
    ],
    'encyclopedias and their mirrors': [
      'Infinite Lexicon', 'Infoplease', 'WikiMili', 'Wikinews', 'Wikipedia (IPFS mirror)', 'Wikipedia (de)', 'Wikipedia (en)',
      'Wikipedia (simple)', 'cryer.org.uk', 'enacademic.com (Academic dictionaries)', 'infosekolah.net', 'theinfolist.com',
      'wiki.gravy.cc', 'wikien4.appspot.com',
    ],
  },
  D: {
    'partisan and propaganda sites': ['BYPOL', 'Charter 97', 'News Front'],
    'aggregators and small sites with no known newsroom': [
      'Archynewsy', 'CKN Nigeria', 'Diplomatic Press', 'FactSnippet', 'Facts Gazab', 'Lara News', 'LatestLY', 'Mail.ru News',
      'Pledge Times', 'RuNews24', 'The Eastern Herald', 'The Moscow Post', 'The Vaultz News', 'UrduPoint', 'Warsaw Point',
      'balticword.eu', 'bgmedia.site', 'bsblog.info', 'embassylife.ru', 'fun.my.ua (news aggregator)', 'microgmx.com',
      'oekraine.org', 'ru24.pro', 'wikisum.wiki',
    ],
    'copies on sites that cannot be checked': [
      'zerkal0-io-page.store (unofficial mirror of Zerkalo)',
      'data.minsk.by (republishing a Steptoe & Johnson note)',
      'wowfm.app',
    ],
  },
} as const;

/** The article has no publisher (its outlet is unconfirmed); it is graded as an analysis piece. */
const BY_ID: Record<string, string> = { 'slow-invasion-article': 'C' };

const gradeOf = new Map<string, string>();
for (const [grade, classes] of Object.entries(RUBRIC)) {
  for (const publishers of Object.values(classes)) for (const p of publishers) gradeOf.set(p, grade);
}

describe('the seed grades its sources by one rubric', () => {
  const doc = importDocumentSchema.parse(JSON.parse(readFileSync(SEED_FILE, 'utf8')));

  it('places every publisher in exactly one class', () => {
    const all = Object.values(RUBRIC).flatMap((classes) => Object.values(classes).flat());
    expect(all.length).toBe(new Set(all).size);
    const unplaced = doc.sources.filter((s) => !BY_ID[s.id] && !gradeOf.has(s.publisher)).map((s) => `${s.id} (${s.publisher})`);
    expect(unplaced).toEqual([]);
  });

  it("grades every source as its publisher's class says", () => {
    const wrong = doc.sources
      .map((s) => ({ id: s.id, has: s.reliability, rubric: BY_ID[s.id] ?? gradeOf.get(s.publisher) }))
      .filter((s) => s.has !== s.rubric);
    expect(wrong).toEqual([]);
  });

  it('grades two pages of one publisher alike', () => {
    const seen = new Map<string, Set<string>>();
    for (const s of doc.sources) seen.set(s.publisher, (seen.get(s.publisher) ?? new Set()).add(s.reliability));
    expect([...seen].filter(([, grades]) => grades.size > 1).map(([p]) => p)).toEqual([]);
  });
});
