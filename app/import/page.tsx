// /import: an analyst loads a Powermap document, FollowTheMoney entities or another tool's network
// from a file, previews what it would do, how its attributes map and which of its actors are stored
// ones already (choosing "same as existing" or "new actor" for each that may be), and imports it; the form
// sends it to POST /api/import and shows the import's progress as it writes.
import type { Metadata } from 'next';
import { editor, NotAllowed } from '@/app/_editing/guard';
import { ImportForm } from '@/components/import/import-form';

export const metadata: Metadata = { title: 'Import' };
export const dynamic = 'force-dynamic';

export default async function ImportPage() {
  if (!(await editor())) return <NotAllowed what="Import" returnTo="/import" />;
  return (
    <div className="page">
      <h1>Import</h1>
      <p className="muted">
        A Powermap document (the JSON format of the seed), FollowTheMoney entities as exported by OpenSanctions and Aleph
        (JSON lines), or a network from Gephi and other tools. Preview a file to see what it would create and to choose how
        its attributes map onto kinds, factions and tie types. Records are matched on their ids, so importing the same file
        again changes nothing; the preview also says which of the file&apos;s actors are actors already here, and lets you write
        each one that may be onto the actor it is instead of creating it.
      </p>
      <ImportForm />
    </div>
  );
}
