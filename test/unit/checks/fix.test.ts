import { describe, expect, it } from 'vitest';
import type { BugHuntExercise } from '../../../server/content/library.js';
import { type FixCheck, fix } from '../../../server/grading/checks/fix.js';
import { bugHuntExercise, criterion } from '../../helpers/exercises.js';

// Twelve lines; the bug is line 6 (<= where < is meant).
const FIXED_LINES = [
  '// Booking overlap.',
  'export function overlaps(',
  '  aStart: number,',
  '  aEnd: number, bStart: number, bEnd: number,',
  '): boolean {',
  '  return aStart < bEnd && bStart < aEnd;',
  '}',
  '',
  'export function length(start: number, end: number): number {',
  '  return end - start;',
  '}',
  'export const VERSION = 1;',
];
const FIXED = `${FIXED_LINES.join('\n')}\n`;
const BUGGY = FIXED.replace('aStart < bEnd && bStart < aEnd', 'aStart <= bEnd && bStart <= aEnd');
const BUG_LINE_FIXED = '  return aStart < bEnd && bStart < aEnd;';

function exerciseWith(buggy: string, fixed: string): BugHuntExercise {
  return bugHuntExercise({ buggy, fixed, summary: 'The end is exclusive.' });
}
const EXERCISE = exerciseWith(BUGGY, FIXED);

function grade(proposed: string | null, check: Partial<FixCheck> = {}, exercise = EXERCISE) {
  return fix({
    exercise,
    criterion: criterion({ type: 'fix', noFixScore: 0, slackLines: 2, ...check }, 2),
    submission: { kind: 'bug-hunt', lines: [[6, 6]], explanation: '', fix: proposed },
  });
}

const withLines = (edit: (lines: string[]) => void) => {
  const lines = [...FIXED_LINES];
  edit(lines);
  return `${lines.join('\n')}\n`;
};

describe('fix: focused fixes', () => {
  it('a fix that changes only the bug line earns full points and says it matches the reference', () => {
    expect(grade(FIXED)).toEqual({
      score: 2,
      rationale:
        'the fix changes the bug (line 6) and 0 lines outside it (up to 2 allowed); the fix is the same as fixed.ts (ignoring whitespace at line ends)',
      evidence: [
        {
          quote: BUG_LINE_FIXED,
          start: FIXED.indexOf(BUG_LINE_FIXED),
          end: FIXED.indexOf(BUG_LINE_FIXED) + BUG_LINE_FIXED.length,
          verified: true,
          in: 'fix',
          label: 'bug',
        },
      ],
    });
  });

  it('another correct edit of the bug line earns full points without claiming to match the reference', () => {
    const result = grade(withLines((l) => (l[5] = '  return bStart < aEnd && aStart < bEnd;')));
    expect(result.score).toBe(2);
    expect(result.rationale).toBe('the fix changes the bug (line 6) and 0 lines outside it (up to 2 allowed)');
  });

  it('trailing spaces do not stop a fix from matching the reference', () => {
    const result = grade(FIXED.replace(BUG_LINE_FIXED, `${BUG_LINE_FIXED}   `));
    expect(result.score).toBe(2);
    expect(result.rationale).toContain('the fix is the same as fixed.ts (ignoring whitespace at line ends)');
  });

  it('a fix with CRLF line endings and no final newline is the same fix, with offsets into its own text', () => {
    const crlf = FIXED.replace(/\n/g, '\r\n').replace(/\r\n$/, '');
    const result = grade(crlf);
    expect(result.score).toBe(2);
    expect(result.rationale).toBe(
      'the fix changes the bug (line 6) and 0 lines outside it (up to 2 allowed); the fix is the same as fixed.ts (ignoring whitespace at line ends)',
    );
    const [evidence] = result.evidence;
    const start = crlf.indexOf(BUG_LINE_FIXED);
    expect(evidence).toMatchObject({ start, end: start + BUG_LINE_FIXED.length, quote: BUG_LINE_FIXED, in: 'fix' });
  });
});

