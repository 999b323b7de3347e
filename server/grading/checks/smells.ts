/**
 * The `smells` check: requirement smells (vague words, loopholes, weak modals, passive voice that hides the
 * actor...) per requirement sentence, scored by the rubric's density bands. Each hit is evidence labelled
 * with its category. The phrases and their context rules are in smell-lexicon.ts; what counts as a
 * requirement sentence is in spec-blocks.ts; docs/smells.md explains both and records the measured
 * precision and recall.
 */
import type { Check } from '../../content/schema.js';
import type { CheckInput, CheckResult, Evidence } from '../types.js';
import { INDICATORS, type Indicator, SMELL_CATEGORIES, type SmellCategory } from './smell-lexicon.js';
import { type Block, parseSpec, type Sentence, type SpecStructure } from './spec-blocks.js';

export type SmellsCheck = Extract<Check, { type: 'smells' }>;

export type SmellHit = { category: SmellCategory; start: number; end: number; quote: string };

/**
 * Whole-phrase boundaries: nothing word-like may touch the phrase, so that compounds and identifiers
 * ("fast-forward", `fastPath`, fast.ts, /fast/) never match a listed word. The end is checked in the regular
 * expression (it can make the phrase backtrack to a longer alternative: "faster", not "fast"); the start
 * depends only on where the match begins, so it is checked in code (see wordStartsAt): a leading
 * lookbehind is tried at every position of the text and made the scan several times slower on text with
 * any character beyond Latin-1 (docs/smells.md, Speed).
 */
function compile(indicator: Indicator): RegExp {
  const source = indicator.bare
    ? `(?:${indicator.phrase})`
    : `(?:${indicator.phrase})(?![\\p{L}\\p{N}_/]|[-.][\\p{L}\\p{N}])`;
  return new RegExp(source, indicator.caseSensitive ? 'gu' : 'giu');
}

const COMPILED = INDICATORS.map((indicator) => ({ indicator, re: compile(indicator) }));

const WORD_LIKE = /[\p{L}\p{N}_/]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The code point that ends just before `at`, as a string ('' at the start). */
function codePointBefore(text: string, at: number): string {
  if (at <= 0) return '';
  const low = text.charCodeAt(at - 1);
  const pair = at >= 2 && low >= 0xdc00 && low <= 0xdfff && /[\ud800-\udbff]/.test(text.charAt(at - 2));
  return text.slice(pair ? at - 2 : at - 1, at);
}

/** No letter, digit, underscore or slash just before, and no letter or digit before a hyphen or dot. */
function wordStartsAt(text: string, at: number): boolean {
  const before = codePointBefore(text, at);
  if (before === '') return true;
  if (WORD_LIKE.test(before)) return false;
  if (before !== '-' && before !== '.') return true;
  return !LETTER_OR_DIGIT.test(codePointBefore(text, at - 1));
}

