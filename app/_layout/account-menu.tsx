// The header's account area (a server component, which the root layout hands to SiteHeader): who
// is signed in, links to their account, for analysts the import page, and for admins the user
// list, and a sign-out button; or a sign-in link. It lives in app/, not components/, because it
// reads the session (lib/auth), which components never import.
import { headers } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { signOut } from '@/lib/auth/sign-in';
import styles from './account-menu.module.css';
import { ROLE_LABELS } from '@/components/accounts/role-labels';

async function signOutAction() {
  'use server';
  await signOut(await headers());
  redirect('/');
}

export async function AccountMenu() {
  const principal = await currentPrincipal();
  if (principal.type !== 'user') {
    return (
      <div className={styles.menu}>
        <Link href="/sign-in">Sign in</Link>
      </div>
    );
  }
  return (
    <div className={styles.menu}>
      <span>
        {principal.name} <span className={styles.role}>({ROLE_LABELS[principal.role]})</span>
      </span>
      {principal.role !== 'viewer' && <Link href="/import">Import</Link>}
      {principal.role !== 'viewer' && <Link href="/review">Review</Link>}
      {principal.role !== 'viewer' && <Link href="/duplicates">Duplicates</Link>}
      {principal.role !== 'viewer' && <Link href="/history">History</Link>}
      <Link href="/account">Account</Link>
      {principal.role === 'admin' && <Link href="/admin/users">Users</Link>}
      {principal.role === 'admin' && <Link href="/admin/embeds">Embedding</Link>}
      <form action={signOutAction}>
        <button type="submit">Sign out</button>
      </form>
    </div>
  );
}
