// Dated facts of the seed asked through the as-of view (loadView, the map's read path): each row
// names a tie, a day it holds and a day it does not, so a wrong start, end or precision in
// seed/belarus.json shows up as the view answering a date wrongly. Who heads the KGB, the MVD and
// GUBOPiK, and the facts issue 10 added, with the source the dates come from.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadView } from '../../lib/data/network/load-view';
import { ANONYMOUS } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();

/** [tie, a day it holds, a day it does not hold (null: none before or after is known to fail)]. */
const FACTS: [tie: string, holds: string, absent: string | null][] = [
  // KGB chairmen: Zaitsev Jul 2008 – Nov 2012, Vakulchik Nov 2012 – 3 Sep 2020, Tertel since 3 Sep 2020 (A12, A4).
  ['zaitsev-leads-kgb', '2010-06-01', '2013-01-01'],
  ['vakulchik-leads-kgb', '2020-09-02', '2020-09-04'],
  ['tertel-leads-kgb', '2020-09-03', '2020-09-02'],
  ['tertel-leads-state-control-committee', '2020-08-04', '2020-09-04'],
  // Ministers of Internal Affairs: Karayeu 11 Jun 2019 – 29 Oct 2020, Kubrakov since 29 Oct 2020, in post Mar 2026 (A3).
  ['karayeu-leads-mvd', '2020-08-09', '2020-10-30'],
  ['kubrakov-leads-mvd', '2026-03-04', '2020-10-28'],
  ['kubrakov-leads-minsk-city-police', '2020-01-01', '2019-03-27'],
  ['kubrakov-leads-vitebsk-region-police', '2018-06-01', '2019-03-29'],
  // GUBOPiK: Karpenkov Aug 2020 – 19 Nov 2020, then Parshyn from late 2020 (A2, A13).
  ['karpenkov-leads-gubopik', '2020-08-15', '2020-11-20'],
  ['karpenkov-leads-gubopik', '2020-09-07', '2020-07-31'],
  ['parshyn-leads-gubopik', '2021-04-13', '2019-12-31'],
  ['karpenkov-holds-position-mvd', '2024-01-01', '2020-11-18'],
  ['karpenkov-leads-almaz', '2010-12-19', '2010-12-28'],
  ['karpenkov-leads-mvd-drug-control-department', '2012-12-31', '2011-12-31'],
  // Lukashenko: Supreme Soviet 1990–94, president since 20 Jul 1994, the 2025 election (A1).
  ['lukashenko-member-of-supreme-soviet-belarus', '1992-01-01', '1995-01-01'],
  ['lukashenko-leads-belarus', '1994-07-20', '1994-07-19'],
  ['lukashenko-participated-in-belarus-2025-presidential-election', '2025-01-26', '2025-01-27'],
  // Sanctions: UK and Canada 29 Sep 2020, EU 6 Nov 2020 (A1); US on Kubrakov 2 Oct 2020 (A3), on KGB Alpha Dec 2020 (A12),
  // after the Ryanair diversion 21 Jun 2021 (A16); UK on Wagner in 2022 (A14).
  ['lukashenko-sanctioned-by-united-kingdom', '2020-09-29', '2020-09-28'],
  ['lukashenko-sanctioned-by-canada', '2020-09-29', '2020-09-28'],
  ['lukashenko-sanctioned-by-european-union', '2020-11-06', '2020-11-05'],
  ['kubrakov-sanctioned-by-united-states', '2020-10-02', '2020-10-01'],
  ['kgb-alpha-sanctioned-by-united-states', '2020-12-01', '2020-11-30'],
  ['belarus-sanctioned-by-united-states', '2021-06-21', '2021-06-20'],
  ['wagner-group-sanctioned-by-united-kingdom', '2022-01-01', '2021-12-31'],
  // Russia: Allied Resolve-2022 from 10 Feb 2022 (A18); Gryzlov's posts (A5); Putin as prime minister (A8).
  ['belarus-participated-in-allied-resolve-2022', '2022-02-10', '2022-02-09'],
  ['gryzlov-leads-russian-interior-ministry', '2002-06-01', '2004-01-01'],
  ['gryzlov-leads-state-duma', '2011-12-31', '2002-12-31'],
  ['gryzlov-represents-russia-in-trilateral-contact-group', '2015-12-01', '2015-11-30'],
  ['gryzlov-represents-russia-in-belarus', '2025-03-25', '2022-01-13'],
  ['putin-holds-position-russian-state-prime-minister-1999', '2000-01-01', '2001-01-01'],
  ['putin-holds-position-russian-state-prime-minister-2008', '2010-01-01', '2013-01-01'],
  ['putin-leads-russian-state', '2012-05-07', '2012-05-06'],
  // Opposition: Tsikhanouskaya and the United Transitional Cabinet (2022, A7); Protasevich's two channels (A10).
  ['tsikhanouskaya-member-of-united-transitional-cabinet', '2022-01-01', '2021-12-31'],
  ['protasevich-leads-nexta', '2021-03-01', '2021-03-03'],
  ['protasevich-leads-belarus-of-the-brain', '2021-03-02', '2021-03-01'],
  // The article: 2008 (Georgia) and 2015 thaws with the West, each within its year.
  ['belarus-participated-in-belarus-rapprochement-with-west-2008', '2008-06-01', '2009-01-01'],
  ['belarus-participated-in-belarus-rapprochement-with-west-2015', '2015-06-01', '2014-12-31'],
  ['russian-state-participated-in-russian-attack-on-georgia-2008', '2008-08-08', '2009-01-01'],
  // Ties that end with an actor: Makei's office ends with his death, Prigozhin's Wagner with his (A6, A9).
  ['makei-holds-position-mfa', '2022-11-26', '2022-11-27'],
  ['prigozhin-leads-wagner-group', '2023-08-23', '2023-08-24'],
];

