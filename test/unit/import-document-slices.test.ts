// The import document is validated a slice of records at a time (lib/validation/import-document.ts),
// so a 300,000-tie file is never held twice; the problems are the ones the whole document's schema
// reports, at the same absolute paths, and a document handed over is let go as it is validated.
import { describe, expect, it } from 'vitest';
import { importDocumentSchema, safeParseImportDocument } from '../../lib/validation/import-document';

const source = { id: 's1', title: 'Source', reliability: 'B' };
const actor = (i: number) => ({ slug: `a${i}`, name: `Actor ${i}`, kind: 'person', faction: 'other' });
const tie = (i: number, from = `a${i % 10}`, to = `a${(i + 1) % 10}`) => ({ id: `t${i}`, source: from, target: to, type: 'associate_of', claims: [{ id: `c${i}`, source: 's1', quote: 'q', credibility: 2 }] });
const network = (ties: number) => ({ sources: [source], actors: Array.from({ length: 10 }, (_, i) => actor(i)), ties: Array.from({ length: ties }, (_, i) => tie(i)) });
const problems = (result: { error?: { issues: { code: string; path: PropertyKey[]; message: string }[] } }) => (result.error?.issues ?? []).map(({ code, path, message }) => ({ code, path, message }));

describe('import document validated in slices', () => {
  const broken: [string, (doc: ReturnType<typeof network>) => unknown][] = [
    ['a tie naming an unknown actor', (doc) => ((doc.ties[2345]!.target = 'nobody'), doc)],
    ['a duplicate tie and claim', (doc) => (doc.ties.push(tie(1500)), doc)],
    ['a record of the wrong type beside a rule problem', (doc) => ((doc.ties[1999] = 'tie' as never), (doc.ties[5]!.source = 'nobody'), doc)],
    ['a missing field', (doc) => (delete (doc.actors[3] as Partial<ReturnType<typeof actor>>).name, doc)],
    ['a tie without claims and an unknown source', (doc) => ((doc.ties[1200]!.claims = []), (doc.ties[3000]!.claims[0]!.source = 'nowhere'), doc)],
    ['an unknown key', (doc) => ({ ...doc, extra: 1 })],
    ['an unknown key beside an unknown actor', (doc) => ((doc.ties[2001]!.source = 'nobody'), { ...doc, extra: 1 })],
    ['not an object', () => 'text'],
    ['a list that is not a list', (doc) => ({ ...doc, ties: {} })],
  ];
  it.each(broken)('reports %s as the whole document schema does', (_, spoil) => {
    const expected = problems(importDocumentSchema.safeParse(spoil(network(3500))));
    expect(expected.length).toBeGreaterThan(0);
    expect(problems(safeParseImportDocument(spoil(network(3500))))).toEqual(expected);
  });

  it('reports a bad record beyond the first slice at its absolute path', () => {
    const doc = network(3500);
    doc.ties[2345]!.target = 'nobody';
    expect(problems(safeParseImportDocument(doc))).toEqual([{ code: 'custom', path: ['ties', 2345, 'target'], message: 'Unknown actor "nobody"' }]);
  });

  it('gives the same validated document, and lets a handed-over input go', () => {
    const doc = network(2500);
    const expected = importDocumentSchema.parse(network(2500));
    const result = safeParseImportDocument(doc, { release: true });
    expect(result.data).toEqual(expected);
    expect(doc.ties.every((t) => t === undefined)).toBe(true);
    expect(doc.ties).toHaveLength(2500);
  });
});
