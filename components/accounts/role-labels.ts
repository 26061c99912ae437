// How roles read on screen, and what each may do.
import type { UserRole } from '@/lib/domain/vocabulary';

export const ROLE_LABELS: Record<UserRole, string> = { viewer: 'Viewer', analyst: 'Analyst', admin: 'Admin' };

export const ROLE_DESCRIPTIONS: Record<UserRole, string> = {
  viewer: 'reads everything, including when sign-in is required',
  analyst: 'also edits records and writes notes',
  admin: 'also manages users and restores deleted records',
};
