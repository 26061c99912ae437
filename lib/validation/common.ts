// Zod building blocks shared by every input schema: slugs, partial dates, grades.
import { z } from 'zod';
import { fitsPrecision, ISO_DAY_PATTERN, isRealDay, normaliseDate } from '../domain/dates';
import {
  CLAIM_STANCES,
  CLAIM_STATUSES,
  CREDIBILITY_GRADES,
  DATE_PRECISIONS,
  RELIABILITY_GRADES,
} from '../domain/vocabulary';

// zod compiles parsers with `new Function` where it can, and even its probe for that is reported
// as a violation under our CSP (no 'unsafe-eval', lib/http/security-headers.ts) when a form
// validates in the browser. Every schema imports this module, so turn it off once, here.
z.config({ jitless: true });

export const slugSchema = z
  .string()
  .min(1, 'Slug is required')
  .max(120, 'Slug is at most 120 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Slug uses lowercase letters, digits and single hyphens');

/** Record ids: seeded ones are readable slugs, created ones are cuids; both fit this. */
export const recordIdSchema = z
  .string()
  .min(1, 'Id is required')
  .max(120, 'Id is at most 120 characters')
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'Id uses lowercase letters, digits, hyphens and underscores');

/**
 * A date known to a stated precision. `date` is written as precise as it is known
 * ("2020", "2020-11", "2020-11-19"); "asof" takes a full day and means "in effect on that day".
 * The output is normalised to a full day (the first day of the period) so that dates sort as text.
 */
export const partialDateSchema = z
  .object({
    date: z.string(),
    precision: z.enum(DATE_PRECISIONS),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (!fitsPrecision(value)) {
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: `Date "${value.date}" does not match precision "${value.precision}" (year: YYYY, month: YYYY-MM, day or asof: YYYY-MM-DD)`,
      });
    }
  })
  .transform(normaliseDate);
export type PartialDateInput = z.input<typeof partialDateSchema>;

/** An ISO calendar day, as used by "as of" queries. */
export const isoDaySchema = z
  .string()
  .regex(ISO_DAY_PATTERN, 'Use an ISO date, YYYY-MM-DD')
  .refine(isRealDay, 'Not a real calendar day');

export const reliabilitySchema = z.enum(RELIABILITY_GRADES);
export const credibilitySchema = z
  .number()
  .int()
  .refine((n) => (CREDIBILITY_GRADES as readonly number[]).includes(n), 'Credibility is a whole number from 1 to 6');
export const claimStatusSchema = z.enum(CLAIM_STATUSES);
export const claimStanceSchema = z.enum(CLAIM_STANCES);

/** http(s) only: javascript: and data: URLs never reach a page. */
export const webUrlSchema = z
  .string()
  .max(2000)
  .url('Not a valid URL')
  .refine((u) => /^https?:\/\//i.test(u), 'Only http and https links are allowed');

/**
 * Half of a UTF-16 surrogate pair on its own is no character: JSON and forms can carry one, but
 * SQLite stores bytes that read back as something else and a page showing it fails to hydrate.
 * (With the u flag a proper pair is one astral code point, never \p{Cs}.)
 */
export const hasLoneSurrogate = (s: string) => /\p{Cs}/u.test(s);
export const LONE_SURROGATE_MESSAGE = 'Contains a broken character (half of a UTF-16 surrogate pair)';

/** Free text from users and imports: trimmed, bounded, no control characters but newlines and tabs, no lone surrogates. */
export const textSchema = (max: number) =>
  z
    .string()
    .max(max, `At most ${max} characters`)
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), 'Contains control characters')
    .refine((s) => !hasLoneSurrogate(s), LONE_SURROGATE_MESSAGE)
    .transform((s) => s.trim());

export const requiredTextSchema = (max: number, what: string) =>
  textSchema(max).refine((s) => s.length > 0, `${what} is required`);
