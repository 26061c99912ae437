// FollowTheMoney entities to a Powermap import document: schemas map to kinds and tie types,
// things are skipped and counted, names keep their script and language, dates their precision,
// and ids stay the same from one conversion of a file to the next (re-imports update in place).
import { describe, expect, it } from 'vitest';
import { ftmDate, FtmFormatError, ftmToDocument, guessScript, slugify } from '../../lib/import/ftm-to-document';
import { importDocumentSchema } from '../../lib/validation/import-document';

const entities = [
  {
    id: 'fx-person-1',
    schema: 'Person',
    caption: 'Ivan Testovich Fixturov',
    properties: {
      name: ['Ivan Testovich Fixturov', 'FIXTUROV, Ivan'],
      alias: ['Иван Тестович Фикстуров', 'Іван Фікстураў'],
      previousName: ['Ivan Oldname'],
      birthDate: ['1961-05'],
      deathDate: ['2020-02-30'],
      country: ['by'],
    },
    datasets: ['fixture'],
  },
  { id: 'fx-person-2', schema: 'Person', caption: 'Olga Fixturova', properties: { name: ['Olga Fixturova'], birthDate: ['1965'] } },
  {
    id: 'fx-company-1',
    schema: 'Company',
    caption: 'Fixture Holdings LLC',
    properties: { name: ['Fixture Holdings LLC'], incorporationDate: ['2002-10-02T00:00:00', '2001'], dissolutionDate: ['2024-03-15'] },
  },
  { id: 'fx-dir-1', schema: 'Directorship', properties: { director: ['fx-person-1'], organization: ['fx-company-1'], role: ['General Director'], startDate: ['2015-03-01'], endDate: ['2019'] } },
  { id: 'fx-own-1', schema: 'Ownership', properties: { owner: ['fx-person-2'], asset: ['fx-company-1'], percentage: ['51'] } },
  { id: 'fx-fam-1', schema: 'Family', properties: { person: ['fx-person-1'], relative: ['fx-person-2'], relationship: ['Spouse'] } },
  { id: 'fx-sanc-1', schema: 'Sanction', properties: { entity: ['fx-company-1'], authority: ['Office of Fixture Control'], program: ['FIXTURE-1'], startDate: ['2022-02-24'] } },
  { id: 'fx-sanc-2', schema: 'Sanction', properties: { entity: ['fx-person-1'], authority: ['Office of Fixture Control'], startDate: ['2022-06'] } },
  { id: 'fx-addr-1', schema: 'Address', caption: '1 Fixture Street', properties: { full: ['1 Fixture Street'] } },
  { id: 'fx-dir-2', schema: 'Directorship', properties: { director: ['fx-nobody'], organization: ['fx-company-1'] } },
];
const text = entities.map((e) => JSON.stringify(e)).join('\n') + '\n';
const convert = () => ftmToDocument(text, { fileName: 'fixture.ftm.jsonl', reliability: 'B', faction: 'belarus-state' });

