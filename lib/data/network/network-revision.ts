// The network's revision: a counter in a one-row table that every audited change bumps inside
// its own transaction (lib/data/revisions.ts recordRevision calls bumpNetworkRevision), so a
// cache key derived from it changes exactly when the network does and holds across several app
// servers sharing one PostgreSQL, where an in-process invalidation would not.
//
// Stable API (the map's payload route and its ETag use it):
//   bumpNetworkRevision(tx: Tx): Promise<void>  — inside a writing transaction; one increment per transaction
//   getNetworkRevision(): Promise<number>       — the committed revision. Read it BEFORE the data it
//     keys: a change committed in between then leaves the key older than the data (a harmless
//     extra miss later), never newer (a stale hit).
import { getDb, type Tx } from '../../db/client';

/**
 * Transactions run through lib/data/mutation.ts inTransaction, whose bump waits until their
 * work is done (true once a revision asked for it). Taking the row's lock as the transaction's
 * last statement means no PostgreSQL writer ever waits for another while holding it, so two
 * writers cannot deadlock on it. Everything else bumps at once.
 */
const deferred = new WeakMap<object, boolean>();
/** Transactions that already bumped: once per transaction is enough for a cache key. */
const bumped = new WeakSet<object>();

async function incrementRow(tx: Tx): Promise<void> {
  // An upsert rather than a plain UPDATE, so a database whose row went missing heals itself.
  await tx.networkRevision.upsert({ where: { id: 1 }, create: { id: 1, revision: 1 }, update: { revision: { increment: 1 } } });
}

export async function bumpNetworkRevision(tx: Tx): Promise<void> {
  if (deferred.has(tx)) {
    deferred.set(tx, true);
    return;
  }
  // The bare client (not a transaction) has $transaction: never remember it, or it would bump once per process.
  const isTransaction = !('$transaction' in tx);
  if (isTransaction && bumped.has(tx)) return;
  if (isTransaction) bumped.add(tx);
  await incrementRow(tx);
}

/** Runs a transaction's work, then bumps the revision once if the work asked for it. For inTransaction. */
export async function bumpingLast<T>(tx: Tx, work: () => Promise<T>): Promise<T> {
  deferred.set(tx, false);
  const result = await work();
  const wanted = deferred.get(tx);
  deferred.delete(tx);
  if (wanted) await incrementRow(tx);
  return result;
}

export async function getNetworkRevision(): Promise<number> {
  const db = await getDb();
  const row = await db.networkRevision.findUnique({ where: { id: 1 }, select: { revision: true } });
  return row?.revision ?? 0;
}