describe('fix: fixes that change more than the bug', () => {
  it('reformatting one or two other lines is within the slack', () => {
    const result = grade(
      withLines((l) => {
        l[0] = '// Booking overlap!';
        l[11] = 'export const VERSION = 2;';
      }),
    );
    expect(result.score).toBe(2);
    expect(result.rationale).toBe(
      'the fix changes the bug (line 6) and 2 lines outside it (at lines 1 and 12 of buggy.ts; up to 2 allowed)',
    );
    expect(result.evidence.map((e) => [e.label, e.quote])).toEqual([
      ['outside', '// Booking overlap!'],
      ['bug', BUG_LINE_FIXED],
      ['outside', 'export const VERSION = 2;'],
    ]);
  });

  it('each line changed beyond the slack costs a point, down to 0', () => {
    // Reformatting the three lines of parameters next to the bug: lines 3-5 are outside it.
    const reformatted = withLines((l) => {
      l.splice(2, 3, '  aStart: number, aEnd: number,', '  bStart: number, bEnd: number', ') : boolean {');
    });
    const three = grade(reformatted);
    expect(three.score).toBe(1);
    expect(three.rationale).toBe(
      'the fix changes the bug (line 6) and 3 lines outside it (at lines 3-5 of buggy.ts; up to 2 allowed, 1 more costs 1 point)',
    );
    expect(three.evidence).toEqual([
      {
        quote: `  aStart: number, aEnd: number,\n  bStart: number, bEnd: number\n) : boolean {\n${BUG_LINE_FIXED}`,
        start: reformatted.indexOf('  aStart'),
        end: reformatted.indexOf(BUG_LINE_FIXED) + BUG_LINE_FIXED.length,
        verified: true,
        in: 'fix',
        label: 'bug',
      },
    ]);
    const five = grade(
      withLines((l) => {
        for (const i of [0, 2, 3, 9, 11]) l[i] = `${l[i]} // touched`;
      }),
    );
    expect(five.score).toBe(0);
    expect(five.rationale).toBe(
      'the fix changes the bug (line 6) and 5 lines outside it (at lines 1, 3-4, 10 and 12 of buggy.ts; up to 2 allowed, 3 more cost 3 points)',
    );
  });

  it('deleted lines elsewhere count, and are quoted from the buggy code', () => {
    const result = grade(
      withLines((l) => l.splice(8, 3)),
      { slackLines: 0 },
    );
    expect(result.score).toBe(0);
    expect(result.evidence[1]).toEqual({
      quote: 'export function length(start: number, end: number): number {\n  return end - start;\n}',
      start: 9,
      end: 11,
      verified: true,
      in: 'lines',
      label: 'outside',
    });
  });
});

describe('fix: fixes that miss the bug', () => {
  it('a fix that does not touch the bug earns nothing', () => {
    const result = grade(BUGGY.replace('return end - start;', 'return Math.max(0, end - start);'));
    expect(result).toEqual({
      score: 0,
      rationale: 'the fix does not touch the bug (line 6): it changes 1 line elsewhere (at line 10 of buggy.ts)',
      evidence: [
        {
          quote: '  return Math.max(0, end - start);',
          start: BUGGY.indexOf('  return end'),
          end: BUGGY.indexOf('  return end') + '  return Math.max(0, end - start);'.length,
          verified: true,
          in: 'fix',
          label: 'outside',
        },
      ],
    });
  });

  it('a fix identical to the buggy code earns nothing', () => {
    expect(grade(BUGGY)).toEqual({
      score: 0,
      rationale: 'the fix is identical to the buggy code: it changes nothing',
      evidence: [],
    });
    expect(grade(BUGGY.replace(/\n/g, '\r\n')).score).toBe(0);
  });
});

describe('fix: insertions', () => {
  // The reference fix inserts a guard after line 6, so the bug is lines 6-7 (both neighbours).
  const fixed = FIXED.replace(`${BUG_LINE_FIXED}\n`, `${BUG_LINE_FIXED}\n  // touching intervals do not overlap\n`);
  const exercise = exerciseWith(FIXED, fixed);

  it('an insertion next to a bug line touches the bug', () => {
    const before = FIXED.replace('  return aStart', '  // ends are exclusive\n  return aStart');
    // Inserted between lines 5 and 6 of buggy: line 6 is a bug line.
    expect(grade(before, {}, exercise)).toMatchObject({
      score: 2,
      rationale: 'the fix changes the bug (lines 6-7) and 0 lines outside it (up to 2 allowed)',
    });
  });

  it('an insertion far from the bug does not', () => {
    const far = FIXED.replace('export const VERSION', '// hello\nexport const VERSION');
    expect(grade(far, {}, exercise)).toMatchObject({
      score: 0,
      rationale: 'the fix does not touch the bug (lines 6-7): it changes 1 line elsewhere (at lines 11-12 of buggy.ts)',
    });
  });
});

describe('fix: no fix proposed', () => {
  it('a null fix scores the rubric noFixScore', () => {
    expect(grade(null)).toEqual({ score: 0, rationale: 'no fix proposed', evidence: [] });
    expect(grade(null, { noFixScore: 1 })).toEqual({ score: 1, rationale: 'no fix proposed', evidence: [] });
  });

  it('an empty fix is no fix, not a deletion of the whole file', () => {
    expect(grade('  \n', { noFixScore: 1 })).toEqual({
      score: 1,
      rationale: 'no fix proposed (the fix is empty)',
      evidence: [],
    });
  });
});
