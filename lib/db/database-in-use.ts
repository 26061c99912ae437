// A clear refusal when another process holds the SQLite file: a second `npm start`, a backup
// tool or an sqlite3 shell with an open transaction. SQLite answers SQLITE_BUSY once the busy
// timeout runs out; the driver adapter reports that as kind 'SocketTimeout', a kind the schema
// engine's WebAssembly build cannot name, so without this the person sees
// "unknown variant `SocketTimeout`" and no hint of what to do.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { SQLITE_BUSY_TIMEOUT_MS } from './adapter';

export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
  constructor(
    readonly file: string,
    readonly holders: readonly ProcessHoldingFile[],
  ) {
    super(databaseInUseMessage(file, holders));
  }
}

export interface ProcessHoldingFile {
  pid: number;
  command: string;
}

/** SQLite said it is busy: the error a driver adapter throws for SQLITE_BUSY. */
export function isSqliteBusy(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== 'DriverAdapterError') return false;
  const cause = (error as Error & { cause?: unknown }).cause;
  return typeof cause === 'object' && cause !== null && (cause as { kind?: unknown }).kind === 'SocketTimeout';
}

export function databaseInUseMessage(file: string, holders: readonly ProcessHoldingFile[]): string {
  const shown = path.relative(process.cwd(), file).startsWith('..') ? file : path.relative(process.cwd(), file);
  const who = holders.length
    ? `Processes that have it open: ${holders.map((h) => `${h.pid} (${h.command})`).join(', ')}.`
    : 'Usually that is another `npm start` or `npm run db:migrate` on the same file, a backup tool, or an sqlite3 shell with an open transaction.';
  return [
    `The SQLite database ${shown} is locked by another process: it kept the lock for more than ${SQLITE_BUSY_TIMEOUT_MS / 1000} s, and migrations need the file to themselves.`,
    who,
    'Stop that process or let it finish, then run the command again.',
  ].join('\n');
}

/**
 * Other processes with the file (or its WAL) open, read from /proc where there is one; an
 * empty list elsewhere or when nothing can be seen. Helps the person find the holder.
 */
export function processesHoldingFile(file: string): ProcessHoldingFile[] {
  const targets = new Set([file, `${file}-wal`, `${file}-shm`, `${file}-journal`]);
  const found: ProcessHoldingFile[] = [];
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid);
  } catch {
    return [];
  }
  for (const pid of pids) {
    try {
      const fds = readdirSync(`/proc/${pid}/fd`);
      if (!fds.some((fd) => targets.has(safeReadlink(`/proc/${pid}/fd/${fd}`)))) continue;
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
      found.push({ pid: Number(pid), command: command.length > 80 ? `${command.slice(0, 77)}…` : command });
    } catch {
      // Not ours to read, or gone already.
    }
  }
  return found;
}

function safeReadlink(p: string): string {
  try {
    return readlinkSync(p);
  } catch {
    return '';
  }
}
