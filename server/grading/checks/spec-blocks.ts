/**
 * The Markdown structure of a spec, as the spec checks need it: headings (ATX and setext), code (fenced and
 * indented blocks, inline spans, HTML comments), quotations of the exercise brief (inline and block quotes),
 * quoted literals (exact UI text and defined terms), the "Open questions" / "Assumptions" sections, and the
 * requirement sentences. A line-based reading of CommonMark, good enough for prose specs; never throws.
 *
 * `prose` is the submission with everything that is not the candidate's own requirement wording blanked
 * out (code, quotations of the brief, literals, link targets, HTML tags), character for character, so that
 * an offset in `prose` is the same offset in the submission.
 */
import type { Span } from '../text.js';

export type Heading = {
  level: number;
  /** The heading's text without its markers; start/end locate it in the submission. */
  text: string;
  start: number;
  end: number;
};

export type BlockKind = 'paragraph' | 'list-item' | 'table-row' | 'quote';

export type Block = { kind: BlockKind; start: number; end: number; aside: boolean };

export type Sentence = {
  start: number;
  end: number;
  block: BlockKind;
  /** Inside an "Open questions", "Assumptions" or "Questions" section. */
  aside: boolean;
  /** Ends with a single question mark: a question, not a requirement. */
  question: boolean;
  /** Counts towards smell density: see isRequirementSentence. */
  requirement: boolean;
};

export type SpecStructure = {
  text: string;
  headings: Heading[];
  /** Fenced and indented code blocks and HTML comments. */
  codeBlocks: Span[];
  codeSpans: Span[];
  /** Every quotation in prose: "…", “…”, ‘…’, '…' (marks included). */
  quotations: Span[];
  /** Text in quotation marks (or a block quote) that appears in the exercise brief. */
  briefQuotes: Span[];
  /** Quoted exact text (a message, a label, a term being defined): wording that is specified, not used. */
  literals: Span[];
  /** Sections under an "Open questions" / "Assumptions" / "Questions" heading (or label line). */
  asides: Span[];
  blocks: Block[];
  sentences: Sentence[];
  /** The submission with code, brief quotes, literals, link targets and tags blanked out. */
  prose: string;
};

/** Headings (or label lines such as "**Open questions:**") that open a section where doubt belongs. */
export const ASIDE_HEADING =
  /\b(open (questions?|issues|points)|questions?|assumptions?|unknowns?|to be decided|tbd)\b/i;

/** Words in a sentence: runs of letters or digits. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
/** A sentence needs this many words (after blanking) to count: drops labels such as "Goals:" or "- Email". */
const MIN_REQUIREMENT_WORDS = 2;

type Line = { start: number; end: number; text: string };

