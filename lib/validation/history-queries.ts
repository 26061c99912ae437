// Inputs for reading and restoring history: one record's revisions, the recent changes across
// the database, going back to an earlier version and bringing back a deleted record.
import { z } from 'zod';
import { HISTORY_TYPES } from '../history/diff';
import { CHANGE_TYPES } from '../history/work-diff';
import { recordIdSchema } from './common';
import { blankAsAbsent } from './shared-queries';

const historyTypeSchema = z.enum(HISTORY_TYPES, { error: `Type is one of ${HISTORY_TYPES.join(', ')}` });

/** A record by type and id; an actor's id may also be its slug (both fit recordIdSchema). */
export const recordRefSchema = z.strictObject({ type: historyTypeSchema, id: recordIdSchema });
export type RecordRefInput = z.input<typeof recordRefSchema>;

/** A page of /history: every kind of record, or one (saved views and stories too). */
export const findRecentChangesSchema = z.strictObject({
  type: z.preprocess(blankAsAbsent, z.enum(CHANGE_TYPES, { error: `Type is one of ${CHANGE_TYPES.join(', ')}` }).optional()),
  page: z.preprocess(blankAsAbsent, z.coerce.number().int().min(1, 'Page is 1 or more').max(10_000).default(1)),
});
export type FindRecentChangesInput = z.input<typeof findRecentChangesSchema>;

const versionNumber = (what: string) => z.coerce.number({ error: `${what} is required` }).int().positive(`${what} is required`);

/** Going back to `version`; `currentVersion` is the version the analyst was looking at, checked like any edit. */
export const restoreVersionSchema = z.strictObject({
  type: historyTypeSchema,
  id: recordIdSchema,
  version: versionNumber('The version to restore'),
  currentVersion: versionNumber('The current version'),
});
export type RestoreVersionInput = z.input<typeof restoreVersionSchema>;

export const restoreDeletedSchema = recordRefSchema;
export type RestoreDeletedInput = z.input<typeof restoreDeletedSchema>;
