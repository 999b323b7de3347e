/**
 * The export of scores, one row per attempt × exercise × criterion, as CSV (for spreadsheets) and as nested
 * JSON (for programs). Pure: the caller loads the rows and sends or writes the result.
 *
 * CSV follows RFC 4180: comma separated, every record (the last too) ends in CRLF, a field holding a comma,
 * a double quote, CR or LF is quoted with its quotes doubled, null is an empty field, numbers are plain
 * decimals (never 1e21 or 1e-7 notation).
 *
 * Candidate text is untrusted, and a spreadsheet runs a cell that starts with = + - @ as a formula (CSV or
 * formula injection): every text field that starts with one of those, a tab, CR or NUL (the OWASP and ASVS
 * 1.2.10 list) gets a leading single quote, which makes it text. Numbers are written as numbers and never
 * prefixed, so a late_ms of -2 stays -2 while a candidate named "-2" becomes '-2. The quote is visible to
 * plain-text readers; that is the accepted price of the defence.
 *
 * The CSV starts with a UTF-8 byte order mark by default: Excel reads a CSV without one in the local ANSI
 * code page, which garbles every name outside ASCII, and with one as UTF-8. LibreOffice, Google Sheets,
 * pandas and most CSV libraries skip it; `{ bom: false }` leaves it out for tools that do not.
 */

export type ExportRow = {
  assessment: string;
  attemptId: string;
  candidate: string | null;
  email: string | null;
  exerciseId: string;
  exerciseVersion: string;
  submittedAt: string;
  lateMs: number;
  reviewState: string;
  criterionId: string;
  max: number;
  preScore: number | null;
  preStatus: string;
  finalScore: number | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
};

/**
 * The CSV header of each field, in column order (a literal's key order is its insertion order). `satisfies`
 * makes a field added to ExportRow without a header, or a header for no field, a compile error.
 */
const HEADERS = {
  assessment: 'assessment',
  attemptId: 'attempt_id',
  candidate: 'candidate',
  email: 'email',
  exerciseId: 'exercise_id',
  exerciseVersion: 'exercise_version',
  submittedAt: 'submitted_at',
  lateMs: 'late_ms',
  reviewState: 'review_state',
  criterionId: 'criterion_id',
  max: 'max',
  preScore: 'pre_score',
  preStatus: 'pre_status',
  finalScore: 'final_score',
  reviewedBy: 'reviewed_by',
  reviewedAt: 'reviewed_at',
} as const satisfies Record<keyof ExportRow, string>;

const BOM = '\uFEFF';
const CRLF = '\r\n';
const FORMULA_START = /^[=+\-@\t\r\0]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function toCsv(rows: readonly ExportRow[], options: { bom?: boolean } = {}): string {
  return csvTable(HEADERS, rows, options);
}

/** Any table as CSV, by the rules above: `headers` names the columns, in order, of the rows' fields. */
export function csvTable<K extends string>(
  headers: Record<K, string>,
  rows: readonly Record<K, string | number | null>[],
  options: { bom?: boolean } = {},
): string {
  // Object.keys is typed string[]; the headers' keys are exactly K.
  const columns = Object.keys(headers) as K[];
  const header = columns.map((key) => headers[key]).join(',');
  const records = rows.map((row, index) => columns.map((key) => csvField(row[key], `row ${index}, ${key}`)).join(','));
  return (options.bom === false ? '' : BOM) + [header, ...records].map((record) => record + CRLF).join('');
}

/** One audit record of a review, for the audit export (anonymity as in the score export). */
export type AuditRow = {
  assessment: string;
  attemptId: string;
  candidate: string | null;
  exerciseId: string;
  submissionId: string;
  version: number;
  at: string;
  actor: string;
  action: string;
  criterionId: string | null;
  from: number | null;
  to: number | null;
  reason: string | null;
  note: string | null;
};

export const AUDIT_HEADERS = {
  assessment: 'assessment',
  attemptId: 'attempt_id',
  candidate: 'candidate',
  exerciseId: 'exercise_id',
  submissionId: 'submission_id',
  version: 'version',
  at: 'at',
  actor: 'actor',
  action: 'action',
  criterionId: 'criterion_id',
  from: 'from_score',
  to: 'to_score',
  reason: 'reason',
  note: 'note',
} as const satisfies Record<keyof AuditRow, string>;