export function parseSpec(text: string, brief: string): SpecStructure {
  const lines = splitLines(text);
  const headings: Heading[] = [];
  const codeBlocks: Span[] = [];
  const blocks: Block[] = [];
  const asideStarts: { at: number; level: number }[] = [];
  const headingStarts: { at: number; level: number }[] = [];

  let open: { kind: BlockKind; start: number; end: number; firstLine: number; tableRowIndex?: number } | null = null;
  const tableHeaders: Span[] = [];
  let fence: { char: string; length: number; start: number } | null = null;
  let indentedCode: Span | null = null;
  let prevBlank = true;
  let inList = false;
  let prevTableRow = false;

  const close = () => {
    if (open) blocks.push({ kind: open.kind, start: open.start, end: open.end, aside: false });
    open = null;
  };
  const closeIndented = () => {
    if (indentedCode) codeBlocks.push(indentedCode);
    indentedCode = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const t = line.text;
    if (fence) {
      const m = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(t);
      if (m?.[1] && m[1][0] === fence.char && m[1].length >= fence.length) {
        codeBlocks.push({ start: fence.start, end: line.end });
        fence = null;
        prevBlank = true;
      }
      continue;
    }
    const fenceOpen = /^ {0,3}(`{3,}|~{3,})/.exec(t);
    if (fenceOpen?.[1]) {
      close();
      closeIndented();
      fence = { char: fenceOpen[1][0] ?? '`', length: fenceOpen[1].length, start: line.start };
      prevTableRow = false;
      continue;
    }
    if (/^\s*<!--/.test(t)) {
      close();
      closeIndented();
      const endAt = text.indexOf('-->', line.start);
      const end = endAt < 0 ? text.length : endAt + 3;
      codeBlocks.push({ start: line.start, end });
      while (i + 1 < lines.length && (lines[i + 1] as Line).start < end) i++;
      prevBlank = true;
      continue;
    }
    if (/^\s*$/.test(t)) {
      close();
      prevBlank = true;
      prevTableRow = false;
      continue;
    }
    if (/^( {4}|\t)/.test(t) && (indentedCode || (prevBlank && !inList && !open))) {
      indentedCode = indentedCode ? { start: indentedCode.start, end: line.end } : { start: line.start, end: line.end };
      prevBlank = false;
      continue;
    }
    closeIndented();
    const atx = /^ {0,3}(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(t);
    if (atx?.[1]) {
      close();
      const body = atx[2] ?? '';
      const start = body.length > 0 ? line.start + t.indexOf(body, atx[1].length) : line.end;
      headings.push({ level: atx[1].length, text: body, start, end: start + body.length });
      headingStarts.push({ at: line.start, level: atx[1].length });
      if (ASIDE_HEADING.test(body)) asideStarts.push({ at: line.start, level: atx[1].length });
      inList = false;
      prevBlank = false;
      prevTableRow = false;
      continue;
    }
    const setext = /^ {0,3}(=+|-{2,})\s*$/.exec(t);
    if (setext?.[1] && open?.kind === 'paragraph') {
      const level = setext[1][0] === '=' ? 1 : 2;
      const raw = text.slice(open.start, open.end);
      const lead = raw.length - raw.trimStart().length;
      const body = raw.trim();
      const start = open.start + lead;
      headings.push({ level, text: body, start, end: start + body.length });
      headingStarts.push({ at: open.start, level });
      if (ASIDE_HEADING.test(body)) asideStarts.push({ at: open.start, level });
      open = null;
      prevBlank = false;
      continue;
    }
    if (/^ {0,3}([-*_])(\s*\1){2,}\s*$/.test(t)) {
      close();
      prevBlank = false;
      continue;
    }
    if (/^ {0,3}>/.test(t)) {
      if (open?.kind !== 'quote') {
        close();
        open = { kind: 'quote', start: line.start, end: line.end, firstLine: i };
      } else open.end = line.end;
      prevBlank = false;
      continue;
    }
    if (/^\s*([-*+]|\d{1,9}[.)])(\s+|$)/.test(t)) {
      close();
      open = { kind: 'list-item', start: line.start, end: line.end, firstLine: i };
      inList = true;
      prevBlank = false;
      prevTableRow = false;
      continue;
    }
    if (/^\s*\|/.test(t)) {
      close();
      const separator = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(t);
      if (!separator) {
        const next = lines[i + 1]?.text ?? '';
        const isHeader = !prevTableRow && /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(next);
        if (isHeader) tableHeaders.push({ start: line.start, end: line.end });
        else blocks.push({ kind: 'table-row', start: line.start, end: line.end, aside: false });
      }
      prevTableRow = true;
      prevBlank = false;
      continue;
    }
    // Paragraph text: a lazy continuation of the open block, or a new paragraph.
    if (open && !prevBlank) open.end = line.end;
    else {
      close();
      open = { kind: 'paragraph', start: line.start, end: line.end, firstLine: i };
      if (!/^\s/.test(t)) inList = false;
    }
    // A one-line label such as "**Open questions:**" opens an aside like a heading does.
    if (isAsideLabel(t)) asideStarts.push({ at: line.start, level: 7 });
    prevBlank = false;
    prevTableRow = false;
  }
  if (fence) codeBlocks.push({ start: fence.start, end: text.length });
  close();
  closeIndented();

  const asides = asideSpans(asideStarts, headingStarts, text.length);
  markAsides(blocks, asides);

  const codeSpans = blocks.flatMap((b) => findCodeSpans(text, b));
  const quotes = blocks.flatMap((b) => findQuotations(text, b, codeSpans));
  const briefText = normalizeForBrief(brief);
  const briefQuotes: Span[] = [];
  const literals: Span[] = [];
  for (const q of quotes) {
    if (appearsInBrief(text.slice(q.inner.start, q.inner.end), briefText)) briefQuotes.push(q.outer);
    else if (isLiteral(text, q)) literals.push(q.outer);
  }
  for (const b of blocks) {
    if (b.kind === 'quote' && appearsInBrief(quoteBlockText(text.slice(b.start, b.end)), briefText)) {
      briefQuotes.push({ start: b.start, end: b.end });
    }
  }

  const blanks = [
    ...codeBlocks,
    ...codeSpans,
    ...briefQuotes,
    ...literals,
    ...tableHeaders,
    ...findAllSpans(text, /\]\([^)\s]*(?:\s+"[^"]*")?\)/g, 1),
    ...findAllSpans(text, /<https?:[^>\s]*>|\bhttps?:\/\/[^\s)>\]]+/g),
    ...findAllSpans(text, /<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>/gi),
  ];
  const prose = blank(text, blanks);
  const sentences = blocks.flatMap((b) => splitSentences(prose, b));
  const quotations = quotes.map((q) => q.outer);
  return { text, headings, codeBlocks, codeSpans, quotations, briefQuotes, literals, asides, blocks, sentences, prose };
}

