/**
 * Verifies the judge's quotes: each is searched in what the candidate wrote (ignoring case and differences in
 * whitespace). A quote that is found gets its offsets; one that is not is kept, marked unverified, so that the
 * reviewer sees what the judge claimed and that the submission does not say it.
 */
import type { Submission } from '../../content/schema.js';
import { fold, locateQuote } from '../text.js';
import type { Evidence } from '../types.js';

type Field = { in: Evidence['in']; text: string; folded: ReturnType<typeof fold> };

/** The fields a quote may come from, in search order: a spec's text; a bug-hunt's explanation, then its fix. */
function fieldsOf(submission: Submission): Field[] {
  const field = (name: Evidence['in'], text: string): Field => ({ in: name, text, folded: fold(text) });
  switch (submission.kind) {
    case 'spec':
      return [field('text', submission.text)];
    case 'bug-hunt':
      return submission.fix === null
        ? [field('explanation', submission.explanation)]
        : [field('explanation', submission.explanation), field('fix', submission.fix)];
    default: {
      const unreachable: never = submission;
      throw new Error(`unhandled submission kind ${String(unreachable)}`);
    }
  }
}

/**
 * Evidence for each distinct non-blank quote, in the judge's order. Unverified evidence has start = end = 0
 * (nothing to highlight) and names the field the quote should have come from first.
 */
export function verifyQuotes(submission: Submission, quotes: readonly string[]): Evidence[] {
  const fields = fieldsOf(submission);
  const seen = new Set<string>();
  const evidence: Evidence[] = [];
  for (const quote of quotes) {
    const key = fold(quote.trim()).text.toLowerCase();
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    evidence.push(locate(fields, quote));
  }
  return evidence;
}

function locate(fields: Field[], quote: string): Evidence {
  for (const field of fields) {
    const span = locateQuote(field.text, quote, field.folded);
    if (span) return { quote: field.text.slice(span.start, span.end), ...span, verified: true, in: field.in };
  }
  return { quote: quote.trim(), start: 0, end: 0, verified: false, in: fields[0]?.in ?? 'text' };
}
