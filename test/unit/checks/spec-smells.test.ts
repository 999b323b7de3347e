import { describe, expect, it } from 'vitest';
import { findSmells, type SmellsCheck, smells } from '../../../server/grading/checks/smells.js';
import { parseSpec } from '../../../server/grading/checks/spec-blocks.js';
import { criterion, specExercise } from '../../helpers/exercises.js';

const BRIEF = 'Invites should be simple and fast. Make sure it is secure and user-friendly, etc.';

const BANDS: SmellsCheck['bands'] = [
  { maxDensity: 0.05, score: 4 },
  { maxDensity: 0.12, score: 3 },
  { maxDensity: 0.25, score: 2 },
  { maxDensity: 0.5, score: 1 },
  { maxDensity: 1000, score: 0 },
];

function grade(text: string, check: Partial<SmellsCheck> = {}) {
  return smells({
    exercise: specExercise({ brief: BRIEF }),
    criterion: criterion({ type: 'smells', bands: BANDS, ...check }),
    submission: { kind: 'spec', text },
  });
}

/** The smells in a text, as "category: quote". */
function hits(text: string, brief = BRIEF): string[] {
  return findSmells(parseSpec(text, brief)).map((h) => `${h.category}: ${h.quote}`);
}

describe('smells in context: what is not a smell', () => {
  it('a smell word in a code block or a code span is code, not language', () => {
    expect(hits('The import must be fast.')).toEqual(['vague: fast']);
    expect(hits('Set `fast` to true.\n\n```\n// should be fast and easy, etc.\n```')).toEqual([]);
  });

  it('a quote of the brief is the founder’s wording, so only the candidate’s own words are judged', () => {
    expect(hits('The brief asks for "simple and fast" invites; this spec sends them within 60 seconds.')).toEqual([]);
    expect(hits('Invites are simple and fast.')).toEqual(['subjective: simple', 'vague: fast']);
  });

  it('a TBD under Open questions or Assumptions is honest, not a smell', () => {
    const text =
      '## Behaviour\nLinks expire after 7 days.\n\n## Open questions\n- Retention is TBD; maybe 30 days?\n- Should some admins be able to extend links?\n\n## Assumptions\n- Most teams are small.';
    expect(hits(text)).toEqual([]);
    expect(hits('Retention is TBD.')).toEqual(['incomplete: TBD']);
  });

  it('"fast" inside "fast-forward", `fastPath` or a file name is not "fast"', () => {
    expect(hits('The deploy script fast-forwards main and logs fast.log to disk.')).toEqual([]);
    expect(hits('The fastPath flag skips validation for rows already seen.')).toEqual([]);
  });

  it('a word is whole after any script or symbol: a letter or digit before a hyphen or dot joins it', () => {
    expect(hits('The résumé-fast mode, v2.fast and the /fast route exist.')).toEqual([]);
    expect(hits('Uploads are 😀 fast and — fast.')).toEqual(['vague: fast', 'vague: fast']);
    expect(hits('Sync is fastest-first then fast.')).toEqual(['vague: fast']);
  });

  it('a quantifier tied to a defined set is precise; an unbounded one is a smell', () => {
    expect(hits('All fields listed in Appendix A are required.')).toEqual([]);
    expect(hits('Each role in the permissions table maps to one scope.')).toEqual([]);
    expect(hits('All three retry attempts use exponential backoff.')).toEqual([]);
    expect(hits('All users should be happy.')).toEqual([
      'quantifier: All users',
      'weak-modal: should',
      'subjective: happy',
    ]);
    expect(hits('The importer must support all file formats.')).toEqual(['quantifier: all file formats']);
  });

  it('a comparative with a reference or a figure is precise; without one it is a smell', () => {
    expect(hits('The endpoint responds faster than 200 ms at p95.')).toEqual([]);
    expect(hits('Files up to 50 MB are accepted. The upload rejects larger files.')).toEqual([]);
    expect(hits('Imports must be faster.')).toEqual(['comparative: faster']);
    expect(hits('Provide better error messages than today.')).toEqual(['comparative: better']);
  });

  it('"may" granting a person permission is fine; "the system may" is a weak requirement', () => {
    expect(hits('The invited user may decline the invitation.')).toEqual([]);
    expect(hits('Admins can revoke a pending invitation.')).toEqual([]);
    expect(hits('The system may log failed attempts.')).toEqual(['weak-modal: may']);
    expect(hits('The limiter may be bypassed by internal services.')).toEqual([]);
  });

  it('a vague word next to a number is bounded by it', () => {
    expect(hits('Large files (over 20 MB) are rejected.')).toEqual([]);
    expect(hits('The job retries periodically, every 10 minutes.')).toEqual([]);
    expect(hits('Large files are rejected.')).toEqual(['vague: Large']);
  });

  it('"should" in a Then step or an inverted condition is idiom, not a weak requirement', () => {
    expect(hits('Then the invitee should see the expired page.')).toEqual([]);
    expect(hits('Should the import fail, the user gets an email with the first 20 errors.')).toEqual([]);
    expect(hits('The user should see the expired page.')).toEqual(['weak-modal: should']);
  });

  it('a passive names no actor only when no "by" agent follows', () => {
    expect(hits('Errors are handled.')).toEqual(['passive: are handled']);
    expect(hits('Errors are handled by the import worker.')).toEqual([]);
    expect(hits('Once an invitation is approved, the member joins.')).toEqual([]);
  });

  it('a pronoun with two possible antecedents is vague; with one it is not', () => {
    expect(hits('When the admin removes a member from the team, they receive an email.')).toEqual([
      'vague-pronoun: they',
    ]);
    expect(hits('When the admin removes a member, the member receives an email.')).toEqual([]);
  });
});

