// A driver adapter that reaches no database. The schema engine needs an adapter even to diff
// two datamodels; Prisma's own mock rejects every query, and the PostgreSQL flavour asks the
// server's version at start, so this one answers every query with no rows instead.
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { DatabaseKind } from './config';

export function offlineAdapterFactory(kind: DatabaseKind): SqlMigrationAwareDriverAdapterFactory {
  const provider = kind === 'sqlite' ? 'sqlite' : 'postgres';
  const adapter = {
    provider,
    adapterName: 'powermap-offline',
    queryRaw: async () => ({ columnNames: [], columnTypes: [], rows: [] }),
    executeRaw: async () => 0,
    executeScript: async () => {},
    startTransaction: async () => {
      throw new Error('The offline adapter has no database to open a transaction on');
    },
    dispose: async () => {},
  } as const;
  return {
    provider,
    adapterName: 'powermap-offline',
    connect: async () => adapter,
    connectToShadowDb: async () => adapter,
  } as unknown as SqlMigrationAwareDriverAdapterFactory;
}
