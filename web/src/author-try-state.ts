/**
 * "Try an answer" as a state machine: Grade asks for the deterministic pre-grade, shows it at once, then asks
 * again with the LLM judge when the rubric has LLM criteria. Each Grade is a numbered run: an answer that
 * arrives for an earlier run (the author clicked Grade again while the judge was thinking) is dropped, so the
 * page never shows a grade of an answer other than the last one graded.
 */
import type { ApiFailure } from './api-failure';

/** The pre-grade's parts this module reads; the page passes the server's whole PreGrade. */
type Graded = { flags: readonly { code: string }[] };

export type LlmStep =
  /** The rubric has no LLM criteria: the deterministic grade is the whole grade. */
  | { state: 'none' }
  | { state: 'asking' }
  | { state: 'answered'; outcome: LlmOutcome }
  /** The request failed (503: the judge unavailable; or the network): the deterministic grade stands. */
  | { state: 'unavailable'; failure: ApiFailure };

export type TryState<G extends Graded> =
  | { phase: 'idle' }
  | { phase: 'grading'; run: number }
  | { phase: 'failed'; run: number; failure: ApiFailure }
  | { phase: 'graded'; run: number; pregrade: G; llm: LlmStep; edited: boolean };

export type TryEvent<G> =
  | { type: 'grade'; run: number }
  | { type: 'deterministic'; run: number; pregrade: G; askLlm: boolean }
  | { type: 'llm'; run: number; pregrade: G }
  | { type: 'failed'; run: number; failure: ApiFailure }
  /** The answer changed after it was graded: the grade shown is of an earlier answer. */
  | { type: 'edited' };

export const IDLE = { phase: 'idle' } as const;

export function tryReducer<G extends Graded>(state: TryState<G>, event: TryEvent<G>): TryState<G> {
  switch (event.type) {
    case 'grade':
      return { phase: 'grading', run: event.run };
    case 'edited':
      return state.phase === 'graded' && !state.edited ? { ...state, edited: true } : state;
    case 'deterministic':
      if (state.phase !== 'grading' || state.run !== event.run) return state;
      return {
        phase: 'graded',
        run: event.run,
        pregrade: event.pregrade,
        llm: event.askLlm ? { state: 'asking' } : { state: 'none' },
        edited: false,
      };
    case 'llm':
      if (!isAsking(state, event.run)) return state;
      return { ...state, pregrade: event.pregrade, llm: { state: 'answered', outcome: llmOutcome(event.pregrade) } };
    case 'failed':
      if (state.phase === 'grading' && state.run === event.run) {
        return { phase: 'failed', run: event.run, failure: event.failure };
      }
      if (!isAsking(state, event.run)) return state;
      return { ...state, llm: { state: 'unavailable', failure: event.failure } };
    default: {
      const unreachable: never = event;
      throw new Error(`Unknown event ${JSON.stringify(unreachable)}`);
    }
  }
}

function isAsking<G extends Graded>(
  state: TryState<G>,
  run: number,
): state is Extract<TryState<G>, { phase: 'graded' }> {
  return state.phase === 'graded' && state.run === run && state.llm.state === 'asking';
}

/**
 * What the judge's answer means for the LLM criteria: scored, or left to a reviewer because the server has
 * no API key (`llm-not-configured`) or the judge failed (`llm-failed`). Read from the flags the server sets.
 */
export type LlmOutcome = 'scored' | 'not-configured' | 'failed';

export function llmOutcome(pregrade: Graded): LlmOutcome {
  const codes = new Set(pregrade.flags.map((flag) => flag.code));
  if (codes.has('llm-not-configured')) return 'not-configured';
  if (codes.has('llm-failed')) return 'failed';
  return 'scored';
}
