// /setup?token=…: the first admin, for whoever holds the link `npm start` printed while
// Powermap had no users. Works once, for 24 hours.
import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/accounts/accounts.module.css';
import { SetupForm } from '@/components/accounts/setup-form';
import { setupTokenUsable } from '@/lib/data/users/setup';
import { setupAction } from './actions';

export const metadata: Metadata = { title: 'Set up Powermap' };
export const dynamic = 'force-dynamic';

export default async function SetupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const token = (await searchParams).token;
  const usable = typeof token === 'string' && (await setupTokenUsable(token));
  return (
    <div className={`page ${styles.narrow}`}>
      <h1>Set up Powermap</h1>
      {usable ? (
        <>
          <p>Create the first admin account. Admins create everyone else&apos;s accounts and choose their roles.</p>
          <SetupForm action={setupAction} token={token} />
        </>
      ) : (
        <>
          <p>This setup link is not valid: it works once, for 24 hours, and only while Powermap has no users.</p>
          <p>
            Restart Powermap to print a new link, or create an admin from the command line:{' '}
            <code>npm run users:create -- --email you@example.org --name &quot;Your Name&quot; --role admin</code>.
            Otherwise <Link href="/sign-in">sign in</Link>.
          </p>
        </>
      )}
    </div>
  );
}