describe('smells in context: rules of the fourth round (docs/smells.md)', () => {
  it('a verb of perception makes any adjective a matter of taste, not also a vague bound', () => {
    expect(hits('The app must feel snappy on every screen.')).toEqual(['subjective: feel snappy']);
    expect(hits('The defaults should seem sensible to a new admin.')).toEqual([
      'weak-modal: should',
      'subjective: seem sensible',
    ]);
    expect(hits('The middleware looks up the plan from the API key.')).toEqual([]);
    expect(hits('The banner must look the same as in the design file.')).toEqual([]);
  });

  it('a level of a measurable quantity without a figure is vague; with one it is bounded', () => {
    expect(hits('Players with a high ping wait in a separate queue.')).toEqual(['vague: high ping']);
    expect(hits('Players with a high ping (over 150 ms) wait in a separate queue.')).toEqual([]);
    expect(hits('The device raises a low-battery alert at 15 %.')).toEqual([]);
  });

  it('"relevant" or "important" before a plural is vague unless the sentence names the set', () => {
    expect(hits('The dashboard shows the relevant metrics for each device.')).toEqual(['vague: relevant']);
    expect(hits('The dashboard shows the relevant metrics listed in Appendix B.')).toEqual([]);
    expect(hits('Sensitive endpoints have a stricter limit: login and password reset allow 5 per minute.')).toEqual([]);
  });

  it('"later" that defers an action is vague timing; a reason, a document pointer or "decided later" is not', () => {
    expect(hits('The app syncs the scans later.')).toEqual(['vague-timing: later']);
    expect(hits('Push notifications come at a later stage.')).toEqual(['vague-timing: at a later stage']);
    expect(hits('The model follows RFC 5545 so that sync stays possible later.')).toEqual([]);
    expect(hits('The format is described later.')).toEqual([]);
    expect(hits('The limits will be decided later.')).toEqual(['incomplete: decided later']);
    expect(hits('The edit with the later timestamp wins.')).toEqual([]);
  });

  it('a comparison with the thing’s own present state has no reference', () => {
    expect(hits('The ETA must be more accurate than it is now.')).toEqual(['comparative: more accurate']);
    expect(hits('The ETA must be more accurate than the carrier’s estimate.')).toEqual([]);
  });

  it('"include, but are not limited to" leaves the list open like "including but not limited to"', () => {
    expect(hits('Types include, but are not limited to, check-ups and vaccinations.')).toEqual([
      'open-ended: but are not limited to',
    ]);
  });

  it('a displayed state held "at all times" is testable; a quality held at all times is not', () => {
    expect(hits('The quiz timer is visible at all times during the quiz.')).toEqual([]);
    expect(hits('Calendar sync must work at all times.')).toEqual(['absolute: at all times']);
  });

  it('people named by role in any domain are people: permissions and pronoun antecedents', () => {
    expect(hits('A driver can mark a delivery as failed.')).toEqual([]);
    expect(hits('The matchmaker can also consider latency.')).toEqual(['weak-modal: can']);
    expect(hits('If a teacher disagrees with a co-grader, they can ask for a third opinion.')).toEqual([
      'vague-pronoun: they',
    ]);
    expect(hits('When the dispatcher reassigns a parcel, the driver gets a push notification.')).toEqual([]);
  });

  it('publishing, detecting and grading hide their actor in the passive as notifying does', () => {
    expect(hits('Grades are published on Friday.')).toEqual(['passive: are published']);
    expect(hits('Grades are published by the teacher on Friday.')).toEqual([]);
    expect(hits('Smurf accounts must be detected.')).toEqual(['passive: be detected']);
  });
});