async function tiesOn(asOf: string): Promise<Set<string>> {
  const view = await loadView(ANONYMOUS, { asOf, showEnded: false, hops: 1 });
  return new Set(view.edges.map((e) => e.tieId));
}

describe.skipIf(!available)(`the seed's dated facts through the as-of view on ${TEST_KIND}`, () => {
  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
  });

  it.each(FACTS)('%s holds on %s and not on %s', async (tie, holds, absent) => {
    expect((await tiesOn(holds)).has(tie), `${tie} on ${holds}`).toBe(true);
    if (absent) expect((await tiesOn(absent)).has(tie), `${tie} on ${absent}`).toBe(false);
  });

  it('names one KGB chairman, one minister of internal affairs and one head of GUBOPiK on each day asked', async () => {
    const heads = async (asOf: string) => {
      const ties = await tiesOn(asOf);
      const pick = (ids: string[]) => ids.filter((id) => ties.has(id));
      return {
        kgb: pick(['zaitsev-leads-kgb', 'vakulchik-leads-kgb', 'tertel-leads-kgb']),
        mvd: pick(['karayeu-leads-mvd', 'kubrakov-leads-mvd']),
        gubopik: pick(['karpenkov-leads-gubopik', 'parshyn-leads-gubopik']),
      };
    };
    expect(await heads('2020-09-07')).toEqual({ kgb: ['tertel-leads-kgb'], mvd: ['karayeu-leads-mvd'], gubopik: ['karpenkov-leads-gubopik'] });
    expect(await heads('2021-04-13')).toEqual({ kgb: ['tertel-leads-kgb'], mvd: ['kubrakov-leads-mvd'], gubopik: ['parshyn-leads-gubopik'] });
    expect(await heads('2024-06-15')).toEqual({ kgb: ['tertel-leads-kgb'], mvd: ['kubrakov-leads-mvd'], gubopik: ['parshyn-leads-gubopik'] });
  });
});
