/** "Try an answer" as a state machine (web/src/author-try-state.ts): deterministic first, then the judge. */
import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../web/src/api-failure.js';
import { IDLE, llmOutcome, type TryEvent, type TryState, tryReducer } from '../../web/src/author-try-state.js';

type G = { total: number; flags: { code: string }[] };
const quick: G = { total: 8, flags: [] };
const judged: G = { total: 10, flags: [] };
const unavailable = new ApiFailure(
  503,
  'unavailable',
  'The LLM judge is unavailable (timeout); the deterministic grade stands.',
);

const run = (events: TryEvent<G>[], from: TryState<G> = IDLE) => events.reduce(tryReducer<G>, from);

describe('happy path', () => {
  it('shows the deterministic grade, then asks the judge when the rubric has LLM criteria', () => {
    const asking = run([
      { type: 'grade', run: 1 },
      { type: 'deterministic', run: 1, pregrade: quick, askLlm: true },
    ]);
    expect(asking).toEqual({ phase: 'graded', run: 1, pregrade: quick, llm: { state: 'asking' }, edited: false });
    expect(tryReducer(asking, { type: 'llm', run: 1, pregrade: judged })).toEqual({
      phase: 'graded',
      run: 1,
      pregrade: judged,
      llm: { state: 'answered', outcome: 'scored' },
      edited: false,
    });
  });

  it('asks nothing more when the rubric has no LLM criteria', () => {
    expect(
      run([
        { type: 'grade', run: 1 },
        { type: 'deterministic', run: 1, pregrade: quick, askLlm: false },
      ]),
    ).toMatchObject({ phase: 'graded', llm: { state: 'none' } });
  });

  it('marks the grade as of an earlier answer once the answer is edited, until graded again', () => {
    const graded = run([
      { type: 'grade', run: 1 },
      { type: 'deterministic', run: 1, pregrade: quick, askLlm: false },
      { type: 'edited' },
    ]);
    expect(graded).toMatchObject({ phase: 'graded', edited: true });
    expect(tryReducer(graded, { type: 'grade', run: 2 })).toEqual({ phase: 'grading', run: 2 });
    expect(tryReducer(IDLE, { type: 'edited' })).toBe(IDLE);
  });
});

describe('failures', () => {
  it('shows the server’s refusal of the answer itself (400) in place of a grade', () => {
    const bad = new ApiFailure(400, 'bad_request', 'This is a bug-hunt exercise; the answer is a spec answer.');
    expect(
      run([
        { type: 'grade', run: 1 },
        { type: 'failed', run: 1, failure: bad },
      ]),
    ).toEqual({
      phase: 'failed',
      run: 1,
      failure: bad,
    });
  });

  it('keeps the deterministic grade when the judge is unavailable (503)', () => {
    const state = run([
      { type: 'grade', run: 1 },
      { type: 'deterministic', run: 1, pregrade: quick, askLlm: true },
      { type: 'failed', run: 1, failure: unavailable },
    ]);
    expect(state).toEqual({
      phase: 'graded',
      run: 1,
      pregrade: quick,
      llm: { state: 'unavailable', failure: unavailable },
      edited: false,
    });
  });
});

describe('races: only the last Grade’s answers count', () => {
  it('drops a deterministic grade or a judge’s answer for an earlier run', () => {
    const second = run([
      { type: 'grade', run: 1 },
      { type: 'deterministic', run: 1, pregrade: quick, askLlm: true },
      { type: 'grade', run: 2 },
    ]);
    expect(tryReducer(second, { type: 'llm', run: 1, pregrade: judged })).toBe(second);
    expect(tryReducer(second, { type: 'deterministic', run: 1, pregrade: judged, askLlm: false })).toBe(second);
    expect(tryReducer(second, { type: 'failed', run: 1, failure: unavailable })).toBe(second);
  });

  it('ignores a judge’s answer when none was asked for', () => {
    const done = run([
      { type: 'grade', run: 1 },
      { type: 'deterministic', run: 1, pregrade: quick, askLlm: false },
    ]);
    expect(tryReducer(done, { type: 'llm', run: 1, pregrade: judged })).toBe(done);
  });
});

describe('what the judge’s answer means, from the flags', () => {
  it.each([
    [[], 'scored'],
    [[{ code: 'llm-not-configured' }], 'not-configured'],
    [[{ code: 'late' }, { code: 'llm-failed' }], 'failed'],
    [[{ code: 'unverified-evidence' }], 'scored'],
  ] as const)('flags %j read %s', (flags, outcome) => {
    expect(llmOutcome({ flags })).toBe(outcome);
  });
});
