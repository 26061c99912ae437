// Admins change roles and disable or enable accounts. Neither needs the user to sign in again:
// every request re-reads role and disabled (lib/auth/current-principal.ts), and disabling also
// deletes the user's sessions. Powermap always keeps one enabled admin.
import 'server-only';
import type { Tx } from '../../db/client';
import { setUserDisabledSchema, updateUserRoleSchema, type SetUserDisabledInput, type UpdateUserRoleInput } from '../../validation/users';
import { AppError, notFound, parseInput } from '../errors';
import { inTransaction } from '../mutation';
import { requireRole, type Principal } from '../principal';
import { toUserDto, userDtoSelect, type UserDto } from './user-dto';

async function assertAnotherAdminRemains(tx: Tx, userId: string, change: string) {
  const others = await tx.user.count({ where: { role: 'admin', disabled: false, id: { not: userId } } });
  if (others === 0) throw new AppError('forbidden', `Cannot ${change}: Powermap needs at least one enabled admin. Make someone else an admin first.`);
}

export async function updateUserRole(principal: Principal, input: UpdateUserRoleInput): Promise<UserDto> {
  requireRole(principal, 'admin');
  const { userId, role } = parseInput(updateUserRoleSchema, input, 'Role change');
  return inTransaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: userDtoSelect });
    if (!user) throw notFound('User');
    if (user.role === role) return toUserDto(user);
    if (user.role === 'admin' && !user.disabled) await assertAnotherAdminRemains(tx, userId, 'remove the last admin');
    return toUserDto(await tx.user.update({ where: { id: userId }, data: { role }, select: userDtoSelect }));
  });
}

export async function setUserDisabled(principal: Principal, input: SetUserDisabledInput): Promise<UserDto> {
  requireRole(principal, 'admin');
  const { userId, disabled } = parseInput(setUserDisabledSchema, input, 'Account change');
  if (disabled && principal.type === 'user' && principal.userId === userId) {
    throw new AppError('forbidden', 'You cannot disable your own account');
  }
  return inTransaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: userDtoSelect });
    if (!user) throw notFound('User');
    if (disabled && user.role === 'admin' && !user.disabled) await assertAnotherAdminRemains(tx, userId, 'disable the last admin');
    const updated = await tx.user.update({ where: { id: userId }, data: { disabled }, select: userDtoSelect });
    if (disabled) await tx.session.deleteMany({ where: { userId } });
    return toUserDto(updated);
  });
}
