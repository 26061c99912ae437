// Ids for rows that bulk writes insert themselves (Prisma fills @default(cuid()) only for the
// rows it writes). Same shape as a Prisma cuid — "c", the time, a counter and randomness in 25
// lowercase base-36 characters — so records look alike however they were written.
import { randomFillSync } from 'node:crypto';

const COUNTER_SPACE = 36 ** 4;
let counter = Math.floor(Math.random() * COUNTER_SPACE);

// Random words drawn a page at a time: an import makes ids by the hundred thousand.
const pool = new Uint32Array(1024);
let used = pool.length;
const SIX_DIGITS = 36 ** 6;

function randomPart(): string {
  if (used + 2 > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const six = (word: number) => (word % SIX_DIGITS).toString(36).padStart(6, '0');
  return six(pool[used++]!) + six(pool[used++]!);
}

export function newRecordId(): string {
  counter = (counter + 1) % COUNTER_SPACE;
  const time = Date.now().toString(36).padStart(8, '0').slice(-8);
  return `c${time}${counter.toString(36).padStart(4, '0')}${randomPart()}`;
}
