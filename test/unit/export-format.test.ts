import { describe, expect, it } from 'vitest';
import { type ExportRow, plainDecimal, toCsv, toJson } from '../../server/review/export-format.js';
import { parseCsv } from '../helpers/csv.js';

const HEADER =
  'assessment,attempt_id,candidate,email,exercise_id,exercise_version,submitted_at,late_ms,review_state,' +
  'criterion_id,max,pre_score,pre_status,final_score,reviewed_by,reviewed_at';

const COLUMN_KEYS: (keyof ExportRow)[] = [
  'assessment',
  'attemptId',
  'candidate',
  'email',
  'exerciseId',
  'exerciseVersion',
  'submittedAt',
  'lateMs',
  'reviewState',
  'criterionId',
  'max',
  'preScore',
  'preStatus',
  'finalScore',
  'reviewedBy',
  'reviewedAt',
];

function row(overrides: Partial<ExportRow> = {}): ExportRow {
  return {
    assessment: 'Backend engineer',
    attemptId: 'att-1',
    candidate: 'Ada Lovelace',
    email: 'ada@example.com',
    exerciseId: 'booking-overlap',
    exerciseVersion: 'v1a2b3',
    submittedAt: '2025-03-01T10:00:00.000Z',
    lateMs: 0,
    reviewState: 'confirmed',
    criterionId: 'finds-bug',
    max: 4,
    preScore: 3,
    preStatus: 'scored',
    finalScore: 4,
    reviewedBy: 'rev@example.com',
    reviewedAt: '2025-03-02T09:30:00.000Z',
    ...overrides,
  };
}

/** The CSV without its byte order mark, for the tests that are not about it. */
function csv(rows: ExportRow[]): string {
  return toCsv(rows, { bom: false });
}

