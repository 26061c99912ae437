// Admins create accounts (sign-up is closed): a user row plus better-auth's credential account
// holding the password hash, in one transaction. Also the first admin, from the setup link.
import 'server-only';
import { hashPassword } from 'better-auth/crypto';
import type { Tx } from '../../db/client';
import { createUserSchema, type CreateUserInput } from '../../validation/users';
import { AppError, parseInput } from '../errors';
import { inTransaction } from '../mutation';
import { requireRole, type Principal } from '../principal';
import { toUserDto, userDtoSelect, type UserDto } from './user-dto';

/** better-auth's own scrypt hashing, the same function lib/auth/auth.ts configures for sign-in. */
export const hashUserPassword = (password: string) => hashPassword(password);

export async function createUser(principal: Principal, input: CreateUserInput): Promise<UserDto> {
  requireRole(principal, 'admin');
  const data = parseInput(createUserSchema, input, 'User');
  const passwordHash = await hashUserPassword(data.password);
  return inTransaction((tx) => insertUser(tx, { ...data, passwordHash }));
}

/** The insert shared by createUser and the first-admin setup; the caller has authorised and validated. */
export async function insertUser(
  tx: Tx,
  data: { email: string; name: string; role: string; passwordHash: string },
): Promise<UserDto> {
  if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
    throw new AppError('invalid', `User is invalid: email: an account with ${data.email} already exists`, {
      fieldErrors: { email: ['An account with this email already exists'] },
    });
  }
  const user = await tx.user.create({
    data: { email: data.email, name: data.name, role: data.role, emailVerified: true },
    select: userDtoSelect,
  });
  // better-auth finds the password on the "credential" account whose accountId is the user id.
  await tx.account.create({ data: { userId: user.id, accountId: user.id, providerId: 'credential', password: data.passwordHash } });
  return toUserDto(user);
}
