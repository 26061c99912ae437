// One name of an actor in one language and script. Name variants are edited, stored in
// revisions and imported as part of their actor (lib/domain/records/actor.ts).
import { z } from 'zod';
import { NAME_KINDS } from '../vocabulary';
import { requiredTextSchema } from '../../validation/common';
import { defineRecord, required } from './define-record';

export const nameVariantRecord = defineRecord(
  {
    name: required(requiredTextSchema(300, 'Name'), 'Name'),
    /** BCP 47 language: "be", "ru", "en", "pl"… */
    lang: required(z.string().regex(/^[a-z]{2,3}$/, 'Language is a 2 or 3 letter code'), 'Language', 'key'),
    /** ISO 15924 script: "Cyrl", "Latn"… */
    script: required(z.string().regex(/^[A-Z][a-z]{3}$/, 'Script is an ISO 15924 code such as Cyrl or Latn'), 'Script', 'key'),
    kind: required(z.enum(NAME_KINDS), 'Kind', 'status'),
  },
  { reasoned: false },
);

/** A name variant as a create, an update of its actor, or an import gives it: every field required. */
export const nameVariantSchema = nameVariantRecord.create;
export type NameVariantInput = z.input<typeof nameVariantSchema>;
export type NameVariantState = z.output<typeof nameVariantRecord.state>;
