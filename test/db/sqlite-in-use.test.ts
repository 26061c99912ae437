// Start-up with another process holding the SQLite file (a second `npm start`, a backup tool,
// an sqlite3 shell): nothing to migrate goes ahead; migrations that need the file say which
// file is locked and what to do, instead of the engine's "unknown variant `SocketTimeout`".
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseInUseError } from '../../lib/db/database-in-use';
import { applyMigrations } from '../../lib/db/schema-engine';
import { TEST_KIND } from '../support/test-database';

const file = path.join(os.tmpdir(), `powermap-in-use-${process.pid}.db`);
const config = { kind: 'sqlite' as const, url: `file:${file}` };
let holder: ChildProcess | undefined;

function reset() {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

/** Another process that opens the file in WAL mode and runs `statement` until told to stop. */
async function hold(statement: string): Promise<ChildProcess> {
  const script = `
    const [file, statement] = process.argv.slice(1);
    const db = new (require('better-sqlite3'))(file);
    db.pragma('journal_mode = WAL');
    if (statement) db.exec(statement);
    // A read inside the transaction takes the lock a backup tool holds while it copies.
    if (statement.startsWith('BEGIN')) db.prepare('SELECT count(*) FROM sqlite_master').get();
    console.log('held');
    process.stdin.resume();
    process.stdin.on('end', () => process.exit(0));`;
  const child = spawn(process.execPath, ['-e', script, file, statement], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  expect(line.toString().trim()).toBe('held');
  holder = child;
  return child;
}

async function release() {
  if (!holder) return;
  const exited = once(holder, 'exit');
  holder.stdin!.end();
  await exited;
  holder = undefined;
}

afterEach(async () => {
  await release();
  reset();
});

describe.runIf(TEST_KIND === 'sqlite')('SQLite held by another process at start-up', () => {
  it('migrating an up-to-date file goes ahead beside a running server or a backup holding a read', async () => {
    reset();
    expect((await applyMigrations(config)).length).toBeGreaterThan(0);
    for (const statement of ['', 'BEGIN', 'BEGIN IMMEDIATE']) {
      await hold(statement);
      expect(await applyMigrations(config), statement || 'idle connection').toEqual([]);
      await release();
    }
  });

  it('pending migrations on a locked file: a message that names the file and says what to do', async () => {
    reset();
    const child = await hold('BEGIN IMMEDIATE');
    const error = await applyMigrations(config).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseInUseError);
    const message = (error as Error).message;
    expect(message).toContain(`The SQLite database ${file} is locked by another process`);
    expect(message).toContain('Stop that process or let it finish, then run the command again.');
    expect(message).not.toMatch(/SocketTimeout|Schema engine failed/);
    // Where /proc can be read, the message names the holder by its process id.
    if (process.platform === 'linux') expect(message).toContain(`${child.pid} (`);

    await release();
    expect((await applyMigrations(config)).length).toBeGreaterThan(0);
  });
});
