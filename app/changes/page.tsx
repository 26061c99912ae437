// /changes: the work history's old address; it lives at /history now, with the same ?type= and ?page=.
import { permanentRedirect } from 'next/navigation';

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ChangesPage({ searchParams }: { searchParams: Search }) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) if (typeof value === 'string') query.set(key, value);
  const s = query.toString();
  permanentRedirect(s ? `/history?${s}` : '/history');
}
