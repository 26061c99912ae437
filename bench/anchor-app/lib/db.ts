// One connection per anchor process, to the file or server named by ANCHOR_DATABASE_URL
// (`file:/abs/path.db` for SQLite, `postgresql://…` for PostgreSQL). Queries are written once
// with `?` placeholders; for pg they are renumbered to $1, $2… The statement cache keeps
// better-sqlite3 from re-preparing the same SQL on every request, as Prisma's adapter also does.
import Database from 'better-sqlite3';
import pg from 'pg';

export type Dialect = 'sqlite' | 'postgresql';
export type Row = Record<string, unknown>;

interface Connection {
  dialect: Dialect;
  all(sql: string, params: unknown[]): Promise<Row[]>;
}

const globalForAnchor = globalThis as unknown as { anchorDb?: Connection };

function connect(): Connection {
  const url = process.env.ANCHOR_DATABASE_URL;
  if (!url) throw new Error('ANCHOR_DATABASE_URL is not set');
  if (/^postgres(ql)?:\/\//.test(url)) {
    // Ten pooled connections: the load generator keeps ten requests in flight.
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    return {
      dialect: 'postgresql',
      async all(sql, params) {
        let n = 0;
        const text = sql.replace(/\?/g, () => `$${++n}`);
        return (await pool.query({ text, values: params })).rows;
      },
    };
  }
  // The file is already in WAL mode (Powermap set it); readers never block its writer.
  const db = new Database(url.replace(/^file:/, ''), { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const statements = new Map<string, Database.Statement>();
  return {
    dialect: 'sqlite',
    async all(sql, params) {
      let statement = statements.get(sql);
      if (!statement) statements.set(sql, (statement = db.prepare(sql)));
      return statement.all(...params.map((p) => (typeof p === 'boolean' ? Number(p) : p))) as Row[];
    },
  };
}

export function anchorDb(): Connection {
  return (globalForAnchor.anchorDb ??= connect());
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
