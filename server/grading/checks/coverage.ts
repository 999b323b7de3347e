/**
 * The `coverage` check: which of the key's edge cases and concepts the spec covers. An item is covered when
 * any of its patterns matches the spec, not counting text inside quotations of the brief (restating the
 * brief is not covering it). Score: points × covered / items, rounded; evidence: the sentence around each
 * item's first match, labelled with the item's id.
 */
import type { Check, KeyItem } from '../../content/schema.js';
import { compilePattern, findFirst, fold, type Span, sentenceAround } from '../text.js';
import type { CheckInput, CheckResult, Evidence } from '../types.js';
import { blank, parseSpec } from './spec-blocks.js';

export type CoverageCheck = Extract<Check, { type: 'coverage' }>;

const WHICH = { edgeCases: 'edge cases', concepts: 'concepts', both: 'edge cases and concepts' } as const;

export function coverage(input: CheckInput<CoverageCheck>): CheckResult {
  const { criterion, exercise, submission } = input;
  const of = criterion.check.of;
  if (exercise.kind !== 'spec' || submission.kind !== 'spec') {
    return {
      score: 0,
      rationale: 'The coverage check reads a spec against a spec key; this is not one.',
      evidence: [],
    };
  }
  const { edgeCases, concepts } = exercise.key;
  const items: KeyItem[] = of === 'edgeCases' ? edgeCases : of === 'concepts' ? concepts : [...edgeCases, ...concepts];
  if (items.length === 0) {
    return {
      score: 0,
      rationale: `The key lists no ${WHICH[of]}, so coverage cannot be measured.`,
      evidence: [],
      flags: [
        {
          code: 'check-not-applicable',
          message: `The key lists no ${WHICH[of]} for the coverage check.`,
          criterion: criterion.id,
        },
      ],
    };
  }
  const text = submission.text;
  const doc = parseSpec(text, exercise.brief);
  // Blanking keeps offsets: a match in `searchable` is at the same place in the submission.
  const searchable = blank(text, doc.briefQuotes);
  const folded = fold(searchable);
  const evidence: Evidence[] = [];
  const missing: string[] = [];
  const broken: string[] = [];
  for (const item of items) {
    const usable = item.patterns.filter((p) => {
      if (compiles(p)) return true;
      broken.push(`${item.id}: ${p}`);
      return false;
    });
    const hit = findFirst(searchable, usable, folded);
    if (!hit) {
      missing.push(item.id);
      continue;
    }
    const sentence: Span = sentenceAround(text, hit);
    evidence.push({
      quote: text.slice(sentence.start, sentence.end),
      start: sentence.start,
      end: sentence.end,
      verified: true,
      in: 'text',
      label: item.id,
    });
  }
  const covered = evidence.length;
  const score = Math.round((criterion.points * covered) / items.length);
  let rationale = `${covered} of ${items.length} ${WHICH[of]} covered`;
  rationale += missing.length > 0 ? `: missing ${missing.join(', ')}.` : '.';
  if (doc.briefQuotes.length > 0) rationale += ' Quotations of the brief were not counted.';
  if (broken.length > 0) rationale += ` Patterns that do not compile were skipped: ${broken.join('; ')}.`;
  return { score, rationale, evidence };
}

function compiles(pattern: string): boolean {
  try {
    compilePattern(pattern);
    return true;
  } catch {
    return false;
  }
}
