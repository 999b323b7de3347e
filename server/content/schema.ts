/**
 * The content format: exercises and rubrics as files, defined once here with zod.
 * docs/authoring.md explains each file with worked examples; the `.describe()` texts below are what
 * `audition exercise check` prints beside a problem, so they say what a field means and what to write.
 *
 * Adding an exercise kind: add it to EXERCISE_KINDS, give it a key schema, a submission schema and the
 * check types it may use; the exhaustive switches over `kind` then show every other place to change.
 */
import { z } from 'zod';

export const EXERCISE_KINDS = ['spec', 'bug-hunt'] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single hyphens');

/** A JavaScript regular expression source, matched case-insensitively on whitespace-folded text. */
export const patternSchema = z
  .string()
  .min(1)
  .superRefine((source, ctx) => {
    try {
      new RegExp(source, 'iu');
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `regular expression does not compile: ${(error as Error).message}`,
      });
    }
  })
  .describe('a JavaScript regular expression, matched case-insensitively on text with whitespace folded');

const patterns = z
  .array(patternSchema)
  .min(1)
  .describe('regular expressions; any one matching counts (write several realistic phrasings)');

export const frontMatterSchema = z
  .strictObject({
    id: kebabId.describe('the exercise id: kebab-case, equal to the folder name'),
    kind: z
      .enum(EXERCISE_KINDS, { error: `kind must be one of: ${EXERCISE_KINDS.join(', ')}` })
      .describe(`the exercise kind: ${EXERCISE_KINDS.join(' or ')}`),
    title: z.string().min(3).max(120).describe('the title candidates and staff see'),
    minutes: z.number().int().min(5).max(480).describe('the time a candidate needs, in whole minutes (5 to 480)'),
    rubric: kebabId.describe('the id of a rubric in rubrics/<id>.yaml'),
    tags: z.array(kebabId).default([]).describe('optional kebab-case tags, for finding exercises'),
  })
  .describe('the front matter of exercise.md');
export type FrontMatter = z.infer<typeof frontMatterSchema>;

const keyItem = z.strictObject({
  id: kebabId.describe('a kebab-case id, unique within the key'),
  description: z.string().min(3).describe('what a good answer covers, written for reviewers'),
  patterns,
});
export type KeyItem = z.infer<typeof keyItem>;

export const specKeySchema = z
  .strictObject({
    edgeCases: z
      .array(keyItem)
      .min(1)
      .describe('the edge cases and concerns a strong spec covers, each with patterns that recognise it'),
    concepts: z
      .array(keyItem)
      .default([])
      .describe('domain concepts a strong spec names, each with patterns that recognise it'),
    notes: z.string().optional().describe('notes for reviewers: what a strong answer looks like'),
  })
  .describe('the private answer key of a spec exercise');

export const bugHuntKeySchema = z
  .strictObject({
    bug: z.strictObject({
      summary: z.string().min(10).describe('the bug in one line, for reviewers'),
      explanation: z.string().optional().describe('a longer explanation for reviewers'),
    }),
    concepts: z
      .array(keyItem)
      .min(1)
      .describe('the concepts a correct explanation names, each with patterns that recognise it'),
    notes: z.string().optional().describe('notes for reviewers'),
  })
  .describe('the private answer key of a bug-hunt exercise');

export type SpecKey = z.infer<typeof specKeySchema>;
export type BugHuntKey = z.infer<typeof bugHuntKeySchema>;

const lineRange = z
  .tuple([z.number().int().min(1), z.number().int().min(1)])
  .refine(([start, end]) => start <= end, 'a range is [start, end] with start <= end');

export const specSubmissionSchema = z.strictObject({
  kind: z.literal('spec'),
  text: z.string().describe('the spec, in Markdown'),
});
export const bugHuntSubmissionSchema = z.strictObject({
  kind: z.literal('bug-hunt'),
  lines: z
    .array(lineRange)
    .max(50)
    .describe('the marked line ranges of buggy.<ext>, 1-based and inclusive: [[start, end], ...]'),
  explanation: z.string().describe('why the marked lines are wrong, in Markdown'),
  fix: z.string().nullable().describe('the whole corrected file, or null when no fix is proposed'),
});
export const submissionSchema = z.discriminatedUnion('kind', [specSubmissionSchema, bugHuntSubmissionSchema]);
export type Submission = z.infer<typeof submissionSchema>;

const scoreRange = z
  .strictObject({ min: z.number().min(0), max: z.number().min(0) })
  .refine((r) => r.min <= r.max, 'min must not exceed max');

export const exampleSchema = z
  .strictObject({
    title: z.string().min(3).describe('what this sample answer shows, e.g. "strong: covers every edge case"'),
    submission: submissionSchema,
    expect: z.strictObject({
      score: scoreRange.describe(
        'the range, in points, that the deterministic (check) criteria must add up to for this answer',
      ),
      criteria: z.record(z.string(), scoreRange).default({}).describe('optional per-criterion ranges, by criterion id'),
      bugFound: z.boolean().optional().describe('bug-hunt only: the verdict this answer must get'),
    }),
  })
  .describe('a sample submission and the score range it must get');
export type Example = z.infer<typeof exampleSchema>;

// ---- Rubrics ----------------------------------------------------------------------------------

const section = z.strictObject({
  id: kebabId,
  title: z.string().min(2).describe('the section as a reviewer names it'),
  match: patterns.describe('patterns matched against heading text; any one counts'),
});

const band = z.strictObject({
  maxDensity: z.number().min(0).describe('smells per requirement sentence, at most'),
  score: z.number().int().min(0),
});

