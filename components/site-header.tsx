import Link from 'next/link';
import { AccountMenu } from './account-menu';

/** The header on every page: the map, the actor index, sources, and search across all name variants. */
export function SiteHeader() {
  return (
    <header className="site-header">
      <Link href="/" className="brand">Powermap</Link>
      <nav aria-label="Main">
        <ul>
          <li><Link href="/">Map</Link></li>
          <li><Link href="/actors">Actors</Link></li>
          <li><Link href="/sources">Sources</Link></li>
        </ul>
      </nav>
      <form action="/actors" method="get" role="search" className="header-search">
        <label htmlFor="header-search-q" className="visually-hidden">Search actors</label>
        <input id="header-search-q" name="q" type="search" placeholder="Search actors in any script" />
        <button type="submit">Search</button>
      </form>
      <AccountMenu />
    </header>
  );
}
