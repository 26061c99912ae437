'use server';
// User administration: create, change role, disable and enable. The data layer checks the admin role.
import { createUser } from '@/lib/data/users/create-user';
import { setUserDisabled, updateUserRole } from '@/lib/data/users/update-user';
import { runFormAction } from '@/lib/http/form-action';
import type { UserRole } from '@/lib/domain/vocabulary';
import type { FormState } from '@/lib/validation/form-state';

const text = (formData: FormData, name: string) => String(formData.get(name) ?? '');

export async function createUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) =>
      createUser(principal, {
        email: text(formData, 'email'),
        name: text(formData, 'name'),
        role: text(formData, 'role') as UserRole,
        password: text(formData, 'password'),
      }),
    (user) => ({ message: `Created ${user.role} ${user.email}` }),
  );
}

export async function changeRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => updateUserRole(principal, { userId: text(formData, 'userId'), role: text(formData, 'role') as UserRole }),
    (user) => ({ message: `${user.email} is now ${user.role}` }),
  );
}

export async function setDisabledAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => setUserDisabled(principal, { userId: text(formData, 'userId'), disabled: text(formData, 'disabled') === 'true' }),
    (user) => ({ message: `${user.email} is ${user.disabled ? 'disabled' : 'enabled'}` }),
  );
}