describe('CSV layout', () => {
  it('has a header of snake_case names in the agreed column order', () => {
    expect(csv([])).toBe(`${HEADER}\r\n`);
  });

  it('writes each field in its column, every record ending in CRLF', () => {
    expect(csv([row(), row({ criterionId: 'explains', preScore: 1, finalScore: 2 })])).toBe(
      `${HEADER}\r\n` +
        'Backend engineer,att-1,Ada Lovelace,ada@example.com,booking-overlap,v1a2b3,2025-03-01T10:00:00.000Z,0,' +
        'confirmed,finds-bug,4,3,scored,4,rev@example.com,2025-03-02T09:30:00.000Z\r\n' +
        'Backend engineer,att-1,Ada Lovelace,ada@example.com,booking-overlap,v1a2b3,2025-03-01T10:00:00.000Z,0,' +
        'confirmed,explains,4,1,scored,2,rev@example.com,2025-03-02T09:30:00.000Z\r\n',
    );
  });

  it('writes null as an empty field', () => {
    const line = csv([
      row({ candidate: null, email: null, preScore: null, finalScore: null, reviewedBy: null, reviewedAt: null }),
    ]).split('\r\n')[1];
    expect(line).toBe(
      'Backend engineer,att-1,,,booking-overlap,v1a2b3,2025-03-01T10:00:00.000Z,0,confirmed,finds-bug,4,,scored,,,',
    );
  });

  it('starts with a UTF-8 byte order mark unless asked not to', () => {
    const bytes = Buffer.from(toCsv([row({ candidate: 'Zoë Åberg' })]), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').startsWith(HEADER)).toBe(true);
    expect(toCsv([], { bom: false }).startsWith('assessment')).toBe(true);
  });

  it('writes numbers as plain decimals', () => {
    expect([1e21, 1.5e-7, -2.5e-7, 0.5, -0, 123456789, 4.2e25].map((n) => plainDecimal(n))).toEqual([
      '1000000000000000000000',
      '0.00000015',
      '-0.00000025',
      '0.5',
      '0',
      '123456789',
      '42000000000000000000000000',
    ]);
    expect(csv([row({ lateMs: 1e21 })]).split('\r\n')[1]).toContain(',1000000000000000000000,');
  });
});

describe('CSV quoting', () => {
  it('quotes a name holding a comma, a quote or a line break, doubling the quotes', () => {
    const fields = (candidate: string) =>
      csv([row({ candidate })])
        .split(',att-1,')[1]
        ?.split(',ada@')[0];
    expect(fields('Lovelace, Ada')).toBe('"Lovelace, Ada"');
    expect(fields('Ada "the Countess" L')).toBe('"Ada ""the Countess"" L"');
    expect(fields('Ada\nLovelace')).toBe('"Ada\nLovelace"');
    expect(fields('Ada\r\nLovelace')).toBe('"Ada\r\nLovelace"');
    expect(fields('Ada Lovelace')).toBe('Ada Lovelace');
  });
});

describe('security: formula injection', () => {
  const candidateField = (candidate: string) => parseCsv(csv([row({ candidate })]))[1]?.[2];

  it('neutralises a candidate name that a spreadsheet would run as a formula', () => {
    expect(candidateField("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(candidateField('+1')).toBe("'+1");
    expect(candidateField('-2+3')).toBe("'-2+3");
    expect(candidateField("@SUM(1+9)*cmd|' /C calc'!A0")).toBe("'@SUM(1+9)*cmd|' /C calc'!A0");
    expect(candidateField('\t=1+1')).toBe("'\t=1+1");
    expect(candidateField('\r=1+1')).toBe("'\r=1+1");
    expect(candidateField('\0=1+1')).toBe("'\0=1+1");
  });

  it('a CR-led name is both neutralised and quoted', () => {
    expect(csv([row({ candidate: '\r=1' })])).toContain(`,"'\r=1",`);
  });

  it('text that looks like a negative number is text; a negative number is a number', () => {
    const [, line] = parseCsv(csv([row({ candidate: '-2', lateMs: -2 })]));
    expect(line?.[2]).toBe("'-2");
    expect(line?.[7]).toBe('-2');
  });

  it('leaves a formula character inside a name alone', () => {
    expect(candidateField('Ada = Lovelace + @home')).toBe('Ada = Lovelace + @home');
  });

  it('neutralises every text field, not only the name', () => {
    const [, line] = parseCsv(
      csv([row({ email: '=HYPERLINK("http://x")', reviewedBy: '+evil', criterionId: '@c', assessment: '-a' })]),
    );
    expect(line?.[0]).toBe("'-a");
    expect(line?.[3]).toBe('\'=HYPERLINK("http://x")');
    expect(line?.[9]).toBe("'@c");
    expect(line?.[14]).toBe("'+evil");
  });
});

describe('CSV parse-back', () => {
  it('an independent RFC 4180 reader gets every value back', () => {
    const nasty = [
      'Lovelace, Ada',
      'say "hi"',
      'two\nlines',
      'crlf\r\ninside',
      '=1+1',
      '-2+3',
      'trailing,',
      '"',
      '',
      'Zoë 🙂',
    ];
    const rows = nasty.map((candidate, k) =>
      row({ candidate, attemptId: `att-${k}`, lateMs: k * -1500, preScore: k % 3 === 0 ? null : k / 2 }),
    );
    const [header, ...records] = parseCsv(toCsv(rows).slice(1));
    expect(header?.join(',')).toBe(HEADER);
    expect(records).toHaveLength(rows.length);
    records.forEach((record, k) => {
      const original = rows[k] as ExportRow;
      const expected = COLUMN_KEYS.map((key) => original[key]).map((value) => {
        if (value === null) return '';
        if (typeof value === 'number') return String(value);
        return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
      });
      expect(record).toEqual(expected);
    });
  });
});

describe('CSV bad input', () => {
  it('refuses a number that is not finite, naming the row and field', () => {
    expect(() => csv([row(), row({ finalScore: Number.NaN })])).toThrow('row 1, finalScore: NaN cannot be exported');
    expect(() => csv([row({ lateMs: Number.POSITIVE_INFINITY })])).toThrow(
      'row 0, lateMs: Infinity cannot be exported',
    );
  });

  it('refuses a value of the wrong kind', () => {
    const bad = { ...row(), candidate: { name: 'x' } } as unknown as ExportRow;
    expect(() => csv([bad])).toThrow('row 0, candidate: expected text, a number or null, got object');
  });
});

describe('JSON export', () => {
  const at = new Date('2025-03-03T12:00:00.000Z');

  it('nests rows as attempt → exercise → criterion, in the order first seen', () => {
    const doc = toJson(
      [
        row({ attemptId: 'att-2', candidate: 'Grace', email: null, criterionId: 'a' }),
        row({ attemptId: 'att-1', exerciseId: 'team-invitations', criterionId: 'x', lateMs: 60000 }),
        row({ attemptId: 'att-2', candidate: 'Grace', email: null, criterionId: 'b' }),
        row({ attemptId: 'att-1', criterionId: 'y' }),
      ],
      at,
    );
    expect(doc.generatedAt).toBe('2025-03-03T12:00:00.000Z');
    expect(
      doc.attempts.map((a) => [
        a.attemptId,
        a.candidate,
        a.exercises.map((e) => [e.exerciseId, e.lateMs, e.criteria.map((c) => c.criterionId)]),
      ]),
    ).toEqual([
      ['att-2', 'Grace', [['booking-overlap', 0, ['a', 'b']]]],
      [
        'att-1',
        'Ada Lovelace',
        [
          ['team-invitations', 60000, ['x']],
          ['booking-overlap', 0, ['y']],
        ],
      ],
    ]);
  });

  it('keeps every field of a row', () => {
    const doc = toJson([row()], at);
    expect(doc).toEqual({
      generatedAt: '2025-03-03T12:00:00.000Z',
      attempts: [
        {
          attemptId: 'att-1',
          assessment: 'Backend engineer',
          candidate: 'Ada Lovelace',
          email: 'ada@example.com',
          exercises: [
            {
              exerciseId: 'booking-overlap',
              exerciseVersion: 'v1a2b3',
              submittedAt: '2025-03-01T10:00:00.000Z',
              lateMs: 0,
              reviewState: 'confirmed',
              total: { pre: 3, final: 4, max: 4 },
              criteria: [
                {
                  criterionId: 'finds-bug',
                  max: 4,
                  preScore: 3,
                  preStatus: 'scored',
                  finalScore: 4,
                  reviewedBy: 'rev@example.com',
                  reviewedAt: '2025-03-02T09:30:00.000Z',
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it('totals the scored pre-grades, and the final scores once every criterion has one', () => {
    const totals = (rows: ExportRow[]) => toJson(rows, at).attempts[0]?.exercises[0]?.total;
    expect(
      totals([
        row({ criterionId: 'a', max: 4, preScore: 3, finalScore: 4 }),
        row({ criterionId: 'b', max: 2, preScore: 1, finalScore: 0 }),
        row({ criterionId: 'c', max: 5, preScore: 0, preStatus: 'pending', finalScore: 5 }),
        row({ criterionId: 'd', max: 3, preScore: null, preStatus: 'failed', finalScore: 1 }),
      ]),
    ).toEqual({ pre: 4, final: 10, max: 14 });
    expect(
      totals([
        row({ criterionId: 'a', max: 4, preScore: 3, finalScore: 4 }),
        row({ criterionId: 'b', max: 2, preScore: 2, finalScore: null }),
      ]),
    ).toEqual({ pre: 5, final: null, max: 6 });
    expect(totals([row({ max: 2, preScore: 0, preStatus: 'pending', finalScore: 0 })])).toEqual({
      pre: null,
      final: 0,
      max: 2,
    });
  });

  it('keeps candidate text as it is: JSON is not opened by spreadsheets', () => {
    const doc = toJson([row({ candidate: '=cmd|x' })], at);
    expect(doc.attempts[0]?.candidate).toBe('=cmd|x');
  });

  it('refuses rows of one attempt or exercise that disagree', () => {
    expect(() => toJson([row({ criterionId: 'a' }), row({ criterionId: 'b', candidate: 'Grace' })], at)).toThrow(
      'export row 1 (attempt att-1, exercise booking-overlap): candidate is "Grace", but an earlier row of the same attempt has "Ada Lovelace"',
    );
    expect(() => toJson([row({ criterionId: 'a' }), row({ criterionId: 'b', lateMs: 5 })], at)).toThrow(
      'lateMs is 5, but an earlier row of the same exercise has 0',
    );
  });

  it('refuses a criterion listed twice for one exercise', () => {
    expect(() => toJson([row(), row()], at)).toThrow('criterion finds-bug appears twice');
  });

  it('refuses an invalid date', () => {
    expect(() => toJson([], new Date('nope'))).toThrow('generatedAt is not a valid date');
  });
});
