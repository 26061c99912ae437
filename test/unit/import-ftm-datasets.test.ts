// Real FollowTheMoney files (OpenSanctions data from the yente test fixtures, CC BY-NC 4.0,
// test input only: they live outside the project, in ../shared/datasets, and are never
// committed here). Skipped with a message where they are absent.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ftmToDocument } from '../../lib/import/ftm-to-document';
import { importDocumentSchema } from '../../lib/validation/import-document';
import { sharedDir } from '../support/shared-datasets';

const DIR = path.join(sharedDir(), 'datasets', 'opensanctions-yente-ftm');

const cases = [
  // zala: 6 Person, 11 Company; 14 Ownership, 4 Family, 3 Directorship, 41 Sanction (19 authorities); Address and Passport skipped.
  { file: 'zala-entities.ftm.jsonl', people: 6, organisations: 11 + 19, ties: { owns: 14, family_of: 4, leads: 3, sanctioned_by: 41 }, skipped: { Address: 11, Passport: 1 } },
  // t1: 4 Person, 2 Organization, 1 Address; no relationships.
  { file: 't1-entities.ftm.jsonl', people: 4, organisations: 2, ties: {}, skipped: { Address: 1 } },
];

for (const c of cases) {
  const file = path.join(DIR, c.file);
  const present = existsSync(file);
  if (!present) console.warn(`Skipping the ${c.file} conversion test: ${file} is not there (the shared OpenSanctions test datasets are not installed).`);

  describe.skipIf(!present)(`converting ${c.file}`, () => {
    // A skipped describe still runs its body to collect tests: read the file only where it exists.
    const { document, skipped, warnings } = present
      ? ftmToDocument(readFileSync(file, 'utf8'), { fileName: c.file })
      : { document: { sources: [], actors: [], ties: [] }, skipped: {}, warnings: [] };

    it('gives a document that validates', () => {
      const parsed = importDocumentSchema.safeParse(document);
      expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 5))).toBe(true);
      expect(warnings).toEqual([]);
    });

    it('has the expected people, organisations and ties', () => {
      expect(document.actors.filter((a) => a.kind === 'person')).toHaveLength(c.people);
      expect(document.actors.filter((a) => a.kind === 'organization')).toHaveLength(c.organisations);
      const types: Record<string, number> = {};
      for (const t of document.ties) types[t.type] = (types[t.type] ?? 0) + 1;
      expect(types).toEqual(c.ties);
      expect(skipped).toEqual(c.skipped);
    });
  });
}