describe('smells in context: what is a smell', () => {
  it('finds each category of the literature in a typical weak spec, with exact offsets', () => {
    const text =
      'The page should load quickly. If possible, send reminders promptly. Support CSV, TSV, etc. The UI must always be available. Retention is TBD. This should be configurable.';
    const found = findSmells(parseSpec(text, ''));
    expect(found.map((h) => [h.category, h.quote])).toEqual([
      ['weak-modal', 'should'],
      ['vague', 'quickly'],
      ['loophole', 'If possible'],
      ['vague-timing', 'promptly'],
      ['open-ended', 'etc.'],
      ['absolute', 'always'],
      ['incomplete', 'TBD'],
      ['vague-pronoun', 'This'],
      ['weak-modal', 'should'],
    ]);
    for (const h of found) expect(text.slice(h.start, h.end)).toBe(h.quote);
  });
});

describe('the smells score', () => {
  it('scores by the first density band that holds, and says the figures', () => {
    const text = `${'Links expire after 7 days. '.repeat(9)}The page loads quickly.`;
    const result = grade(text);
    expect(result.score).toBe(3);
    expect(result.rationale).toBe(
      '1 smell in 10 requirement sentences: density 0.10, within the band of at most 0.12 (3 points). By category: 1 vague.',
    );
    expect(result.evidence).toEqual([
      { quote: 'quickly', start: 258, end: 265, verified: true, in: 'text', label: 'vague' },
    ]);
  });

  it('gives full points to a spec without smells', () => {
    const result = grade('Links expire after 7 days. A link works once.');
    expect(result.score).toBe(4);
    expect(result.rationale).toBe(
      '0 smells in 2 requirement sentences: density 0.00, within the band of at most 0.05 (4 points).',
    );
  });

  it('gives 0 to a spec with no requirement sentences, and says so', () => {
    for (const text of ['', '# Goals\n\n```\ncode only\n```', '## Open questions\n- Is fast OK?']) {
      const result = grade(text);
      expect(result.score).toBe(0);
      expect(result.rationale).toMatch(/^The spec has no requirement sentences/);
      expect(result.evidence).toEqual([]);
    }
  });

  it('counts only the categories the rubric lists, and names unknown ones', () => {
    const text = 'The page should load quickly. Invites expire after 7 days.';
    const result = grade(text, { categories: ['vague', 'spelling'] });
    expect(result.evidence.map((e) => e.label)).toEqual(['vague']);
    expect(result.score).toBe(1);
    expect(result.rationale).toBe(
      '1 smell in 2 requirement sentences: density 0.50, within the band of at most 0.5 (1 points). By category: 1 vague. Counting only: vague. Unknown categories ignored: spelling.',
    );
  });

  it('scores 0 when the density is above every band', () => {
    const result = grade('It should be fast, easy and nice.', {
      bands: [{ maxDensity: 0.5, score: 4 }],
    });
    expect(result.score).toBe(0);
    expect(result.rationale).toContain('above every band (0 points)');
  });
});
