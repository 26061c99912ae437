// The rows of an actor's names: the ones a person or a source gave (its state's `names`, with no
// scheme) and the transliterations generated from them (lib/domain/transliteration), which carry
// the schemes that give them. Every write of names goes through nameRows: creating and updating
// an actor, editing its name variants, restoring a revision, import and seed; the start-up repair
// (generateMissingNames) fills in databases written before generation existed.
import { getDb, type Tx } from '../../db/client';
import { generateNames } from '../../domain/transliteration/generate-names';
import { normaliseForSearch } from '../../graph/search';
import type { ActorState } from '../records';

export interface NameRow {
  name: string;
  normalized: string;
  lang: string;
  script: string;
  kind: string;
  scheme: string | null;
}

/** One row per (name, language), as the database's unique key wants: the first given wins. */
export function dedupeNames<N extends { name: string; lang: string }>(names: readonly N[]): N[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = `${n.name}\u0000${n.lang}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every row an actor with this label and these given names stores. */
export function nameRows(label: string, names: ActorState['names']): NameRow[] {
  const given = dedupeNames(names).map((n) => ({ name: n.name, lang: n.lang, script: n.script, kind: n.kind as string, scheme: null }));
  const generated = generateNames(label, given);
  return [...given, ...generated].map((n) => ({ ...n, normalized: normaliseForSearch(n.name) }));
}

/** Replaces an actor's name rows, inside the caller's transaction. */
export async function writeNames(tx: Tx, actorId: string, label: string, names: ActorState['names']): Promise<void> {
  await tx.actorName.deleteMany({ where: { actorId } });
  const rows = nameRows(label, names);
  if (rows.length) await tx.actorName.createMany({ data: rows.map((n) => ({ ...n, actorId })) });
}

/** Rows per statement in the repair: under SQLite's and Prisma's parameter limits (8 columns a row). */
const REPAIR_CHUNK = 500;

const key = (n: { name: string; lang: string; scheme: string | null }) => `${n.name}\u0000${n.lang}\u0000${n.scheme}`;

/**
 * Brings every actor's generated names to what the generator gives now: after the migration that
 * added them, and after a change of the tables. Returns how many actors changed. Cheap when
 * nothing is stale: one read of the names, no write. Derived data: no revision, and the actor's
 * updatedAt stays.
 */
export async function generateMissingNames(): Promise<number> {
  const db = await getDb();
  const [actors, names] = await Promise.all([
    db.actor.findMany({ select: { id: true, name: true } }),
    db.actorName.findMany({ select: { id: true, actorId: true, name: true, lang: true, script: true, kind: true, scheme: true } }),
  ]);
  const namesOf = new Map<string, typeof names>();
  for (const n of names) (namesOf.get(n.actorId) ?? namesOf.set(n.actorId, []).get(n.actorId)!).push(n);
  const stale: { actorId: string; remove: string[]; add: NameRow[] }[] = [];
  for (const actor of actors) {
    const stored = namesOf.get(actor.id) ?? [];
    const given = stored.filter((n) => !n.scheme);
    const wanted = generateNames(actor.name, given).map((n) => ({ ...n, normalized: normaliseForSearch(n.name) }));
    const have = stored.filter((n) => n.scheme);
    const wantedKeys = new Set(wanted.map(key));
    const haveKeys = new Set(have.map(key));
    const remove = have.filter((n) => !wantedKeys.has(key(n))).map((n) => n.id);
    const add = wanted.filter((n) => !haveKeys.has(key(n)));
    if (remove.length || add.length) stale.push({ actorId: actor.id, remove, add });
  }
  if (!stale.length) return 0;
  // Batched, so a 20,000-actor database written before generation fills in within seconds.
  const removals = stale.flatMap((s) => s.remove);
  const additions = stale.flatMap(({ actorId, add }) => add.map((n) => ({ ...n, actorId })));
  await db.$transaction(async (tx) => {
    for (let i = 0; i < removals.length; i += REPAIR_CHUNK) await tx.actorName.deleteMany({ where: { id: { in: removals.slice(i, i + REPAIR_CHUNK) } } });
    for (let i = 0; i < additions.length; i += REPAIR_CHUNK) await tx.actorName.createMany({ data: additions.slice(i, i + REPAIR_CHUNK) });
  }, { timeout: 120_000, maxWait: 30_000 }); // a start-up repair of a 20,000-actor file outlasts the 5 s default
  return stale.length;
}
