// POST /api/sources: add a source with its reliability grade (A–F). Analysts.
import { createSource } from '../../data/sources/write-source';
import { createRoute } from './shared';

export const POST = createRoute(createSource, (source) => `/api/sources/${source.id}`);