/** Deterministic checks. Parameters are per rubric; what is specific to one exercise lives in its key. */
export const checkSchemas = {
  sections: z.strictObject({
    type: z.literal('sections'),
    sections: z.array(section).min(1).describe('the headings a reviewer needs, with synonyms as patterns'),
  }),
  smells: z.strictObject({
    type: z.literal('smells'),
    categories: z.array(kebabId).optional().describe('smell categories to count; all when absent'),
    bands: z
      .array(band)
      .min(1)
      .describe('density bands, lowest first: the first band whose maxDensity is not exceeded gives the score'),
  }),
  coverage: z.strictObject({
    type: z.literal('coverage'),
    of: z
      .enum(['edgeCases', 'concepts', 'both'])
      .default('edgeCases')
      .describe('which lists of the key count: edgeCases, concepts or both'),
  }),
  acceptance: z.strictObject({
    type: z.literal('acceptance'),
    full: z.number().int().min(1).describe('the number of testable acceptance criteria that earns full points'),
  }),
  length: z
    .strictObject({
      type: z.literal('length'),
      minWords: z.number().int().min(0),
      maxWords: z.number().int().min(1),
    })
    .refine((c) => c.minWords < c.maxWords, 'minWords must be below maxWords'),
  'bug-location': z.strictObject({
    type: z.literal('bug-location'),
    slackLines: z
      .number()
      .int()
      .min(0)
      .describe('how many lines a marked range may reach beyond the bug before credit starts to fall'),
    zeroAtLines: z
      .number()
      .int()
      .min(1)
      .describe('how many lines beyond the bug a range may reach before it earns nothing'),
  }),
  'bug-concepts': z.strictObject({
    type: z.literal('bug-concepts'),
    full: z.number().int().min(1).default(1).describe('how many of the key concepts earn full points'),
  }),
  fix: z.strictObject({
    type: z.literal('fix'),
    noFixScore: z.number().int().min(0).default(0).describe('the score when no fix is proposed'),
    slackLines: z
      .number()
      .int()
      .min(0)
      .default(2)
      .describe('lines the fix may change outside the bug before credit falls'),
  }),
} as const;

export type CheckType = keyof typeof checkSchemas;
export const CHECK_TYPES = Object.keys(checkSchemas) as CheckType[];

/** Which checks make sense for which kind of exercise. */
export const checksForKind: Record<ExerciseKind, readonly CheckType[]> = {
  spec: ['sections', 'smells', 'coverage', 'acceptance', 'length'],
  'bug-hunt': ['bug-location', 'bug-concepts', 'fix'],
};

export const checkSchema = z.discriminatedUnion('type', [
  checkSchemas.sections,
  checkSchemas.smells,
  checkSchemas.coverage,
  checkSchemas.acceptance,
  checkSchemas.length,
  checkSchemas['bug-location'],
  checkSchemas['bug-concepts'],
  checkSchemas.fix,
]);
export type Check = z.infer<typeof checkSchema>;

export const llmSchema = z.strictObject({
  guidance: z.string().min(10).describe('what the judge looks for, written as instructions to a grader'),
  levels: z
    .array(z.strictObject({ score: z.number().int().min(0), description: z.string().min(3) }))
    .min(2)
    .describe('what each score means; must include 0 and the criterion points'),
});

export const criterionSchema = z
  .strictObject({
    id: kebabId,
    title: z.string().min(3),
    points: z.number().int().min(1).max(100).describe('the most this criterion can score, a whole number'),
    description: z.string().min(10).describe('what the criterion measures, written for reviewers'),
    check: checkSchema.optional().describe('a deterministic check: its type and parameters'),
    llm: llmSchema.optional().describe('guidance for the LLM judge with a description of each score level'),
  })
  .superRefine((c, ctx) => {
    if ((c.check === undefined) === (c.llm === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'a criterion needs exactly one of `check` or `llm`' });
    }
    if (c.llm) {
      const scores = c.llm.levels.map((l) => l.score);
      if (!scores.includes(0) || !scores.includes(c.points)) {
        ctx.addIssue({ code: 'custom', path: ['llm', 'levels'], message: `levels must include 0 and ${c.points}` });
      }
      if (scores.some((s) => s > c.points)) {
        ctx.addIssue({ code: 'custom', path: ['llm', 'levels'], message: `no level may exceed ${c.points} points` });
      }
      if (new Set(scores).size !== scores.length) {
        ctx.addIssue({ code: 'custom', path: ['llm', 'levels'], message: 'each level needs a distinct score' });
      }
    }
    if (c.check?.type === 'smells' && c.check.bands.some((b) => b.score > c.points)) {
      ctx.addIssue({ code: 'custom', path: ['check', 'bands'], message: `no band may exceed ${c.points} points` });
    }
    if (c.check?.type === 'fix' && c.check.noFixScore > c.points) {
      ctx.addIssue({ code: 'custom', path: ['check', 'noFixScore'], message: `must not exceed ${c.points}` });
    }
  });
export type Criterion = z.infer<typeof criterionSchema>;

export const rubricSchema = z
  .strictObject({
    id: kebabId.describe('the rubric id, equal to the file name without .yaml'),
    title: z.string().min(3),
    kind: z.enum(EXERCISE_KINDS).describe('the kind of exercise this rubric grades'),
    description: z.string().optional(),
    criteria: z.array(criterionSchema).min(1),
  })
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.criteria.forEach((c, i) => {
      if (seen.has(c.id))
        ctx.addIssue({ code: 'custom', path: ['criteria', i, 'id'], message: `duplicate id ${c.id}` });
      seen.add(c.id);
      if (c.check && !checksForKind[r.kind].includes(c.check.type)) {
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', i, 'check', 'type'],
          message: `check ${c.check.type} does not apply to ${r.kind} exercises (use one of ${checksForKind[r.kind].join(', ')})`,
        });
      }
    });
  });
export type Rubric = z.infer<typeof rubricSchema>;
