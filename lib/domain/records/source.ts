// A source (an article, a report, a register): its fields and the inputs derived from them.
import type { z } from 'zod';
import { partialDateSchema, reliabilitySchema, requiredTextSchema, textSchema, webUrlSchema } from '../../validation/common';
import { defineRecord, optional, required } from './define-record';

export const sourceRecord = defineRecord(
  {
    title: required(requiredTextSchema(500, 'Title'), 'Title'),
    author: optional(textSchema(300), '', 'Author'),
    publisher: optional(textSchema(300), '', 'Publisher'),
    url: optional(webUrlSchema.nullable(), null, 'Link', 'url'),
    published: optional(partialDateSchema.nullable(), null, 'Published', 'date'),
    reliability: required(reliabilitySchema, 'Reliability', 'reliability'),
    /** The analyst's assessment of the source (not a note: notes are records of their own). */
    notes: optional(textSchema(4000), '', 'Assessment'),
  },
  { reasoned: true },
);

export type SourceState = z.output<typeof sourceRecord.state>;
export const createSourceSchema = sourceRecord.create;
export type CreateSourceInput = z.input<typeof createSourceSchema>;
export const updateSourceSchema = sourceRecord.update;
export type UpdateSourceInput = z.input<typeof updateSourceSchema>;
