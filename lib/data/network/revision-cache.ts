// Reads kept per network revision: the profile, tie and neighbourhood reads a page or
// GET /api/actors/{slug} repeats for every visitor are answered from memory until the network
// changes. The key holds the committed revision (network-revision.ts), read before the data, so
// a change made through any app server sharing the database makes every older entry unreachable:
// never a stale answer, at most one extra read after a change. It also holds what else the answer
// depends on: today (a profile's "current" and "past"), the audience (internal notes and their
// counts) and the caller's own key.
//
// Answers are shared between requests, so they are frozen: a caller that changed one would
// change it for everyone, and freezing turns that mistake into an error where it is made.
import { getDb, type Db } from '../../db/client';
import { todayIso } from '../../domain/dates';
import { canSeeInternal, type Principal } from '../principal';
import { getNetworkRevision } from './network-revision';

/** Entries kept (least recently used first out); a profile is a few kilobytes, a hub's a few hundred. */
const MAX_ENTRIES = 2_000;

/** Per connection: a process that reconnects to another database (tests do) never sees the first one's answers. */
const caches = new WeakMap<Db, Map<string, Promise<unknown>>>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * `load()` once per (scope, key, revision, today, audience); later calls share its answer while
 * the revision stands. Concurrent first calls share one read. A failed read is not kept.
 */
export async function cachedByRevision<T>(scope: string, key: string, principal: Principal, load: () => Promise<T>): Promise<T> {
  const db = await getDb();
  const entries = caches.get(db) ?? caches.set(db, new Map()).get(db)!;
  const revision = await getNetworkRevision();
  const full = JSON.stringify([scope, key, revision, todayIso(), canSeeInternal(principal) ? 'internal' : 'public']);
  const hit = entries.get(full);
  if (hit) {
    // Refreshes its place in the LRU order (a Map iterates in insertion order).
    entries.delete(full);
    entries.set(full, hit);
    return hit as Promise<T>;
  }
  const pending = load().then(deepFreeze);
  entries.set(full, pending);
  pending.catch(() => {
    if (entries.get(full) === pending) entries.delete(full);
  });
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return pending;
}

/** For tests: forget every entry of the current connection. */
export async function clearRevisionCache(): Promise<void> {
  caches.delete(await getDb());
}
