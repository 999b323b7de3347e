/** The staff roles as the Users page explains them (docs/review.md, "Roles", says what each may do). */
import type { Role } from './admin-api';

export const ROLES = ['reviewer', 'author', 'admin'] as const satisfies readonly Role[];

/** The role a new user gets unless the admin picks another: most new staff are there to review. */
export const DEFAULT_ROLE: Role = 'reviewer';

const ROLE_DESCRIPTIONS = {
  reviewer: 'Reviews candidates’ submissions: the queue, scores, confirmations and the export.',
  author: 'Writes exercises: previews them, sees their keys and tries answers; sees no candidate.',
  admin: 'Everything a reviewer and an author can do, plus users, assessments, invites and calibration.',
} as const satisfies Record<Role, string>;

export function roleDescription(role: Role): string {
  return ROLE_DESCRIPTIONS[role];
}

export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLE_DESCRIPTIONS, value);
}
