/** Runs the deterministic check a criterion names. Adding a check type shows here as a missing case. */
import type { Check } from '../../content/schema.js';
import type { CheckInput, CheckResult } from '../types.js';
import { acceptance } from './acceptance.js';
import { bugConcepts } from './bug-concepts.js';
import { bugLocation } from './bug-location.js';
import { coverage } from './coverage.js';
import { fix } from './fix.js';
import { length } from './length.js';
import { sections } from './sections.js';
import { smells } from './smells.js';

export function runCheck(input: CheckInput): CheckResult {
  const check: Check = input.criterion.check;
  // Each case narrows the criterion's check to its type; the casts only carry that narrowing along.
  switch (check.type) {
    case 'sections':
      return sections(input as CheckInput<typeof check>);
    case 'smells':
      return smells(input as CheckInput<typeof check>);
    case 'coverage':
      return coverage(input as CheckInput<typeof check>);
    case 'acceptance':
      return acceptance(input as CheckInput<typeof check>);
    case 'length':
      return length(input as CheckInput<typeof check>);
    case 'bug-location':
      return bugLocation(input as CheckInput<typeof check>);
    case 'bug-concepts':
      return bugConcepts(input as CheckInput<typeof check>);
    case 'fix':
      return fix(input as CheckInput<typeof check>);
    default: {
      const unreachable: never = check;
      throw new Error(`no check ${JSON.stringify(unreachable)}`);
    }
  }
}
