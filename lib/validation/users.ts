// Input schemas for accounts: admins creating and changing users, the first admin from the
// setup link or the command line, and personal API tokens. Shared by forms and the data layer.
import { z } from 'zod';
import { USER_ROLES } from '../domain/vocabulary';
import { hasLoneSurrogate, LONE_SURROGATE_MESSAGE, requiredTextSchema } from './common';
import { isGuessablePassword } from './password-strength';

export const MIN_PASSWORD_LENGTH = 12;
/** better-auth refuses longer passwords (hashing cost); say so before it does. */
export const MAX_PASSWORD_LENGTH = 128;

export const emailSchema = z
  .string({ error: 'Email is required' })
  .trim()
  .toLowerCase()
  .max(254, 'Email is at most 254 characters')
  .pipe(z.email('Not a valid email address'));

/** A new password: its length, not blank, and not one that guessing finds early (lib/validation/password-strength.ts). */
export const passwordSchema = z
  .string({ error: 'Password is required' })
  .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `Password is at most ${MAX_PASSWORD_LENGTH} characters`)
  .refine((p) => p.trim().length > 0, { message: 'Password cannot be only spaces', abort: true })
  .refine((p) => !hasLoneSurrogate(p), { message: LONE_SURROGATE_MESSAGE, abort: true })
  .refine((p) => !isGuessablePassword(p), 'Password is too common or easy to guess: use a few unrelated words or a password manager');

export const userRoleSchema = z.enum(USER_ROLES, { error: `Role is one of ${USER_ROLES.join(', ')}` });

/** Our own ids are cuids; better-auth's are 32-character alphanumerics. */
export const userIdSchema = z
  .string({ error: 'User id is required' })
  .min(1, 'User id is required')
  .max(64, 'User id is at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'Not a valid user id');

export const createUserSchema = z.strictObject({
  email: emailSchema,
  name: requiredTextSchema(100, 'Name'),
  role: userRoleSchema,
  password: passwordSchema,
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserRoleSchema = z.strictObject({ userId: userIdSchema, role: userRoleSchema });
export type UpdateUserRoleInput = z.input<typeof updateUserRoleSchema>;

export const setUserDisabledSchema = z.strictObject({ userId: userIdSchema, disabled: z.boolean({ error: 'Disabled is true or false' }) });
export type SetUserDisabledInput = z.input<typeof setUserDisabledSchema>;

/** The first admin, created by whoever holds the one-time setup token. */
export const setupAdminSchema = z.strictObject({
  token: z.string().min(1, 'The setup link is incomplete').max(200),
  email: emailSchema,
  name: requiredTextSchema(100, 'Name'),
  password: passwordSchema,
});
export type SetupAdminInput = z.input<typeof setupAdminSchema>;

export const createApiTokenSchema = z.strictObject({ name: requiredTextSchema(80, 'Token name') });
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.strictObject({ tokenId: userIdSchema });
export type RevokeApiTokenInput = z.input<typeof revokeApiTokenSchema>;

/** Sign-in is checked loosely: any stricter and the message would tell more than "incorrect". */
export const signInSchema = z.strictObject({
  email: z.string().trim().max(254).refine((s) => !hasLoneSurrogate(s)),
  password: z.string().max(MAX_PASSWORD_LENGTH).refine((s) => !hasLoneSurrogate(s)),
});
export type SignInInput = z.input<typeof signInSchema>;
