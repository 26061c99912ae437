// Migrations without Prisma's native schema-engine binary: the official WebAssembly build
// (@prisma/schema-engine-wasm) driven through our driver adapter. It records
// _prisma_migrations exactly as `prisma migrate deploy` does, so both stay interchangeable.
import { readFile, readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { createAdapterFactory } from './adapter';
import { DatabaseInUseError, isSqliteBusy, processesHoldingFile } from './database-in-use';
import { offlineAdapterFactory } from './offline-adapter';
import { prismaDir, type DatabaseConfig, type DatabaseKind } from './config';

const require = createRequire(import.meta.url);

type WasmModule = typeof import('@prisma/schema-engine-wasm');
let wasmModule: Promise<WasmModule> | undefined;

/** The package imports its .wasm as an ES module; we instantiate it ourselves so no Node flag is needed. */
function loadWasm(): Promise<WasmModule> {
  wasmModule ??= (async () => {
    const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bg = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as WasmModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = await readFile(bgPath.replace(/\.js$/, '.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return wasmModule;
}

const noFilters = { externalTables: [], externalEnums: [] };

async function withEngine<T>(config: DatabaseConfig | null, kind: DatabaseKind, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadWasm();
  const schemaPath = path.join(prismaDir(kind), 'schema.prisma');
  const schema = await readFile(schemaPath, 'utf8');
  // Diffs between datamodels touch no database: an offline adapter stands in for one.
  const factory = config ? createAdapterFactory(config) : offlineAdapterFactory(kind);
  // engine.free() leaves the adapter's connections open (a SQLite file stays locked), so we
  // keep every connection the engine opens and dispose of them ourselves.
  const opened: { dispose(): Promise<void> }[] = [];
  const tracked = {
    ...factory,
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => track(await factory.connect()),
    connectToShadowDb: async () => track(await factory.connectToShadowDb()),
  } as typeof factory;
  // SQLite's "busy" reaches the engine as an error kind it cannot name; noticing it on the way
  // lets us say that another process holds the file instead of passing the engine's confusion on.
  let busy = false;
  function track<C extends { dispose(): Promise<void> }>(connection: C): C {
    opened.push(connection);
    return noticeBusy(connection, () => (busy = true));
  }
  const logs: string[] = [];
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    (log: string) => logs.push(log),
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  try {
    return await run(engine);
  } catch (error) {
    if (busy && config?.kind === 'sqlite') throw databaseInUse(config);
    throw new Error(`Schema engine failed: ${describe(error)}${logs.length ? `\n${logs.slice(-5).join('\n')}` : ''}`);
  } finally {
    engine.free();
    await Promise.all(opened.map((c) => c.dispose().catch(() => undefined)));
  }
}

/** The connection (and the transactions it starts), calling `onBusy` whenever SQLite reports busy. */
function noticeBusy<C extends object>(target: C, onBusy: () => void): C {
  return new Proxy(target, {
    get(obj, key, receiver) {
      const value = Reflect.get(obj, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const seen = (error: unknown) => {
          if (isSqliteBusy(error)) onBusy();
          throw error;
        };
        try {
          const result = value.apply(obj, args);
          if (!(result instanceof Promise)) return result;
          return result.then((r) => (key === 'startTransaction' && r && typeof r === 'object' ? noticeBusy(r, onBusy) : r), seen);
        } catch (error) {
          return seen(error);
        }
      };
    },
  });
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error && 'message' in error) return String((error as { message: unknown }).message);
  return JSON.stringify(error);
}

export async function readMigrations(kind: DatabaseKind) {
  const baseDir = path.join(prismaDir(kind), 'migrations');
  const entries = (await readdir(baseDir).catch(() => [] as string[])).sort();
  const migrationDirectories = [];
  for (const name of entries) {
    if (!(await stat(path.join(baseDir, name))).isDirectory()) continue;
    const content = await readFile(path.join(baseDir, name, 'migration.sql'), 'utf8');
    migrationDirectories.push({ path: name, migrationFile: { path: 'migration.sql', content: { tag: 'ok' as const, value: content } } });
  }
  const lockPath = path.join(baseDir, 'migration_lock.toml');
  const lock = await readFile(lockPath, 'utf8').catch(() => null);
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: lock },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/** Applies every pending migration; returns the names just applied (empty when up to date). */
export async function applyMigrations(config: DatabaseConfig): Promise<string[]> {
  const migrationsList = await readMigrations(config.kind);
  if (await upToDate(config, migrationsList.migrationDirectories.map((d) => d.path))) return [];
  return withEngine(config, config.kind, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return out.appliedMigrationNames;
  });
}

/**
 * True when _prisma_migrations records every migration folder as applied and none as failed.
 * Asked over an ordinary connection first because the engine locks a SQLite file exclusively
 * even when it has nothing to do: a second `npm start` beside a running one, or a backup
 * holding a read, would otherwise stop start-up although no migration is pending.
 */
async function upToDate(config: DatabaseConfig, folders: readonly string[]): Promise<boolean> {
  const connection = await createAdapterFactory(config).connect();
  try {
    const { rows } = await connection.queryRaw({
      sql: `SELECT migration_name,
              CASE WHEN finished_at IS NOT NULL AND rolled_back_at IS NULL THEN 1 ELSE 0 END AS done,
              CASE WHEN finished_at IS NULL AND rolled_back_at IS NULL THEN 1 ELSE 0 END AS failed
            FROM _prisma_migrations`,
      args: [],
      argTypes: [],
    });
    // A failed migration is the engine's to report; anything missing is the engine's to apply.
    if (rows.some((row) => Number(row[2]) === 1)) return false;
    const applied = new Set(rows.filter((row) => Number(row[1]) === 1).map((row) => String(row[0])));
    return folders.every((name) => applied.has(name));
  } catch (error) {
    if (isSqliteBusy(error) && config.kind === 'sqlite') throw databaseInUse(config);
    return false; // no _prisma_migrations yet: a new database
  } finally {
    await connection.dispose().catch(() => undefined);
  }
}

function databaseInUse(config: DatabaseConfig): DatabaseInUseError {
  const file = config.url.replace(/^file:/, '');
  return new DatabaseInUseError(file, processesHoldingFile(file));
}

/** SQL that takes a database from the `from` datamodel to the `to` datamodel (null: empty database). */
export async function diffDatamodels(kind: DatabaseKind, from: string | null, to: string): Promise<string> {
  return withEngine(null, kind, async (engine) => {
    const target = (content: string | null) =>
      content === null ? { tag: 'empty' as const } : { tag: 'schemaDatamodel' as const, files: [{ path: 'schema.prisma', content }] };
    const result = await engine.diff({ from: target(from), to: target(to), script: true, exitCode: null, filters: noFilters });
    return result.stdout ?? '';
  });
}