/** Every smell in the spec's requirement sentences, in text order; optionally only some categories. */
export function findSmells(doc: SpecStructure, only?: ReadonlySet<string>): SmellHit[] {
  const hits: SmellHit[] = [];
  // Copies per call: exec moves lastIndex, and the module's compiled patterns must stay unchanged.
  const indicators = COMPILED.filter(({ indicator }) => !only || only.has(indicator.category)).map(
    ({ indicator, re }) => ({ indicator, re: new RegExp(re) }),
  );
  const blockEnds = sentenceBlockEnds(doc);
  for (let i = 0; i < doc.sentences.length; i++) {
    const s = doc.sentences[i] as Sentence;
    if (!s.requirement) continue;
    const sentence = doc.prose.slice(s.start, s.end);
    const before = doc.sentences[i - 1];
    // The sentence before counts as context only within the same paragraph or list item.
    const sameBlock = blockEnds[i] !== -1 && blockEnds[i - 1] === blockEnds[i];
    const previous = before && sameBlock ? doc.prose.slice(before.start, before.end) : '';
    for (const { indicator, re } of indicators) {
      re.lastIndex = 0;
      for (let m = re.exec(sentence); m !== null; m = re.exec(sentence)) {
        if (!indicator.bare && !wordStartsAt(sentence, m.index)) {
          // As a lookbehind would: try again from the next position, where a phrase may still start.
          re.lastIndex = m.index + ((sentence.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
          continue;
        }
        if (m[0].length === 0) re.lastIndex++;
        const context = {
          sentence,
          before: sentence.slice(0, m.index),
          match: m[0],
          after: sentence.slice(m.index + m[0].length),
          previous,
        };
        if (indicator.when && !indicator.when(context)) continue;
        if (indicator.unless?.some((rule) => rule(context))) continue;
        const start = s.start + m.index;
        const end = start + m[0].length;
        hits.push({ category: indicator.category, start, end, quote: doc.text.slice(start, end) });
      }
    }
  }
  return withoutOverlaps(hits);
}

/**
 * For each sentence, the end of the block that holds it (-1 when none): sentences and blocks are both in
 * text order, so one walk pairs them, where a search per sentence made long specs quadratic.
 */
function sentenceBlockEnds(doc: SpecStructure): number[] {
  const ends: number[] = [];
  let b = 0;
  for (const s of doc.sentences) {
    while (b < doc.blocks.length && (doc.blocks[b] as Block).end < s.end) b++;
    const block = doc.blocks[b];
    ends.push(block && s.start >= block.start && s.end <= block.end ? block.end : -1);
  }
  return ends;
}

/** Two phrases of one category on the same words are one smell: keep the longer ("as soon as possible"). */
function withoutOverlaps(hits: SmellHit[]): SmellHit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: SmellHit[] = [];
  for (const hit of sorted) {
    const clash = kept.some((k) => k.category === hit.category && hit.start < k.end && k.start < hit.end);
    if (!clash) kept.push(hit);
  }
  return kept;
}

export function smells(input: CheckInput<SmellsCheck>): CheckResult {
  const { criterion, exercise, submission } = input;
  const check = criterion.check;
  if (submission.kind !== 'spec') {
    return { score: 0, rationale: 'The smells check reads a spec; this submission is not one.', evidence: [] };
  }
  const known = new Set<string>(SMELL_CATEGORIES);
  const unknown = (check.categories ?? []).filter((c) => !known.has(c));
  const only = check.categories ? new Set(check.categories.filter((c) => known.has(c))) : undefined;
  const doc = parseSpec(submission.text, exercise.brief);
  const hits = findSmells(doc, only);
  const sentences = doc.sentences.filter((s) => s.requirement).length;
  const ignored = unknown.length > 0 ? ` Unknown categories ignored: ${unknown.join(', ')}.` : '';
  const scope = only ? ` Counting only: ${[...only].join(', ') || 'none'}.` : '';

  if (sentences === 0) {
    return {
      score: 0,
      rationale: `The spec has no requirement sentences (outside code, quotations of the brief and open questions), so its language cannot be judged.${scope}${ignored}`,
      evidence: [],
    };
  }
  const density = hits.length / sentences;
  const bands = [...check.bands].sort((a, b) => a.maxDensity - b.maxDensity);
  const band = bands.find((b) => density <= b.maxDensity);
  const score = Math.min(criterion.points, band?.score ?? 0);
  const bandText = band
    ? `within the band of at most ${band.maxDensity} (${band.score} points)`
    : 'above every band (0 points)';
  const byCategory = SMELL_CATEGORIES.map((c) => [c, hits.filter((h) => h.category === c).length] as const)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${n} ${c}`)
    .join(', ');
  const smellWord = hits.length === 1 ? 'smell' : 'smells';
  const sentenceWord = sentences === 1 ? 'requirement sentence' : 'requirement sentences';
  const rationale =
    `${hits.length} ${smellWord} in ${sentences} ${sentenceWord}: density ${density.toFixed(2)}, ${bandText}.` +
    (byCategory ? ` By category: ${byCategory}.` : '') +
    scope +
    ignored;
  const evidence: Evidence[] = hits.map((h) => ({
    quote: h.quote,
    start: h.start,
    end: h.end,
    verified: true,
    in: 'text',
    label: h.category,
  }));
  return { score, rationale, evidence };
}
