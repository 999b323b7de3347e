/**
 * The `acceptance` check: how many testable acceptance criteria the spec has. Three forms count, each
 * criterion once:
 * - a Given/When/Then scenario: consecutive step lines (or one line "Given …, when …, then …"), with at
 *   least a Given or a When before a Then; And/But steps extend it; Gherkin in a code block counts too;
 * - an EARS statement: a sentence that opens with a trigger or state (When, While, If … then, Where, Once,
 *   After) and whose system "shall" or "must" respond;
 * - a numbered or bulleted requirement (or one with an id such as "R1:") that says MUST or SHALL and carries
 *   a measurable condition: a number (a duration, a size, a count, a status code), a named state or field in
 *   code, or exact text in quotation marks.
 * Nothing counts inside quotations of the brief or under "Open questions"/"Assumptions".
 * Score: points × min(found, full) / full, rounded.
 */
import type { Check } from '../../content/schema.js';
import type { Span } from '../text.js';
import type { CheckInput, CheckResult, Evidence } from '../types.js';
import { blank, parseSpec, type SpecStructure, within } from './spec-blocks.js';

export type AcceptanceCheck = Extract<Check, { type: 'acceptance' }>;

export type CriterionKind = 'scenario' | 'ears' | 'requirement';
export type AcceptanceCriterion = Span & { kind: CriterionKind };

const STEP_PREFIX =
  /^[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:(?:scenario|example|ac[- ]?\d*|criterion[ \t]*\d*|test[ \t]*\d*)\b[^:\n]{0,80}:[ \t]*)?(?:\*\*|__|\*|_)?[ \t]*/i;
const STEP_WORD = /^(given|when|then|and|but)\b/i;

type Step = { word: 'given' | 'when' | 'then' | 'and' | 'but'; at: number };
type Unit = Span & { steps: Step[] };

/**
 * Given/When/Then scenarios, each from its first step to the end of its last step's paragraph or list item.
 * Steps are read from logical units: a paragraph or list item of prose (however it wraps), or one line of
 * a code block (Gherkin). A unit without steps, or a heading, ends the scenario in progress.
 */
export function findScenarios(doc: SpecStructure): AcceptanceCriterion[] {
  const { text } = doc;
  const units: Unit[] = [];
  for (const b of doc.blocks) {
    if (b.aside || within(doc.briefQuotes, b)) continue;
    units.push({ start: b.start, end: b.end, steps: stepsOf(text.slice(b.start, b.end), b.start) });
  }
  for (const code of doc.codeBlocks) {
    const lines = text.slice(code.start, code.end).split('\n');
    let at = code.start;
    for (const line of lines) {
      const unit = { start: at, end: at + line.length };
      at += line.length + 1;
      if (line.trim().length === 0 || within(doc.asides, unit)) continue;
      units.push({ ...unit, steps: stepsOf(line, unit.start) });
    }
  }
  units.sort((a, b) => a.start - b.start);

  const found: AcceptanceCriterion[] = [];
  let state: 'none' | 'given' | 'when' | 'then' = 'none';
  let start = 0;
  let end = 0;
  let previousEnd = 0;
  const finish = () => {
    if (state === 'then') found.push({ kind: 'scenario', start, end });
    state = 'none';
  };
  for (const unit of units) {
    const headingBetween = doc.headings.some((h) => h.start >= previousEnd && h.start < unit.start);
    if (headingBetween || unit.steps.length === 0) finish();
    previousEnd = unit.end;
    for (const step of unit.steps) {
      if (step.word === 'given' && state !== 'given') {
        // A Given opens a new scenario; a When still waiting for its Then (an EARS line) is dropped.
        finish();
        start = step.at;
        state = 'given';
      } else if (step.word === 'when' && state !== 'given' && state !== 'when') {
        finish();
        start = step.at;
        state = 'when';
      } else if (step.word === 'when') {
        state = 'when';
      } else if (step.word === 'then' && state !== 'none') {
        state = 'then';
      }
      if (state !== 'none') end = unit.start + text.slice(unit.start, unit.end).trimEnd().length;
    }
  }
  finish();
  return found;
}

/**
 * The steps a unit holds: its leading step word, then later step words that either sit in the first
 * sentence after a comma or semicolon ("Given X, when Y, then Z") or open a later sentence or line
 * ("When X.\nThen Y."). A "then" inside a later "If …, then …" sentence is not a step.
 */
function stepsOf(unit: string, offset: number): Step[] {
  const prefix = STEP_PREFIX.exec(unit)?.[0].length ?? 0;
  const lead = STEP_WORD.exec(unit.slice(prefix));
  if (!lead?.[1]) return [];
  const first = lead[1].toLowerCase() as Step['word'];
  const steps: Step[] = [{ word: first, at: offset + (unit.length - unit.trimStart().length) }];
  if (first !== 'given' && first !== 'when') return steps;
  const restAt = prefix + lead[0].length;
  const rest = unit.slice(restAt);
  const firstSentenceEnd = /[.!?](\s|$)/.exec(rest)?.index ?? rest.length;
  const words = first === 'given' ? 'when|then' : 'then';
  const later = new RegExp(`([,;]\\s*|[.!?]\\s+|\\n\\s*|\\s)(?:\\*\\*|__|\\*|_)?(${words})\\b`, 'gi');
  for (const m of rest.matchAll(later)) {
    const separator = m[1] ?? '';
    const opensSentence = /[.!?\n]/.test(separator);
    const inFirstSentence = m.index < firstSentenceEnd && (/[,;]/.test(separator) || first === 'given');
    const bold = /^\s*$/.test(separator) && /^\s*(\*\*|__)/.test(m[0].slice(separator.length));
    if (!opensSentence && !inFirstSentence && !bold) continue;
    steps.push({ word: (m[2] ?? '').toLowerCase() as Step['word'], at: offset + restAt + m.index });
  }
  return steps;
}

