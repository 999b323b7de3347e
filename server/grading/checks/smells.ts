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
import { parseSpec, type SpecStructure } from './spec-blocks.js';

export type SmellsCheck = Extract<Check, { type: 'smells' }>;

export type SmellHit = { category: SmellCategory; start: number; end: number; quote: string };

/**
 * Whole-phrase boundaries: nothing word-like may touch the phrase, so that compounds and identifiers
 * ("fast-forward", `fastPath`, fast.ts, /fast/) never match a listed word.
 */
function compile(indicator: Indicator): RegExp {
  const source = indicator.bare
    ? `(?:${indicator.phrase})`
    : `(?<![\\p{L}\\p{N}_/]|[\\p{L}\\p{N}][-.])(?:${indicator.phrase})(?![\\p{L}\\p{N}_/]|[-.][\\p{L}\\p{N}])`;
  return new RegExp(source, indicator.caseSensitive ? 'gu' : 'giu');
}

// Compiled once; matchAll works on a copy of each, so sharing them keeps the check pure.
const COMPILED = INDICATORS.map((indicator) => ({ indicator, re: compile(indicator) }));

/** Every smell in the spec's requirement sentences, in text order; optionally only some categories. */
export function findSmells(doc: SpecStructure, only?: ReadonlySet<string>): SmellHit[] {
  const hits: SmellHit[] = [];
  for (const s of doc.sentences) {
    if (!s.requirement) continue;
    const sentence = doc.prose.slice(s.start, s.end);
    const previous = previousSentence(doc, s);
    for (const { indicator, re } of COMPILED) {
      if (only && !only.has(indicator.category)) continue;
      for (const m of sentence.matchAll(re)) {
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

function previousSentence(doc: SpecStructure, s: SpecStructure['sentences'][number]): string {
  const i = doc.sentences.indexOf(s);
  const before = i > 0 ? doc.sentences[i - 1] : undefined;
  const block = doc.blocks.find((b) => s.start >= b.start && s.end <= b.end);
  if (!before || !block || before.start < block.start) return '';
  return doc.prose.slice(before.start, before.end);
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
