// Edit pages are for analysts. Anyone else gets a page that says why and how to get in, not an
// error; the data layer refuses their changes anyway (a page is not a security boundary).
import Link from 'next/link';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { hasRole, type Principal } from '@/lib/data/principal';

/** The principal when it may edit; null otherwise. */
export async function editor(): Promise<Principal | null> {
  const principal = await currentPrincipal();
  return hasRole(principal, 'analyst') ? principal : null;
}

export async function isAnalyst(): Promise<boolean> {
  return hasRole(await currentPrincipal(), 'analyst');
}

export async function NotAllowed({ what, returnTo }: { what: string; returnTo: string }) {
  const principal = await currentPrincipal();
  return (
    <div className="page">
      <h1>{what}</h1>
      {principal.type === 'anonymous' ? (
        <p>
          Only analysts can do this. <Link href={`/sign-in?next=${encodeURIComponent(returnTo)}`}>Sign in</Link> with an analyst account.
        </p>
      ) : (
        <p>Your account can read Powermap but not change it. Ask an admin for the analyst role.</p>
      )}
    </div>
  );
}
