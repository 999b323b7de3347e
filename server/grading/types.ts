/**
 * The pre-grade: a score per rubric criterion, the reason, and the exact passages that justify it. Stored,
 * served to staff, printed by the CLI; never sent to candidates.
 */
import type { Exercise } from '../content/library.js';
import type { Check, CheckType, Criterion, Submission } from '../content/schema.js';

/**
 * A passage that justifies a score. Offsets are UTF-16 indices into the submission field named by `in`
 * (`text` for a spec, `explanation` or `fix` for a bug-hunt), end exclusive; for `in: 'lines'` they are the
 * 1-based first and last line of buggy.<ext> (a marked range). `label`: the smell category, edge-case or
 * concept id the passage stands for.
 */
export type Evidence = {
  quote: string;
  start: number;
  end: number;
  verified: boolean;
  in: 'text' | 'explanation' | 'fix' | 'lines';
  label?: string;
};

export type FlagCode =
  | 'llm-not-configured'
  | 'llm-failed'
  | 'unverified-evidence'
  | 'possible-prompt-injection'
  | 'late'
  | 'check-not-applicable';

/** Something a reviewer must see; `evidence` points at the passages concerned (e.g. injected instructions). */
export type Flag = { code: FlagCode; message: string; criterion?: string; evidence?: Evidence[] };

export type CriterionGrade = {
  id: string;
  source: 'check' | 'llm';
  check?: CheckType;
  status: 'scored' | 'pending' | 'failed';
  score: number;
  max: number;
  rationale: string;
  evidence: Evidence[];
};

export type Usage = {
  model: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costUsd: number;
};

export type PreGrade = {
  exercise: { id: string; version: string };
  rubric: { id: string; version: string };
  total: { score: number; max: number; pending: number };
  criteria: CriterionGrade[];
  bugFound: boolean | null;
  flags: Flag[];
  usage: Usage | null;
};

/** What a deterministic check sees: pure data, no I/O, no clock, no randomness. */
export type CheckInput<C extends Check = Check> = {
  exercise: Exercise;
  criterion: Criterion & { check: C };
  submission: Submission;
};

export type CheckResult = {
  score: number;
  rationale: string;
  evidence: Evidence[];
  flags?: Flag[];
};
