// What record pages (actors, ties, sources, history) do with a data-layer refusal, beside
// errors.ts for route handlers and form-action.ts for server actions: "no such record" (and an
// address that cannot name one) becomes null, so generateMetadata can title the page and the
// page can call notFound() (404). Every other error goes on to the error page.
import 'server-only';
import { AppError } from '../data/errors';

export async function orNull<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && (error.code === 'not_found' || error.code === 'invalid')) return null;
    throw error;
  }
}
