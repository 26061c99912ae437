// After any change: the map, the profiles, the lists and the history all read the database, so
// every cached page is invalidated at once (the change shows on the next view, or at once for
// the page a server action re-renders).
import { revalidatePath } from 'next/cache';

export function revalidateAfterChange(): void {
  revalidatePath('/', 'layout');
}
