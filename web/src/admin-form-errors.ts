/**
 * Where a server's refusal belongs on a form: validation issues name the field they are about (their path,
 * as server/errors.ts joins it: "email", "exerciseIds.0"), so that each message can sit next to its field.
 */
import type { ApiFailure } from './api-failure';

/** The messages about `field` (or anything inside it), joined; null when the failure says nothing about it. */
export function fieldMessage(failure: ApiFailure | null, field: string): string | null {
  const issues = failure?.details.issues ?? [];
  const messages = issues
    .filter((issue) => issue.path === field || issue.path.startsWith(`${field}.`))
    .map((issue) => issue.message);
  return messages.length > 0 ? [...new Set(messages)].join(' ') : null;
}
