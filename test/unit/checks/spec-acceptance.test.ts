import { describe, expect, it } from 'vitest';
import { acceptance } from '../../../server/grading/checks/acceptance.js';
import { criterion, specExercise } from '../../helpers/exercises.js';

const BRIEF = 'Given an admin, when they invite someone, then it should just work.';

const exercise = specExercise({ brief: BRIEF });

function grade(text: string, full = 3) {
  return acceptance({
    exercise,
    criterion: criterion({ type: 'acceptance', full }),
    submission: { kind: 'spec', text },
  });
}

const kinds = (text: string) => grade(text).evidence.map((e) => [e.label, e.quote]);

describe('Given/When/Then scenarios', () => {
  it('counts a scenario once, whether on one line, over several lines or wrapped', () => {
    const text = [
      '1. Given an expired link, when the invitee opens it, then the page shows 410.',
      '2. Given a pending invitation for ana@x.com, when an Admin invites ana@x.com again,',
      '   then there is still one invitation.',
      '',
      '**Given** a member',
      '**When** they call `POST /invitations`',
      '**Then** the API returns 403',
      '**And** no email is sent',
    ].join('\n');
    expect(kinds(text)).toEqual([
      ['scenario', '1. Given an expired link, when the invitee opens it, then the page shows 410.'],
      [
        'scenario',
        '2. Given a pending invitation for ana@x.com, when an Admin invites ana@x.com again,\n   then there is still one invitation.',
      ],
      [
        'scenario',
        '**Given** a member\n**When** they call `POST /invitations`\n**Then** the API returns 403\n**And** no email is sent',
      ],
    ]);
  });

  it('counts Gherkin inside a code block', () => {
    const text =
      '```gherkin\nScenario: expired\n  Given an expired link\n  When it is opened\n  Then the page shows 410\n```';
    expect(kinds(text)).toEqual([
      ['scenario', 'Given an expired link\n  When it is opened\n  Then the page shows 410'],
    ]);
  });

  it('needs a Then: a Given and a When alone are not a test', () => {
    expect(kinds('Given an expired link, when it is opened.\n\nThe page shows 410.')).toEqual([]);
  });

  it('does not count a scenario quoted from the brief, nor one under Open questions', () => {
    expect(kinds(`The brief says "${BRIEF}"`)).toEqual([]);
    expect(kinds('## Open questions\n- Given a bounce, when it happens, then do we retry?')).toEqual([]);
  });
});

describe('EARS statements and MUST/SHALL requirements', () => {
  it('counts event, state, unwanted-behaviour and optional-feature templates', () => {
    const text = [
      'When a client exceeds its quota, the gateway shall respond with 429.',
      'While a team is suspended, its members shall receive 403.',
      'If the token is unknown, then the API shall return 404.',
      'Where SSO is enabled, the login page shall redirect to the identity provider.',
      'If possible, the system shall retry.',
      'When the link expires, the page shows an error.',
    ].join(' ');
    expect(kinds(text).map(([kind]) => kind)).toEqual(['ears', 'ears', 'ears', 'ears']);
  });

  it('counts a listed MUST/SHALL requirement only with a measurable condition', () => {
    const text = [
      '- The import MUST accept files up to 20 MB.',
      '- The invitation MUST move to the `expired` state after its last send.',
      '- The API MUST answer "Not a valid email address" for a malformed address.',
      '- The import MUST be fast.',
      '- The system must handle errors properly.',
      '',
      'R4: The system SHALL send at most three reminders.',
      '',
      'The import MUST finish in 2 minutes.',
    ].join('\n');
    expect(kinds(text)).toEqual([
      ['requirement', '- The import MUST accept files up to 20 MB.'],
      ['requirement', '- The invitation MUST move to the `expired` state after its last send.'],
      ['requirement', '- The API MUST answer "Not a valid email address" for a malformed address.'],
      ['requirement', 'R4: The system SHALL send at most three reminders.'],
    ]);
  });
});

describe('the acceptance score', () => {
  it('scores found / full, capped at full, and says the figures', () => {
    const two = grade('- Given A, when B, then C.\n\nWhen D happens, the system shall do E.');
    expect(two.score).toBe(3);
    expect(two.rationale).toBe(
      '2 testable acceptance criteria (1 Given/When/Then scenario, 1 EARS statement, 0 MUST/SHALL requirements with a measurable condition); 3 needed for full points.',
    );
    const five = grade(
      '- Given A, when B, then C.\n- Given D, when E, then F.\n- Given G, when H, then I.\n- Given J, when K, then L.',
    );
    expect(five.score).toBe(4);
    expect(five.rationale).toBe(
      '4 testable acceptance criteria (4 Given/When/Then scenarios, 0 EARS statements, 0 MUST/SHALL requirements with a measurable condition); full points at 3.',
    );
  });

  it('gives 0 to a spec without testable criteria', () => {
    const result = grade('The invite flow should be easy and fast.');
    expect(result.score).toBe(0);
    expect(result.evidence).toEqual([]);
  });
});
