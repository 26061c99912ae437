// /admin/users: admins see every account, create users, change roles, disable and enable.
import type { Metadata } from 'next';
import styles from '@/components/accounts/accounts.module.css';
import { CreateUserForm } from '@/components/accounts/create-user-form';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '@/components/accounts/role-labels';
import { DisableForm, RoleForm } from '@/components/accounts/user-row-actions';
import { requireSignedInPage } from '@/lib/auth/page-access';
import { hasRole } from '@/lib/data/principal';
import { findUsers } from '@/lib/data/users/find-users';
import { USER_ROLES } from '@/lib/domain/vocabulary';
import { changeRoleAction, createUserAction, setDisabledAction } from './actions';

export const metadata: Metadata = { title: 'Users' };
export const dynamic = 'force-dynamic';

export default async function UsersPage() {
  const principal = await requireSignedInPage('/admin/users');
  if (!hasRole(principal, 'admin')) {
    return (
      <div className="page">
        <h1>Users</h1>
        <p role="alert">Only admins manage users. Ask an admin if you need a different role.</p>
      </div>
    );
  }
  const users = await findUsers(principal);
  return (
    <div className="page">
      <h1>Users</h1>
      <ul className="muted">
        {USER_ROLES.map((role) => (
          <li key={role}><strong>{ROLE_LABELS[role]}</strong>: {ROLE_DESCRIPTIONS[role]}.</li>
        ))}
      </ul>
      <p className="muted">A changed role or a disabled account takes effect on the user&apos;s next request; disabling also signs them out everywhere.</p>

      <section className={styles.section} aria-labelledby="users-heading">
        <h2 id="users-heading">Accounts</h2>
        <div className={styles.tableWrap}>
          <table>
            <caption className="visually-hidden">Accounts</caption>
            <thead>
              <tr><th scope="col">Email</th><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Status</th></tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} className={user.disabled ? styles.disabledRow : undefined}>
                  <th scope="row">{user.email}</th>
                  <td>{user.name}</td>
                  <td><RoleForm userId={user.id} email={user.email} role={user.role} action={changeRoleAction} /></td>
                  <td>
                    <span>{user.disabled ? 'Disabled' : 'Active'}</span>{' '}
                    {user.id !== principal.userId && <DisableForm userId={user.id} disabled={user.disabled} action={setDisabledAction} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="new-user-heading">
        <h2 id="new-user-heading">Create a user</h2>
        <CreateUserForm action={createUserAction} />
      </section>
    </div>
  );
}
