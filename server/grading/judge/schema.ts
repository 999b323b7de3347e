/**
 * The judge's output schema, derived from the rubric: one entry per `llm` criterion, keyed by its id, each
 * an integer score within 0..points, a rationale and the verbatim quotes it relies on.
 *
 * The API's structured outputs do not enforce `minimum`/`maximum` on integers: the SDK's zodOutputFormat
 * moves them into the field's description (see transformJSONSchema in @anthropic-ai/sdk/lib). So the bound
 * lives in zod, which the same format runs on the reply: a score of 6 out of 5 fails validation and is
 * asked again, instead of slipping through as a number.
 */
import { z } from 'zod';
import type { Criterion, Rubric } from '../../content/schema.js';

export type LlmCriterion = Criterion & { llm: NonNullable<Criterion['llm']> };

/** The rubric's criteria that the judge scores, in rubric order. */
export function llmCriteria(rubric: Rubric): LlmCriterion[] {
  return rubric.criteria.filter((c): c is LlmCriterion => c.llm !== undefined);
}

// .describe() only on leaves: on an object or array it makes a clone, zod's JSON Schema then meets the
// children twice and moves them into $defs, and the schema the model reads becomes needlessly indirect.
function criterionSchema(c: LlmCriterion) {
  return z.strictObject({
    score: z
      .int()
      .min(0)
      .max(c.points)
      .describe(`a whole number from 0 to ${c.points}, chosen with the levels of "${c.id}"`),
    rationale: z
      .string()
      .min(1)
      .describe('why this score, in two to four sentences, citing what the submission does or lacks'),
    quotes: z.array(z.string().describe('a passage copied verbatim from inside the submission tags')),
  });
}

export function judgeOutputSchema(criteria: readonly LlmCriterion[]) {
  return z.strictObject(Object.fromEntries(criteria.map((c) => [c.id, criterionSchema(c)])));
}

export type CriterionVerdict = z.infer<ReturnType<typeof criterionSchema>>;
export type JudgeOutput = Record<string, CriterionVerdict>;
