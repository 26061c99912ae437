// Two dates to compare: the map's `compare=2019-06-01..2021-06-01` and GET /api/graph/changes's
// `from` and `to`. The rest of either query is the map's own (graph-queries.ts).
import { z } from 'zod';
import { isoDaySchema } from './common';

export interface CompareWindow {
  from: string;
  to: string;
}

const ordered = (w: CompareWindow) => w.from < w.to;
const ORDER_MESSAGE = 'the first date must come before the second';

/** `from` and `to` as GET /api/graph/changes takes them. */
export const changesWindowSchema = z
  .object({ from: isoDaySchema, to: isoDaySchema })
  .refine(ordered, { message: ORDER_MESSAGE, path: ['to'] });

/** "2019-06-01..2021-06-01" as the map's address writes it. */
export const compareParamSchema = z.string().transform((raw, ctx): CompareWindow => {
  const [from = '', to = '', ...rest] = raw.split('..').map((p) => p.trim());
  const days = z.object({ from: isoDaySchema, to: isoDaySchema }).safeParse({ from, to });
  if (rest.length > 0 || !days.success) {
    ctx.addIssue({ code: 'custom', message: `"${raw}" is not two dates like 2019-06-01..2021-06-01` });
    return z.NEVER;
  }
  if (!ordered(days.data)) {
    ctx.addIssue({ code: 'custom', message: ORDER_MESSAGE });
    return z.NEVER;
  }
  return days.data;
});

export function writeCompareParam(w: CompareWindow): string {
  return `${w.from}..${w.to}`;
}
