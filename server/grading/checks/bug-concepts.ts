/**
 * bug-concepts: does the explanation name the concepts behind the bug? A key concept is named when any of
 * its patterns matches; `full` of them earn full points. The evidence is the sentence around each concept's
 * first match, labelled with the concept id.
 */
import type { Check } from '../../content/schema.js';
import { sentenceAround } from '../text.js';
import type { CheckInput, CheckResult, Evidence } from '../types.js';
import { bugHuntInput, namedConcepts } from '../verdict.js';

export type BugConceptsCheck = Extract<Check, { type: 'bug-concepts' }>;

export function bugConcepts(input: CheckInput<BugConceptsCheck>): CheckResult {
  const { criterion } = input;
  const parts = bugHuntInput('bug-concepts', criterion.id, input.exercise, input.submission);
  if ('notApplicable' in parts) return parts.notApplicable;
  const { exercise, submission } = parts;
  const { explanation } = submission;
  const concepts = exercise.key.concepts;

  if (explanation.trim() === '') return { score: 0, rationale: 'no explanation written', evidence: [] };

  const named = namedConcepts(concepts, explanation);
  const full = Math.max(1, criterion.check.full);
  const evidence: Evidence[] = named.map(({ concept, span }) => {
    const sentence = sentenceAround(explanation, span);
    return {
      quote: explanation.slice(sentence.start, sentence.end),
      start: sentence.start,
      end: sentence.end,
      verified: true,
      in: 'explanation',
      label: concept.id,
    };
  });

  const ids = (items: readonly { id: string }[]) => items.map((c) => c.id).join(', ');
  const missing = concepts.filter((c) => !named.some((n) => n.concept === c));
  const rationale =
    named.length === 0
      ? `names none of the ${concepts.length} key concepts (${ids(concepts)})`
      : `names ${named.length} of ${concepts.length} key concepts (${ids(named.map((n) => n.concept))})` +
        `${missing.length > 0 ? `, not ${ids(missing)}` : ''}; ${full} needed for full points`;
  return { score: Math.round((criterion.points * Math.min(named.length, full)) / full), rationale, evidence };
}