const LOOPHOLE_TRIGGER =
  /^(if|where|when|whenever) (at all )?(possible|appropriate|applicable|needed|necessary|feasible|practical|relevant|required)\b/i;
const EARS =
  /^(when|whenever|while|if|where|once|after|as soon as|in case)\b[\s\S]{3,}?(?:,\s*|\s)(?:then\s+)?(?:the|an?|each|every|its|their|this|our)\s+[^,;.]{1,60}?\s(shall|must)\b/i;

/** Sentences in an EARS template (event, state, unwanted behaviour, optional feature). */
export function findEars(doc: SpecStructure, taken: readonly Span[]): AcceptanceCriterion[] {
  const briefless = blank(doc.text, doc.briefQuotes);
  const found: AcceptanceCriterion[] = [];
  for (const s of doc.sentences) {
    if (s.aside || s.question) continue;
    const raw = briefless.slice(s.start, s.end);
    const prefix = STEP_PREFIX.exec(raw)?.[0].length ?? 0;
    const body = raw.slice(prefix);
    if (LOOPHOLE_TRIGGER.test(body) || !EARS.test(body)) continue;
    if (overlaps(taken, s)) continue;
    found.push({ kind: 'ears', start: s.start, end: s.end });
  }
  return found;
}

const ID_PREFIX = /^\s*(?:\*\*|__)?\[?(?:R|REQ|FR|NFR|AC|US)[-‐ ]?\d+\]?(?:\*\*|__)?[.:)]?(?:\*\*|__)?\s/i;
const MANDATORY = /(?<![\p{L}-])(must|shall)(?![\p{L}-])/iu;
const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|once|twice';
const MEASURABLE = [
  // a figure: a duration, a size, a count, a status code (not an id such as R1 or a version such as v2)
  /(?<![\p{L}\p{N}_.-])\d/u,
  new RegExp(
    `\\b(at (most|least)|up to|exactly|no more than|more than|fewer than|less than|within|only|after)\\s+(${NUMBER_WORDS})\\b|\\b(once|twice)\\b`,
    'i',
  ),
  // a named state: "the `pending` state", "status Expired", "the revoked state"
  /\b(state|status)\s+(of\s+)?[`"'“‘]?\p{Lu}/u,
  /\bthe\s+[`"'“‘]?[\p{L}_-]+[`"'”’]?\s+(state|status)\b/iu,
];

/** Numbered or bulleted MUST/SHALL requirements with a measurable condition. */
export function findRequirements(doc: SpecStructure, taken: readonly Span[]): AcceptanceCriterion[] {
  const briefless = blank(doc.text, doc.briefQuotes);
  const found: AcceptanceCriterion[] = [];
  for (const b of doc.blocks) {
    if (b.aside) continue;
    const raw = briefless.slice(b.start, b.end);
    const listed = b.kind === 'list-item' || ID_PREFIX.test(raw);
    if (!listed || !MANDATORY.test(raw)) continue;
    if (overlaps(taken, b)) continue;
    const body = raw.replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+/, '').replace(ID_PREFIX, ' ');
    const exact =
      doc.codeSpans.some((c) => c.start >= b.start && c.end <= b.end) ||
      doc.quotations.some((q) => q.start >= b.start && q.end <= b.end && !within(doc.briefQuotes, q));
    if (!exact && !MEASURABLE.some((re) => re.test(body))) continue;
    const lead = raw.length - raw.trimStart().length;
    found.push({ kind: 'requirement', start: b.start + lead, end: b.start + raw.trimEnd().length });
  }
  return found;
}

function overlaps(spans: readonly Span[], s: Span): boolean {
  return spans.some((t) => s.start < t.end && t.start < s.end);
}

export function findAcceptanceCriteria(doc: SpecStructure): AcceptanceCriterion[] {
  const scenarios = findScenarios(doc);
  const ears = findEars(doc, scenarios);
  const requirements = findRequirements(doc, [...scenarios, ...ears]);
  return [...scenarios, ...ears, ...requirements].sort((a, b) => a.start - b.start);
}

export function acceptance(input: CheckInput<AcceptanceCheck>): CheckResult {
  const { criterion, exercise, submission } = input;
  const full = criterion.check.full;
  if (submission.kind !== 'spec') {
    return { score: 0, rationale: 'The acceptance check reads a spec; this submission is not one.', evidence: [] };
  }
  const doc = parseSpec(submission.text, exercise.brief);
  const criteria = findAcceptanceCriteria(doc);
  const count = (kind: CriterionKind) => criteria.filter((c) => c.kind === kind).length;
  const score = Math.round((criterion.points * Math.min(criteria.length, full)) / full);
  const parts = [
    plural(count('scenario'), 'Given/When/Then scenario'),
    plural(count('ears'), 'EARS statement'),
    plural(
      count('requirement'),
      'MUST/SHALL requirement with a measurable condition',
      'MUST/SHALL requirements with a measurable condition',
    ),
  ];
  const total = plural(criteria.length, 'testable acceptance criterion', 'testable acceptance criteria');
  const enough = criteria.length >= full ? `full points at ${full}` : `${full} needed for full points`;
  const rationale = `${total} (${parts.join(', ')}); ${enough}.`;
  const evidence: Evidence[] = criteria.map((c) => ({
    quote: submission.text.slice(c.start, c.end),
    start: c.start,
    end: c.end,
    verified: true,
    in: 'text',
    label: c.kind,
  }));
  return { score, rationale, evidence };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