function csvField(value: string | number | null, where: string): string {
  if (value === null) return '';
  if (typeof value === 'number') return plainDecimal(value, where);
  if (typeof value !== 'string') throw new TypeError(`${where}: expected text, a number or null, got ${typeof value}`);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The number in positional notation: 1e21 → "1000000000000000000000", 1.5e-7 → "0.00000015". */
export function plainDecimal(value: number, where = 'number'): string {
  if (!Number.isFinite(value)) throw new RangeError(`${where}: ${value} cannot be exported`);
  const shortest = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (!match) return shortest;
  const [, sign = '', lead = '', rest = '', exp = '0'] = match;
  const digits = lead + rest;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  return sign + digits + '0'.repeat(Math.max(0, point - digits.length));
}

export type ExportCriterion = Pick<
  ExportRow,
  'criterionId' | 'max' | 'preScore' | 'preStatus' | 'finalScore' | 'reviewedBy' | 'reviewedAt'
>;

export type ExportExercise = Pick<
  ExportRow,
  'exerciseId' | 'exerciseVersion' | 'submittedAt' | 'lateMs' | 'reviewState'
> & {
  /**
   * pre: the sum of the scored pre-grades (pending and failed ones add nothing, as in the pre-grade's own
   * total), null when none is scored. final: null until every criterion has a final score, since a partial
   * sum would read as a low mark. max: the sum of the criteria's max.
   */
  total: { pre: number | null; final: number | null; max: number };
  criteria: ExportCriterion[];
};

export type ExportAttempt = Pick<ExportRow, 'attemptId' | 'assessment' | 'candidate' | 'email'> & {
  exercises: ExportExercise[];
};

export type ExportDocument = { generatedAt: string; attempts: ExportAttempt[] };

/**
 * The rows nested as attempt → exercise → criterion, each level in the order first seen. Returns the object
 * (the route hands it to c.json, the CLI to JSON.stringify). Rows of one attempt (or exercise) that disagree
 * on a field of that level are a bug in the caller's query and throw rather than export one of the values.
 */
export function toJson(rows: readonly ExportRow[], generatedAt: Date): ExportDocument {
  if (Number.isNaN(generatedAt.getTime())) throw new RangeError('generatedAt is not a valid date');
  const attempts = new Map<string, ExportAttempt>();
  const exercises = new Map<ExportAttempt, Map<string, ExportExercise>>();
  rows.forEach((row, index) => {
    let attempt = attempts.get(row.attemptId);
    if (!attempt) {
      const { attemptId, assessment, candidate, email } = row;
      attempt = { attemptId, assessment, candidate, email, exercises: [] };
      attempts.set(row.attemptId, attempt);
      exercises.set(attempt, new Map());
    } else {
      expectSame('attempt', attempt, row, ['assessment', 'candidate', 'email'], index);
    }
    const byId = exercises.get(attempt) ?? new Map<string, ExportExercise>();
    let exercise = byId.get(row.exerciseId);
    if (!exercise) {
      const { exerciseId, exerciseVersion, submittedAt, lateMs, reviewState } = row;
      exercise = { exerciseId, exerciseVersion, submittedAt, lateMs, reviewState, total: emptyTotal(), criteria: [] };
      byId.set(row.exerciseId, exercise);
      attempt.exercises.push(exercise);
    } else {
      expectSame('exercise', exercise, row, ['exerciseVersion', 'submittedAt', 'lateMs', 'reviewState'], index);
    }
    const { criterionId, max, preScore, preStatus, finalScore, reviewedBy, reviewedAt } = row;
    if (exercise.criteria.some((c) => c.criterionId === criterionId)) {
      throw new Error(
        `export row ${index} (attempt ${row.attemptId}, exercise ${row.exerciseId}): criterion ${criterionId} appears twice`,
      );
    }
    exercise.criteria.push({ criterionId, max, preScore, preStatus, finalScore, reviewedBy, reviewedAt });
  });
  for (const attempt of attempts.values()) {
    for (const exercise of attempt.exercises) exercise.total = total(exercise.criteria);
  }
  return { generatedAt: generatedAt.toISOString(), attempts: [...attempts.values()] };
}

function expectSame<K extends keyof ExportRow>(
  level: 'attempt' | 'exercise',
  seen: Pick<ExportRow, K>,
  row: ExportRow,
  keys: readonly K[],
  index: number,
): void {
  for (const key of keys) {
    if (seen[key] !== row[key]) {
      throw new Error(
        `export row ${index} (attempt ${row.attemptId}, exercise ${row.exerciseId}): ${key} is ` +
          `${JSON.stringify(row[key])}, but an earlier row of the same ${level} has ${JSON.stringify(seen[key])}`,
      );
    }
  }
}

function emptyTotal(): ExportExercise['total'] {
  return { pre: null, final: null, max: 0 };
}

function total(criteria: readonly ExportCriterion[]): ExportExercise['total'] {
  const scored = criteria.filter((c) => c.preStatus === 'scored' && c.preScore !== null);
  const finals = criteria.map((c) => c.finalScore);
  return {
    pre: scored.length === 0 ? null : scored.reduce((sum, c) => sum + (c.preScore ?? 0), 0),
    final: finals.every((f) => f !== null) ? finals.reduce((sum, f) => sum + f, 0) : null,
    max: criteria.reduce((sum, c) => sum + c.max, 0),
  };
}
