/**
 * The `length` check: the spec's word count (every word of the submission, code and quotations included)
 * must lie within the rubric's bounds, so that an empty or padded answer cannot score. All or nothing.
 */
import type { Check } from '../../content/schema.js';
import { countWords } from '../text.js';
import type { CheckInput, CheckResult } from '../types.js';

export type LengthCheck = Extract<Check, { type: 'length' }>;

export function length(input: CheckInput<LengthCheck>): CheckResult {
  const { criterion, submission } = input;
  const { minWords, maxWords } = criterion.check;
  if (submission.kind !== 'spec') {
    return { score: 0, rationale: 'The length check reads a spec; this submission is not one.', evidence: [] };
  }
  const words = countWords(submission.text);
  const bounds = `${minWords} to ${maxWords} words`;
  const noun = words === 1 ? 'word' : 'words';
  if (words < minWords) {
    return { score: 0, rationale: `${words} ${noun}: below the ${bounds} that earn points.`, evidence: [] };
  }
  if (words > maxWords) {
    return { score: 0, rationale: `${words} ${noun}: above the ${bounds} that earn points.`, evidence: [] };
  }
  return { score: criterion.points, rationale: `${words} ${noun}: within ${bounds}.`, evidence: [] };
}
