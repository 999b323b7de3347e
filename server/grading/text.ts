/**
 * Text matching shared by the checks and the judge. Patterns (from keys and rubrics) are matched
 * case-insensitively on text whose runs of whitespace are folded to one space; every hit is mapped back to
 * offsets in the original text, so that the reviewer UI can highlight exactly what matched.
 */

export type Folded = {
  /** The text with each run of whitespace replaced by one space (and skipped code points left out). */
  text: string;
  /** For each index of `text` (and one past its end), the index in the original. */
  toOriginal: number[];
};

export type FoldOptions = {
  /** Code points to leave out of the folded text, e.g. invisible ones; their offsets are skipped too. */
  skip?: (codePoint: number) => boolean;
  /** Fold each run of whitespace to one space (the default); false keeps whitespace as it is. */
  foldWhitespace?: boolean;
};

/** The text as patterns see it, with the map back to the original's offsets; surrogate pairs stay whole. */
export function fold(original: string, options: FoldOptions = {}): Folded {
  const { skip, foldWhitespace = true } = options;
  let text = '';
  const toOriginal: number[] = [];
  let inSpace = false;
  for (let i = 0; i < original.length; ) {
    const codePoint = original.codePointAt(i) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    if (skip?.(codePoint)) {
      i += width;
      continue;
    }
    const ch = original.slice(i, i + width);
    if (foldWhitespace && /\s/.test(ch)) {
      if (!inSpace) {
        text += ' ';
        toOriginal.push(i);
      }
      inSpace = true;
    } else {
      text += ch;
      for (let k = 0; k < width; k++) toOriginal.push(i + k);
      inSpace = false;
    }
    i += width;
  }
  toOriginal.push(original.length);
  return { text, toOriginal };
}

export type Span = { start: number; end: number };

/** Maps a span of folded text back to the original: [start, end) in the original's indices. */
export function toOriginalSpan(folded: Folded, start: number, end: number): Span {
  const s = folded.toOriginal[start] ?? 0;
  // end is exclusive: map the last included character, then step past it.
  const last = folded.toOriginal[Math.max(start, end - 1)] ?? s;
  return { start: s, end: end > start ? last + 1 : s };
}

/** Compiles an author's pattern the way the format defines it: case-insensitive, Unicode, global. */
export function compilePattern(source: string): RegExp {
  return new RegExp(source, 'giu');
}

/** Every match of a pattern in the original text, as original offsets (empty matches skipped). */
export function findAll(original: string, pattern: string | RegExp, folded = fold(original)): Span[] {
  const re =
    typeof pattern === 'string' ? compilePattern(pattern) : new RegExp(pattern.source, withGlobal(pattern.flags));
  const spans: Span[] = [];
  for (const m of folded.text.matchAll(re)) {
    if (m[0].length === 0) continue;
    spans.push(toOriginalSpan(folded, m.index, m.index + m[0].length));
  }
  return spans;
}

/** The first match of any of the patterns, in text order, or null. */
export function findFirst(original: string, patterns: readonly string[], folded = fold(original)): Span | null {
  let best: Span | null = null;
  for (const p of patterns) {
    const [hit] = findAll(original, p, folded);
    if (hit && (!best || hit.start < best.start)) best = hit;
  }
  return best;
}

function withGlobal(flags: string): string {
  return flags.includes('g') ? flags : `${flags}g`;
}

/**
 * The sentence (or list item, or heading line) around an offset: bounded by a sentence end (. ! ?)
 * followed by whitespace, a blank line, a line that starts a list item or heading, or the text's ends.
 */
export function sentenceAround(original: string, span: Span): Span {
  let start = span.start;
  while (start > 0) {
    const prev = original.slice(Math.max(0, start - 2), start);
    if (/[.!?]\s$/.test(prev) || (prev.endsWith('\n') && isBlockBoundary(original, start))) break;
    start--;
  }
  let end = span.end;
  while (end < original.length) {
    const ch = original[end] ?? '';
    if (/[.!?]/.test(ch) && /\s|$/.test(original[end + 1] ?? '')) {
      end++;
      break;
    }
    if (ch === '\n' && isBlockBoundary(original, end + 1)) break;
    end++;
  }
  while (start < end && /\s/.test(original[start] ?? '')) start++;
  while (end > start && /\s/.test(original[end - 1] ?? '')) end--;
  return { start, end };
}

/** Whether a new block starts at this offset: after a blank line, or at a list item, heading or table row. */
function isBlockBoundary(original: string, at: number): boolean {
  const rest = original.slice(at, at + 8);
  const before = original.slice(Math.max(0, at - 2), at);
  return before === '\n\n' || /^\s*([-*+]\s|\d+[.)]\s|#{1,6}\s|\|)/.test(rest);
}

/**
 * Finds a quote in the text, ignoring case and differences in whitespace; returns original offsets or null.
 * Used to verify the judge's quotes: a quote that is not in the submission is not evidence.
 */
export function locateQuote(original: string, quote: string, folded = fold(original)): Span | null {
  const needle = fold(quote.trim()).text.toLowerCase();
  if (needle.length === 0) return null;
  const index = folded.text.toLowerCase().indexOf(needle);
  if (index < 0) return null;
  return toOriginalSpan(folded, index, index + needle.length);
}

/** Words, as a person would count them: runs of letters, digits, apostrophes and hyphens. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}
