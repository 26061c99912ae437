// /admin/embeds: which sites may show Powermap's embeds in a frame (admins only): the list of
// origins, saved with a revision, and its history.
import type { Metadata } from 'next';
import { EmbedOriginsForm } from '@/components/embeds/embed-origins-form';
import { requireSignedInPage } from '@/lib/auth/page-access';
import { findEmbedOriginsSetting } from '@/lib/data/embeds/embed-origins';
import { hasRole } from '@/lib/data/principal';
import { updateEmbedOriginsAction } from './actions';

export const metadata: Metadata = { title: 'Embedding' };
export const dynamic = 'force-dynamic';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export default async function EmbedSettingsPage() {
  const principal = await requireSignedInPage('/admin/embeds');
  if (!hasRole(principal, 'admin')) {
    return (
      <div className="page">
        <h1>Embedding</h1>
        <p role="alert">Only admins choose which sites may frame embeds.</p>
      </div>
    );
  }
  const setting = await findEmbedOriginsSetting(principal);
  return (
    <div className="page">
      <h1>Embedding</h1>
      <section aria-labelledby="origins-heading">
        <h2 id="origins-heading">Sites allowed to frame embeds</h2>
        <p className="muted">
          A published view or story (/embed/views/…, /embed/stories/…) may be shown in an iframe only on pages from these origins; every other page of
          Powermap refuses to be framed anywhere. With none listed, no site may frame an embed.
        </p>
        <EmbedOriginsForm action={updateEmbedOriginsAction} origins={setting.origins} version={setting.version} />
      </section>
      <section aria-labelledby="origins-history-heading">
        <h2 id="origins-history-heading">History</h2>
        {setting.history.length === 0 ? (
          <p className="muted">Never changed.</p>
        ) : (
          <ol>
            {setting.history.map((change, i) => (
              <li key={i}>
                {when(change.at)} UTC{change.author ? `, ${change.author}` : ''}: {change.before.length ? change.before.join(', ') : '(none)'} → {change.after.length ? change.after.join(', ') : '(none)'}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
