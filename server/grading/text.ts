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
  // One pass with no per-character allocation: kept characters are copied as slices of the original, one
  // per run, and the offset map is filled in place (a 100 KB spec is folded four times per pre-grade).
  const parts: string[] = [];
  const toOriginal: number[] = new Array(original.length + 1);
  let n = 0; // length of the folded text so far
  let runStart = 0; // start of the run of kept characters not yet copied
  let inSpace = false;
  // skip is a predicate of the code point: asked once per ASCII character, not once per occurrence.
  const asciiSkip = skip ? new Int8Array(128) : null; // 0 not asked yet, 1 skipped, 2 kept
  const skips = (codePoint: number): boolean => {
    if (!skip) return false;
    if (asciiSkip && codePoint < 128) {
      if (asciiSkip[codePoint] === 0) asciiSkip[codePoint] = skip(codePoint) ? 1 : 2;
      return asciiSkip[codePoint] === 1;
    }
    return skip(codePoint);
  };
  const flush = (end: number) => {
    if (end > runStart) parts.push(original.slice(runStart, end));
  };
  for (let i = 0; i < original.length; ) {
    const unit = original.charCodeAt(i);
    const pair = unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(original.charCodeAt(i + 1));
    const width = pair ? 2 : 1;
    if (skips(pair ? (original.codePointAt(i) ?? unit) : unit)) {
      flush(i);
      i += width;
      runStart = i;
      continue;
    }
    if (foldWhitespace && isWhitespace(unit)) {
      flush(i);
      if (!inSpace) {
        parts.push(' ');
        toOriginal[n++] = i;
      }
      inSpace = true;
      i += 1;
      runStart = i;
      continue;
    }
    toOriginal[n++] = i;
    if (pair) toOriginal[n++] = i + 1;
    inSpace = false;
    i += width;
  }
  flush(original.length);
  toOriginal[n++] = original.length;
  toOriginal.length = n;
  return { text: parts.join(''), toOriginal };
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** What `/\s/` matches (ECMAScript WhiteSpace and LineTerminator), without a regular expression per character. */
function isWhitespace(unit: number): boolean {
  if (unit <= 0x20) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  if (unit < 0xa0) return false;
  return (
    unit === 0xa0 ||
    unit === 0x1680 ||
    (unit >= 0x2000 && unit <= 0x200a) ||
    unit === 0x2028 ||
    unit === 0x2029 ||
    unit === 0x202f ||
    unit === 0x205f ||
    unit === 0x3000 ||
    unit === 0xfeff
  );
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
    const hit = firstMatch(folded, compilePattern(p));
    if (hit && (!best || hit.start < best.start)) best = hit;
  }
  return best;
}

/** The first non-empty match only: collecting every match of a common word to keep one grew with the text. */
function firstMatch(folded: Folded, re: RegExp): Span | null {
  for (let m = re.exec(folded.text); m !== null; m = re.exec(folded.text)) {
    if (m[0].length > 0) return toOriginalSpan(folded, m.index, m.index + m[0].length);
    // As matchAll does after an empty match: step one code point, so a surrogate pair stays whole.
    re.lastIndex = m.index + ((folded.text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
  }
  return null;
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
