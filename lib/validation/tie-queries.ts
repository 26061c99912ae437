// Inputs for reading one tie (its page and GET /api/ties/{id}).
import { z } from 'zod';
import { recordIdSchema } from './common';

export const getTieSchema = z.strictObject({ id: recordIdSchema });
export type GetTieInput = z.input<typeof getTieSchema>;
