// What the data layer hands out about an account: never password hashes, session or token secrets.
import { USER_ROLES, type UserRole } from '../../domain/vocabulary';

export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  disabled: boolean;
  createdAt: string;
}

/** A role string from the database; anything unexpected reads as the least privileged role. */
export const toUserRole = (role: string): UserRole => ((USER_ROLES as readonly string[]).includes(role) ? (role as UserRole) : 'viewer');

export function toUserDto(user: { id: string; email: string; name: string; role: string; disabled: boolean; createdAt: Date }): UserDto {
  return { id: user.id, email: user.email, name: user.name, role: toUserRole(user.role), disabled: user.disabled, createdAt: user.createdAt.toISOString() };
}

export const userDtoSelect = { id: true, email: true, name: true, role: true, disabled: true, createdAt: true } as const;
