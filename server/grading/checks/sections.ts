/**
 * The `sections` check: does the spec have the headings a reviewer needs (goals, non-goals, actors,
 * behaviour, edge cases, errors, acceptance criteria, open questions...)? A section is found when a heading
 * (ATX `#` or setext) matches any of its patterns; one heading may stand for several sections
 * ("Errors and edge cases"). Score: points × found / sections, rounded.
 */
import type { Check } from '../../content/schema.js';
import type { CheckInput, CheckResult, Evidence } from '../types.js';
import { parseSpec } from './spec-blocks.js';

export type SectionsCheck = Extract<Check, { type: 'sections' }>;

/**
 * A pattern matches where a word starts: "goals?" finds "Goals" and "Goals & scope" but not "Non-goals",
 * which must count for the non-goals section only. The end stays open, so "tests?" still finds "Testing".
 */
function headingPattern(source: string): RegExp | null {
  try {
    return new RegExp(`(?<![\\p{L}\\p{N}-])(?:${source})`, 'iu');
  } catch {
    return null;
  }
}

export function sections(input: CheckInput<SectionsCheck>): CheckResult {
  const { criterion, exercise, submission } = input;
  const wanted = criterion.check.sections;
  if (submission.kind !== 'spec') {
    return { score: 0, rationale: 'The sections check reads a spec; this submission is not one.', evidence: [] };
  }
  const { headings } = parseSpec(submission.text, exercise.brief);
  const evidence: Evidence[] = [];
  const missing: string[] = [];
  const broken: string[] = [];
  for (const section of wanted) {
    const patterns = section.match.map((p) => {
      const re = headingPattern(p);
      if (!re) broken.push(`${section.id}: ${p}`);
      return re;
    });
    const heading = headings.find((h) => patterns.some((re) => re?.test(h.text.replace(/\s+/g, ' '))));
    if (!heading) {
      missing.push(section.title);
      continue;
    }
    evidence.push({
      quote: submission.text.slice(heading.start, heading.end),
      start: heading.start,
      end: heading.end,
      verified: true,
      in: 'text',
      label: section.id,
    });
  }
  const found = evidence.length;
  const total = wanted.length;
  const score = total === 0 ? 0 : Math.round((criterion.points * found) / total);
  const headingCount = headings.length === 1 ? '1 heading' : `${headings.length} headings`;
  let rationale =
    missing.length === 0
      ? `${found} of ${total} sections found (${headingCount}).`
      : `${found} of ${total} sections found (${headingCount}): missing ${missing.join(', ')}.`;
  if (broken.length > 0) rationale += ` Patterns that do not compile were skipped: ${broken.join('; ')}.`;
  return { score, rationale, evidence };
}
