// The user list for admins.
import 'server-only';
import { getDb } from '../../db/client';
import { requireRole, type Principal } from '../principal';
import { toUserDto, userDtoSelect, type UserDto } from './user-dto';

export async function findUsers(principal: Principal): Promise<UserDto[]> {
  requireRole(principal, 'admin');
  const db = await getDb();
  const users = await db.user.findMany({ select: userDtoSelect, orderBy: [{ disabled: 'asc' }, { email: 'asc' }] });
  return users.map(toUserDto);
}
