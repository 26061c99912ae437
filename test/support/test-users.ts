// A signed-in user of a given role, created in the test database, as the principal the data
// layer receives from a session: what database tests act as.
import { getDb } from '../../lib/db/client';
import type { Principal } from '../../lib/data/principal';

export async function makeUser(role: 'viewer' | 'analyst' | 'admin', name: string): Promise<Principal> {
  const db = await getDb();
  const user = await db.user.create({ data: { name, email: `${name.toLowerCase().replace(/\s/g, '.')}@example.test`, role } });
  return { type: 'user', userId: user.id, role, name: user.name } as Principal;
}
