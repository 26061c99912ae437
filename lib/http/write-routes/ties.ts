// POST /api/ties: create a tie between two actors, with its dates and their precision. Analysts.
import { createTie } from '../../data/ties/write-tie';
import { createRoute } from './shared';

export const POST = createRoute(createTie, (tie) => `/api/ties/${tie.id}`);
