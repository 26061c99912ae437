// An import document's lists are bounded, and a document with any number of problems is refused
// with readable reasons: a million-element list used to overflow the stack and answer
// "Something went wrong".
import { describe, expect, it } from 'vitest';
import { invalidInput } from '../../lib/data/errors';
import { IMPORT_LIMITS, safeParseImportDocument } from '../../lib/validation/import-document';

const messageOf = (input: unknown) => {
  const result = safeParseImportDocument(input);
  if (result.success) throw new Error('expected a refusal');
  return invalidInput(result.error, 'Import document').message;
};

describe('import document limits', () => {
  it('refuses a million-element list at once, saying the limit and the count', () => {
    const message = messageOf({ sources: [], actors: Array.from({ length: 1_000_000 }, () => ({})), ties: [] });
    expect(message).toBe('Import document is invalid: actors: At most 100,000 actors in one file (this one has 1,000,000): split it into several imports');
  });

  it('bounds every list, claims per actor or tie included', () => {
    expect(messageOf({ sources: Array(IMPORT_LIMITS.sources + 1).fill({}), actors: [], ties: [] })).toMatch(/sources: At most 100,000 sources in one file \(this one has 100,001\)/);
    expect(messageOf({ sources: [], actors: [], ties: Array(IMPORT_LIMITS.ties + 1).fill({}) })).toMatch(/ties: At most 500,000 ties in one file/);
    const claims = Array.from({ length: IMPORT_LIMITS.claims + 1 }, (_, i) => ({ id: `c${i}`, source: 's', quote: 'q', credibility: 2 }));
    const doc = { sources: [], actors: [{ slug: 'a', name: 'A', kind: 'person', faction: 'other', claims }], ties: [] };
    expect(messageOf(doc)).toMatch(/actors\.0\.claims: At most 1,000 claims on one actor or tie \(this one has 1,001\)/);
  });

  it('refuses 50,000 broken actors (200,000 problems) with the first problems, not a stack overflow', () => {
    const result = safeParseImportDocument({ sources: [], actors: Array.from({ length: 50_000 }, () => ({})), ties: [] });
    expect(result.success).toBe(false);
    const issues = result.error!.issues;
    expect(issues.length).toBe(101);
    expect(issues.slice(0, 100).every((i) => i.path[0] === 'actors')).toBe(true);
    expect(issues.at(-1)!.message).toBe('The document has more problems than these 100: fix these first');
    expect(invalidInput(result.error!, 'Import document').message).toMatch(/^Import document is invalid: actors\.0\.\w+: /);
  }, 30_000);

  it('still reports unknown actors beside a tie with no claims (the document checks run as before)', () => {
    const doc = { sources: [], actors: [{ slug: 'a', name: 'A', kind: 'person', faction: 'other' }], ties: [{ id: 't', source: 'a', target: 'nobody', type: 'leads', claims: [] }] };
    const message = messageOf(doc);
    expect(message).toContain('ties.0.claims: Every tie needs at least one claim');
    expect(message).toContain('ties.0.target: Unknown actor "nobody"');
  });
});
