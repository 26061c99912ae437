// /sign-in: email and password. Accounts are created by admins; there is no sign-up.
import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/accounts/accounts.module.css';
import { SignInForm } from '@/components/accounts/sign-in-form';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { safeReturnPath } from '@/lib/auth/page-access';
import { signInRequired } from '@/lib/data/read-access';
import { signInAction } from './actions';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeReturnPath((await searchParams).next);
  const principal = await currentPrincipal();
  return (
    <div className={`page ${styles.narrow}`}>
      <h1>Sign in</h1>
      {principal.type === 'user' ? (
        <p>
          You are signed in as {principal.name}. <Link href={next}>Continue</Link>
        </p>
      ) : (
        <>
          <p className="muted">
            {signInRequired()
              ? 'This Powermap is private: sign in to read it.'
              : 'Reading Powermap needs no account. Analysts and admins sign in to edit and annotate.'}{' '}
            Accounts are created by an admin.
          </p>
          <SignInForm action={signInAction} next={next} />
        </>
      )}
    </div>
  );
}