describe('ftmToDocument', () => {
  const { document, skipped, warnings } = convert();
  const actor = (name: string) => document.actors.find((a) => a.name === name)!;
  const slugOf = (name: string) => actor(name).slug;

  it('produces a document that passes importDocumentSchema', () => {
    const parsed = importDocumentSchema.safeParse(document);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
  });

  it('maps people and companies, and makes one organisation per sanctioning authority', () => {
    expect(document.actors.map((a) => [a.name, a.kind, a.faction])).toEqual([
      ['Ivan Testovich Fixturov', 'person', 'belarus-state'],
      ['Olga Fixturova', 'person', 'belarus-state'],
      ['Fixture Holdings LLC', 'organization', 'belarus-state'],
      ['Office of Fixture Control', 'organization', 'belarus-state'],
    ]);
  });

  it('maps relationship schemas to ties with roles, in the FtM direction', () => {
    const ties = document.ties.map((t) => [t.type, t.source, t.target, t.role]);
    expect(ties).toEqual([
      ['leads', slugOf('Ivan Testovich Fixturov'), slugOf('Fixture Holdings LLC'), 'General Director'],
      ['owns', slugOf('Olga Fixturova'), slugOf('Fixture Holdings LLC'), '51%'],
      ['family_of', slugOf('Ivan Testovich Fixturov'), slugOf('Olga Fixturova'), 'Spouse'],
      ['sanctioned_by', slugOf('Fixture Holdings LLC'), slugOf('Office of Fixture Control'), 'FIXTURE-1'],
      ['sanctioned_by', slugOf('Ivan Testovich Fixturov'), slugOf('Office of Fixture Control'), ''],
    ]);
  });

  it('gives every tie one claim, needing review, citing the one source of the file', () => {
    expect(document.sources).toHaveLength(1);
    const [source] = document.sources;
    expect(source).toMatchObject({ title: 'FollowTheMoney import: fixture.ftm.jsonl', reliability: 'B' });
    for (const t of document.ties) {
      expect(t.claims).toHaveLength(1);
      expect(t.claims[0]).toMatchObject({ source: source.id, credibility: 3, status: 'needs_review' });
      expect(t.claims[0].quote.length).toBeLessThanOrEqual(2000);
    }
    expect(document.ties[0].claims[0].quote).toContain('Directorship: Ivan Testovich Fixturov → Fixture Holdings LLC (General Director)');
  });

  it('uses the title given for the source', () => {
    expect(ftmToDocument(text, { fileName: 'f.jsonl', title: 'OpenSanctions, November' }).document.sources[0].title).toBe('OpenSanctions, November');
  });

  it('skips things and links to unknown ids, counting them and saying why', () => {
    expect(skipped).toEqual({ Address: 1, Directorship: 1 });
    expect(warnings.some((w) => w.includes('fx-dir-2') && w.includes('fx-nobody'))).toBe(true);
  });

  it('reads dates with their precision: the earliest start, the latest end; unreadable ones are dropped', () => {
    expect(actor('Ivan Testovich Fixturov')).toMatchObject({ start: { date: '1961-05', precision: 'month' }, end: null });
    expect(warnings.some((w) => w.includes('2020-02-30'))).toBe(true);
    expect(actor('Olga Fixturova').start).toEqual({ date: '1965', precision: 'year' });
    expect(actor('Fixture Holdings LLC')).toMatchObject({ start: { date: '2001', precision: 'year' }, end: { date: '2024-03-15', precision: 'day' } });
    const lead = document.ties.find((t) => t.type === 'leads')!;
    expect(lead).toMatchObject({ start: { date: '2015-03-01', precision: 'day' }, end: { date: '2019', precision: 'year' } });
    expect(document.ties.filter((t) => t.type === 'sanctioned_by').map((t) => t.start)).toEqual([
      { date: '2022-02-24', precision: 'day' },
      { date: '2022-06', precision: 'month' },
    ]);
    expect(ftmDate('2002-10-02T12:00:00')).toEqual({ date: '2002-10-02', precision: 'day' });
    expect(ftmDate('2002-13')).toBeNull();
    expect(ftmDate('circa 1990')).toBeNull();
  });

  it('keeps name variants with script, language and kind, without repeats', () => {
    const names = actor('Ivan Testovich Fixturov').names!;
    expect(names).toEqual([
      { name: 'Ivan Testovich Fixturov', script: 'Latn', lang: 'en', kind: 'alias' },
      { name: 'FIXTUROV, Ivan', script: 'Latn', lang: 'en', kind: 'alias' },
      { name: 'Иван Тестович Фикстуров', script: 'Cyrl', lang: 'ru', kind: 'alias' },
      { name: 'Іван Фікстураў', script: 'Cyrl', lang: 'be', kind: 'alias' },
      { name: 'Ivan Oldname', script: 'Latn', lang: 'en', kind: 'former' },
    ]);
    expect(guessScript('Захарова Марія Олександрівна')).toEqual({ script: 'Cyrl', lang: 'be' });
    expect(guessScript('Марія Їжакевич')).toEqual({ script: 'Cyrl', lang: 'uk' });
  });

  it('caps name variants at 30', () => {
    const many = JSON.stringify({ id: 'many', schema: 'Person', caption: 'Many Names', properties: { alias: Array.from({ length: 50 }, (_, i) => `Alias ${i}`) } });
    expect(ftmToDocument(many, { fileName: 'm.jsonl' }).document.actors[0].names).toHaveLength(30);
  });

  it('makes slugs from the caption, transliterated, plus a hash of the FtM id', () => {
    expect(slugOf('Ivan Testovich Fixturov')).toMatch(/^ivan-testovich-fixturov-[0-9a-f]{6}$/);
    expect(slugify('Виталий Юрьевич КУЗЬМЕНКО')).toBe('vitalii-iurevich-kuzmenko');
    const cyrillic = ftmToDocument(JSON.stringify({ id: 'x1', schema: 'Company', caption: 'ООО «Ижтелеком»', properties: {} }), { fileName: 'c.jsonl' });
    expect(cyrillic.document.actors[0].slug).toMatch(/^ooo-izhtelekom-[0-9a-f]{6}$/);
  });

  it('gives the same ids on a second conversion, so a re-import updates in place', () => {
    const again = convert().document;
    expect(again).toEqual(document);
    const ids = (d: typeof document) => [...d.actors.map((a) => a.slug), ...d.ties.flatMap((t) => [t.id, ...t.claims.map((c) => c.id)]), ...d.sources.map((s) => s.id)];
    expect(ids(again)).toEqual(ids(document));
    expect(new Set(ids(document)).size).toBe(ids(document).length);
  });

  it('refuses text that is not JSON lines, naming the lines', () => {
    const bad = `${JSON.stringify(entities[0])}\n{not json\n\n{"schema":"Person"}\n`;
    const error = (() => {
      try {
        ftmToDocument(bad, { fileName: 'bad.jsonl' });
      } catch (e) {
        return e;
      }
    })() as FtmFormatError;
    expect(error).toBeInstanceOf(FtmFormatError);
    expect(error.problems[0]).toMatch(/^line 2: not JSON/);
    expect(error.problems[1]).toBe('line 4: no "id"');
    expect(() => ftmToDocument('\n\n', { fileName: 'empty.jsonl' })).toThrow(/no entities/);
  });

  it('shows a name in capitals readably and keeps the list’s spelling as a variant', () => {
    const shouted = ftmToDocument(JSON.stringify({ id: 'caps-1', schema: 'Person', caption: 'Alexander Vyacheslavovich ZAKHAROV', properties: { name: ['Alexander Vyacheslavovich ZAKHAROV'] } }), {
      fileName: 'caps.jsonl',
    }).document.actors[0];
    expect(shouted.name).toBe('Alexander Vyacheslavovich Zakharov');
    expect(shouted.names?.map((n) => n.name)).toEqual(['Alexander Vyacheslavovich Zakharov', 'Alexander Vyacheslavovich ZAKHAROV']);
    expect(shouted.slug).toMatch(/^alexander-vyacheslavovich-zakharov-/);
    const company = ftmToDocument(JSON.stringify({ id: 'caps-2', schema: 'Company', caption: 'OOO TESTNEFT', properties: {} }), { fileName: 'caps.jsonl' }).document.actors[0];
    expect(company.name).toBe('OOO TESTNEFT');
  });

  it('gives people and organisations the faction of their kind’s rule, others the one faction', () => {
    const { document: ruled } = ftmToDocument(text, { fileName: 'fixture.ftm.jsonl', faction: 'other', factionByKind: { organization: 'west' } });
    expect(ruled.actors.map((a) => [a.kind, a.faction])).toEqual([
      ['person', 'other'],
      ['person', 'other'],
      ['organization', 'west'],
      ['organization', 'west'],
    ]);
  });

  it('counts the entities of each schema', () => {
    expect(convert().schemas).toEqual({ Person: 2, Company: 1, Directorship: 2, Ownership: 1, Family: 1, Sanction: 2, Address: 1 });
  });

  it('refuses one id given to entities of different schemas, naming the id and the schemas', () => {
    const clash = [entities[0], { ...entities[2], id: 'fx-person-1' }, entities[1], { ...entities[1] }].map((e) => JSON.stringify(e)).join('\n');
    expect(() => ftmToDocument(clash, { fileName: 'clash.jsonl' })).toThrow(FtmFormatError);
    expect(() => ftmToDocument(clash, { fileName: 'clash.jsonl' })).toThrow('the id fx-person-1 is used for entities of different schemas (Person, Company)');
  });
});
