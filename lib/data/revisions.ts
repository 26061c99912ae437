// Revision recording: every change to an audited record writes one revision, inside the
// same transaction as the change, so no change is ever unrecorded, and bumps the network's
// revision (lib/data/network/network-revision.ts) in that transaction too.
import type { Tx } from '../db/client';
import type { DatabaseKind } from '../db/config';
import { insertRows, timestampCell } from './bulk-rows';
import { bumpNetworkRevision } from './network/network-revision';
import { newRecordId } from './record-ids';
import { authorIdOf, authorNameOf, originOf, type Principal } from './principal';

/**
 * The entityType revisions store for notes: "annotation", the name notes had when the first
 * revisions were written, so stored history keeps reading. Addresses and people say "note"
 * (lib/data/revisions/find-revisions.ts translates); only this constant spells the old name.
 */
export const NOTE_ENTITY_TYPE = 'annotation';

/** The entityType values revisions store. */
export const AUDITED_ENTITIES = ['actor', 'tie', 'claim', 'source', NOTE_ENTITY_TYPE, 'view', 'story', 'setting', 'judgement', 'merge', 'layout'] as const;
/**
 * A layout run's revision ("layout", lib/data/layout/run-layout-job.ts) moves the network's picture, so it bumps it like any change.
 * Saved views and stories are an analyst's own work and settings the admin's, not the network: their changes leave the network's
 * revision (and every map cache) alone. So do duplicate judgements; a merge's changes to actors and ties bump it through their own revisions.
 */
const OUTSIDE_THE_NETWORK: ReadonlySet<AuditedEntity> = new Set(['view', 'story', 'setting', 'judgement', 'merge']);
export type AuditedEntity = (typeof AUDITED_ENTITIES)[number];
/**
 * 'publish' and 'unpublish' are a view's or story's embed put up (or up again) and taken down: the
 * work itself is unchanged, so they carry its current version and nothing to restore.
 */
export type RevisionAction = 'create' | 'update' | 'delete' | 'restore' | 'publish' | 'unpublish';

export interface RevisionInput {
  entityType: AuditedEntity;
  entityId: string;
  version: number;
  action: RevisionAction;
  before: unknown;
  after: unknown;
  reason?: string;
}

/** Tests inject a fault here to prove a failed revision rolls the change back. */
let faultForTests: (() => void) | null = null;
export function setRevisionFaultForTests(fault: (() => void) | null) {
  faultForTests = fault;
}

const stateJson = (state: unknown) => (state === null || state === undefined ? null : JSON.stringify(state));

export async function recordRevision(tx: Tx, principal: Principal, input: RevisionInput): Promise<void> {
  faultForTests?.();
  await tx.revision.create({
    data: {
      entityType: input.entityType,
      entityId: input.entityId,
      version: input.version,
      action: input.action,
      before: stateJson(input.before),
      after: stateJson(input.after),
      authorId: authorIdOf(principal),
      authorName: authorNameOf(principal),
      origin: originOf(principal),
      reason: input.reason ?? '',
    },
  });
  // Every audited change of the network's records is a change of the network: caches keyed on its revision must miss.
  if (!OUTSIDE_THE_NETWORK.has(input.entityType)) await bumpNetworkRevision(tx);
}

const REVISION_COLUMNS = ['id', 'entityType', 'entityId', 'version', 'action', 'before', 'after', 'authorId', 'authorName', 'origin', 'reason', 'createdAt'] as const;

/** Many revisions in a few statements (imports): still one row per changed record, all stamped `at`. */
export async function recordRevisions(tx: Tx, kind: DatabaseKind, principal: Principal, inputs: readonly RevisionInput[], at: Date): Promise<void> {
  if (!inputs.length) return;
  faultForTests?.();
  const authorId = authorIdOf(principal);
  const authorName = authorNameOf(principal);
  const origin = originOf(principal);
  const createdAt = timestampCell(kind, at);
  const rows = inputs.map((input) => [
    newRecordId(), input.entityType, input.entityId, input.version, input.action, stateJson(input.before), stateJson(input.after), authorId, authorName, origin, input.reason ?? '', createdAt,
  ]);
  await insertRows(tx, { kind, table: 'Revision', columns: REVISION_COLUMNS }, rows);
  await bumpNetworkRevision(tx);
}
