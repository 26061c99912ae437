// The benchmark's command line, parsed once:
//   npm run bench -- [--size 20000x100000] [--small 5000x20000] [--db sqlite|postgresql]
//                    [--only ego,api,pages,map,interact,import] [--rounds 3] [--seconds 10]
//                    [--fresh] [--port 3400]
// --size is the large network (ego, API, pages, first readable map, import memory); --small is
// the network the map draws whole (first draw, filter, date, frames) and whose import is timed.
import { z } from 'zod';

export const SUB_BENCHMARKS = ['ego', 'api', 'pages', 'map', 'interact', 'import'] as const;
export type SubBenchmark = (typeof SUB_BENCHMARKS)[number];

export interface NetworkSize {
  actors: number;
  ties: number;
}

export interface BenchOptions {
  size: NetworkSize;
  small: NetworkSize;
  db: 'sqlite' | 'postgresql';
  only: SubBenchmark[];
  rounds: number;
  /** Length of one throughput window, per side and round. */
  seconds: number;
  fresh: boolean;
  /** First of the ports this run uses (it takes ten from here). */
  port: number;
  postgresUrl: string;
}

const sizeSchema = z
  .string()
  .regex(/^\d+x\d+$/, 'a size is ACTORSxTIES, like 20000x100000')
  .transform((raw): NetworkSize => {
    const [actors, ties] = raw.split('x').map(Number) as [number, number];
    return { actors, ties };
  })
  .refine((s) => s.actors >= 2 && s.ties >= 1, 'a network needs at least two actors and one tie');

const optionsSchema = z.strictObject({
  size: sizeSchema.prefault('20000x100000'),
  small: sizeSchema.prefault('5000x20000'),
  db: z.enum(['sqlite', 'postgresql']).default('sqlite'),
  only: z
    .string()
    .transform((raw) => raw.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(SUB_BENCHMARKS)).min(1))
    .optional(),
  rounds: z.coerce.number().int().min(1).max(50).default(3),
  seconds: z.coerce.number().min(1).max(600).default(10),
  fresh: z.literal(true).optional(),
  port: z.coerce.number().int().min(1024).max(65000).default(3400),
});

export const sizeLabel = (s: NetworkSize) => `${s.actors}x${s.ties}`;

/** The browser sub-benchmarks need a laid-out SQLite or PostgreSQL map; by default PostgreSQL runs the server reads only. */
const DEFAULT_ONLY: Record<BenchOptions['db'], SubBenchmark[]> = {
  sqlite: [...SUB_BENCHMARKS],
  postgresql: ['ego', 'api', 'pages'],
};

export function parseOptions(argv: string[]): BenchOptions {
  const raw: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const next = argv[i + 1];
    if (inline !== undefined) raw[name] = inline;
    else if (next !== undefined && !next.startsWith('--')) raw[name] = argv[++i]!;
    else raw[name] = true;
  }
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`bench: ${parsed.error.issues.map((i) => `--${i.path.join('.') || '?'}: ${i.message}`).join('; ')}`);
  const o = parsed.data;
  return {
    ...o,
    fresh: o.fresh ?? false,
    only: o.only ?? DEFAULT_ONLY[o.db],
    postgresUrl: process.env.TEST_POSTGRES_URL ?? 'postgresql://powermap:powermap@127.0.0.1:5432/postgres',
  };
}
