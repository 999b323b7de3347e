import { describe, expect, it } from 'vitest';
import { type SectionsCheck, sections } from '../../../server/grading/checks/sections.js';
import { criterion, specExercise } from '../../helpers/exercises.js';

const SECTIONS: SectionsCheck['sections'] = [
  { id: 'goals', title: 'Goals', match: ['goals?', 'objectives?'] },
  { id: 'non-goals', title: 'Non-goals', match: ['non-?goals?', 'out of scope'] },
  { id: 'edge-cases', title: 'Edge cases', match: ['edge[- ]cases?'] },
  { id: 'errors', title: 'Errors', match: ['errors?', 'failures?'] },
  { id: 'acceptance', title: 'Acceptance criteria', match: ['acceptance', 'tests?'] },
  { id: 'open-questions', title: 'Open questions', match: ['open questions?', 'assumptions'] },
];

const exercise = specExercise();

function grade(text: string, wanted = SECTIONS) {
  return sections({
    exercise,
    criterion: criterion({ type: 'sections', sections: wanted }, 3),
    submission: { kind: 'spec', text },
  });
}

describe('the sections check', () => {
  it('gives full points when every section has a heading, with each heading as evidence', () => {
    const text =
      '# Goals\nx\n## Out of scope\nx\n## Edge cases\nx\n## Errors\nx\n\nAcceptance criteria\n===\nx\n## Open questions\nx\n';
    const result = grade(text);
    expect(result.score).toBe(3);
    expect(result.rationale).toBe('6 of 6 sections found (6 headings).');
    expect(result.evidence.map((e) => [e.label, e.quote, text.slice(e.start, e.end)])).toEqual([
      ['goals', 'Goals', 'Goals'],
      ['non-goals', 'Out of scope', 'Out of scope'],
      ['edge-cases', 'Edge cases', 'Edge cases'],
      ['errors', 'Errors', 'Errors'],
      ['acceptance', 'Acceptance criteria', 'Acceptance criteria'],
      ['open-questions', 'Open questions', 'Open questions'],
    ]);
    expect(result.evidence.every((e) => e.verified && e.in === 'text')).toBe(true);
  });

  it('scores in proportion and names the missing sections', () => {
    const result = grade('## Goals\nx\n## Errors and edge cases\nx\n');
    expect(result.score).toBe(2);
    expect(result.rationale).toBe(
      '3 of 6 sections found (2 headings): missing Non-goals, Acceptance criteria, Open questions.',
    );
    expect(result.evidence.map((e) => e.label)).toEqual(['goals', 'edge-cases', 'errors']);
  });

  it('does not count "Non-goals" as Goals, nor a heading inside a code block, nor a bold line', () => {
    const result = grade('## Non-goals\nx\n\n```\n# Goals\n```\n\n**Errors**\n\nText.');
    expect(result.evidence.map((e) => e.label)).toEqual(['non-goals']);
    expect(result.score).toBe(1);
  });

  it('matches a pattern at the start of a word, so that "Testing" counts for tests', () => {
    const result = grade('## Testing\nx');
    expect(result.evidence.map((e) => e.label)).toEqual(['acceptance']);
  });

  it('gives 0 to a spec without headings', () => {
    const result = grade('Just prose, no headings at all.');
    expect(result.score).toBe(0);
    expect(result.rationale).toBe(
      '0 of 6 sections found (0 headings): missing Goals, Non-goals, Edge cases, Errors, Acceptance criteria, Open questions.',
    );
  });

  it('skips a pattern that does not compile and says so, instead of throwing', () => {
    const result = grade('## Goals', [{ id: 'goals', title: 'Goals', match: ['(unclosed', 'goals'] }]);
    expect(result.score).toBe(3);
    expect(result.rationale).toBe(
      '1 of 1 sections found (1 heading). Patterns that do not compile were skipped: goals: (unclosed.',
    );
  });
});