/**
 * Each aside runs to the next heading of the same or a higher level (a label line, level 7, to the next
 * heading of any level). Both lists are in text order and the search starts after the aside's own line; an
 * aside's search stops at the next aside of its level at the latest, so each heading is passed over at most
 * once per level: linear, where a search from the first heading for each aside was quadratic.
 */
function asideSpans(
  starts: readonly { at: number; level: number }[],
  headings: readonly { at: number; level: number }[],
  textLength: number,
): Span[] {
  const spans: Span[] = [];
  let h = 0;
  for (const { at, level } of starts) {
    while (h < headings.length && (headings[h] as { at: number }).at <= at) h++;
    let k = h;
    while (k < headings.length && !((headings[k] as { level: number }).level <= level || level === 7)) k++;
    spans.push({ start: at, end: k < headings.length ? (headings[k] as { at: number }).at : textLength });
  }
  return spans;
}

/** Marks the blocks that start inside an aside; blocks and asides are in text order. */
function markAsides(blocks: Block[], asides: readonly Span[]): void {
  const sorted = [...asides].sort((a, b) => a.start - b.start);
  let a = 0;
  let reach = -1; // the furthest end among asides that start at or before the block
  for (const block of blocks) {
    while (a < sorted.length && (sorted[a] as Span).start <= block.start) {
      reach = Math.max(reach, (sorted[a] as Span).end);
      a++;
    }
    block.aside = block.start < reach;
  }
}

/** Whether a span lies inside any of the spans. */
export function within(spans: readonly Span[], span: Span): boolean {
  return spans.some((s) => span.start >= s.start && span.end <= s.end);
}

