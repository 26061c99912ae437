import Link from 'next/link';

export default function SourceNotFound() {
  return (
    <div className="page">
      <h1>Source not found</h1>
      <p>There is no source at this address. It may have been deleted, or the address may be mistyped.</p>
      <p>
        <Link href="/sources">Browse all sources</Link> or <Link href="/">open the map</Link>.
      </p>
    </div>
  );
}
