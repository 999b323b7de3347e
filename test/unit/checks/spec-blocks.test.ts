import { describe, expect, it } from 'vitest';
import { blank, parseSpec } from '../../../server/grading/checks/spec-blocks.js';

const slices = (text: string, spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

describe('headings', () => {
  it('reads ATX and setext headings with the offsets of their text, and ignores "#" lines in code', () => {
    const text = '# Goals\nText here.\n\nNon-goals\n---------\n\n```\n# not a heading\n```\n## Errors ##\n';
    const { headings } = parseSpec(text, '');
    expect(headings.map(({ level, text }) => ({ level, text }))).toEqual([
      { level: 1, text: 'Goals' },
      { level: 2, text: 'Non-goals' },
      { level: 2, text: 'Errors' },
    ]);
    expect(slices(text, headings)).toEqual(['Goals', 'Non-goals', 'Errors']);
  });

  it('does not read a thematic break after a blank line as a heading', () => {
    const { headings } = parseSpec('Some text.\n\n---\n\nMore text.', '');
    expect(headings).toEqual([]);
  });
});

describe('what is not the candidate’s requirement wording', () => {
  it('blanks code blocks, code spans, link targets and HTML comments, keeping every offset', () => {
    const text = 'Use `fastPath` here.\n\n```\nquick etc.\n```\n\nSee [docs](https://x.io/fast).\n<!-- easy -->\n';
    const doc = parseSpec(text, '');
    expect(doc.prose.length).toBe(text.length);
    expect(doc.prose).not.toMatch(/fastPath|quick|x\.io|easy/);
    expect(doc.prose).toContain('See [docs]');
    expect(slices(text, doc.codeSpans)).toEqual(['`fastPath`']);
  });

  it('blanks overlapping, unordered and out-of-range spans, keeping line breaks and the length', () => {
    const text = 'ab\ncd\nef';
    const spans = [
      { start: 4, end: 20 },
      { start: -3, end: 2 },
      { start: 1, end: 5 },
    ];
    expect(blank(text, spans)).toBe('  \n  \n  ');
    expect(blank(text, [{ start: 3, end: 4 }])).toBe('ab\n d\nef');
    expect(blank(text, [])).toBe(text);
  });

  it('treats text in quotation marks that appears in the brief as a quotation of the brief', () => {
    const brief = 'Make it simple and fast, and secure.';
    const text = 'The founder asked for "simple and fast" invites. Invites are "snappy".';
    const doc = parseSpec(text, brief);
    expect(slices(text, doc.briefQuotes)).toEqual(['"simple and fast"']);
    expect(doc.prose).toContain('"snappy"');
  });

  it('treats a block quote of the brief as a quotation, even lightly edited', () => {
    const brief = 'We need reminders if someone does not accept quickly, and invites should expire.';
    const text = '> We need reminders if someone doesn’t accept quickly, and invites should expire.\n\nOur answer.';
    const doc = parseSpec(text, brief);
    expect(doc.briefQuotes).toEqual([{ start: 0, end: text.indexOf('\n\n') }]);
  });

  it('treats quoted exact text (a message, a label, a defined term) as a literal', () => {
    const text = 'The page shows the message "Try again soon". An invite is "stale" means it is older than 7 days.';
    const doc = parseSpec(text, '');
    expect(slices(text, doc.literals)).toEqual(['"Try again soon"', '"stale"']);
  });
});

describe('open questions and assumptions', () => {
  it('marks the section under an Open questions heading up to the next heading of the same level', () => {
    const text = '## Behaviour\nA.\n## Open questions\n- TBD?\n### Detail\nstill open\n## Errors\nB.';
    const doc = parseSpec(text, '');
    expect(slices(text, doc.asides)).toEqual(['## Open questions\n- TBD?\n### Detail\nstill open\n']);
  });

  it('closes each of several aside sections at its own next heading, and marks only their blocks', () => {
    const text =
      '# A\n## Questions\nq1.\n## Rules\nr1.\n\n**Open questions:**\nq2.\n### Sub\nr2.\n# Assumptions\n## Inner\nq3.\n# End\nr3.';
    const doc = parseSpec(text, '');
    expect(slices(text, doc.asides)).toEqual([
      '## Questions\nq1.\n',
      '**Open questions:**\nq2.\n',
      '# Assumptions\n## Inner\nq3.\n',
    ]);
    expect(doc.blocks.map((b) => `${text.slice(b.start, b.end)}:${b.aside}`)).toEqual([
      'q1.:true',
      'r1.:false',
      '**Open questions:**\nq2.:true',
      'r2.:false',
      'q3.:true',
      'r3.:false',
    ]);
  });

  it('also opens the section at a label line such as "**Assumptions:**"', () => {
    const text = 'Rules here.\n\n**Assumptions:**\n- Most teams are small.\n\n# Errors\nNone.';
    const doc = parseSpec(text, '');
    expect(slices(text, doc.asides)).toEqual(['**Assumptions:**\n- Most teams are small.\n\n']);
  });
});

describe('requirement sentences', () => {
  it('splits sentences at . ! ? but not after an abbreviation, and ends "etc." only before a capital', () => {
    const text = 'Formats, e.g. CSV and TSV, are read. Fields are name, email, etc. The file is UTF-8! Done now.';
    const doc = parseSpec(text, '');
    expect(slices(text, doc.sentences)).toEqual([
      'Formats, e.g. CSV and TSV, are read.',
      'Fields are name, email, etc.',
      'The file is UTF-8!',
      'Done now.',
    ]);
  });

  it('does not count questions, one-word labels, headings or sentences under Open questions', () => {
    const text =
      '# Goals\nGoals:\n- Email\n- Invites expire after 7 days.\n\nWhat happens on a bounce? The page shows it.\n\n## Open questions\n- Keep invites for 30 days.';
    const doc = parseSpec(text, '');
    const counted = doc.sentences.filter((s) => s.requirement);
    expect(slices(text, counted)).toEqual(['- Invites expire after 7 days.', 'The page shows it.']);
  });

  it('reads each body row of a table as a sentence and skips the header row', () => {
    const text = '| Case | Status |\n|---|---|\n| Token expired | 410 |\n';
    const doc = parseSpec(text, '');
    expect(slices(text, doc.sentences)).toEqual(['Token expired | 410 |']);
  });

  it('never throws on empty or odd input', () => {
    for (const text of ['', '\n\n', '```', '> ', '|', '#', '"unclosed', '`x']) {
      expect(() => parseSpec(text, '')).not.toThrow();
    }
    expect(parseSpec('', '').sentences).toEqual([]);
  });
});
