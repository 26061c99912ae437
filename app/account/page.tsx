// /account: who you are, and your personal API tokens for scripts.
import type { Metadata } from 'next';
import styles from '@/components/accounts/accounts.module.css';
import { CreateTokenForm, RevokeTokenForm } from '@/components/accounts/api-token-forms';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '@/components/accounts/role-labels';
import { requireSignedInPage } from '@/lib/auth/page-access';
import { findApiTokens } from '@/lib/data/users/api-tokens';
import { createTokenAction, revokeTokenAction } from './actions';

export const metadata: Metadata = { title: 'Your account' };
export const dynamic = 'force-dynamic';

const when = (iso: string | null) => (iso ? new Date(iso).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : '—');

export default async function AccountPage() {
  const principal = await requireSignedInPage('/account');
  const tokens = await findApiTokens(principal);
  return (
    <div className="page">
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{principal.name}</strong>, {ROLE_LABELS[principal.role].toLowerCase()}: {ROLE_DESCRIPTIONS[principal.role]}.
      </p>

      <section className={styles.section} aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">API tokens</h2>
        <p className="muted">
          A token lets a script use the API as you, with your current role. Send it as <code>Authorization: Bearer &lt;token&gt;</code>.
          Revoke a token as soon as you stop using it.
        </p>
        <CreateTokenForm action={createTokenAction} />
        {tokens.length === 0 ? (
          <p className="muted">You have no tokens.</p>
        ) : (
          <div className={styles.tableWrap}>
            <table>
              <caption className="visually-hidden">Your API tokens</caption>
              <thead>
                <tr><th scope="col">Name</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Status</th></tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id} className={token.revokedAt ? styles.disabledRow : undefined}>
                    <th scope="row">{token.name}</th>
                    <td>{when(token.createdAt)}</td>
                    <td>{when(token.lastUsedAt)}</td>
                    <td>
                      {token.revokedAt ? `Revoked ${when(token.revokedAt)}` : <RevokeTokenForm tokenId={token.id} name={token.name} action={revokeTokenAction} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