/** The text with the spans replaced by spaces (line breaks kept), so that offsets stay the same. */
export function blank(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  // Merged in order, then built from slices: one pass over the text whatever the number of spans.
  const sorted = spans
    .map((s) => ({ start: Math.max(0, s.start), end: Math.min(s.end, text.length) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of sorted) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    parts.push(text.slice(at, from), text.slice(from, end).replace(/[^\n]/g, ' '));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

export function wordCount(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      lines.push({ start, end: i, text: text.slice(start, i).replace(/\r$/, '') });
      start = i + 1;
    }
  }
  return lines;
}

function isAsideLabel(line: string): boolean {
  const label = /^\s*(?:\*\*|__)?([^*_:]{3,40}?)(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*$/.exec(line);
  return !!label?.[1] && /:|\*\*|__/.test(line) && ASIDE_HEADING.test(label[1]);
}

function findAllSpans(text: string, re: RegExp, skipLead = 0): Span[] {
  return [...text.matchAll(re)].map((m) => ({ start: m.index + skipLead, end: m.index + m[0].length }));
}

/** Inline code: a run of backticks up to the next run of the same length, within the block. */
function findCodeSpans(text: string, block: Block): Span[] {
  const spans: Span[] = [];
  const slice = text.slice(block.start, block.end);
  const re = /(`+)([\s\S]*?[^`])\1(?!`)/g;
  for (const m of slice.matchAll(re)) {
    spans.push({ start: block.start + m.index, end: block.start + m.index + m[0].length });
  }
  return spans;
}

type Quotation = { outer: Span; inner: Span };

/** "…", “…”, ‘…’ and '…' (an apostrophe inside a word does not open or close a quotation). */
function findQuotations(text: string, block: Block, code: readonly Span[]): Quotation[] {
  const slice = text.slice(block.start, block.end);
  const out: Quotation[] = [];
  const patterns = [
    /"([^"]{1,600})"/g,
    /“([^”]{1,600})”/g,
    /‘([^’]{1,600})’(?![\p{L}])/gu,
    /(?<![\p{L}\p{N}])'([^'\n]{1,300}?)'(?![\p{L}\p{N}])/gu,
  ];
  for (const re of patterns) {
    for (const m of slice.matchAll(re)) {
      const start = block.start + m.index;
      const outer = { start, end: start + m[0].length };
      if (code.some((c) => outer.start < c.end && c.start < outer.end)) continue;
      out.push({ outer, inner: { start: start + 1, end: outer.end - 1 } });
    }
  }
  return out;
}

/** Lower case, apostrophes dropped, every other run of non-letters one space: quoting is rarely exact. */
export function normalizeForBrief(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/**
 * A quotation is of the brief when its words appear there in order (each part between ellipses), or, for a
 * longer block quote edited by the candidate, when most of its three-word sequences do.
 */
function appearsInBrief(quoted: string, briefText: string): boolean {
  if (briefText.trim().length === 0) return false;
  const parts = quoted
    .split(/\.\.\.|…|\[\s*\.\.\.\s*\]/)
    .map((p) => normalizeForBrief(p))
    .filter((p) => p.trim().length > 0);
  if (parts.length === 0) return false;
  if (parts.every((p) => briefText.includes(p))) return true;
  const words = normalizeForBrief(quoted).trim().split(' ');
  if (words.length < 6) return false;
  let shared = 0;
  for (let i = 0; i + 3 <= words.length; i++) {
    if (briefText.includes(` ${words.slice(i, i + 3).join(' ')} `)) shared++;
  }
  return shared / (words.length - 2) >= 0.6;
}

function quoteBlockText(raw: string): string {
  return raw.replace(/^ {0,3}>\s?/gm, '');
}

/** Words just before a quotation that make it exact text (a message, a label) rather than the author's words. */
const LITERAL_LEAD =
  /\b(message|text|error|label|title|heading|copy|string|wording|tooltip|placeholder|banner|toast|notice|subject|body|prompt|button|link|caption|reads?|says?|shows?|displays?|prints?|returns?|responds? with|replies|answers|fails? with|rejects?( it)? with|status|state|reason|value|named|called|header|code|term|word|phrase)\s*[:=]?\s*$/i;

/** Exact text: introduced as a message or label, a term being defined, or a whole quoted sentence. */
function isLiteral(text: string, q: Quotation): boolean {
  const inner = text.slice(q.inner.start, q.inner.end).trim();
  const before = text.slice(Math.max(0, q.outer.start - 40), q.outer.start);
  const after = text.slice(q.outer.end, q.outer.end + 30);
  if (LITERAL_LEAD.test(before)) return true;
  if (/^\s*(means|is defined as|refers to|stands for|:)/i.test(after)) return true;
  return /^\p{Lu}/u.test(inner) && wordCount(inner) >= 2;
}

const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'eg',
  'ie',
  'vs',
  'cf',
  'approx',
  'incl',
  'excl',
  'no',
  'nr',
  'dr',
  'mr',
  'mrs',
  'ms',
  'st',
  'inc',
  'ltd',
  'fig',
  'sec',
  'min',
  'max',
  'resp',
  'ca',
  'esp',
  'viz',
]);

/**
 * Sentences of a block: ends at . ! ? (and any closing quote or bracket) followed by white space, except after
 * an abbreviation; "etc." ends a sentence only before a capital letter.
 */
function splitSentences(prose: string, block: Block): Sentence[] {
  const out: Sentence[] = [];
  let start = block.start;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /[\s>|]/.test(prose[s] ?? '')) s++;
    while (e > s && /\s/.test(prose[e - 1] ?? '')) e--;
    if (e > s) out.push(sentence(prose, block, s, e));
  };
  for (let i = block.start; i < block.end; i++) {
    // Compared as code units: most characters are not sentence ends, and need no string of their own.
    const code = prose.charCodeAt(i);
    if (code !== 0x2e && code !== 0x21 && code !== 0x3f) continue;
    const ch = prose[i] ?? '';
    let j = i + 1;
    while (j < block.end && /[.!?"”’')\]*_]/.test(prose[j] ?? '')) j++;
    if (j < block.end && !/\s/.test(prose[j] ?? '')) continue;
    if (ch === '.') {
      const word = /([\p{L}.]+)$/u.exec(prose.slice(Math.max(block.start, i - 12), i))?.[1]?.toLowerCase() ?? '';
      const next = /\S/.exec(prose.slice(j, j + 20))?.[0] ?? '';
      if (word === 'etc' && !/\p{Lu}/u.test(next)) continue;
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /\p{L}\.\p{L}$/u.test(word)) continue;
    }
    push(j);
    start = j;
    i = j - 1;
  }
  push(block.end);
  return out;
}

function sentence(prose: string, block: Block, start: number, end: number): Sentence {
  const body = prose.slice(start, end);
  const question = /[^?]\?[\s"”’')\]*_]*$/.test(body) || /^\?[\s"”’')\]*_]*$/.test(body);
  const enoughWords = hasWords(body.replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+/, ''), MIN_REQUIREMENT_WORDS);
  return {
    start,
    end,
    block: block.kind,
    aside: block.aside,
    question,
    requirement: !block.aside && !question && enoughWords,
  };
}

/** Whether the text has at least `count` words: stops there, where counting them all read every sentence. */
function hasWords(text: string, count: number): boolean {
  const word = new RegExp(WORD);
  let found = 0;
  while (found < count && word.exec(text) !== null) found++;
  return found >= count;
}
