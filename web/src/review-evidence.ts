/**
 * Evidence highlighting, as pure functions. A pre-grade's evidence points into the submission: for `in` =
 * text, explanation or fix, `start`/`end` are UTF-16 offsets into that field (end exclusive), which is exactly
 * how JavaScript strings index, so the page slices the field as submitted; for `in` = lines they are the
 * first and last line of the buggy file. Unverified quotes (the judge claimed them, the submission does not
 * say them) have nothing to point at and are listed, never highlighted.
 *
 * The submission is untrusted and the offsets come from another program: every offset is clamped to the
 * text, empty or inverted spans are dropped, and a span never cuts a surrogate pair in half.
 */
import type { Evidence } from './review-api';

export type Span = { start: number; end: number };

/** A run of text with the spans (by index in the input list) that cover it. */
export type Segment = { text: string; start: number; end: number; spans: number[] };

/** Cuts `text` at every span boundary; segments cover the whole text in order, marked or not. */
export function segmentsOf(text: string, spans: readonly Span[]): Segment[] {
  const valid = spans
    .map((span, index) => ({ ...clampSpan(text, span), index }))
    .filter((span) => span.end > span.start);
  const cuts = new Set<number>([0, text.length]);
  for (const span of valid) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? start;
    if (end <= start) continue;
    const covering = valid.filter((span) => span.start <= start && end <= span.end).map((span) => span.index);
    segments.push({ text: text.slice(start, end), start, end, spans: covering });
  }
  return segments;
}

/**
 * The span inside 0..length, widened so that neither end falls between the two halves of a surrogate pair;
 * a span with an offset that is not a number is empty (nothing to guess from).
 */
export function clampSpan(text: string, span: Span): Span {
  if (!Number.isFinite(span.start) || !Number.isFinite(span.end)) return { start: 0, end: 0 };
  const clamp = (n: number) => Math.min(Math.max(Math.trunc(n), 0), text.length);
  let start = clamp(span.start);
  let end = clamp(span.end);
  if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) end++;
  return { start, end };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** What a selected criterion (or flag) highlights: text spans per field, and line ranges of the buggy file. */
export type Highlights = { text: Span[]; explanation: Span[]; fix: Span[]; lines: [number, number][] };

export const NO_HIGHLIGHTS: Highlights = { text: [], explanation: [], fix: [], lines: [] };

export function highlightsOf(evidence: readonly Evidence[]): Highlights {
  const out: Highlights = { text: [], explanation: [], fix: [], lines: [] };
  for (const item of evidence) {
    if (!item.verified) continue;
    if (item.in === 'lines') {
      const first = Math.trunc(Math.min(item.start, item.end));
      const last = Math.trunc(Math.max(item.start, item.end));
      if (Number.isFinite(first) && Number.isFinite(last) && last >= 1) out.lines.push([Math.max(first, 1), last]);
    } else if (item.end > item.start) {
      out[item.in].push({ start: item.start, end: item.end });
    }
  }
  return out;
}

/** True when the selection highlights something in the candidate's text (the page then shows the source view). */
export function hasTextHighlights(highlights: Highlights): boolean {
  return highlights.text.length > 0 || highlights.explanation.length > 0 || highlights.fix.length > 0;
}

/** "lines 4–6", "line 4": how a lines-evidence item reads in the evidence list. */
export function describeLines(start: number, end: number): string {
  return start === end ? `line ${start}` : `lines ${start}–${end}`;
}
