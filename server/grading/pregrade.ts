/**
 * The pre-grade of one submission: each check criterion scored by its pure check, each llm criterion by the
 * judge (or pending), the bug-hunt verdict, and the flags a reviewer must see (possible prompt injection,
 * lateness, unverified evidence, judge failures). The deterministic part never reads the judge's opinion.
 */
import type { Exercise } from '../content/library.js';
import type { Criterion, Submission } from '../content/schema.js';
import { runCheck } from './checks/index.js';
import { injectionReport } from './injection.js';
import type { JudgeResult } from './judge/judge.js';
import { type LlmCriterion, llmCriteria } from './judge/schema.js';
import { sentenceAround } from './text.js';
import type { CriterionGrade, Evidence, Flag, PreGrade } from './types.js';
import { bugFound } from './verdict.js';

/** Grades the llm criteria of one submission (pending, flagged, when no API key is configured). */
export type JudgeFn = (exercise: Exercise, criteria: LlmCriterion[], submission: Submission) => Promise<JudgeResult>;

export type PregradeOptions = { lateMs?: number };

/** The deterministic part: check criteria scored, llm criteria pending. Pure and fast (see bench:grade). */
export function deterministicPregrade(
  exercise: Exercise,
  submission: Submission,
  options: PregradeOptions = {},
): PreGrade {
  // Passages that read like instructions to the grader are flagged, and the checks grade the submission as if
  // they were not there: padding a spec with an injected sentence must not move its score either way.
  const injection = injectionReport(submission);
  const graded = injection ? withoutPassages(submission, injection.evidence) : submission;
  const criteria = exercise.rubric.criteria.map((criterion) => gradeCheck(exercise, criterion, graded));
  const flags: Flag[] = injection ? [{ ...injection.flag, evidence: injection.evidence }] : [];
  const lateMs = options.lateMs ?? 0;
  if (lateMs > 0) {
    flags.push({ code: 'late', message: `Submitted ${formatDelay(lateMs)} after the deadline.` });
  }
  return assemble(exercise, graded, criteria, flags, null);
}

/** The whole pre-grade: the deterministic part, then one judge request for every llm criterion. */
export async function pregrade(
  exercise: Exercise,
  submission: Submission,
  judge: JudgeFn,
  options: PregradeOptions = {},
): Promise<PreGrade> {
  const base = deterministicPregrade(exercise, submission, options);
  const llm = llmCriteria(exercise.rubric);
  if (llm.length === 0) return base;
  const judged = await judge(exercise, llm, submission);
  const byId = new Map(judged.criteria.map((c) => [c.id, c]));
  const criteria = base.criteria.map((c) => (c.source === 'llm' ? (byId.get(c.id) ?? c) : c));
  return { ...base, criteria, total: totals(criteria), flags: [...base.flags, ...judged.flags], usage: judged.usage };
}

function gradeCheck(exercise: Exercise, criterion: Criterion, submission: Submission): CriterionGrade {
  const { check } = criterion;
  if (!check) {
    return {
      id: criterion.id,
      source: 'llm',
      status: 'pending',
      score: 0,
      max: criterion.points,
      rationale: 'Waiting for the LLM judge.',
      evidence: [],
    };
  }
  const result = runCheck({ exercise, criterion: { ...criterion, check }, submission });
  if (!Number.isInteger(result.score) || result.score < 0 || result.score > criterion.points) {
    throw new Error(`check ${check.type} gave ${result.score} for ${criterion.id} (0..${criterion.points})`);
  }
  return {
    id: criterion.id,
    source: 'check',
    check: check.type,
    status: 'scored',
    score: result.score,
    max: criterion.points,
    rationale: result.rationale,
    evidence: result.evidence,
  };
}

function assemble(
  exercise: Exercise,
  submission: Submission,
  criteria: CriterionGrade[],
  flags: Flag[],
  usage: PreGrade['usage'],
): PreGrade {
  return {
    exercise: { id: exercise.id, version: exercise.version },
    rubric: { id: exercise.rubric.id, version: exercise.rubricVersion },
    total: totals(criteria),
    criteria,
    bugFound: verdict(exercise, submission),
    flags,
    usage,
  };
}

/** pending: the points of criteria not scored yet (waiting for, or failed at, the judge). */
function totals(criteria: CriterionGrade[]): PreGrade['total'] {
  const scored = criteria.filter((c) => c.status === 'scored');
  return {
    score: scored.reduce((sum, c) => sum + c.score, 0),
    max: criteria.reduce((sum, c) => sum + c.max, 0),
    pending: criteria.filter((c) => c.status !== 'scored').reduce((sum, c) => sum + c.max, 0),
  };
}

function verdict(exercise: Exercise, submission: Submission): boolean | null {
  if (exercise.kind !== 'bug-hunt' || submission.kind !== 'bug-hunt') return null;
  const location = exercise.rubric.criteria.find((c) => c.check?.type === 'bug-location')?.check;
  if (location?.type !== 'bug-location') return null;
  return bugFound(exercise, submission, location);
}

/**
 * The submission with each passage, and the rest of the sentence it sits in, blanked out: a sentence that
 * instructs the grader is not part of the answer. Same length, so every offset still points into the original.
 */
export function withoutPassages(submission: Submission, passages: readonly Evidence[]): Submission {
  const blank = (text: string, field: Evidence['in']) => {
    let out = text;
    for (const p of passages) {
      if (p.in !== field) continue;
      const s = sentenceAround(text, p);
      const [start, end] = [Math.min(s.start, p.start), Math.max(s.end, p.end)];
      out = out.slice(0, start) + out.slice(start, end).replace(/[^\n]/g, ' ') + out.slice(end);
    }
    return out;
  };
  switch (submission.kind) {
    case 'spec':
      return { ...submission, text: blank(submission.text, 'text') };
    case 'bug-hunt':
      return {
        ...submission,
        explanation: blank(submission.explanation, 'explanation'),
        fix: submission.fix === null ? null : blank(submission.fix, 'fix'),
      };
    default: {
      const unreachable: never = submission;
      throw new Error(`unhandled submission ${JSON.stringify(unreachable)}`);
    }
  }
}

function formatDelay(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 120 ? `${minutes} min` : `${(minutes / 60).toFixed(1)} h`;
}
