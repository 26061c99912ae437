// The two providers' schemas cannot drift apart, and neither can a schema and its migrations.
import { describe, expect, it } from 'vitest';
import { diffDatamodels } from '../../lib/db/schema-engine';
import { DATABASE_KINDS, postgresSchemaFrom, readSchema, readSnapshot } from '../../lib/db/schema-files';

describe('schemas and migrations', () => {
  it('derives the PostgreSQL schema from the SQLite one (run npm run db:sync-schemas after editing)', async () => {
    expect(await readSchema('postgresql')).toBe(postgresSchemaFrom(await readSchema('sqlite')));
  });

  for (const kind of DATABASE_KINDS) {
    it(`has a ${kind} migration for every schema change (run npm run db:new-migration -- <name>)`, async () => {
      const snapshot = await readSnapshot(kind);
      expect(snapshot, 'migrations/schema.snapshot.prisma is missing').not.toBeNull();
      const sql = await diffDatamodels(kind, snapshot, await readSchema(kind));
      expect(sql.replace(/--.*$/gm, '').trim()).toBe('');
    });
  }
});
