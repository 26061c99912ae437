// POST /api/ties: create a tie between two actors, with its dates and their precision. Analysts.
import { createTie } from '@/lib/data/ties/write-tie';
import { createRoute } from '@/lib/http/record-handlers';

export const POST = createRoute(createTie, (tie) => `/api/ties/${tie.id}`);
