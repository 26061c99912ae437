// Every audited record type and its definition, for the code that handles any of them alike:
// history diffs (lib/history/diff.ts), restoring a version, the edit forms' converters.
import { actorRecord } from './actor';
import { claimRecord } from './claim';
import { noteRecord } from './note';
import { sourceRecord } from './source';
import { tieRecord } from './tie';

/** Keyed by the record types as addresses and people name them ("note", not the stored "annotation"). */
export const RECORDS = { actor: actorRecord, tie: tieRecord, claim: claimRecord, source: sourceRecord, note: noteRecord } as const;
export type RecordType = keyof typeof RECORDS;
