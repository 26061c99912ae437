// Analysts' judgements on pairs suggested as duplicates: same, different or unsure, one row per
// pair (the smaller actor id first), each change a revision ("judgement") naming who and why, and
// shown to the next analyst on /duplicates. What they imply for other pairs is the pure
// lib/graph/duplicate-judgements.ts.
import type { Db } from '../../db/client';
import type { DuplicateJudgementDto } from '../../domain/duplicate-responses';
import { pairKey, type Judgement, type Verdict } from '../../graph/duplicate-judgements';
import { judgePairSchema } from '../../validation/duplicates';
import { AppError, notFound, parseInput } from '../errors';
import { assertVersion, inTransaction } from '../mutation';
import { authorNameOf, requireRole, type Principal } from '../principal';
import { recordRevision } from '../revisions';

/** Every judgement (a human-sized table: one row per pair an analyst looked at), for inference and display. */
export async function readJudgements(db: Db): Promise<{ rows: Judgement[]; byPair: Map<string, DuplicateJudgementDto> }> {
  const rows = await db.duplicateJudgement.findMany({ orderBy: { updatedAt: 'asc' } });
  const byPair = new Map<string, DuplicateJudgementDto>();
  for (const r of rows) {
    byPair.set(pairKey(r.actorAId, r.actorBId), { verdict: r.verdict as Verdict, reason: r.reason, by: r.authorName, at: r.updatedAt.toISOString(), version: r.version });
  }
  return { rows: rows.map((r) => ({ actorAId: r.actorAId, actorBId: r.actorBId, verdict: r.verdict as Verdict })), byPair };
}

export interface JudgementRecord extends DuplicateJudgementDto {
  a: string;
  b: string;
}

/** Records an analyst's verdict on a pair. Changing a pair someone judged needs the version they saw, as any write. */
export async function judgePair(principal: Principal, input: unknown): Promise<JudgementRecord> {
  requireRole(principal, 'analyst');
  const { a, b, verdict, reason, version } = parseInput(judgePairSchema, input, 'Judgement');
  if (a === b) throw new AppError('invalid', 'b: an actor is always the same as itself; choose two actors', { fieldErrors: { b: ['Choose another actor'] } });
  return inTransaction(async (tx) => {
    const actors = await tx.actor.findMany({ where: { slug: { in: [a, b] }, deletedAt: null }, select: { id: true, slug: true } });
    for (const slug of [a, b]) if (!actors.some((x) => x.slug === slug)) throw notFound(`Actor "${slug}"`);
    const [first, second] = [...actors].sort((x, y) => (x.id < y.id ? -1 : 1));
    const existing = await tx.duplicateJudgement.findUnique({ where: { actorAId_actorBId: { actorAId: first.id, actorBId: second.id } } });
    const state = (v: { verdict: string; reason: string }) => ({ a: first.slug, b: second.slug, verdict: v.verdict, reason: v.reason });
    const author = { authorId: principal.type === 'user' ? principal.userId : null, authorName: authorNameOf(principal) };
    if (existing) {
      const current = { ...state(existing), by: existing.authorName, version: existing.version };
      if (version === undefined) {
        throw new AppError('conflict', `Someone judged this pair “${existing.verdict}” since you opened it. Nothing was saved: look at their judgement and judge again.`, { current });
      }
      assertVersion('The judgement of this pair', existing, version, current);
      const saved = await tx.duplicateJudgement.update({ where: { id: existing.id, version: existing.version }, data: { verdict, reason, ...author, version: existing.version + 1 } });
      await recordRevision(tx, principal, { entityType: 'judgement', entityId: saved.id, version: saved.version, action: 'update', before: state(existing), after: state(saved), reason });
      return { ...state(saved), verdict, by: saved.authorName, at: saved.updatedAt.toISOString(), version: saved.version };
    }
    const saved = await tx.duplicateJudgement.create({ data: { actorAId: first.id, actorBId: second.id, verdict, reason, ...author } });
    await recordRevision(tx, principal, { entityType: 'judgement', entityId: saved.id, version: 1, action: 'create', before: null, after: state(saved), reason });
    return { ...state(saved), verdict, by: saved.authorName, at: saved.updatedAt.toISOString(), version: 1 };
  });
}
